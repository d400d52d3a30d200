//! `docker diff`: what a container's writable layer changed compared with its image,
//! computed like Docker's naive differ (`archive.ChangesDirs` over the two merged trees).
//!
//! Order, as Docker produces it: a depth-first walk; inside each directory the changed
//! or added entries come first (each followed by what changed under it), then the
//! deleted ones; a directory that is not itself changed but holds changes is listed as
//! `C` just before them. Docker walks a Go map, so its sibling order varies from run to
//! run; doca sorts siblings by name.
//!
//! Invariant: only paths the upper layer mentions (or hides) are ever reported.

use std::collections::BTreeMap;
use std::fmt;

use super::layer::Layer;
use super::node::{Kind, Node};
use super::path;
use super::union::{children_stack, lookup_stack};

/// `C`, `A` or `D`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Modify,
    Add,
    Delete,
}

/// One line of `docker diff`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    pub path: String,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let k = match self.kind {
            ChangeKind::Modify => "C",
            ChangeKind::Add => "A",
            ChangeKind::Delete => "D",
        };
        write!(f, "{k} {}", self.path)
    }
}

/// Changes of `upper` over `lowers` (bottom first).
pub fn diff(lowers: &[&Layer], upper: &Layer) -> Vec<Change> {
    let mut out = Vec::new();
    let d = Differ { lowers, upper };
    d.walk("/", false, true, &mut out, 0);
    out
}

struct Differ<'a> {
    lowers: &'a [&'a Layer],
    upper: &'a Layer,
}

fn different(a: &Node, b: &Node) -> bool {
    let (ma, mb) = (a.meta(), b.meta());
    if a.kind() != b.kind() || ma.mode != mb.mode || ma.uid != mb.uid || ma.gid != mb.gid {
        return true;
    }
    match (a, b) {
        (Node::Dir { .. }, Node::Dir { .. }) => false,
        (Node::File { data: da, .. }, Node::File { data: db, .. }) => da != db || ma.mtime != mb.mtime,
        (Node::Symlink { target: ta, .. }, Node::Symlink { target: tb, .. }) => ta != tb || ma.mtime != mb.mtime,
        _ => true,
    }
}

impl Differ<'_> {
    fn new_children(&self, d: &str) -> BTreeMap<String, ()> {
        children_stack(std::iter::once(self.upper).chain(self.lowers.iter().rev().copied()), d)
    }
    fn old_children(&self, d: &str) -> BTreeMap<String, ()> {
        children_stack(self.lowers.iter().rev().copied(), d)
    }
    fn new_node(&self, p: &str) -> Option<Node> {
        lookup_stack(std::iter::once(self.upper).chain(self.lowers.iter().rev().copied()), p).map(|c| c.into_owned())
    }
    fn old_node(&self, p: &str) -> Option<Node> {
        lookup_stack(self.lowers.iter().rev().copied(), p).map(|c| c.into_owned())
    }
    fn untouched(&self, p: &str) -> bool {
        self.upper.get(p).is_none() && !self.upper.has_below(p)
    }

    fn walk(&self, d: &str, d_added: bool, old_is_dir: bool, out: &mut Vec<Change>, depth: u32) {
        if depth > 256 {
            return;
        }
        let start = out.len();
        let mut old = if old_is_dir { self.old_children(d) } else { BTreeMap::new() };
        for name in self.new_children(d).into_keys() {
            let p = path::child(d, &name);
            let in_old = old.remove(&name).is_some();
            let Some(n) = self.new_node(&p) else { continue };
            if !in_old {
                out.push(Change { kind: ChangeKind::Add, path: p.clone() });
                if n.kind() == Kind::Dir {
                    self.walk(&p, true, false, out, depth + 1);
                }
                continue;
            }
            if self.untouched(&p) {
                continue;
            }
            let o = self.old_node(&p);
            let mut added = false;
            if o.as_ref().is_none_or(|o| different(&n, o)) {
                out.push(Change { kind: ChangeKind::Modify, path: p.clone() });
                added = true;
            }
            if n.kind() == Kind::Dir {
                let o_dir = o.as_ref().is_some_and(|o| o.kind() == Kind::Dir);
                self.walk(&p, added, o_dir, out, depth + 1);
            }
        }
        for name in old.into_keys() {
            out.push(Change { kind: ChangeKind::Delete, path: path::child(d, &name) });
        }
        if out.len() > start && !d_added && d != "/" {
            out.insert(start, Change { kind: ChangeKind::Modify, path: d.to_string() });
        }
    }
}
