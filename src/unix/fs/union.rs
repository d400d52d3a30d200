//! The union view of a container's root file system: read-only lower layers, one writable
//! upper layer and mounts (volumes, bind mounts), resolved like overlayfs under mount
//! points. This file holds lookups and path resolution; [`super::write`] holds changes.
//!
//! Lookup order for a path: the deepest mount whose target contains it (its tree alone),
//! else the upper layer, then the lowers from top to bottom, where a whiteout hides the
//! path, an opaque directory hides everything below it, and a file hides what is under it.
//!
//! Invariant: lookups never change any layer; resolution follows at most
//! [`MAX_SYMLINKS`] symbolic links and then fails with `ELOOP`.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::errno::Errno;
use super::layer::Layer;
use super::node::{Entry, Meta, Node};
use super::path;
use crate::engine::clock::Time;

/// Symbolic links followed in one resolution before `ELOOP` (Linux's limit).
pub const MAX_SYMLINKS: u32 = 40;

/// A tree mounted at `target` inside the container (a volume or a bind mount).
#[derive(Debug)]
pub struct Mount<'a> {
    /// Absolute, normalized mount point.
    pub target: String,
    /// The mounted content; its paths are rooted at the mount point (`/` is the target).
    pub tree: &'a mut Layer,
    pub readonly: bool,
}

/// The union view. Build it from separate borrows: the image's layers (`lowers`, **bottom
/// first**: index 0 is the base layer), the container's writable layer and its mounts.
#[derive(Debug)]
pub struct UnionFs<'a> {
    pub(super) lowers: &'a [&'a Layer],
    pub(super) upper: &'a mut Layer,
    pub(super) readonly: bool,
    pub(super) mounts: Vec<Mount<'a>>,
}

/// How one layer answers for one path.
pub(super) enum Hit<'l> {
    Entry(&'l Entry),
    /// Not mentioned itself, but entries lie below it: a directory.
    Implicit,
    /// Deleted or shadowed here: layers below don't count.
    Hidden,
    /// Not in this layer: ask the next one down.
    Absent,
}

/// What one layer says about `p`.
pub(super) fn hit<'l>(layer: &'l Layer, p: &str) -> Hit<'l> {
    if p == "/" {
        // A mounted tree may record its root directory's metadata under `/`.
        return match layer.get("/") {
            Some(e @ Entry::Node(Node::Dir { .. })) => Hit::Entry(e),
            _ => Hit::Implicit,
        };
    }
    if let Some(e) = layer.get(p) {
        return match e {
            Entry::Whiteout => Hit::Hidden,
            other => Hit::Entry(other),
        };
    }
    let mut end = p.len();
    while let Some(i) = p[..end].rfind('/') {
        if i == 0 {
            break;
        }
        match layer.get(&p[..i]) {
            Some(Entry::Whiteout) | Some(Entry::Opaque(_)) => return Hit::Hidden,
            Some(Entry::Node(Node::File { .. })) | Some(Entry::Node(Node::Symlink { .. })) => return Hit::Hidden,
            _ => {}
        }
        end = i;
    }
    if layer.has_below(p) { Hit::Implicit } else { Hit::Absent }
}

fn implicit_dir() -> Node {
    Node::Dir { meta: Meta::root(0o755, Time(0)) }
}

/// Looks `p` up through `layers`, top-most first.
pub(super) fn lookup_stack<'l>(layers: impl Iterator<Item = &'l Layer>, p: &str) -> Option<Cow<'l, Node>> {
    for layer in layers {
        match hit(layer, p) {
            Hit::Entry(Entry::Node(n)) => return Some(Cow::Borrowed(n)),
            Hit::Entry(Entry::Opaque(meta)) => return Some(Cow::Owned(Node::Dir { meta: *meta })),
            Hit::Entry(Entry::Whiteout) | Hit::Hidden => return None,
            Hit::Implicit => return Some(Cow::Owned(implicit_dir())),
            Hit::Absent => {}
        }
    }
    if p == "/" { Some(Cow::Owned(implicit_dir())) } else { None }
}

/// Names directly inside `p` through `layers` (top-most first), whiteouts applied.
pub(super) fn children_stack<'l>(layers: impl Iterator<Item = &'l Layer>, p: &str) -> BTreeMap<String, ()> {
    let mut seen: BTreeMap<String, bool> = BTreeMap::new();
    for layer in layers {
        let stop = match hit(layer, p) {
            Hit::Entry(Entry::Node(Node::Dir { .. })) | Hit::Implicit => false,
            Hit::Entry(Entry::Opaque(_)) => true,
            Hit::Absent => {
                if p != "/" {
                    continue;
                }
                false
            }
            _ => break,
        };
        for (name, e) in layer.children(p) {
            seen.entry(name).or_insert(!matches!(e, Some(Entry::Whiteout)));
        }
        if stop {
            break;
        }
    }
    seen.into_iter().filter(|(_, v)| *v).map(|(k, _)| (k, ())).collect()
}

