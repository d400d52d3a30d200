//! Registries: Docker Hub and private registries. A registry holds repositories, a
//! repository holds tags, a tag points at a manifest, a manifest lists a config and layer
//! blobs. Content is shared copy-on-write (`Arc`), so a fresh world costs nothing.
//!
//! Invariant: every tag points at a manifest present in `manifests`, and every manifest's
//! config and layer blobs are present in `configs` and `blobs`.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::image::Image;
use crate::engine::event::{DaemonId, RegistryId};

/// A layer blob as a registry stores it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blob {
    /// Compressed digest (`sha256:…`), the registry's name for it.
    pub digest: String,
    /// Uncompressed digest, the daemon's name for it.
    pub diff_id: String,
    pub size: u64,
    pub content: Arc<crate::engine::fs::Tree>,
}

/// An image manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    pub digest: String,
    /// Size of the manifest document in bytes (`docker push` prints it).
    pub size: u64,
    pub config: String,
    /// Layer blob digests, bottom first.
    pub layers: Vec<String>,
}

/// A repository: its tags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repository {
    /// Tag → manifest digest.
    pub tags: BTreeMap<String, String>,
    /// `docker search` metadata.
    pub description: String,
    pub stars: u32,
    pub official: bool,
    /// Only its owner (and logged-in readers) may pull a private repository.
    pub private: bool,
}

/// Everything a registry stores.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RegistryContent {
    /// Repository path (`library/nginx`) → repository.
    pub repos: BTreeMap<String, Repository>,
    pub manifests: BTreeMap<String, Manifest>,
    /// Config digest → the image it describes (its `id` is that digest).
    pub configs: BTreeMap<String, Arc<Image>>,
    pub blobs: BTreeMap<String, Blob>,
}

/// Where a registry comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegistryKind {
    /// Docker Hub, on the internet.
    Hub,
    /// A `registry:2` container published on a host port.
    Container { daemon: DaemonId, container: String },
}

/// A registry.
#[derive(Clone, Debug)]
pub struct Registry {
    pub id: RegistryId,
    /// The host name references use: `docker.io`, `localhost:5000`.
    pub domain: String,
    pub kind: RegistryKind,
    pub content: Arc<RegistryContent>,
    /// Accounts: username → password.
    pub accounts: BTreeMap<String, String>,
    /// Answers requests (a registry container that stopped does not).
    pub online: bool,
    /// Its container was removed: the registry is gone for good.
    pub removed: bool,
    /// The named volume holding a registry container's data, if any.
    pub volume: Option<String>,
}

impl Registry {
    /// Mutable content, copied on first write if shared.
    pub fn content_mut(&mut self) -> &mut RegistryContent {
        Arc::make_mut(&mut self.content)
    }
}
