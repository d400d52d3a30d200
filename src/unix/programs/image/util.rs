//! Small helpers the image programs share: argv parsing bits, reading text files, the
//! distribution an image is built on, `/etc/passwd` lookups, creating files and
//! directories owned by a service user.
//!
//! Invariant: helpers never panic on a missing or malformed file; they return `None`
//! or do nothing.

use crate::unix::fs::{Cred, Data, Kind, Meta, Node};
use crate::unix::process::io::Io;

/// Base name of `argv[0]` (`/usr/local/bin/redis-server` → `redis-server`).
pub fn base(argv: &[String]) -> &str {
    let a0 = argv.first().map(String::as_str).unwrap_or("");
    a0.rsplit('/').next().unwrap_or(a0)
}

/// The text of a regular file, read as `cred`.
pub fn read_text(io: &mut Io<'_>, path: &str) -> Option<String> {
    let abs = io.abs(path);
    let cred = io.cred;
    match io.fs().read(&abs, cred) {
        Ok(Data::Bytes(b)) => Some(String::from_utf8_lossy(&b).into_owned()),
        Ok(_) => Some(String::new()),
        Err(_) => None,
    }
}

/// Whether `path` exists (following links) and is of `kind` (any kind if `None`).
pub fn exists(io: &mut Io<'_>, path: &str, kind: Option<Kind>) -> bool {
    let abs = io.abs(path);
    match io.fs().stat(&abs) {
        Ok(st) => kind.is_none_or(|k| st.kind == k),
        Err(_) => false,
    }
}

/// Names in a directory (sorted), empty if it cannot be read.
pub fn list_dir(io: &mut Io<'_>, path: &str) -> Vec<String> {
    let abs = io.abs(path);
    let cred = io.cred;
    io.fs().readdir(&abs, cred).unwrap_or_default()
}

/// The distribution of the image, from `ID=` in `/etc/os-release`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Distro {
    Debian,
    Ubuntu,
    Alpine,
    OracleLinux,
    Other,
}

pub fn distro(io: &mut Io<'_>) -> Distro {
    let text = read_text(io, "/etc/os-release").unwrap_or_default();
    let id = text
        .lines()
        .find_map(|l| l.strip_prefix("ID="))
        .map(|v| v.trim_matches('"').to_string())
        .unwrap_or_default();
    match id.as_str() {
        "debian" => Distro::Debian,
        "ubuntu" => Distro::Ubuntu,
        "alpine" => Distro::Alpine,
        "ol" => Distro::OracleLinux,
        _ => Distro::Other,
    }
}

/// One `/etc/passwd` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    pub home: String,
}

impl User {
    pub fn cred(&self) -> Cred {
        Cred { uid: self.uid, gid: self.gid }
    }
}

fn users(io: &mut Io<'_>) -> Vec<User> {
    let text = read_text(io, "/etc/passwd").unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            if f.len() < 7 {
                return None;
            }
            Some(User { name: f[0].to_string(), uid: f[2].parse().ok()?, gid: f[3].parse().ok()?, home: f[5].to_string() })
        })
        .collect()
}

/// The user named `name`.
pub fn user(io: &mut Io<'_>, name: &str) -> Option<User> {
    users(io).into_iter().find(|u| u.name == name)
}

/// The user with `uid`.
pub fn user_by_uid(io: &mut Io<'_>, uid: u32) -> Option<User> {
    users(io).into_iter().find(|u| u.uid == uid)
}

/// The gid of group `name` in `/etc/group`.
pub fn group_gid(io: &mut Io<'_>, name: &str) -> Option<u32> {
    let text = read_text(io, "/etc/group").unwrap_or_default();
    text.lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        (f.len() >= 3 && f[0] == name).then(|| f[2].parse().ok()).flatten()
    })
}

/// Creates directory `path` (and missing parents, root-owned 0755) as root, then gives it
/// to `owner` with `mode`. Existing directories are left as they are.
pub fn mkdir_owned(io: &mut Io<'_>, path: &str, owner: Cred, mode: u32) {
    let now = io.now;
    let abs = crate::unix::fs::path::normalize("/", path);
    let mut cur = String::new();
    let parts: Vec<String> = crate::unix::fs::path::components(&abs).iter().map(|s| s.to_string()).collect();
    for (i, part) in parts.iter().enumerate() {
        cur.push('/');
        cur.push_str(part);
        if io.fs().stat(&cur).is_ok() {
            continue;
        }
        let meta = if i + 1 == parts.len() {
            Meta { mode, uid: owner.uid, gid: owner.gid, mtime: now }
        } else {
            Meta::root(0o755, now)
        };
        let _ = io.fs().create(&cur, Node::Dir { meta }, Cred::ROOT, now);
    }
}

/// Writes a whole file as `cred` (created with mode 0600 when `private`).
pub fn write_file(io: &mut Io<'_>, path: &str, content: &str, cred: Cred, private: bool) -> bool {
    let now = io.now;
    let abs = io.abs(path);
    let fresh = io.fs().stat(&abs).is_err();
    let ok = io.fs().write(&abs, content.as_bytes(), false, cred, now).is_ok();
    if ok && fresh && private {
        let _ = io.fs().set_meta(&abs, true, Cred::ROOT, &mut |m| m.mode = 0o600);
    }
    ok
}

/// Creates a file of nominal size (a database file) owned by `cred`, mode 0600.
pub fn write_blob(io: &mut Io<'_>, path: &str, size: u64, cred: Cred) {
    let now = io.now;
    let abs = io.abs(path);
    if io.fs().stat(&abs).is_ok() {
        return;
    }
    let node = Node::File { meta: Meta { mode: 0o600, uid: cred.uid, gid: cred.gid, mtime: now }, data: Data::Blob(size) };
    let _ = io.fs().create(&abs, node, Cred::ROOT, now);
}

/// Removes a file, ignoring errors.
pub fn remove(io: &mut Io<'_>, path: &str) {
    let now = io.now;
    let abs = io.abs(path);
    let _ = io.fs().unlink(&abs, Cred::ROOT, now);
}

/// A stable small number derived from `text` (FNV-1a), for IDs that must look random
/// but stay deterministic (a registry's instance ID, a Git SHA).
pub fn stable_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A UUID-shaped deterministic identifier from `seed`.
pub fn stable_uuid(seed: &str) -> String {
    let a = stable_hash(seed);
    let b = stable_hash(&format!("{seed}#2"));
    let hex = format!("{a:016x}{b:016x}");
    format!("{}-{}-4{}-a{}-{}", &hex[0..8], &hex[8..12], &hex[13..16], &hex[17..20], &hex[20..32])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_shape_is_stable() {
        let u = stable_uuid("abc");
        assert_eq!(u.len(), 36);
        assert_eq!(u, stable_uuid("abc"));
        assert_ne!(u, stable_uuid("abd"));
        assert_eq!(base(&["/usr/local/bin/redis-cli".to_string()]), "redis-cli");
    }
}
