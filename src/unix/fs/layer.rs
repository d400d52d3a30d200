//! A layer: an ordered map from absolute path to [`Entry`], like one image layer's tar or
//! a container's writable (upper) directory. Parent directories may be implicit: a path
//! with entries below it and no entry of its own reads as a root-owned 0755 directory.
//!
//! Invariant: keys are normalized absolute paths (see [`super::path::normalize`]); the
//! key `/` may hold the root directory's metadata (used by volume trees).

use std::collections::BTreeMap;

use super::node::{Data, Entry, Meta, Node};
use super::path;
use crate::engine::clock::Time;
use crate::engine::ids::digest_of;

/// One layer of a union file system, or the tree of a volume / bind mount.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layer {
    entries: BTreeMap<String, Entry>,
}

impl Layer {
    pub fn new() -> Layer {
        Layer::default()
    }

    /// The entry at `path` (normalized), if any.
    pub fn get(&self, path: &str) -> Option<&Entry> {
        self.entries.get(path)
    }

    /// Sets the entry at `path` (normalized).
    pub fn put(&mut self, path: &str, entry: Entry) {
        self.entries.insert(path.to_string(), entry);
    }

    /// Adds a node.
    pub fn put_node(&mut self, path: &str, node: Node) {
        self.put(path, Entry::Node(node));
    }

    /// Removes the entry at `path`, returning it.
    pub fn remove(&mut self, path: &str) -> Option<Entry> {
        self.entries.remove(path)
    }

    /// Removes every entry strictly below `path`.
    pub fn remove_below(&mut self, dir: &str) {
        let keys: Vec<String> = self.below(dir).map(|(k, _)| k.clone()).collect();
        for k in keys {
            self.entries.remove(&k);
        }
    }

