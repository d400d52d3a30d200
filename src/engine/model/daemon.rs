//! Daemons (`dockerd`): each owns its image store, layer store and containers, on one host.
//!
//! Invariant: every container's image is in `images`; every layer referenced by an image is
//! in `layers`; no two containers share a name or an ID.

use std::collections::BTreeMap;

use super::container::Container;
use super::image::{Image, StoredLayer};
use super::network::Network;
use crate::engine::event::{DaemonId, HostId};

/// A Docker daemon.
#[derive(Clone, Debug)]
pub struct Daemon {
    pub id: DaemonId,
    pub host: HostId,
    /// Answers API requests.
    pub running: bool,
    /// Image ID → image.
    pub images: BTreeMap<String, Image>,
    /// Full reference (`docker.io/library/nginx:latest`, or `…@sha256:…`) → image ID.
    pub references: BTreeMap<String, String>,
    /// Diff ID → layer.
    pub layers: BTreeMap<String, StoredLayer>,
    /// Container ID → container.
    pub containers: BTreeMap<String, Container>,
    /// Creation counter: the next container's `seq`.
    pub next_seq: u64,
    /// The next host PID to hand out.
    pub next_pid: u32,
    /// Network ID → network.
    pub networks: BTreeMap<String, Network>,
    /// Exec instances created and not yet started: exec ID → (container ID, how to run it).
    pub pending_execs: BTreeMap<String, (String, crate::engine::proc::SpawnSpec)>,
    /// Attach streams of clients attached to containers: container ID → stream. A stream
    /// outlives its container (`--rm`) until the client has read it.
    pub streams: BTreeMap<String, AttachStream>,
    /// BuildKit's cache: step cache key → the step's result. It outlives the images built
    /// with it (`docker rmi` keeps it, as `docker builder prune` would not).
    pub build_cache: BTreeMap<String, crate::engine::build::solver::CacheRecord>,
}

/// What an attached client has not read yet of a container's main process.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttachStream {
    pub output: Vec<super::container::LogEntry>,
    /// How much of the container's log has been copied into `output`.
    pub log_cursor: usize,
    /// The exit code, once the main process ended (and no restart follows).
    pub exit: Option<i32>,
}

impl Daemon {
    pub fn new(id: DaemonId, host: HostId) -> Daemon {
        Daemon {
            id,
            host,
            running: true,
            images: BTreeMap::new(),
            references: BTreeMap::new(),
            layers: BTreeMap::new(),
            containers: BTreeMap::new(),
            next_seq: 0,
            next_pid: 2841,
            networks: BTreeMap::new(),
            pending_execs: BTreeMap::new(),
            streams: BTreeMap::new(),
            build_cache: BTreeMap::new(),
        }
    }

    /// The network named (or with ID or unique ID prefix) `name`.
    pub fn network_by_name(&self, name: &str) -> Option<&Network> {
        self.networks
            .values()
            .find(|n| n.name == name || n.id == name)
            .or_else(|| {
                let mut m = self.networks.values().filter(|n| n.id.starts_with(name));
                match (m.next(), m.next()) {
                    (Some(n), None) if !name.is_empty() => Some(n),
                    _ => None,
                }
            })
    }

    /// Containers, newest first (the order `docker ps` lists them).
    pub fn containers_newest_first(&self) -> Vec<&Container> {
        let mut v: Vec<&Container> = self.containers.values().collect();
        v.sort_by_key(|c| std::cmp::Reverse(c.seq));
        v
    }

    /// The references (full form) pointing at `image_id`, sorted.
    pub fn references_to(&self, image_id: &str) -> Vec<&str> {
        self.references
            .iter()
            .filter(|(_, id)| id.as_str() == image_id)
            .map(|(r, _)| r.as_str())
            .collect()
    }
}
