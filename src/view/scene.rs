//! The scene: what the architecture diagram shows, as plain data derived from the world
//! (never stored in it). Hosts hold daemons, daemons hold images, layers, containers,
//! volumes and networks; clients and registries sit outside. [`crate::view::scene_build`]
//! computes it from a [`crate::engine::World`]; [`crate::view::layout`] places it;
//! [`crate::view::anim_reveal`] computes the intermediate scenes an animation shows.
//!
//! Invariant: a scene is a pure function of the world it was built from; every collection
//! is in a deterministic order (creation order for containers, sorted for the rest), and
//! every [`NodeId`] names at most one object.

use crate::engine::event::{ClientId, DaemonId, HostId, RegistryId};

pub use super::scene_id::NodeId;
use crate::engine::model::container::Status;

/// Everything the diagram can draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub clients: Vec<ClientView>,
    pub hosts: Vec<HostView>,
    pub registries: Vec<RegistryView>,
}

/// How a host runs Docker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    Linux,
    /// Docker Desktop on Windows: the daemon lives in a WSL 2 VM.
    WindowsDesktop,
    /// Docker Desktop on macOS: the daemon lives in a Linux VM.
    MacDesktop,
}

impl Platform {
    pub fn is_desktop(self) -> bool {
        !matches!(self, Platform::Linux)
    }
}

/// A `docker` CLI.
#[derive(Clone, Debug, PartialEq)]
pub struct ClientView {
    pub id: ClientId,
    pub host: HostId,
    pub context: String,
    pub endpoint: String,
    /// The daemon its current context talks to.
    pub daemon: DaemonId,
}

/// A machine.
#[derive(Clone, Debug, PartialEq)]
pub struct HostView {
    pub id: HostId,
    pub name: String,
    pub platform: Platform,
    pub kernel: String,
    pub os_name: String,
    pub ip: String,
    pub daemons: Vec<DaemonView>,
}

/// A `dockerd` and what it owns.
#[derive(Clone, Debug, PartialEq)]
pub struct DaemonView {
    pub id: DaemonId,
    pub host: HostId,
    pub running: bool,
    /// Sorted by first tag, then ID.
    pub images: Vec<ImageView>,
    /// Sorted by chain ID.
    pub layers: Vec<LayerView>,
    /// Oldest first (creation order), so new ones appear at the end.
    pub containers: Vec<ContainerView>,
    /// Sorted by name.
    pub volumes: Vec<VolumeView>,
    /// Built-in networks first (`bridge`, `host`, `none`), then by name.
    pub networks: Vec<NetworkView>,
}

/// An image: read-only layers plus a config, named by tags.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageView {
    /// `sha256:…`.
    pub id: String,
    /// Familiar references (`nginx:latest`), sorted.
    pub tags: Vec<String>,
    /// Familiar digest references (`nginx@sha256:…`), sorted.
    pub digests: Vec<String>,
    /// Chain IDs of its layers, bottom first.
    pub layers: Vec<String>,
    pub size: u64,
    pub created: String,
    pub command: String,
    pub entrypoint: String,
    pub env: Vec<String>,
    pub exposed_ports: Vec<String>,
    pub volumes: Vec<String>,
    pub working_dir: String,
}

/// A read-only layer in a daemon's store.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerView {
    pub chain_id: String,
    pub diff_id: String,
    /// The registry's name for it (compressed blob digest).
    pub blob_digest: String,
    pub size: u64,
}

/// One `-p` mapping.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PortView {
    /// `80/tcp`.
    pub container_port: String,
    /// `0.0.0.0` when all interfaces.
    pub host_ip: String,
    /// Empty while the daemon has not chosen an ephemeral port.
    pub host_port: String,
}

/// A container's attachment to a network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointView {
    pub network: String,
    /// Empty while the container is not running.
    pub ip: String,
}

/// What a mount brings in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MountKind {
    Volume,
    Bind,
    Tmpfs,
}

/// One mount of a container.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct MountView {
    pub kind: MountKind,
    /// Volume name or host path (empty for tmpfs).
    pub source: String,
    pub target: String,
    pub read_only: bool,
}

/// A container: an image's layers plus its own writable layer, running or not.
#[derive(Clone, Debug, PartialEq)]
pub struct ContainerView {
    /// 64 hex.
    pub id: String,
    pub name: String,
    pub seq: u64,
    /// Image ID.
    pub image: String,
    /// The image as the user named it (`nginx`, `alpine:3.22`).
    pub image_ref: String,
    pub status: Status,
    pub exit_code: i32,
    /// Docker's STATUS column (`Up 3 seconds`, `Exited (0) 2 minutes ago`).
    pub docker_status: String,
    pub command: String,
    pub env: Vec<String>,
    pub working_dir: String,
    pub restart_policy: String,
    pub auto_remove: bool,
    pub exposed_ports: Vec<String>,
    pub ports: Vec<PortView>,
    /// Sorted by network name; the first is the zone the container is drawn in.
    pub networks: Vec<EndpointView>,
    pub mounts: Vec<MountView>,
    pub rw_size: u64,
    /// Paths changed in the writable layer (counted from events until the engine exposes them).
    pub rw_changes: u32,
}

