//! The seam between the container runtime and the userland that runs inside containers:
//! spawn a process against a container's filesystem, run it on the simulated clock, deliver
//! signals, feed its stdin. The runtime only talks to processes through this module, which
//! implements the userland's [`Sys`] for a container.
//!
//! Invariant: a `Proc` never reads the wall clock; everything it does happens at or before
//! the `until` it is given.

use super::clock::{Span, Time};
use super::model::container::{LogEntry, LogStream};
use crate::unix::fs::{Cred, Fs};
use crate::unix::process::{
    KernelInfo, ProcInfo, Process, RunStatus, Signal, SignalEffect, SpawnError, SpawnOpts, Stream, Sys,
};

/// What a running process needs from its container.
pub struct ProcCtx<'a> {
    pub now: Time,
    pub fs: &'a mut dyn Fs,
    /// Where output goes (the container's log for the main process).
    pub out: &'a mut Vec<LogEntry>,
    pub hostname: &'a str,
    pub kernel: &'a str,
    /// The container's processes, for `ps`.
    pub processes: Vec<ProcInfo>,
    /// The network as the container sees it.
    pub net: Option<super::net::NetCtx<'a>>,
}

/// Upper bound on what one container's log keeps (oldest lines go first), so a process
/// printing in a loop can't exhaust memory.
const LOG_CAP_BYTES: usize = 2 << 20;

impl Sys for ProcCtx<'_> {
    fn now(&self) -> Time {
        self.now
    }
    fn fs(&mut self) -> &mut dyn Fs {
        self.fs
    }
    fn write(&mut self, at: Time, stream: Stream, text: &str) {
        let stream = match stream {
            Stream::Stdout => LogStream::Stdout,
            Stream::Stderr => LogStream::Stderr,
        };
        match self.out.last_mut() {
            Some(last) if last.at == at && last.stream == stream && !last.text.ends_with('\n') => {
                last.text.push_str(text)
            }
            _ => self.out.push(LogEntry { at, stream, text: text.to_string() }),
        }
        let total: usize = self.out.iter().map(|e| e.text.len()).sum();
        if total > LOG_CAP_BYTES {
            let mut excess = total - LOG_CAP_BYTES;
            let mut drop = 0;
            for e in self.out.iter() {
                if excess == 0 {
                    break;
                }
                excess = excess.saturating_sub(e.text.len());
                drop += 1;
            }
            self.out.drain(..drop);
        }
    }
    fn hostname(&self) -> String {
        self.hostname.to_string()
    }
    fn kernel(&self) -> KernelInfo {
        KernelInfo { release: self.kernel.to_string(), ..KernelInfo::default() }
    }
    fn processes(&self) -> Vec<ProcInfo> {
        self.processes.clone()
    }
    fn resolve(&mut self, name: &str) -> crate::unix::net::Resolved {
        super::net::local::resolve(self.fs, &mut self.net, name)
    }
    fn ping(&mut self, addr: &str) -> Result<crate::unix::net::Pong, crate::unix::net::NetError> {
        let seq = self.out.len() as u32;
        super::net::local::ping(&mut self.net, self.now, addr, seq)
    }
    fn exchange(
        &mut self,
        addr: &str,
        port: u16,
        payload: crate::unix::net::Payload,
    ) -> Result<crate::unix::net::Reply, crate::unix::net::NetError> {
        super::net::local::exchange(self.fs, &mut self.net, &self.processes, self.out, self.now, addr, port, payload)
    }
}

/// Where a process stands after running.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcStatus {
    Exited(i32),
    /// Will do more at `wake`.
    Sleeping(Time),
    /// Runs until signalled (a server, `sleep infinity`).
    Blocked,
    /// Waits for a line on its stdin (interactive shell).
    WaitingInput,
}

/// Why a process could not start (runc's error; exit code 127, 126 or unknown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpawnFailure {
    /// `exec: "x": executable file not found in $PATH`
    NotInPath(String),
    /// `exec: "/x": stat /x: no such file or directory`
    NoSuchFile(String),
    /// `exec: "/etc/passwd": permission denied`
    PermissionDenied(String),
    /// `exec: "/etc": is a directory`
    IsDirectory(String),
    /// `exec format error`
    ExecFormat(String),
    /// `-u` names a user the image does not have.
    NoSuchUser(String),
}

