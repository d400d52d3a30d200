//! Changes through the union view: writes go to the mount holding the path, or to the
//! upper layer (copying parent directories up first); deleting something the lower layers
//! hold writes a whiteout, and a directory created over a whiteout is opaque.
//!
//! Invariant: a failed call changes nothing; the lower layers are never written.

use super::errno::Errno;
use super::node::{Data, Entry, Kind, Meta, Node};
use super::path;
use super::union::UnionFs;
use super::{Cred, Fs, Stat};
use crate::engine::clock::Time;

/// Whether `cred` may access a node with `meta` for `want` (4 read, 2 write, 1 search).
pub fn allowed(meta: &Meta, cred: Cred, want: u32) -> bool {
    if cred.uid == 0 {
        return true;
    }
    let bits = if cred.uid == meta.uid {
        meta.mode >> 6
    } else if cred.gid == meta.gid {
        meta.mode >> 3
    } else {
        meta.mode
    } & 7;
    bits & want == want
}

impl UnionFs<'_> {
    fn writable(&self, p: &str) -> Result<(), Errno> {
        let ro = match self.mount_of(p) {
            Some(i) => self.mounts[i].readonly,
            None => self.readonly,
        };
        if ro { Err(Errno::EROFS) } else { Ok(()) }
    }

    /// Stores `node` at the resolved path `p` (no checks), keeping overlay markers right.
    fn store(&mut self, p: &str, node: Node) {
        if let Some(i) = self.mount_of(p) {
            let m = &mut self.mounts[i];
            let rel = path::rebase(p, &m.target);
            m.tree.put_node(&rel, node);
            return;
        }
        if p == "/" {
            return;
        }
        self.copy_up_parents(p);
        let entry = match (self.upper.get(p), node) {
            (Some(Entry::Whiteout) | Some(Entry::Opaque(_)), Node::Dir { meta }) => Entry::Opaque(meta),
            (_, node) => Entry::Node(node),
        };
        self.upper.put(p, entry);
    }

    fn copy_up_parents(&mut self, p: &str) {
        let mut anc: Vec<String> = path::ancestors(p).into_iter().map(String::from).collect();
        anc.reverse();
        for a in anc {
            if self.upper.get(&a).is_none()
                && let Some(Node::Dir { meta }) = self.lookup(&a).map(|n| n.into_owned())
            {
                self.upper.put_node(&a, Node::Dir { meta });
            }
        }
    }

    /// Removes the resolved path `p` and everything below it.
    fn erase(&mut self, p: &str) {
        if let Some(i) = self.mount_of(p) {
            let m = &mut self.mounts[i];
            let rel = path::rebase(p, &m.target);
            m.tree.remove_below(&rel);
            if rel != "/" {
                m.tree.remove(&rel);
            }
            return;
        }
        let in_lower = self.lookup_lower(p).is_some();
        self.copy_up_parents(p);
        self.upper.remove_below(p);
        if in_lower {
            self.upper.put(p, Entry::Whiteout);
        } else {
            self.upper.remove(p);
        }
    }

    fn touch_parent(&mut self, p: &str, now: Time) {
        let dir = path::parent(p).to_string();
        if dir == "/" || self.mount_of(&dir).is_some_and(|i| self.mounts[i].target == dir) {
            return;
        }
        if let Some(mut node) = self.lookup(&dir).map(|n| n.into_owned()) {
            node.meta_mut().mtime = now;
            self.store(&dir, node);
        }
    }

    /// Checks that the parent of the resolved `p` is a directory `cred` may write into.
    fn check_parent(&self, p: &str, cred: Cred) -> Result<(), Errno> {
        match self.lookup(path::parent(p)).as_deref() {
            Some(Node::Dir { meta }) if allowed(meta, cred, 3) => Ok(()),
            Some(Node::Dir { .. }) => Err(Errno::EACCES),
            Some(_) => Err(Errno::ENOTDIR),
            None => Err(Errno::ENOENT),
        }
    }

    fn node_at(&self, p: &str) -> Result<Node, Errno> {
        self.lookup(p).map(|n| n.into_owned()).ok_or(Errno::ENOENT)
    }

    /// Every node under the resolved dir `p`, as (path relative to `p`, node), parents first.
    fn subtree(&self, p: &str, out: &mut Vec<(String, Node)>, rel: &str, budget: &mut u32) {
        for name in self.list(p) {
            if *budget == 0 {
                return;
            }
            *budget -= 1;
            let cp = path::child(p, &name);
            let crel = format!("{rel}/{name}");
            if let Ok(n) = self.node_at(&cp) {
                let is_dir = n.kind() == Kind::Dir;
                out.push((crel.clone(), n));
                if is_dir {
                    self.subtree(&cp, out, &crel, budget);
                }
            }
        }
    }
}

