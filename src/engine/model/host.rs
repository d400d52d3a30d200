//! Hosts: the machines of the world. A Linux host runs a daemon directly; on Windows and
//! macOS (Docker Desktop) the daemon runs in a Linux VM and the client on the host.
//!
//! Invariant: a host's `daemon`, when set, names a daemon whose `host` is this host.

use crate::engine::event::{DaemonId, HostId};

/// The operating system a host runs, as far as Docker is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostKind {
    /// A Linux machine running `dockerd` itself.
    Linux,
    /// Windows with Docker Desktop: the daemon lives in a WSL 2 VM.
    WindowsDesktop,
    /// macOS with Docker Desktop: the daemon lives in a Linux VM.
    MacDesktop,
}

/// A machine.
#[derive(Clone, Debug)]
pub struct Host {
    pub id: HostId,
    /// Hostname (`docker info` Name, the shell prompt).
    pub name: String,
    pub kind: HostKind,
    /// Kernel of the Linux side (the VM's for Docker Desktop): `6.8.0-60-generic`.
    pub kernel: String,
    /// Operating system as `docker info` prints it.
    pub os_name: String,
    pub cpus: u32,
    pub memory_bytes: u64,
    /// The host's address on the machines' network.
    pub ip: String,
    pub daemon: Option<DaemonId>,
    /// The host's own files (bind-mount sources, build contexts): what changed over
    /// `base`.
    pub fs: crate::engine::fs::Tree,
    /// The host's read-only base files (its operating system), under `fs`; `None` for a
    /// bare host.
    pub base: Option<&'static crate::engine::fs::Tree>,
}
