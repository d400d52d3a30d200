//! `POST /images/create`: pulling an image from a registry, layer by layer, skipping the
//! layers the daemon already has.
//!
//! Invariant: after a successful pull the reference points at the image, and every layer of
//! the image is in the daemon's layer store.

use super::{Api, ApiError, ApiResult, query_escape};
use crate::engine::clock::Span;
use crate::engine::event::{Actor, EventKind, RegistryId};
use crate::engine::ids::short;
use crate::engine::model::build_cache::{BuildBase, RecordKind, record_id};
use crate::engine::model::image::StoredLayer;
use crate::engine::model::registry::{Manifest, RegistryKind};
use crate::engine::oci;
use crate::engine::reference::Reference;

/// What happened to one layer during a pull.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayerStatus {
    AlreadyExists,
    PullComplete,
}

/// Where a pull puts the image: the image store (`docker pull`, `docker run`), or only
/// BuildKit's cache (a build's base: its layers, no image and no tag).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PullInto {
    ImageStore,
    BuildCache,
}

/// The result of a pull, enough for the client to print Docker's progress lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PullReport {
    /// The reference pulled (normalized, with tag or digest).
    pub reference: Reference,
    /// One entry per layer of the image: short blob digest (12 hex) and status. Empty when the
    /// image was already present.
    pub layers: Vec<(String, LayerStatus)>,
    /// Manifest digest (`sha256:…`).
    pub digest: String,
    /// The tag already pointed at this image ("Image is up to date").
    pub up_to_date: bool,
    pub image_id: String,
}

/// Simulated network speed for layer downloads: bytes per second.
const DOWNLOAD_BYTES_PER_SEC: u64 = 60_000_000;