impl SpawnFailure {
    /// The exit code Docker records on the container.
    pub fn exit_code(&self) -> i32 {
        match self {
            SpawnFailure::NotInPath(_) | SpawnFailure::NoSuchFile(_) => 127,
            SpawnFailure::PermissionDenied(_) | SpawnFailure::IsDirectory(_) => 126,
            SpawnFailure::ExecFormat(_) | SpawnFailure::NoSuchUser(_) => 128,
        }
    }

    fn inner(&self) -> String {
        match self {
            SpawnFailure::NotInPath(p) => format!("exec: \"{p}\": executable file not found in $PATH"),
            SpawnFailure::NoSuchFile(p) => format!("exec: \"{p}\": stat {p}: no such file or directory"),
            SpawnFailure::PermissionDenied(p) => format!("exec: \"{p}\": permission denied"),
            SpawnFailure::IsDirectory(p) => format!("exec: \"{p}\": is a directory"),
            SpawnFailure::ExecFormat(p) => format!("exec {p}: exec format error"),
            SpawnFailure::NoSuchUser(u) => format!("unable to find user {u}: no matching entries in passwd file"),
        }
    }

    /// dockerd appends this to is-a-directory errors so clients exit with 126.
    fn suffix(&self) -> &'static str {
        if matches!(self, SpawnFailure::IsDirectory(_)) { ": permission denied" } else { "" }
    }

    /// The daemon's message for a failed container start.
    pub fn message(&self) -> String {
        if let SpawnFailure::NoSuchUser(_) = self {
            return self.inner();
        }
        format!(
            "failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: {}{}",
            self.inner(),
            self.suffix()
        )
    }

    /// The daemon's message for `docker exec`.
    pub fn exec_message(&self) -> String {
        if let SpawnFailure::NoSuchUser(_) = self {
            return self.inner();
        }
        format!(
            "OCI runtime exec failed: exec failed: unable to start container process: {}{}",
            self.inner(),
            self.suffix()
        )
    }
}

/// What a signal did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignalOutcome {
    Exited(i32),
    Ignored,
}

/// How to start a process.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpawnSpec {
    pub argv: Vec<String>,
    /// `KEY=value`, in order.
    pub env: Vec<String>,
    pub cwd: String,
    /// `-u`: `name`, `uid`, `uid:gid` or `name:group`; empty = root.
    pub user: String,
    pub tty: bool,
    pub stdin_open: bool,
    /// The container's main process (PID 1 in its namespace).
    pub pid1: bool,
}

/// A process in a container.
#[derive(Clone, Debug)]
pub struct Proc {
    inner: Process,
}

/// A line of `/etc/passwd` or `/etc/group` split in fields.
fn db_lookup(fs: &dyn Fs, file: &str, key: &str) -> Option<Vec<String>> {
    let data = fs.read(file, Cred::ROOT).ok()?.bytes();
    let text = String::from_utf8_lossy(&data);
    text.lines()
        .map(|l| l.split(':').map(str::to_string).collect::<Vec<_>>())
        .find(|f| f.len() >= 3 && (f[0] == key || f[2] == key))
}

/// Resolves `-u` against the container's `/etc/passwd` and `/etc/group`: (uid, gid, home).
fn resolve_user(fs: &dyn Fs, user: &str) -> Result<(u32, u32, String), SpawnFailure> {
    if user.is_empty() {
        return Ok((0, 0, "/root".into()));
    }
    let (u, g) = user.split_once(':').map_or((user, None), |(u, g)| (u, Some(g)));
    let entry = db_lookup(fs, "/etc/passwd", u);
    let (uid, mut gid, home) = match (&entry, u.parse::<u32>()) {
        (Some(f), _) => (
            f[2].parse().unwrap_or(0),
            f.get(3).and_then(|g| g.parse().ok()).unwrap_or(0),
            f.get(5).cloned().unwrap_or_else(|| "/".into()),
        ),
        // A numeric user missing from /etc/passwd runs with group 0 (runc's default).
        (None, Ok(n)) => (n, 0, "/".into()),
        (None, Err(_)) => return Err(SpawnFailure::NoSuchUser(u.to_string())),
    };
    if let Some(g) = g {
        gid = match g.parse::<u32>() {
            Ok(n) => n,
            Err(_) => db_lookup(fs, "/etc/group", g)
                .and_then(|f| f[2].parse().ok())
                .ok_or_else(|| SpawnFailure::NoSuchUser(user.to_string()))?,
        };
    }
    Ok((uid, gid, home))
}

