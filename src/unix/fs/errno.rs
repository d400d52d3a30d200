//! Error numbers of the simulated kernel. File-system calls fail with an [`Errno`]; the
//! applets turn it into the libc message text the real tool prints (`strerror`).
//!
//! Invariant: every variant has exactly one message per libc flavour.

use std::fmt;

/// An `errno` value, as returned by a failed system call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Errno {
    ENOENT,
    ENOTDIR,
    EISDIR,
    EEXIST,
    ENOTEMPTY,
    EACCES,
    EPERM,
    EROFS,
    ELOOP,
    EINVAL,
    EXDEV,
    EBUSY,
    ENAMETOOLONG,
    EFBIG,
    ENOEXEC,
}

impl Errno {
    /// The `strerror` text (glibc and musl agree on all but `ELOOP`; glibc's is used).
    pub fn message(self) -> &'static str {
        match self {
            Errno::ENOENT => "No such file or directory",
            Errno::ENOTDIR => "Not a directory",
            Errno::EISDIR => "Is a directory",
            Errno::EEXIST => "File exists",
            Errno::ENOTEMPTY => "Directory not empty",
            Errno::EACCES => "Permission denied",
            Errno::EPERM => "Operation not permitted",
            Errno::EROFS => "Read-only file system",
            Errno::ELOOP => "Too many levels of symbolic links",
            Errno::EINVAL => "Invalid argument",
            Errno::EXDEV => "Invalid cross-device link",
            Errno::EBUSY => "Resource busy",
            Errno::ENAMETOOLONG => "File name too long",
            Errno::EFBIG => "File too large",
            Errno::ENOEXEC => "Exec format error",
        }
    }

    /// The message as musl (Alpine) prints it.
    pub fn message_musl(self) -> &'static str {
        match self {
            Errno::ELOOP => "Symbolic link loop",
            Errno::EBUSY => "Resource busy",
            other => other.message(),
        }
    }
}

impl fmt::Display for Errno {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}
