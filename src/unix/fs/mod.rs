//! The file systems processes see: [`Layer`]s of [`Node`]s, the overlayfs-like
//! [`UnionFs`] view of a container (image layers + writable layer + mounts), `docker
//! diff` ([`diff::diff`]) and the [`Fs`] trait the interpreter and applets call.
//!
//! Invariant: every operation either succeeds or returns an [`Errno`] and changes
//! nothing; no input panics.

pub mod diff;
pub mod errno;
pub mod layer;
pub mod node;
pub mod path;
pub mod union;
pub mod write;

pub use diff::{Change, ChangeKind, diff};
pub use errno::Errno;
pub use layer::Layer;
pub use node::{Data, Entry, Kind, Meta, Node};
pub use union::{Mount, UnionFs};

use crate::engine::clock::Time;

/// Who performs a file-system call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cred {
    pub uid: u32,
    pub gid: u32,
}

impl Cred {
    pub const ROOT: Cred = Cred { uid: 0, gid: 0 };
}

/// What `stat(2)` tells about a node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stat {
    pub kind: Kind,
    pub meta: Meta,
    pub size: u64,
    /// The simulated program, for an executable with `Data::Program` content.
    pub program: Option<String>,
    /// The target, for a symbolic link (`lstat`).
    pub target: Option<String>,
    /// Hard links: 1 for files and for directories merged from several layers (as
    /// overlayfs reports them), 2 + subdirectories for a directory of a single tree.
    pub nlink: u32,
}

/// The file-system calls processes make. Paths are absolute (join them onto the working
/// directory with [`path::absolute`]); `..` and symbolic links are resolved by the call.
pub trait Fs {
    /// `stat(2)`: follows symbolic links.
    fn stat(&self, path: &str) -> Result<Stat, Errno>;
    /// `lstat(2)`: describes a symbolic link itself.
    fn lstat(&self, path: &str) -> Result<Stat, Errno>;
    /// The content of a regular file.
    fn read(&self, path: &str, cred: Cred) -> Result<Data, Errno>;
    /// Names inside a directory, sorted, without `.` and `..`.
    fn readdir(&self, path: &str, cred: Cred) -> Result<Vec<String>, Errno>;
    /// The resolved absolute path of an existing node.
    fn realpath(&self, path: &str) -> Result<String, Errno>;
    /// Writes a regular file (creating it with mode 0644 if missing), replacing or
    /// appending to its content.
    fn write(&mut self, path: &str, bytes: &[u8], append: bool, cred: Cred, now: Time) -> Result<(), Errno>;
    /// Creates a node where nothing exists (`mkdir`, `ln -s`, `cp`); `EEXIST` otherwise.
    fn create(&mut self, path: &str, node: Node, cred: Cred, now: Time) -> Result<(), Errno>;
    /// Removes a non-directory.
    fn unlink(&mut self, path: &str, cred: Cred, now: Time) -> Result<(), Errno>;
    /// Removes an empty directory.
    fn rmdir(&mut self, path: &str, cred: Cred, now: Time) -> Result<(), Errno>;
    /// Moves a node (and what is under it).
    fn rename(&mut self, from: &str, to: &str, cred: Cred, now: Time) -> Result<(), Errno>;
    /// Changes mode, owner or times (`chmod`, `chown`, `touch`).
    fn set_meta(
        &mut self,
        path: &str,
        follow: bool,
        cred: Cred,
        change: &mut dyn FnMut(&mut Meta),
    ) -> Result<(), Errno>;
}

#[cfg(test)]
mod tests;
