//! Ready-made pieces for tests and for embedders getting started: a [`SimpleSys`] that
//! records output over a [`UnionFs`], and minimal root file systems shaped like the
//! busybox image and a Debian image (the catalog defines the real ones).
//!
//! Invariant: these helpers are deterministic; `SimpleSys` never fails a write.

use crate::engine::clock::Time;
use crate::unix::fs::{Fs, Layer, UnionFs};
use crate::unix::process::{KernelInfo, ProcInfo, Stream, Sys};

/// A [`Sys`] over a union view that records every write with its time.
pub struct SimpleSys<'a> {
    pub fs: UnionFs<'a>,
    pub now: Time,
    pub hostname: String,
    pub output: Vec<(Time, Stream, String)>,
    pub procs: Vec<ProcInfo>,
}

impl<'a> SimpleSys<'a> {
    pub fn new(fs: UnionFs<'a>, now: Time) -> SimpleSys<'a> {
        SimpleSys { fs, now, hostname: "0123456789ab".into(), output: Vec::new(), procs: Vec::new() }
    }
    /// All text written to `stream`.
    pub fn text(&self, stream: Stream) -> String {
        self.output.iter().filter(|o| o.1 == stream).map(|o| o.2.as_str()).collect()
    }
    pub fn stdout(&self) -> String {
        self.text(Stream::Stdout)
    }
    pub fn stderr(&self) -> String {
        self.text(Stream::Stderr)
    }
}

impl Sys for SimpleSys<'_> {
    fn now(&self) -> Time {
        self.now
    }
    fn fs(&mut self) -> &mut dyn Fs {
        &mut self.fs
    }
    fn write(&mut self, at: Time, stream: Stream, text: &str) {
        self.output.push((at, stream, text.to_string()));
    }
    fn hostname(&self) -> String {
        self.hostname.clone()
    }
    fn kernel(&self) -> KernelInfo {
        KernelInfo::default()
    }
    fn processes(&self) -> Vec<ProcInfo> {
        self.procs.clone()
    }
}

/// Applets linked to `/bin/busybox` in the busybox image.
pub const BUSYBOX_APPLETS: &[&str] = &[
    "sh", "ash", "ls", "cat", "echo", "printf", "sleep", "mkdir", "rmdir", "rm", "cp", "mv", "ln", "touch", "chmod",
    "head", "tail", "wc", "grep", "egrep", "cut", "sort", "uniq", "tr", "tee", "xargs", "seq", "basename", "dirname",
    "env", "printenv", "hostname", "uname", "id", "whoami", "date", "ps", "kill", "pwd", "test", "[", "true", "false",
    "yes", "which", "stat",
];

/// A root file system shaped like the `busybox` image.
pub fn busybox_rootfs(t: Time) -> Layer {
    let mut l = Layer::new();
    l.dir("/bin", t).program("/bin/busybox", "busybox", t);
    for a in BUSYBOX_APPLETS {
        l.symlink(&format!("/bin/{a}"), "busybox", t);
    }
    l.dir("/etc", t)
        .file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n", t)
        .file("/etc/group", "root:x:0:\ndaemon:x:1:\nnogroup:x:65534:\n", t)
        .dir("/root", t)
        .dir("/tmp", t)
        .dir("/home", t)
        .dir("/usr", t)
        .dir("/var", t);
    l
}

/// GNU tools of the Debian-like root file system.
pub const GNU_TOOLS: &[&str] = &[
    "ls", "cat", "echo", "printf", "sleep", "mkdir", "rmdir", "rm", "cp", "mv", "ln", "touch", "chmod", "head", "tail",
    "wc", "grep", "cut", "sort", "uniq", "tr", "tee", "xargs", "seq", "basename", "dirname", "env", "printenv",
    "hostname", "uname", "id", "whoami", "date", "ps", "kill", "pwd", "test", "[", "true", "false", "yes", "which",
    "stat",
];

/// A root file system shaped like `debian` (dash as `/bin/sh`, bash, GNU tools).
pub fn debian_rootfs(t: Time) -> Layer {
    let mut l = Layer::new();
    l.dir("/usr", t).dir("/usr/bin", t).symlink("/bin", "usr/bin", t);
    l.program("/usr/bin/dash", "dash", t).symlink("/usr/bin/sh", "dash", t).program("/usr/bin/bash", "bash", t);
    for a in GNU_TOOLS {
        l.program(&format!("/usr/bin/{a}"), &format!("gnu:{a}"), t);
    }
    l.dir("/etc", t)
        .file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n", t)
        .file("/etc/group", "root:x:0:\nwww-data:x:33:\nnogroup:x:65534:\n", t)
        .dir("/root", t)
        .dir("/tmp", t)
        .dir("/home", t)
        .dir("/var", t);
    l
}

/// Runs `shell -c script` in a container made of `base` (HOME=/root) until it exits or
/// ten simulated seconds pass: (stdout, stderr, status).
pub fn run_script(base: &Layer, shell: &str, script: &str) -> (String, String, crate::unix::process::RunStatus) {
    use crate::engine::clock::Span;
    use crate::unix::process::{Process, SpawnOpts};
    let lowers = [base];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), Time::START);
    let mut opts = SpawnOpts::default();
    opts.env.push(("HOME".into(), "/root".into()));
    let argv = vec![shell.to_string(), "-c".to_string(), script.to_string()];
    match Process::spawn(argv, opts, &mut sys) {
        Ok(mut p) => {
            let st = p.run(&mut sys, Time::START + Span::secs(10));
            (sys.stdout(), sys.stderr(), st)
        }
        Err(e) => (String::new(), format!("{e:?}"), crate::unix::process::RunStatus::Exited(127)),
    }
}