impl UnionFs<'_> {
    fn stat_at(&self, p: &str, node: &Node) -> Stat {
        let mut st = stat_of(node);
        if node.kind() == Kind::Dir && p != "/" {
            let in_mount = self.mount_of(p).is_some();
            if in_mount || self.lookup_lower(p).is_none() {
                let subdirs = self
                    .list(p)
                    .iter()
                    .filter(|n| self.lookup(&path::child(p, n)).is_some_and(|x| x.kind() == Kind::Dir))
                    .count();
                st.nlink = 2 + subdirs as u32;
            }
        }
        st
    }
}

fn stat_of(node: &Node) -> Stat {
    Stat {
        nlink: 1,
        kind: node.kind(),
        meta: *node.meta(),
        size: node.size(),
        program: match node {
            Node::File { data: Data::Program(p), .. } => Some(p.clone()),
            _ => None,
        },
        target: match node {
            Node::Symlink { target, .. } => Some(target.clone()),
            _ => None,
        },
    }
}

impl Fs for UnionFs<'_> {
    fn stat(&self, p: &str) -> Result<Stat, Errno> {
        let r = self.resolve(p, true)?;
        let n = self.node_at(&r)?;
        Ok(self.stat_at(&r, &n))
    }

    fn lstat(&self, p: &str) -> Result<Stat, Errno> {
        let r = self.resolve(p, false)?;
        let n = self.node_at(&r)?;
        Ok(self.stat_at(&r, &n))
    }

    fn read(&self, p: &str, cred: Cred) -> Result<Data, Errno> {
        let r = self.resolve(p, true)?;
        match self.node_at(&r)? {
            Node::Dir { .. } => Err(Errno::EISDIR),
            Node::File { meta, data } => {
                if allowed(&meta, cred, 4) {
                    Ok(data)
                } else {
                    Err(Errno::EACCES)
                }
            }
            Node::Symlink { .. } => Err(Errno::ELOOP),
        }
    }

    fn readdir(&self, p: &str, cred: Cred) -> Result<Vec<String>, Errno> {
        let r = self.resolve(p, true)?;
        match self.node_at(&r)? {
            Node::Dir { meta } => {
                if !allowed(&meta, cred, 4) {
                    return Err(Errno::EACCES);
                }
                Ok(self.list(&r))
            }
            _ => Err(Errno::ENOTDIR),
        }
    }

    fn realpath(&self, p: &str) -> Result<String, Errno> {
        let r = self.resolve(p, true)?;
        self.node_at(&r)?;
        Ok(r)
    }

    fn write(&mut self, p: &str, bytes: &[u8], append: bool, cred: Cred, now: Time) -> Result<(), Errno> {
        let r = self.resolve(p, true)?;
        match self.lookup(&r).map(|n| n.into_owned()) {
            Some(Node::Dir { .. }) => Err(Errno::EISDIR),
            Some(Node::File { mut meta, data }) => {
                if !allowed(&meta, cred, 2) {
                    return Err(Errno::EACCES);
                }
                self.writable(&r)?;
                let mut content = if append { data.bytes() } else { Vec::new() };
                content.extend_from_slice(bytes);
                meta.mtime = now;
                self.store(&r, Node::File { meta, data: Data::Bytes(content) });
                Ok(())
            }
            Some(Node::Symlink { .. }) => Err(Errno::ELOOP),
            None => {
                self.check_parent(&r, cred)?;
                self.writable(&r)?;
                let meta = Meta { mode: 0o644, uid: cred.uid, gid: cred.gid, mtime: now };
                self.store(&r, Node::File { meta, data: Data::Bytes(bytes.to_vec()) });
                self.touch_parent(&r, now);
                Ok(())
            }
        }
    }

    fn create(&mut self, p: &str, node: Node, cred: Cred, now: Time) -> Result<(), Errno> {
        let r = self.resolve(p, false)?;
        if self.lookup(&r).is_some() {
            return Err(Errno::EEXIST);
        }
        self.check_parent(&r, cred)?;
        self.writable(&r)?;
        self.store(&r, node);
        self.touch_parent(&r, now);
        Ok(())
    }

    fn unlink(&mut self, p: &str, cred: Cred, now: Time) -> Result<(), Errno> {
        let r = self.resolve(p, false)?;
        match self.node_at(&r)? {
            Node::Dir { .. } => Err(Errno::EISDIR),
            _ => {
                self.check_parent(&r, cred)?;
                self.writable(&r)?;
                self.erase(&r);
                self.touch_parent(&r, now);
                Ok(())
            }
        }
    }

    fn rmdir(&mut self, p: &str, cred: Cred, now: Time) -> Result<(), Errno> {
        let r = self.resolve(p, false)?;
        match self.node_at(&r)? {
            Node::Dir { .. } => {
                if r == "/" || self.mounts.iter().any(|m| m.target == r) {
                    return Err(Errno::EBUSY);
                }
                if !self.list(&r).is_empty() {
                    return Err(Errno::ENOTEMPTY);
                }
                self.check_parent(&r, cred)?;
                self.writable(&r)?;
                self.erase(&r);
                self.touch_parent(&r, now);
                Ok(())
            }
            _ => Err(Errno::ENOTDIR),
        }
    }

    fn rename(&mut self, from: &str, to: &str, cred: Cred, now: Time) -> Result<(), Errno> {
        let rf = self.resolve(from, false)?;
        let rt = self.resolve(to, false)?;
        let src = self.node_at(&rf)?;
        if rf == rt {
            return Ok(());
        }
        if path::is_under(&rt, &rf) || self.mounts.iter().any(|m| m.target == rf) || rf == "/" {
            return Err(if rf == "/" || rt != rf && self.mounts.iter().any(|m| m.target == rf) {
                Errno::EBUSY
            } else {
                Errno::EINVAL
            });
        }
        self.check_parent(&rf, cred)?;
        self.check_parent(&rt, cred)?;
        self.writable(&rf)?;
        self.writable(&rt)?;
        if let Ok(dst) = self.node_at(&rt) {
            match (src.kind(), dst.kind()) {
                (Kind::Dir, Kind::Dir) if !self.list(&rt).is_empty() => return Err(Errno::ENOTEMPTY),
                (Kind::Dir, Kind::Dir) => {}
                (Kind::Dir, _) => return Err(Errno::ENOTDIR),
                (_, Kind::Dir) => return Err(Errno::EISDIR),
                _ => {}
            }
            self.erase(&rt);
        }
        let mut nodes = Vec::new();
        if src.kind() == Kind::Dir {
            let mut budget = 100_000;
            self.subtree(&rf, &mut nodes, "", &mut budget);
        }
        self.erase(&rf);
        self.store(&rt, src);
        for (rel, n) in nodes {
            self.store(&format!("{rt}{rel}"), n);
        }
        self.touch_parent(&rf, now);
        self.touch_parent(&rt, now);
        Ok(())
    }

    fn set_meta(&mut self, p: &str, follow: bool, cred: Cred, change: &mut dyn FnMut(&mut Meta)) -> Result<(), Errno> {
        let r = self.resolve(p, follow)?;
        let mut node = self.node_at(&r)?;
        let before = *node.meta();
        change(node.meta_mut());
        let after = *node.meta();
        let owner_change = before.uid != after.uid || before.gid != after.gid;
        if cred.uid != 0 && (owner_change || before.uid != cred.uid) {
            return Err(Errno::EPERM);
        }
        self.writable(&r)?;
        self.store(&r, node);
        Ok(())
    }
}
