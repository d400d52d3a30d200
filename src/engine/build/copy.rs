//! COPY and ADD: selecting sources (context, another stage, an image) with globs, and
//! writing them at the destination as a new layer, with Docker's rules (a directory's
//! contents are copied, not the directory; several sources need a `dest/`).
//!
//! Invariant: the returned layer holds only what the instruction adds (its diff), and the
//! source checksum depends only on the selected files' paths, modes, owners and contents.

use super::context::glob_path;
use crate::engine::clock::Time;
use crate::engine::fs::Tree;
use crate::unix::fs::path;
use crate::unix::fs::{Entry, Meta, Node};

/// Merges a stack of layers (bottom first) into one tree, applying whiteouts.
pub fn flatten(layers: &[&Tree]) -> Tree {
    let mut out = Tree::new();
    for l in layers {
        for (p, e) in l.iter() {
            match e {
                Entry::Whiteout => {
                    out.remove(p);
                    out.remove_below(p);
                }
                Entry::Opaque(meta) => {
                    out.remove_below(p);
                    out.put(p, Entry::Node(Node::Dir { meta: *meta }));
                }
                Entry::Node(n) => out.put(p, Entry::Node(n.clone())),
            }
        }
    }
    out
}

fn is_dir(t: &Tree, p: &str) -> bool {
    p == "/" || matches!(t.get(p), Some(Entry::Node(Node::Dir { .. })) | Some(Entry::Opaque(_))) || (t.get(p).is_none() && t.has_below(p))
}

fn exists(t: &Tree, p: &str) -> bool {
    p == "/" || matches!(t.get(p), Some(Entry::Node(_)) | Some(Entry::Opaque(_))) || t.has_below(p)
}

/// The paths a source names: itself, or what its glob matches (sorted).
pub fn select(src_tree: &Tree, src: &str) -> Vec<String> {
    let abs = path::normalize("/", src);
    if !abs.contains(['*', '?', '[']) {
        return if exists(src_tree, &abs) { vec![abs] } else { Vec::new() };
    }
    let depth = path::components(&abs).len();
    let mut out: Vec<String> = Vec::new();
    let mut consider = |p: &str| {
        let comps = path::components(p);
        if comps.len() >= depth {
            let prefix = format!("/{}", comps[..depth].join("/"));
            if glob_path(abs.trim_start_matches('/'), prefix.trim_start_matches('/')) && !out.contains(&prefix) {
                out.push(prefix);
            }
        }
    };
    for (p, e) in src_tree.iter() {
        if !matches!(e, Entry::Whiteout) {
            consider(p);
        }
    }
    out.sort();
    out
}

/// A checksum of what `sources` select (for the cache key).
pub fn checksum(src_tree: &Tree, selected: &[String]) -> String {
    let mut t = Tree::new();
    for s in selected {
        if let Some(e) = src_tree.get(s) {
            t.put(s, e.clone());
        }
        for (p, e) in src_tree.below(s) {
            t.put(p, e.clone());
        }
    }
    t.digest()
}

/// Ownership and mode overrides (`--chown`, `--chmod`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Attrs {
    pub owner: Option<(u32, u32)>,
    pub mode: Option<u32>,
}

fn meta_of(m: &Meta, a: Attrs, now: Time) -> Meta {
    let (uid, gid) = a.owner.unwrap_or((0, 0));
    let _ = now;
    Meta { mode: a.mode.unwrap_or(m.mode), uid, gid, mtime: m.mtime }
}

fn dir_meta(a: Attrs, now: Time) -> Meta {
    let (uid, gid) = a.owner.unwrap_or((0, 0));
    Meta { mode: a.mode.unwrap_or(0o755), uid, gid, mtime: now }
}

/// Copies `selected` paths of `src_tree` to `dest` (absolute); `into_dir` when the
/// destination is a directory. Returns the new layer.
pub fn copy(src_tree: &Tree, selected: &[String], dest: &str, into_dir: bool, target: &Tree, a: Attrs, now: Time) -> Tree {
    let mut out = Tree::new();
    let put = |out: &mut Tree, p: &str, e: Entry| {
        // Parent directories that the target lacks are created.
        for anc in path::ancestors(p) {
            if anc != "/" && anc != p && !exists(target, anc) && out.get(anc).is_none() {
                out.put(anc, Entry::Node(Node::Dir { meta: dir_meta(Attrs { mode: None, ..a }, now) }));
            }
        }
        out.put(p, e);
    };
    for s in selected {
        let base = path::base(s);
        if is_dir(src_tree, s) {
            let to = dest.to_string();
            if to != "/" {
                let meta = match src_tree.get(s) {
                    Some(Entry::Node(n)) => meta_of(n.meta(), a, now),
                    _ => dir_meta(a, now),
                };
                put(&mut out, &to, Entry::Node(Node::Dir { meta }));
            }
            for (p, e) in src_tree.below(s) {
                let rel = &p[if s == "/" { 0 } else { s.len() }..];
                let np = path::normalize(&to, rel.trim_start_matches('/'));
                if let Entry::Node(n) = e {
                    let mut n = n.clone();
                    *n.meta_mut() = meta_of(n.meta(), a, now);
                    put(&mut out, &np, Entry::Node(n));
                }
            }
        } else if let Some(Entry::Node(n)) = src_tree.get(s) {
            let np = if into_dir { path::child(dest, base) } else { dest.to_string() };
            if into_dir && dest != "/" && !is_dir(target, dest) {
                put(&mut out, dest, Entry::Node(Node::Dir { meta: dir_meta(Attrs { mode: None, ..a }, now) }));
            }
            let mut n = n.clone();
            *n.meta_mut() = meta_of(n.meta(), a, now);
            put(&mut out, &np, Entry::Node(n));
        }
    }
    out
}

/// Whether `dest` should be treated as a directory.
pub fn dest_is_dir(dest_written: &str, sources: usize, target: &Tree, dest_abs: &str) -> bool {
    dest_written.ends_with('/') || dest_written == "." || sources > 1 || is_dir(target, dest_abs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Tree {
        let mut t = Tree::new();
        t.file("/app.py", "print(1)\n", Time(0)).file("/src/a.txt", "a", Time(0)).file("/src/sub/b.txt", "b", Time(0));
        t
    }

    #[test]
    fn file_into_dir_and_dir_contents() {
        let c = ctx();
        let target = Tree::new();
        let l = copy(&c, &["/app.py".into()], "/app", true, &target, Attrs::default(), Time(5));
        assert!(matches!(l.get("/app/app.py"), Some(Entry::Node(Node::File { .. }))));
        assert!(matches!(l.get("/app"), Some(Entry::Node(Node::Dir { .. }))));
        let l = copy(&c, &["/src".into()], "/dst", true, &target, Attrs::default(), Time(5));
        assert!(l.get("/dst/a.txt").is_some() && l.get("/dst/sub/b.txt").is_some());
        assert!(l.get("/dst/src").is_none());
    }

    #[test]
    fn globs_select_and_checksums_follow_content() {
        let c = ctx();
        assert_eq!(select(&c, "*.py"), vec!["/app.py"]);
        assert_eq!(select(&c, "src/*"), vec!["/src/a.txt", "/src/sub"]);
        assert!(select(&c, "nope").is_empty());
        let before = checksum(&c, &select(&c, "src"));
        let mut c2 = c.clone();
        c2.file("/src/a.txt", "changed", Time(0));
        assert_ne!(before, checksum(&c2, &select(&c2, "src")));
        assert_eq!(checksum(&c, &select(&c, "app.py")), checksum(&c2, &select(&c2, "app.py")));
    }
}