impl<'a> UnionFs<'a> {
    /// A view over `lowers` (bottom first) and `upper`, with no mounts.
    pub fn new(lowers: &'a [&'a Layer], upper: &'a mut Layer) -> UnionFs<'a> {
        UnionFs { lowers, upper, readonly: false, mounts: Vec::new() }
    }

    /// Makes the root file system read-only (`docker run --read-only`).
    pub fn read_only(mut self, readonly: bool) -> UnionFs<'a> {
        self.readonly = readonly;
        self
    }

    /// Mounts `tree` at `target` (normalized here).
    pub fn mount(mut self, target: &str, tree: &'a mut Layer, readonly: bool) -> UnionFs<'a> {
        self.mounts.push(Mount { target: path::normalize("/", target), tree, readonly });
        self
    }

    /// Paths the upper layer holds a node for (not whiteouts), in order.
    pub fn upper_paths(&self) -> Vec<String> {
        self.upper.iter().filter(|(_, e)| !matches!(e, Entry::Whiteout)).map(|(k, _)| k.clone()).collect()
    }

    /// Index of the deepest mount containing the normalized path `p`.
    pub(super) fn mount_of(&self, p: &str) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (i, m) in self.mounts.iter().enumerate() {
            if path::is_under(p, &m.target) && best.is_none_or(|(_, len)| m.target.len() >= len) {
                best = Some((i, m.target.len()));
            }
        }
        best.map(|(i, _)| i)
    }

    /// The node at a resolved, normalized path (symbolic links in it are not followed).
    pub fn lookup(&self, p: &str) -> Option<Cow<'_, Node>> {
        if let Some(i) = self.mount_of(p) {
            let m = &self.mounts[i];
            let rel = path::rebase(p, &m.target);
            return lookup_stack(std::iter::once(&*m.tree), &rel);
        }
        let layers = std::iter::once(&*self.upper).chain(self.lowers.iter().rev().copied());
        lookup_stack(layers, p)
    }

    /// The node at `p` as the lower layers alone show it, under the upper layer's masks
    /// (what a deletion must hide with a whiteout).
    pub(super) fn lookup_lower(&self, p: &str) -> Option<Cow<'_, Node>> {
        for a in path::ancestors(p) {
            if matches!(self.upper.get(a), Some(Entry::Whiteout) | Some(Entry::Opaque(_))) {
                return None;
            }
        }
        lookup_stack(self.lowers.iter().rev().copied(), p)
    }

    /// Resolves an absolute path: follows symbolic links (the last one only if
    /// `follow_last`), handles `..` physically. The last component need not exist; every
    /// other one must be a directory.
    pub fn resolve(&self, raw: &str, follow_last: bool) -> Result<String, Errno> {
        let mut todo: Vec<String> = raw.split('/').filter(|c| !c.is_empty()).rev().map(String::from).collect();
        // The resolved prefix, and where each of its components starts.
        let mut cur = String::new();
        let mut starts: Vec<usize> = Vec::new();
        let mut links = 0u32;
        let mut steps = 0u32;
        while let Some(c) = todo.pop() {
            steps += 1;
            if steps > 4096 {
                return Err(Errno::ENAMETOOLONG);
            }
            if c == "." {
                continue;
            }
            if c == ".." {
                if let Some(st) = starts.pop() {
                    cur.truncate(st);
                }
                continue;
            }
            let is_last = todo.iter().all(|t| t == ".");
            let before = cur.len();
            cur.push('/');
            cur.push_str(&c);
            match self.lookup(&cur).as_deref() {
                None => {
                    if is_last {
                        starts.push(before);
                        break;
                    }
                    return Err(Errno::ENOENT);
                }
                Some(Node::Symlink { target, .. }) if !is_last || follow_last => {
                    cur.truncate(before);
                    links += 1;
                    if links > MAX_SYMLINKS {
                        return Err(Errno::ELOOP);
                    }
                    if target.starts_with('/') {
                        cur.clear();
                        starts.clear();
                    }
                    for t in target.split('/').filter(|c| !c.is_empty()).rev() {
                        todo.push(t.to_string());
                    }
                }
                Some(Node::Dir { .. }) | Some(Node::Symlink { .. }) => starts.push(before),
                Some(Node::File { .. }) => {
                    if !is_last {
                        return Err(Errno::ENOTDIR);
                    }
                    starts.push(before);
                }
            }
        }
        Ok(if cur.is_empty() { "/".to_string() } else { cur })
    }

    /// Names inside the directory at the resolved path `p`, sorted, without `.` and `..`.
    pub(super) fn list(&self, p: &str) -> Vec<String> {
        let mut names: BTreeMap<String, ()> = if let Some(i) = self.mount_of(p) {
            let m = &self.mounts[i];
            let rel = path::rebase(p, &m.target);
            children_stack(std::iter::once(&*m.tree), &rel)
        } else {
            let layers = std::iter::once(&*self.upper).chain(self.lowers.iter().rev().copied());
            children_stack(layers, p)
        };
        for m in &self.mounts {
            if m.target != "/" && path::parent(&m.target) == p {
                names.insert(path::base(&m.target).to_string(), ());
            }
        }
        names.into_keys().collect()
    }
}
