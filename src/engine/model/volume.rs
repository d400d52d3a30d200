//! Volumes a daemon manages (the `local` driver) and the mount points that bring volumes,
//! host directories (bind mounts) and tmpfs into a container.
//!
//! Invariant: a volume's content lives in the daemon, not in any container: removing a
//! container never touches a named volume; a volume some container mounts is never removed.

use std::collections::BTreeMap;

use super::config::MountKind;
use crate::engine::clock::Time;
use crate::engine::fs::Tree;

/// The label moby 28 puts on volumes it names itself (`docker volume prune` without `-a`
/// only removes those).
pub const ANONYMOUS_LABEL: &str = "com.docker.volume.anonymous";

/// Where the daemon keeps volumes on its host.
pub const VOLUMES_ROOT: &str = "/var/lib/docker/volumes";

/// A volume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Volume {
    pub name: String,
    /// `local`.
    pub driver: String,
    pub created: Time,
    pub labels: BTreeMap<String, String>,
    /// Driver options (`-o type=tmpfs`…); shown, not acted on.
    pub options: BTreeMap<String, String>,
    /// The files in it, rooted at the volume's `_data` directory.
    pub content: Tree,
}

impl Volume {
    /// Created without a name (`-v /data`, an image `VOLUME`).
    pub fn anonymous(&self) -> bool {
        self.labels.contains_key(ANONYMOUS_LABEL)
    }

    /// `Mountpoint`: `/var/lib/docker/volumes/NAME/_data`.
    pub fn mountpoint(&self) -> String {
        mountpoint_of(&self.name)
    }
}

/// The host directory holding volume `name`'s files.
pub fn mountpoint_of(name: &str) -> String {
    format!("{VOLUMES_ROOT}/{name}/_data")
}

/// One mount of a container (moby's `volume/mounts.MountPoint`), as `inspect` shows it in
/// `Mounts`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MountPoint {
    pub kind: MountKind,
    /// Volume name (empty for binds and tmpfs).
    pub name: String,
    /// Host path: the bind source, or the volume's mountpoint.
    pub source: String,
    /// Absolute path in the container.
    pub destination: String,
    /// `local` for volumes, empty otherwise.
    pub driver: String,
    /// The mode string given (`ro`, `z`, `rw`…).
    pub mode: String,
    pub rw: bool,
    /// `rprivate` for binds, empty otherwise.
    pub propagation: String,
    /// Created without a name: removed with the container by `--rm` and `rm -v`.
    pub anonymous: bool,
}

impl MountPoint {
    /// `Type` as the API spells it.
    pub fn kind_str(&self) -> &'static str {
        match self.kind {
            MountKind::Volume => "volume",
            MountKind::Bind => "bind",
            MountKind::Tmpfs => "tmpfs",
        }
    }
}
