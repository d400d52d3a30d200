//! `POST /images/{name}/push`: the daemon uploads an image to a registry layer by layer
//! (moby `distribution/push_v2.go`): `HEAD` each blob, skip what the repository has
//! ("Layer already exists"), mount what another repository of the registry has ("Mounted
//! from library/alpine"), upload the rest ("Pushed"), then `PUT` the manifest.
//!
//! Invariant: a push never changes the daemon; on success the registry's tag points at a
//! manifest whose config and blobs it holds.

use std::sync::Arc;

use super::{Api, ApiResult, query_escape};
use crate::engine::clock::Span;
use crate::engine::event::{Actor, EventKind, RegistryId};
use crate::engine::ids::short;
use crate::engine::model::registry::{Blob, Manifest, RegistryKind};
use crate::engine::oci;
use crate::engine::reference::Reference;

/// What happened to one layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PushStatus {
    Preparing,
    Pushed,
    AlreadyExists,
    /// Mounted from another repository of the same registry.
    MountedFrom(String),
}

/// What the client prints: the repository line, one line per layer (top first), then the
/// digest line or the error that ended the stream.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PushReport {
    /// `docker.io/library/app` (without tag).
    pub repository: String,
    pub layers: Vec<(String, PushStatus)>,
    /// `latest: digest: sha256:… size: 528`.
    pub result: Option<String>,
    pub error: Option<String>,
}

/// Simulated upload speed (bytes per second).
const UPLOAD_BYTES_PER_SEC: u64 = 20_000_000;

