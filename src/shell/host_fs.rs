//! The learner's machine: an Ubuntu-like root filesystem (read-only base, built once) under
//! the host's own writable tree kept in the world, seen through a union view. The shell's
//! file commands (`ls`, `cat`, `echo > f`, `mkdir`) work on it; bind mounts and build
//! contexts read it.
//!
//! Invariant: the base never changes; everything the learner writes lands in the world's
//! host tree, so replaying the same lines rebuilds the same files.

use std::sync::OnceLock;

use crate::engine::clock::Time;
use crate::unix::fs::{Data, Entry, Layer, Meta, Node};

/// The learner's user.
pub const USER: &str = "aluno";
pub const HOME: &str = "/home/aluno";
pub const UID: u32 = 1000;

/// GNU tools on the host (Ubuntu's coreutils, grep, procps…), as `gnu:NAME` programs.
const TOOLS: &[&str] = &[
    "basename", "cat", "chmod", "cp", "cut", "date", "dirname", "echo", "env", "false", "grep",
    "egrep", "fgrep", "head", "hostname", "id", "kill", "ln", "ls", "mkdir", "mv", "nohup",
    "printenv", "printf", "ps", "pwd", "rm", "rmdir", "seq", "sleep", "sort", "stat", "tail",
    "tee", "test", "touch", "tr", "true", "uname", "uniq", "wc", "which", "whoami", "xargs",
    "yes", "[",
];

fn dir(l: &mut Layer, path: &str, mode: u32, uid: u32) {
    l.put(path, Entry::Node(Node::Dir { meta: Meta { mode, uid, gid: uid, mtime: Time::START } }));
}

fn file(l: &mut Layer, path: &str, text: &str) {
    l.put(path, Entry::Node(Node::File { meta: Meta::root(0o644, Time::START), data: Data::text(text) }));
}

fn exe(l: &mut Layer, path: &str, program: &str) {
    l.put(path, Entry::Node(Node::File { meta: Meta::root(0o755, Time::START), data: Data::Program(program.into()) }));
}

fn build() -> Layer {
    let mut l = Layer::new();
    for d in ["/", "/boot", "/dev", "/etc", "/home", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/srv", "/sys", "/usr", "/usr/bin", "/usr/lib", "/usr/local", "/usr/local/bin", "/usr/sbin", "/var", "/var/lib", "/var/lib/docker", "/var/log"] {
        dir(&mut l, d, if d == "/root" { 0o700 } else { 0o755 }, 0);
    }
    dir(&mut l, "/tmp", 0o1777, 0);
    dir(&mut l, HOME, 0o750, UID);
    for (link, target) in [("/bin", "usr/bin"), ("/sbin", "usr/sbin"), ("/lib", "usr/lib")] {
        l.put(link, Entry::Node(Node::Symlink { meta: Meta::root(0o777, Time::START), target: target.into() }));
    }
    exe(&mut l, "/usr/bin/bash", "bash");
    exe(&mut l, "/usr/bin/dash", "dash");
    l.put("/usr/bin/sh", Entry::Node(Node::Symlink { meta: Meta::root(0o777, Time::START), target: "dash".into() }));
    for t in TOOLS {
        exe(&mut l, &format!("/usr/bin/{t}"), &format!("gnu:{t}"));
    }
    exe(&mut l, "/usr/bin/curl", "curl");
    file(&mut l, "/etc/hostname", "doca\n");
    file(
        &mut l,
        "/etc/os-release",
        "PRETTY_NAME=\"Ubuntu 24.04.2 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nVERSION=\"24.04.2 LTS (Noble Numbat)\"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL=\"https://www.ubuntu.com/\"\nSUPPORT_URL=\"https://help.ubuntu.com/\"\nBUG_REPORT_URL=\"https://bugs.launchpad.net/ubuntu/\"\nPRIVACY_POLICY_URL=\"https://www.ubuntu.com/legal/terms-and-policies/privacy-policy\"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n",
    );
    file(
        &mut l,
        "/etc/passwd",
        "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\naluno:x:1000:1000:Aluno:/home/aluno:/bin/bash\n",
    );
    file(
        &mut l,
        "/etc/group",
        "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:aluno\nsudo:x:27:aluno\nusers:x:100:\nnogroup:x:65534:\naluno:x:1000:\ndocker:x:999:aluno\n",
    );
    l
}

/// The host's read-only base layer.
pub fn base() -> &'static Layer {
    static BASE: OnceLock<Layer> = OnceLock::new();
    BASE.get_or_init(build)
}
