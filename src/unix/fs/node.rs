//! The nodes of a file tree: directories, regular files and symbolic links, with their
//! metadata, and the layer entries that also record deletions (overlayfs whiteouts and
//! opaque directories).
//!
//! Invariant: `mode` holds permission bits only (`0o7777`); the kind is the variant.

use crate::engine::clock::Time;

/// Ownership, permissions and modification time of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meta {
    /// Permission bits (`0o755`), including setuid/setgid/sticky.
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub mtime: Time,
}

impl Meta {
    /// Root-owned with `mode`, modified at `mtime`.
    pub const fn root(mode: u32, mtime: Time) -> Meta {
        Meta { mode, uid: 0, gid: 0, mtime }
    }
}

/// What a regular file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Data {
    /// Real bytes (text files, scripts, configuration).
    Bytes(Vec<u8>),
    /// An executable simulated by doca. The string names the program; the naming
    /// convention is described in [`crate::unix::programs`] (`busybox`, `coreutils:ls`,
    /// `bash`, `nginx`…). Its size is nominal.
    Program(String),
    /// A file whose bytes don't matter (a shared library, a database file), with a size.
    Blob(u64),
}

impl Data {
    /// Text content.
    pub fn text(s: &str) -> Data {
        Data::Bytes(s.as_bytes().to_vec())
    }

    /// Size in bytes, as `ls -l` and layer sizes count it.
    pub fn size(&self) -> u64 {
        match self {
            Data::Bytes(b) => b.len() as u64,
            Data::Program(name) => program_nominal_size(name),
            Data::Blob(n) => *n,
        }
    }

    /// The content as bytes: programs and blobs read as a fixed binary-looking header
    /// (`cat /bin/busybox` prints an ELF magic, not the simulated program's name).
    pub fn bytes(&self) -> Vec<u8> {
        match self {
            Data::Bytes(b) => b.clone(),
            Data::Program(_) | Data::Blob(_) => b"\x7fELF\x02\x01\x01".to_vec(),
        }
    }
}

/// Nominal size of a simulated executable, close to the real binary's size.
pub fn program_nominal_size(name: &str) -> u64 {
    let base = name.split(':').next().unwrap_or(name);
    match base {
        "busybox" => 1_131_168,
        "coreutils" => 141_832,
        "bash" => 1_265_648,
        "dash" => 125_640,
        "hello" => 13_256,
        "nginx" => 1_489_024,
        "redis-server" => 2_271_464,
        "postgres" => 9_542_312,
        "node" => 97_854_216,
        "python3" | "python" => 6_833_376,
        _ => 65_536 + (name.len() as u64) * 4096,
    }
}

/// A node of a file tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Dir { meta: Meta },
    File { meta: Meta, data: Data },
    Symlink { meta: Meta, target: String },
}

impl Node {
    pub fn meta(&self) -> &Meta {
        match self {
            Node::Dir { meta } | Node::File { meta, .. } | Node::Symlink { meta, .. } => meta,
        }
    }
    pub fn meta_mut(&mut self) -> &mut Meta {
        match self {
            Node::Dir { meta } | Node::File { meta, .. } | Node::Symlink { meta, .. } => meta,
        }
    }
    pub fn kind(&self) -> Kind {
        match self {
            Node::Dir { .. } => Kind::Dir,
            Node::File { .. } => Kind::File,
            Node::Symlink { .. } => Kind::Symlink,
        }
    }
    /// Size as `stat` reports it: content for files, target length for links, 4096 for dirs.
    pub fn size(&self) -> u64 {
        match self {
            Node::Dir { .. } => 4096,
            Node::File { data, .. } => data.size(),
            Node::Symlink { target, .. } => target.len() as u64,
        }
    }
    /// A text file with mode 0644, owned by root.
    pub fn text(content: &str, mtime: Time) -> Node {
        Node::File { meta: Meta::root(0o644, mtime), data: Data::text(content) }
    }
    /// A directory with mode 0755, owned by root.
    pub fn dir(mtime: Time) -> Node {
        Node::Dir { meta: Meta::root(0o755, mtime) }
    }
}

/// The kind of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Dir,
    File,
    Symlink,
}

/// One entry of a [`super::Layer`]: a node, or an overlayfs marker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Node(Node),
    /// The path was deleted in this layer: it hides the same path in the layers below.
    Whiteout,
    /// A directory that hides everything the layers below hold under it (it was deleted
    /// and created again).
    Opaque(Meta),
}

impl Entry {
    /// The node this entry shows (an opaque dir shows as a plain directory).
    pub fn as_node(&self) -> Option<Node> {
        match self {
            Entry::Node(n) => Some(n.clone()),
            Entry::Opaque(meta) => Some(Node::Dir { meta: *meta }),
            Entry::Whiteout => None,
        }
    }
}