    /// Entries strictly below `dir`, in key order.
    pub fn below<'a>(&'a self, dir: &str) -> impl Iterator<Item = (&'a String, &'a Entry)> + 'a {
        let prefix = if dir == "/" { "/".to_string() } else { format!("{dir}/") };
        let p2 = prefix.clone();
        self.entries.range(prefix..).take_while(move |(k, _)| k.starts_with(&p2)).filter(|(k, _)| k.as_str() != "/")
    }

    /// Whether any entry lies strictly below `dir`.
    pub fn has_below(&self, dir: &str) -> bool {
        self.below(dir).next().is_some()
    }

    /// The names directly inside `dir` that this layer mentions (including whiteouts and
    /// implicit directories), with the entry when there is one.
    pub fn children(&self, dir: &str) -> BTreeMap<String, Option<&Entry>> {
        let mut out: BTreeMap<String, Option<&Entry>> = BTreeMap::new();
        let skip = if dir == "/" { 1 } else { dir.len() + 1 };
        for (k, e) in self.below(dir) {
            let rest = &k[skip..];
            match rest.find('/') {
                None => {
                    out.insert(rest.to_string(), Some(e));
                }
                Some(i) => {
                    out.entry(rest[..i].to_string()).or_insert(None);
                }
            }
        }
        out
    }

    /// Takes `dir` and everything below it out of this layer, rebased so that `dir` is the
    /// new layer's `/` (how a bind mount's source is lent to a container).
    pub fn take_subtree(&mut self, dir: &str) -> Layer {
        let mut out = Layer::new();
        if dir == "/" {
            return std::mem::take(self);
        }
        if let Some(e) = self.entries.remove(dir) {
            out.put("/", e);
        }
        let keys: Vec<String> = self.below(dir).map(|(k, _)| k.clone()).collect();
        for k in keys {
            if let Some(e) = self.entries.remove(&k) {
                out.put(&k[dir.len()..], e);
            }
        }
        out
    }

    /// Puts a tree taken with [`Layer::take_subtree`] back at `dir`, replacing whatever is
    /// there now.
    pub fn put_subtree(&mut self, dir: &str, tree: Layer) {
        if dir == "/" {
            *self = tree;
            return;
        }
        self.remove_below(dir);
        self.entries.remove(dir);
        for (k, e) in tree.entries {
            let key = if k == "/" { dir.to_string() } else { format!("{dir}{k}") };
            self.entries.insert(key, e);
        }
    }

    /// All entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Entry)> {
        self.entries.iter()
    }

    pub fn len(&self) -> u32 {
        self.entries.len() as u32
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Size in bytes as Docker reports a layer's: the sum of regular file sizes and
    /// symbolic link target lengths (directories and whiteouts count nothing).
    pub fn size(&self) -> u64 {
        self.entries
            .values()
            .map(|e| match e {
                Entry::Node(Node::File { data, .. }) => data.size(),
                Entry::Node(Node::Symlink { target, .. }) => target.len() as u64,
                _ => 0,
            })
            .sum()
    }

    /// A content digest (`sha256:…`) over a canonical serialization: every entry in path
    /// order with its kind, mode, owner and content. Modification times are left out, so
    /// the same content always yields the same digest.
    pub fn digest(&self) -> String {
        digest_of(&self.canonical())
    }

    fn canonical(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (p, e) in &self.entries {
            out.extend_from_slice(p.as_bytes());
            out.push(0);
            let (tag, meta): (&str, Option<&Meta>) = match e {
                Entry::Whiteout => ("W", None),
                Entry::Opaque(m) => ("O", Some(m)),
                Entry::Node(Node::Dir { meta }) => ("D", Some(meta)),
                Entry::Node(Node::File { meta, .. }) => ("F", Some(meta)),
                Entry::Node(Node::Symlink { meta, .. }) => ("L", Some(meta)),
            };
            out.extend_from_slice(tag.as_bytes());
            if let Some(m) = meta {
                out.extend_from_slice(format!(" {:o} {} {}", m.mode, m.uid, m.gid).as_bytes());
            }
            match e {
                Entry::Node(Node::File { data, .. }) => match data {
                    Data::Bytes(b) => {
                        out.extend_from_slice(format!(" b{}:", b.len()).as_bytes());
                        out.extend_from_slice(b);
                    }
                    Data::Program(name) => out.extend_from_slice(format!(" p{}:{name}", name.len()).as_bytes()),
                    Data::Blob(n) => out.extend_from_slice(format!(" z{n}").as_bytes()),
                },
                Entry::Node(Node::Symlink { target, .. }) => {
                    out.extend_from_slice(format!(" l{}:{target}", target.len()).as_bytes())
                }
                _ => {}
            }
            out.push(b'\n');
        }
        out
    }

    // ----- builders, for catalogs and tests -----

    /// Adds a directory (mode 0755, root) at `path`.
    pub fn dir(&mut self, path: &str, mtime: Time) -> &mut Layer {
        self.put_node(&path::normalize("/", path), Node::dir(mtime));
        self
    }

    /// Adds a directory with `mode` (`/tmp` is 1777), root-owned.
    pub fn dir_mode(&mut self, path: &str, mode: u32, mtime: Time) -> &mut Layer {
        self.put_node(&path::normalize("/", path), Node::Dir { meta: Meta::root(mode, mtime) });
        self
    }

    /// Adds a text file (mode 0644, root) at `path`.
    pub fn file(&mut self, path: &str, content: &str, mtime: Time) -> &mut Layer {
        self.put_node(&path::normalize("/", path), Node::text(content, mtime));
        self
    }

    /// Adds a simulated executable (mode 0755, root) at `path`.
    pub fn program(&mut self, path: &str, program: &str, mtime: Time) -> &mut Layer {
        let node = Node::File { meta: Meta::root(0o755, mtime), data: Data::Program(program.to_string()) };
        self.put_node(&path::normalize("/", path), node);
        self
    }

    /// Adds an executable text script (mode 0755, root) at `path`.
    pub fn script(&mut self, path: &str, content: &str, mtime: Time) -> &mut Layer {
        let node = Node::File { meta: Meta::root(0o755, mtime), data: Data::text(content) };
        self.put_node(&path::normalize("/", path), node);
        self
    }

    /// Adds a symbolic link (mode 0777, root) at `path` pointing to `target`.
    pub fn symlink(&mut self, path: &str, target: &str, mtime: Time) -> &mut Layer {
        let node = Node::Symlink { meta: Meta::root(0o777, mtime), target: target.to_string() };
        self.put_node(&path::normalize("/", path), node);
        self
    }

    /// Marks `path` deleted (a whiteout).
    pub fn whiteout(&mut self, path: &str) -> &mut Layer {
        self.put(&path::normalize("/", path), Entry::Whiteout);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_is_stable_and_ignores_mtime() {
        let mut a = Layer::new();
        a.file("/etc/hostname", "web\n", Time(1));
        let mut b = Layer::new();
        b.file("/etc/hostname", "web\n", Time(99));
        assert_eq!(a.digest(), b.digest());
        assert!(a.digest().starts_with("sha256:"));
        b.file("/etc/hostname", "db\n", Time(99));
        assert_ne!(a.digest(), b.digest());
    }

    #[test]
    fn children_include_implicit_dirs_and_whiteouts() {
        let mut l = Layer::new();
        l.file("/a/b/c", "x", Time(0)).whiteout("/a/gone").file("/z", "", Time(0));
        let names: Vec<String> = l.children("/a").keys().cloned().collect();
        assert_eq!(names, vec!["b", "gone"]);
        let root: Vec<String> = l.children("/").keys().cloned().collect();
        assert_eq!(root, vec!["a", "z"]);
        assert_eq!(l.size(), 1);
    }

    #[test]
    fn subtrees_move_out_and_back() {
        let mut l = Layer::new();
        l.dir("/site", Time(0)).file("/site/index.html", "hi", Time(0)).file("/sitemap", "", Time(0));
        let t = l.take_subtree("/site");
        assert!(t.get("/").is_some() && t.get("/index.html").is_some());
        assert!(l.get("/site").is_none() && l.get("/sitemap").is_some());
        let mut t = t;
        t.file("/new", "x", Time(1));
        l.put_subtree("/site", t);
        assert!(l.get("/site/new").is_some() && l.get("/site/index.html").is_some());
    }
}
