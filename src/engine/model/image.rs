//! Images as the daemon stores them: a config plus an ordered stack of read-only layers,
//! referenced by tags. Layers are content-addressed and shared between images.
//!
//! Invariant: an image's ID is the digest of its config, and every diff ID in
//! `Image::layers` is present in the daemon's layer store.

use super::config::Config;
use crate::engine::clock::Time;

/// One entry of an image's history (`docker history`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryEntry {
    pub created: Time,
    pub created_by: String,
    pub comment: String,
    /// A metadata-only step (no layer).
    pub empty_layer: bool,
    /// Size of the layer this step produced (0 when `empty_layer`).
    pub size: u64,
}

/// An image in a daemon's store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    /// `sha256:<64 hex>`, the digest of the image config.
    pub id: String,
    /// The image this one was committed or built from (legacy builder/commit); empty when pulled.
    pub parent: String,
    pub created: Time,
    pub config: Config,
    pub history: Vec<HistoryEntry>,
    /// Diff IDs of the layers, bottom first.
    pub layers: Vec<String>,
    pub os: String,
    pub architecture: String,
    pub author: String,
    pub comment: String,
    /// For a committed image: the container it came from.
    pub container: String,
    pub docker_version: String,
    /// When a tag last moved onto this image (`Metadata.LastTagTime`), if ever tagged locally.
    pub last_tag_time: Option<Time>,
}

/// A read-only layer in a daemon's store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredLayer {
    /// `sha256:…` of the uncompressed content (the diff ID).
    pub diff_id: String,
    /// `sha256:…` of the compressed blob as a registry knows it.
    pub blob_digest: String,
    /// Size in bytes, as Docker reports it.
    pub size: u64,
    /// The files of the layer.
    pub content: std::sync::Arc<crate::engine::fs::Tree>,
}
