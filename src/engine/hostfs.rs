//! A host's files as the daemon reaches them: the base (its operating system) under the
//! host's own writable tree. Bind mounts check, create and lend host directories here.
//!
//! Invariant: lending a directory out and giving it back unchanged leaves what the host
//! shows identical; only the writable tree is ever written.

use super::clock::Time;
use super::fs::Tree;
use super::model::host::Host;
use crate::unix::fs::{Cred, Entry, Fs, Node, UnionFs, path};

/// `dir` and everything below it in `base`, rebased so `dir` is `/`.
fn base_subtree(base: &Tree, dir: &str) -> Tree {
    let mut out = Tree::new();
    if let Some(e) = base.get(dir) {
        out.put("/", e.clone());
    }
    for (k, e) in base.below(dir) {
        let key = if dir == "/" { k.clone() } else { k[dir.len()..].to_string() };
        out.put(&key, e.clone());
    }
    out
}

/// The node at `p` as the host shows it (following no links).
pub fn lookup(host: &mut Host, p: &str) -> Option<Node> {
    let lowers: Vec<&Tree> = host.base.into_iter().collect();
    let u = UnionFs::new(&lowers, &mut host.fs);
    u.lookup(p).map(|n| n.into_owned())
}

/// Whether `p` exists on the host (symbolic links followed).
pub fn exists(host: &mut Host, p: &str) -> bool {
    let lowers: Vec<&Tree> = host.base.into_iter().collect();
    let u = UnionFs::new(&lowers, &mut host.fs);
    u.stat(p).is_ok()
}

/// `mkdir -p` as root (what the daemon does for a missing `-v` bind source).
pub fn mkdir_all(host: &mut Host, dir: &str, now: Time) {
    let lowers: Vec<&Tree> = host.base.into_iter().collect();
    let mut u = UnionFs::new(&lowers, &mut host.fs);
    let mut cur = String::new();
    for part in path::components(dir) {
        cur.push('/');
        cur.push_str(part);
        if u.stat(&cur).is_err() && u.create(&cur, Node::dir(now), Cred::ROOT, now).is_err() {
            return;
        }
    }
}

/// Lends the directory `dir` out: its merged content, rebased. With `take`, the entries
/// leave the writable tree until [`give_back`]; otherwise they are copied.
pub fn lend(host: &mut Host, dir: &str, take: bool) -> Tree {
    let upper = if take { host.fs.take_subtree(dir) } else { copy_subtree(&host.fs, dir) };
    merged(host, dir, upper)
}

/// A copy of what the host shows under `dir` (read-only checks, e.g. a lesson's goal).
pub fn snapshot(host: &Host, dir: &str) -> Tree {
    merged(host, dir, copy_subtree(&host.fs, dir))
}

/// `upper` (the learner's changes under `dir`) over the host's base tree there.
fn merged(host: &Host, dir: &str, upper: Tree) -> Tree {
    let Some(base) = host.base else { return strip_markers(upper) };
    let base_part = base_subtree(base, dir);
    let mut upper = upper;
    let lowers = [&base_part];
    let u = UnionFs::new(&lowers, &mut upper);
    let mut paths: Vec<String> = base_part.iter().map(|(k, _)| k.clone()).collect();
    paths.extend(u.upper_paths());
    paths.sort();
    paths.dedup();
    let mut out = Tree::new();
    for p in paths {
        if let Some(n) = u.lookup(&p) {
            out.put_node(&p, n.into_owned());
        }
    }
    out
}

/// Gives a lent directory back: its content becomes what the host shows at `dir`.
pub fn give_back(host: &mut Host, dir: &str, tree: Tree) {
    let mut upper = tree;
    if let Some(base) = host.base {
        for (k, _) in base_subtree(base, dir).iter() {
            if upper.get(k).is_none() && k != "/" {
                upper.put(k, Entry::Whiteout);
            }
        }
    }
    host.fs.put_subtree(dir, upper);
}

fn copy_subtree(t: &Tree, dir: &str) -> Tree {
    let mut out = base_subtree(t, dir);
    // `base_subtree` copies any tree; the name is about its usual input.
    if dir == "/" {
        out = t.clone();
    }
    out
}

/// A tree with whiteouts dropped and opaque directories turned into plain ones.
fn strip_markers(t: Tree) -> Tree {
    let mut out = Tree::new();
    for (k, e) in t.iter() {
        match e {
            Entry::Whiteout => {}
            Entry::Opaque(meta) => out.put_node(k, Node::Dir { meta: *meta }),
            Entry::Node(n) => out.put_node(k, n.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host_with_base() -> Host {
        static BASE: std::sync::OnceLock<Tree> = std::sync::OnceLock::new();
        let base = BASE.get_or_init(|| {
            let mut b = Tree::new();
            b.dir("/etc", Time(0)).file("/etc/hostname", "doca\n", Time(0)).file("/etc/motd", "hi\n", Time(0));
            b
        });
        let mut w = crate::engine::World::new();
        let mut h = w.hosts.remove(0);
        h.base = Some(base);
        h
    }

    #[test]
    fn lend_merges_base_and_give_back_records_deletions() {
        let mut h = host_with_base();
        let mut t = lend(&mut h, "/etc", true);
        assert!(t.get("/hostname").is_some() && t.get("/motd").is_some());
        t.remove("/motd");
        t.file("/new", "x", Time(1));
        give_back(&mut h, "/etc", t);
        assert!(exists(&mut h, "/etc/new"));
        assert!(!exists(&mut h, "/etc/motd"));
        assert!(exists(&mut h, "/etc/hostname"));
    }

    #[test]
    fn missing_sources_are_created() {
        let mut h = host_with_base();
        assert!(!exists(&mut h, "/srv/site"));
        mkdir_all(&mut h, "/srv/site", Time(5));
        assert!(exists(&mut h, "/srv/site"));
        assert!(matches!(lookup(&mut h, "/srv/site"), Some(Node::Dir { .. })));
    }
}
