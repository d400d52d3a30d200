//! Test helpers for image programs: root file systems shaped like the catalog's images
//! (only the files the programs look at), and spawning a process over them.
//!
//! Invariant: test-only; everything is deterministic.

use crate::engine::clock::Time;
use crate::unix::fs::{Layer, Meta, Node};
use crate::unix::process::{Process, SpawnOpts, Stream};
use crate::unix::testing::{SimpleSys, busybox_rootfs, debian_rootfs};

pub const T0: Time = Time::START;

pub fn argv(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Debian 12 with `/etc/os-release` and extra users.
pub fn debian(users: &str) -> Layer {
    let mut l = debian_rootfs(T0);
    l.file("/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n", T0);
    let passwd = format!("root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n{users}");
    l.file("/etc/passwd", &passwd, T0);
    l.dir("/usr/local", T0).dir("/usr/local/bin", T0).dir("/usr/sbin", T0).dir("/run", T0).symlink("/var/run", "/run", T0);
    l
}

/// Alpine-like (busybox) with `/etc/os-release`.
pub fn alpine() -> Layer {
    let mut l = busybox_rootfs(T0);
    l.file("/etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.21.3\n", T0);
    l.dir("/usr/local", T0).dir("/usr/local/bin", T0).dir("/usr/sbin", T0).dir("/run", T0).symlink("/var/run", "/run", T0);
    l
}

/// A directory owned by `uid` with `mode`.
pub fn owned_dir(l: &mut Layer, path: &str, uid: u32, mode: u32) {
    l.put_node(path, Node::Dir { meta: Meta { mode, uid, gid: uid, mtime: T0 } });
}

pub const PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// Spawns `argv` as the container's PID 1 with `PATH` and `env`.
pub fn spawn(sys: &mut SimpleSys<'_>, args: &[&str], env: &[(&str, &str)], tty: bool) -> Process {
    spawn_in(sys, "/", args, env, tty)
}

/// Like [`spawn`], in working directory `cwd`.
pub fn spawn_in(sys: &mut SimpleSys<'_>, cwd: &str, args: &[&str], env: &[(&str, &str)], tty: bool) -> Process {
    let mut opts = SpawnOpts::default();
    opts.cwd = cwd.to_string();
    let path = env.iter().find(|(k, _)| *k == "PATH").map_or(PATH, |(_, v)| *v);
    opts.env = vec![("PATH".into(), path.into())];
    opts.env.extend(env.iter().filter(|(k, _)| *k != "PATH").map(|(k, v)| (k.to_string(), v.to_string())));
    opts.tty = tty;
    opts.stdin_open = tty;
    match Process::spawn(argv(args), opts, sys) {
        Ok(p) => p,
        Err(e) => panic!("spawn {args:?}: {e:?}"),
    }
}

/// What was written to `stream` since `from` (an index into the output records).
pub fn text_since(sys: &SimpleSys<'_>, stream: Stream, from: usize) -> String {
    sys.output.iter().skip(from).filter(|o| o.1 == stream).map(|o| o.2.as_str()).collect()
}
