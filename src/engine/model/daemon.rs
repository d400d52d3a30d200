//! Daemons (`dockerd`): each owns its image store, layer store and containers, on one host.
//!
//! Invariant: every container's image is in `images` or, once deleted with `rmi -f` while
//! a stopped container still used it, in `retained`; every layer referenced by either is in
//! `layers`; no two containers share a name or an ID.

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
    /// Images deleted (`rmi -f`) while stopped containers still use them: gone from every
    /// list and lookup, but their layers stay until the last such container is removed.
    pub retained: BTreeMap<String, Image>,
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
    /// Volume name → volume.
    pub volumes: BTreeMap<String, super::volume::Volume>,
    /// Exec instances created and not yet started: exec ID → (container ID, how to run it).
    pub pending_execs: BTreeMap<String, (String, crate::engine::proc::SpawnSpec)>,
    /// Attach streams of clients attached to containers: container ID → stream. A stream
    /// outlives its container (`--rm`) until the client has read it.
    pub streams: BTreeMap<String, AttachStream>,
    /// BuildKit's cache: step results, bases pulled for builds, and the layers they keep.
    /// It outlives the images built with it (`docker rmi` keeps it, `docker builder prune`
    /// empties it).
    pub build_cache: super::build_cache::BuildCache,
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
            retained: BTreeMap::new(),
            layers: BTreeMap::new(),
            containers: BTreeMap::new(),
            next_seq: 0,
            next_pid: 2841,
            networks: BTreeMap::new(),
            volumes: BTreeMap::new(),
            pending_execs: BTreeMap::new(),
            streams: BTreeMap::new(),
            build_cache: super::build_cache::BuildCache::default(),
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

    /// The image a container runs on (possibly one deleted since, see `retained`).
    pub fn image_of(&self, c: &Container) -> Option<&Image> {
        image_in(&self.images, &self.retained, &c.image)
    }

    /// Deletes the layers of `img` (top first) that no stored or retained image uses;
    /// returns their chain IDs.
    pub fn delete_unused_layers(&mut self, img: &Image) -> Vec<String> {
        let in_use = self.chains_in_use();
        let mut removed = Vec::new();
        for chain in crate::engine::oci::chain_ids(&img.layers).into_iter().rev() {
            if in_use.contains(&chain) {
                break;
            }
            if self.layers.remove(&chain).is_some() {
                removed.push(chain);
            }
        }
        removed
    }

    /// The layers an image, a retained image or the build cache needs.
    fn chains_in_use(&self) -> std::collections::BTreeSet<String> {
        let mut in_use = self.build_cache.held_chains();
        in_use.extend(self.images.values().chain(self.retained.values()).flat_map(|i| crate::engine::oci::chain_ids(&i.layers)));
        in_use
    }

    /// Deletes every layer nothing needs any more (after the build cache let go of some).
    pub fn delete_unneeded_layers(&mut self) -> Vec<String> {
        let in_use = self.chains_in_use();
        let gone: Vec<String> = self.layers.keys().filter(|c| !in_use.contains(*c)).cloned().collect();
        for c in &gone {
            self.layers.remove(c);
        }
        gone
    }

    /// A retained image no container uses any more goes, with the layers only it held
    /// (returned).
    pub fn release_retained(&mut self, id: &str) -> Vec<String> {
        if self.containers.values().any(|c| c.image == id) {
            return Vec::new();
        }
        match self.retained.remove(id) {
            Some(img) => self.delete_unused_layers(&img),
            None => Vec::new(),
        }
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

/// An image by ID, in the store or among the retained ones.
pub fn image_in<'a>(images: &'a BTreeMap<String, Image>, retained: &'a BTreeMap<String, Image>, id: &str) -> Option<&'a Image> {
    images.get(id).or_else(|| retained.get(id))
}