impl Api<'_> {
    /// Pushes `r` (with a tag) as `user` (the login the client has for its registry).
    pub fn image_push(&mut self, r: &Reference, user: Option<&str>) -> ApiResult<PushReport> {
        let path = format!("/images/{}/push?tag={}", query_escape(&r.familiar_name()), query_escape(r.tag_or_latest()));
        self.serve("POST", &path, 200, |api| Ok(api.push_inner(r, user)))
    }

    fn push_inner(&mut self, r: &Reference, user: Option<&str>) -> PushReport {
        let mut rep = PushReport { repository: r.name(), ..PushReport::default() };
        let key = r.clone().with_default_tag().to_string();
        let Some(id) = self.daemon().references.get(&key).cloned() else {
            rep.error = Some(format!("An image does not exist locally with the tag: {}", r.familiar_name()));
            return rep;
        };
        let registry = match self.reach_registry(&r.domain) {
            Ok(reg) => reg,
            Err(e) => {
                rep.error = Some(e.message());
                return rep;
            }
        };
        let img = self.daemon().images[&id].clone();
        let chains = oci::chain_ids(&img.layers);
        let layers: Vec<_> = chains.iter().filter_map(|c| self.daemon().layers.get(c).cloned()).collect();
        // Docker lists the layers top first.
        rep.layers = layers.iter().rev().map(|l| (short(&l.diff_id).to_string(), PushStatus::Preparing)).collect();
        let reg_actor = Actor::Registry { registry };
        let daemon_actor = Actor::Daemon { daemon: self.daemon };
        if let Err(e) = self.authorize(registry, &r.path, user) {
            self.emit_from_daemon(reg_actor.clone(), EventKind::RegistryRequest { method: "POST".into(), path: format!("/v2/{}/blobs/uploads/", r.path) });
            self.world.emit(reg_actor, daemon_actor, EventKind::RegistryResponse { status: 401 });
            rep.error = Some(e);
            return rep;
        }
        let n = layers.len();
        for (i, l) in layers.iter().enumerate() {
            let slot = n - 1 - i;
            self.emit_from_daemon(reg_actor.clone(), EventKind::RegistryRequest { method: "HEAD".into(), path: format!("/v2/{}/blobs/{}", r.path, l.blob_digest) });
            let content = &self.world.registry(registry).content;
            let status = if repo_has_blob(content, &r.path, &l.blob_digest) {
                self.emit_from_daemon(reg_actor.clone(), EventKind::LayerSkipped { digest: l.blob_digest.clone() });
                PushStatus::AlreadyExists
            } else if let Some(other) = repo_with_blob(content, &l.blob_digest) {
                self.emit_from_daemon(reg_actor.clone(), EventKind::RegistryRequest {
                    method: "POST".into(),
                    path: format!("/v2/{}/blobs/uploads/?from={}&mount={}", r.path, query_escape(&other), l.blob_digest),
                });
                self.emit_from_daemon(reg_actor.clone(), EventKind::LayerSkipped { digest: l.blob_digest.clone() });
                PushStatus::MountedFrom(other)
            } else {
                self.world.advance(Span::millis(100 + l.size * 1000 / UPLOAD_BYTES_PER_SEC));
                self.emit_from_daemon(reg_actor.clone(), EventKind::LayerPushed { digest: l.blob_digest.clone(), size: l.size });
                PushStatus::Pushed
            };
            let reg = &mut self.world.registries[registry.0 as usize];
            reg.content_mut().blobs.entry(l.blob_digest.clone()).or_insert_with(|| Blob {
                digest: l.blob_digest.clone(),
                diff_id: l.diff_id.clone(),
                size: l.size,
                content: Arc::clone(&l.content),
            });
            rep.layers[slot].1 = status;
        }
        let config_text = oci::image_config_json(&img).to_string();
        let blob_list: Vec<(String, u64)> = layers.iter().map(|l| (l.blob_digest.clone(), l.size)).collect();
        let text = oci::push_manifest_json(&img.id, config_text.len() as u64, &blob_list);
        let digest = crate::engine::ids::digest_of(text.as_bytes());
        let tag = r.tag_or_latest().to_string();
        self.emit_from_daemon(reg_actor.clone(), EventKind::RegistryRequest { method: "PUT".into(), path: format!("/v2/{}/manifests/{tag}", r.path) });
        self.world.emit(reg_actor, daemon_actor, EventKind::RegistryResponse { status: 201 });
        let reg = &mut self.world.registries[registry.0 as usize];
        let c = reg.content_mut();
        c.configs.entry(img.id.clone()).or_insert_with(|| Arc::new(img.clone()));
        c.manifests.insert(
            digest.clone(),
            Manifest { digest: digest.clone(), size: text.len() as u64, config: img.id.clone(), layers: blob_list.iter().map(|(d, _)| d.clone()).collect() },
        );
        let repo = c.repos.entry(r.path.clone()).or_default();
        repo.tags.insert(tag.clone(), digest.clone());
        // The daemon now knows the image by its digest in that repository too.
        let repo_digest = format!("{}@{digest}", r.name());
        self.daemon_mut().references.insert(repo_digest, id);
        rep.result = Some(format!("{tag}: digest: {digest} size: {}", text.len()));
        rep
    }

    /// Registry authorization for a push to `path`.
    fn authorize(&self, registry: RegistryId, path: &str, user: Option<&str>) -> Result<(), String> {
        let reg = self.world.registry(registry);
        if reg.kind != RegistryKind::Hub {
            return Ok(());
        }
        let namespace = path.split('/').next().unwrap_or("");
        match user {
            Some(u) if u == namespace => Ok(()),
            _ => Err("denied: requested access to the resource is denied".into()),
        }
    }

    /// `POST /auth`: checks credentials against a registry.
    pub fn registry_login(&mut self, server: &str, user: &str, password: &str) -> ApiResult<()> {
        self.serve("POST", "/auth", 200, |api| {
            let domain = if server.is_empty() || server.contains("docker.io") { "docker.io".to_string() } else { server.to_string() };
            let registry = api.reach_registry(&domain)?;
            let reg = api.world.registry(registry);
            let reg_actor = Actor::Registry { registry };
            let ok = reg.kind != RegistryKind::Hub || reg.accounts.get(user).is_some_and(|p| p == password);
            api.emit_from_daemon(reg_actor.clone(), EventKind::RegistryRequest { method: "GET".into(), path: "/v2/".into() });
            let status = if ok { 200 } else { 401 };
            let d = Actor::Daemon { daemon: api.daemon };
            api.world.emit(reg_actor, d, EventKind::RegistryResponse { status });
            if ok {
                Ok(())
            } else {
                let url = if domain == "docker.io" { "https://registry-1.docker.io/v2/".to_string() } else { format!("https://{domain}/v2/") };
                Err(super::ApiError::Daemon { status: 401, message: format!("Get \"{url}\": unauthorized: incorrect username or password") })
            }
        })
    }
}

/// Blobs the manifests of repository `path` use.
fn repo_has_blob(c: &crate::engine::model::registry::RegistryContent, path: &str, blob: &str) -> bool {
    c.repos.get(path).is_some_and(|repo| repo.tags.values().any(|m| c.manifests.get(m).is_some_and(|m| m.layers.iter().any(|l| l == blob))))
}

/// Another repository holding `blob`.
fn repo_with_blob(c: &crate::engine::model::registry::RegistryContent, blob: &str) -> Option<String> {
    c.repos.keys().find(|p| repo_has_blob(c, p, blob)).cloned()
}