fn status_of(r: RunStatus, now: Time) -> ProcStatus {
    match r {
        RunStatus::Exited(c) => ProcStatus::Exited(c),
        // A busy process keeps the CPU: it gets another slice a second later (the
        // simulation trades its speed for the app's responsiveness).
        RunStatus::Running => ProcStatus::Sleeping(now + Span::secs(1)),
        RunStatus::Sleeping { wake } => ProcStatus::Sleeping(wake),
        RunStatus::Blocked => ProcStatus::Blocked,
        RunStatus::WaitingInput => ProcStatus::WaitingInput,
    }
}

impl Proc {
    pub fn spawn(spec: &SpawnSpec, ctx: &mut ProcCtx) -> Result<Proc, SpawnFailure> {
        let (uid, gid, home) = resolve_user(ctx.fs, &spec.user)?;
        let mut env: Vec<(String, String)> = spec
            .env
            .iter()
            .map(|kv| match kv.split_once('=') {
                Some((k, v)) => (k.to_string(), v.to_string()),
                None => (kv.clone(), String::new()),
            })
            .collect();
        if !env.iter().any(|(k, _)| k == "HOME") {
            env.push(("HOME".into(), home));
        }
        let opts = SpawnOpts {
            env,
            cwd: if spec.cwd.is_empty() { "/".into() } else { spec.cwd.clone() },
            cred: Cred { uid, gid },
            tty: spec.tty,
            stdin_open: spec.stdin_open,
            pid: if spec.pid1 { 1 } else { 7 + ctx.processes.len() as u32 },
        };
        match Process::spawn(spec.argv.clone(), opts, ctx) {
            Ok(inner) => Ok(Proc { inner }),
            Err(SpawnError::Empty) => Err(SpawnFailure::NotInPath(String::new())),
            Err(SpawnError::NotFound { name, in_path: true }) => Err(SpawnFailure::NotInPath(name)),
            Err(SpawnError::NotFound { name, in_path: false }) => Err(SpawnFailure::NoSuchFile(name)),
            Err(SpawnError::PermissionDenied(p)) => Err(SpawnFailure::PermissionDenied(p)),
            Err(SpawnError::IsDirectory(p)) => Err(SpawnFailure::IsDirectory(p)),
            Err(SpawnError::ExecFormat(p)) => Err(SpawnFailure::ExecFormat(p)),
        }
    }

    pub fn run(&mut self, ctx: &mut ProcCtx, until: Time) -> ProcStatus {
        let r = self.inner.run(ctx, until);
        status_of(r, ctx.now)
    }

    pub fn signal(&mut self, sig: u8, ctx: &mut ProcCtx) -> SignalOutcome {
        match self.inner.signal(Signal(u32::from(sig)), ctx) {
            SignalEffect::Exited(c) => SignalOutcome::Exited(c),
            SignalEffect::Ignored | SignalEffect::Handled => SignalOutcome::Ignored,
        }
    }

    /// Ctrl+C from the attached terminal.
    pub fn interrupt(&mut self, ctx: &mut ProcCtx) -> SignalOutcome {
        match self.inner.interrupt(ctx) {
            SignalEffect::Exited(c) => SignalOutcome::Exited(c),
            _ => SignalOutcome::Ignored,
        }
    }

    pub fn feed_stdin(&mut self, data: &str) {
        self.inner.feed_stdin(data);
    }

    pub fn close_stdin(&mut self) {
        self.inner.close_stdin();
    }

    /// Ctrl+D on the terminal the process reads (a tty: stdin stays open).
    pub fn end_of_input(&mut self) {
        self.inner.end_of_input();
    }

    /// The command line as `ps` shows it.
    pub fn command_line(&self) -> String {
        self.inner.command_line()
    }

    /// Every live process (PID in the container, command line): the main one and its children.
    pub fn processes(&self) -> Vec<(u32, String)> {
        self.inner.processes()
    }

    /// An interactive shell's prompt when it waits for a line.
    pub fn prompt(&self, hostname: &str) -> Option<String> {
        self.inner.prompt(hostname)
    }
}