impl ContainerView {
    /// A process runs in it (running, paused or restarting).
    pub fn is_up(&self) -> bool {
        matches!(self.status, Status::Running | Status::Paused | Status::Restarting)
    }
    /// The network zone it is drawn in.
    pub fn primary_network(&self) -> &str {
        self.networks.first().map_or("", |e| e.network.as_str())
    }
}

/// A named volume (or an anonymous one, named by a 64-hex ID).
#[derive(Clone, Debug, PartialEq)]
pub struct VolumeView {
    pub name: String,
    pub driver: String,
    pub anonymous: bool,
}

/// A network of a daemon.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkView {
    pub id: String,
    pub name: String,
    pub driver: String,
    pub subnet: String,
    pub gateway: String,
    pub builtin: bool,
}

/// A repository in a registry and its tags.
#[derive(Clone, Debug, PartialEq)]
pub struct RepoView {
    /// `library/nginx`.
    pub path: String,
    /// `nginx`.
    pub familiar: String,
    pub official: bool,
    pub private: bool,
    /// (tag, manifest digest), sorted by tag.
    pub tags: Vec<(String, String)>,
}

/// Docker Hub or a private registry.
#[derive(Clone, Debug, PartialEq)]
pub struct RegistryView {
    pub id: RegistryId,
    pub domain: String,
    pub hub: bool,
    pub online: bool,
    pub repos: Vec<RepoView>,
}

impl Scene {
    pub fn daemons(&self) -> impl Iterator<Item = &DaemonView> {
        self.hosts.iter().flat_map(|h| h.daemons.iter())
    }

    pub fn daemon(&self, id: DaemonId) -> Option<&DaemonView> {
        self.daemons().find(|d| d.id == id)
    }

    pub fn daemon_mut(&mut self, id: DaemonId) -> Option<&mut DaemonView> {
        self.hosts.iter_mut().flat_map(|h| h.daemons.iter_mut()).find(|d| d.id == id)
    }

    pub fn host(&self, id: HostId) -> Option<&HostView> {
        self.hosts.iter().find(|h| h.id == id)
    }

    pub fn registry(&self, id: RegistryId) -> Option<&RegistryView> {
        self.registries.iter().find(|r| r.id == id)
    }

    /// Number of containers over all daemons.
    pub fn container_count(&self) -> usize {
        self.daemons().map(|d| d.containers.len()).sum()
    }
}

impl DaemonView {
    pub fn image(&self, id: &str) -> Option<&ImageView> {
        self.images.iter().find(|i| i.id == id)
    }
    pub fn layer(&self, chain_id: &str) -> Option<&LayerView> {
        self.layers.iter().find(|l| l.chain_id == chain_id)
    }
    /// The layer a registry knows as `blob_digest`.
    pub fn layer_by_blob(&self, blob_digest: &str) -> Option<&LayerView> {
        self.layers.iter().find(|l| l.blob_digest == blob_digest)
    }
    pub fn container(&self, id: &str) -> Option<&ContainerView> {
        self.containers.iter().find(|c| c.id == id)
    }
    pub fn network(&self, name_or_id: &str) -> Option<&NetworkView> {
        self.networks.iter().find(|n| n.name == name_or_id || n.id == name_or_id)
    }
    /// Containers created from `image`, oldest first.
    pub fn image_users(&self, image: &str) -> Vec<&ContainerView> {
        self.containers.iter().filter(|c| c.image == image).collect()
    }
    /// Images whose stack includes layer `chain_id`.
    pub fn layer_users(&self, chain_id: &str) -> Vec<&ImageView> {
        self.images.iter().filter(|i| i.layers.iter().any(|l| l == chain_id)).collect()
    }
    /// Containers mounting volume `name`.
    pub fn volume_users(&self, name: &str) -> Vec<&ContainerView> {
        self.containers
            .iter()
            .filter(|c| c.mounts.iter().any(|m| m.kind == MountKind::Volume && m.source == name))
            .collect()
    }
    /// Containers attached to network `name`.
    pub fn network_members(&self, name: &str) -> Vec<&ContainerView> {
        self.containers.iter().filter(|c| c.networks.iter().any(|e| e.network == name)).collect()
    }
    /// Layers no image uses (arrived during a pull still in progress).
    pub fn loose_layers(&self) -> Vec<&LayerView> {
        self.layers.iter().filter(|l| !self.images.iter().any(|i| i.layers.contains(&l.chain_id))).collect()
    }
}