impl Api<'_> {
    /// Pulls `reference` (normalized; a tag or digest must be set).
    pub fn image_pull(&mut self, reference: &Reference) -> ApiResult<PullReport> {
        let tag_or_digest = reference.digest.clone().unwrap_or_else(|| reference.tag_or_latest().to_string());
        let path = if reference.digest.is_some() {
            format!("/images/create?fromImage={}", query_escape(&format!("{}@{tag_or_digest}", reference.familiar_name())))
        } else {
            format!(
                "/images/create?fromImage={}&tag={}",
                query_escape(&reference.familiar_name()),
                query_escape(&tag_or_digest)
            )
        };
        self.serve("POST", &path, 200, |api| api.pull_inner(reference, &tag_or_digest, PullInto::ImageStore))
    }

    pub(crate) fn pull_inner(&mut self, reference: &Reference, tag_or_digest: &str, into: PullInto) -> ApiResult<PullReport> {
        let registry = self.reach_registry(&reference.domain)?;
        let reg_actor = Actor::Registry { registry };
        let path = &reference.path;
        self.emit_from_daemon(
            reg_actor.clone(),
            EventKind::RegistryRequest { method: "GET".into(), path: format!("/v2/{path}/manifests/{tag_or_digest}") },
        );
        self.world.advance(Span::millis(150));
        let manifest = match self.find_manifest(registry, reference, tag_or_digest) {
            Ok(m) => m,
            Err(e) => {
                self.world.emit(reg_actor, Actor::Daemon { daemon: self.daemon }, EventKind::RegistryResponse { status: 404 });
                return Err(e);
            }
        };
        self.world.emit(reg_actor.clone(), Actor::Daemon { daemon: self.daemon }, EventKind::RegistryResponse { status: 200 });

        let content = self.world.registry(registry).content.clone();
        let image = content.configs.get(&manifest.config).cloned().ok_or_else(|| {
            ApiError::server(format!("manifest unknown: config {} missing", manifest.config))
        })?;
        let mut layers = Vec::new();
        let present = match into {
            PullInto::ImageStore => self.daemon().images.contains_key(&image.id),
            PullInto::BuildCache => false,
        };
        if !present {
            self.emit_from_daemon(
                reg_actor.clone(),
                EventKind::RegistryRequest { method: "GET".into(), path: format!("/v2/{path}/blobs/{}", manifest.config) },
            );
            let chains = oci::chain_ids(&image.layers);
            let count = manifest.layers.len() as u32;
            for (i, blob_digest) in manifest.layers.iter().enumerate() {
                let chain = &chains[i];
                let index = i as u32;
                if self.daemon().layers.contains_key(chain) {
                    layers.push((short(blob_digest).to_string(), LayerStatus::AlreadyExists));
                    let to = Actor::Image { daemon: self.daemon, image: image.id.clone() };
                    self.emit_from_daemon(to, EventKind::LayerAlreadyExists { digest: blob_digest.clone(), index, count });
                    continue;
                }
                let blob = content.blobs.get(blob_digest).cloned().ok_or_else(|| {
                    ApiError::server(format!("blob unknown: {blob_digest}"))
                })?;
                self.emit_from_daemon(
                    reg_actor.clone(),
                    EventKind::RegistryRequest { method: "GET".into(), path: format!("/v2/{path}/blobs/{blob_digest}") },
                );
                self.world.advance(Span::millis(80 + blob.size * 1000 / DOWNLOAD_BYTES_PER_SEC));
                self.world.emit(
                    reg_actor.clone(),
                    Actor::Daemon { daemon: self.daemon },
                    EventKind::LayerDownloaded { digest: blob_digest.clone(), size: blob.size, index, count },
                );
                self.daemon_mut().layers.insert(
                    chain.clone(),
                    StoredLayer {
                        diff_id: blob.diff_id.clone(),
                        blob_digest: blob.digest.clone(),
                        size: blob.size,
                        content: blob.content.clone(),
                    },
                );
                layers.push((short(blob_digest).to_string(), LayerStatus::PullComplete));
            }
            if into == PullInto::BuildCache {
                // BuildKit keeps the base in its cache: no image, no tag
                let base = BuildBase { digest: manifest.digest.clone(), image: (*image).clone() };
                let (now, hex) = (self.world.now(), self.world.ids.fresh("buildrecord"));
                let cache = &mut self.daemon_mut().build_cache;
                cache.bases.insert(reference.to_string(), base);
                cache.touch(&reference.to_string(), RecordKind::Regular, 0, now, || record_id(&hex)).chains = oci::chain_ids(&image.layers);
                return Ok(PullReport { reference: reference.clone(), layers, digest: manifest.digest.clone(), up_to_date: false, image_id: image.id.clone() });
            }
            self.daemon_mut().images.insert(image.id.clone(), (*image).clone());
        }
        // Like Docker, a pull records both the tag and the digest reference.
        let repo_digest = format!("{}@{}", reference.name(), manifest.digest);
        let key = if reference.digest.is_some() { repo_digest.clone() } else { reference.to_string() };
        let previous = self.daemon().references.get(&key).cloned();
        self.daemon_mut().references.insert(repo_digest, image.id.clone());
        self.daemon_mut().references.insert(key, image.id.clone());
        let up_to_date = previous.as_deref() == Some(image.id.as_str());
        if !up_to_date {
            let to = Actor::Image { daemon: self.daemon, image: image.id.clone() };
            self.emit_from_daemon(
                to,
                EventKind::ImageStored { image: image.id.clone(), reference: reference.familiar() },
            );
        }
        Ok(PullReport {
            reference: reference.clone(),
            layers,
            digest: manifest.digest.clone(),
            up_to_date,
            image_id: image.id.clone(),
        })
    }

    /// The registry serving `domain`, or the network error a daemon gets trying to reach it.
    pub(crate) fn reach_registry(&mut self, domain: &str) -> ApiResult<RegistryId> {
        let alias = domain.replace("127.0.0.1:", "localhost:");
        let found = self.world.registries.iter().find(|r| (r.domain == domain || r.domain == alias) && r.online && !r.removed);
        if let Some(r) = found {
            if let RegistryKind::Container { daemon, .. } = r.kind {
                // A registry container is reachable as localhost only from its own host.
                let here = self.world.daemon(self.daemon).host;
                let there = self.world.daemon(daemon).host;
                if domain.starts_with("localhost") && here != there {
                    return Err(connection_refused(domain));
                }
            }
            return Ok(r.id);
        }
        let host = domain.split(':').next().unwrap_or(domain);
        if host == "localhost" || host == "127.0.0.1" || host.parse::<std::net::Ipv4Addr>().is_ok() {
            return Err(connection_refused(domain));
        }
        Err(ApiError::server(format!(
            "Get \"https://{domain}/v2/\": dial tcp: lookup {host} on 127.0.0.53:53: no such host"
        )))
    }

    fn find_manifest(&self, registry: RegistryId, r: &Reference, tag_or_digest: &str) -> ApiResult<Manifest> {
        let reg = self.world.registry(registry);
        let repo = reg.content.repos.get(&r.path);
        let shown = if r.digest.is_some() {
            format!("{}@{tag_or_digest}", r.familiar_name())
        } else {
            format!("{}:{tag_or_digest}", r.familiar_name())
        };
        let Some(repo) = repo else {
            if reg.kind == RegistryKind::Hub {
                return Err(ApiError::not_found(format!(
                    "pull access denied for {}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
                    r.familiar_name()
                )));
            }
            return Err(ApiError::not_found(format!(
                "manifest for {shown} not found: manifest unknown: manifest unknown"
            )));
        };
        let digest = if r.digest.is_some() {
            Some(tag_or_digest.to_string()).filter(|d| repo.tags.values().any(|m| m == d))
        } else {
            repo.tags.get(tag_or_digest).cloned()
        };
        digest
            .and_then(|d| reg.content.manifests.get(&d).cloned())
            .ok_or_else(|| {
                ApiError::not_found(format!("manifest for {shown} not found: manifest unknown: manifest unknown"))
            })
    }
}

fn connection_refused(domain: &str) -> ApiError {
    let (host, port) = domain.split_once(':').unwrap_or((domain, "443"));
    let addr = if host == "localhost" { format!("[::1]:{port}") } else { format!("{host}:{port}") };
    let scheme = if host == "localhost" || host.starts_with("127.") { "http" } else { "https" };
    ApiError::server(format!(
        "Get \"{scheme}://{domain}/v2/\": dial tcp {addr}: connect: connection refused"
    ))
}
