//! `POST /build`: the daemon's BuildKit runs the Dockerfile ([`crate::engine::build`])
//! against this daemon's image store, registries and build cache, then exports the final
//! stage as an image and names it.
//!
//! Invariant: a failed build stores no image and moves no tag; the build cache keeps every
//! step that finished (as BuildKit does), so a retry after a fix reuses them.

use std::sync::Arc;

use super::{Api, ApiResult, query_escape};
use crate::engine::build::history::Entry;
use crate::engine::build::solver::{self, Backend, Base, Built, CacheRecord, Pulled};
use crate::engine::build::step::StageLayer;
use crate::engine::build::{BuildOptions, BuildReport, Vertex, VertexEnd, VertexStatus, human_bytes};
use crate::engine::clock::{Span, Time};
use crate::engine::event::{Actor, EventKind};
use crate::engine::api::pull::PullInto;
use crate::engine::model::build_cache::{RecordKind, record_id};
use crate::engine::model::image::{HistoryEntry, Image, StoredLayer};
use crate::engine::oci;
use crate::engine::reference::Reference;

struct DaemonBackend<'a, 'w> {
    api: &'a mut Api<'w>,
}

fn stage_layers(api: &Api<'_>, img: &Image) -> Vec<StageLayer> {
    let d = api.daemon();
    oci::chain_ids(&img.layers)
        .iter()
        .zip(&img.layers)
        .filter_map(|(chain, diff)| d.layers.get(chain).map(|l| StageLayer { diff_id: diff.clone(), content: l.content.clone(), size: l.size }))
        .collect()
}

fn base_of(api: &Api<'_>, img: &Image) -> Base {
    Base {
        id: img.id.clone(),
        config: img.config.clone(),
        history: img
            .history
            .iter()
            .map(|h| Entry { created: Some(h.created), created_by: h.created_by.clone(), comment: h.comment.clone(), empty_layer: h.empty_layer, size: h.size })
            .collect(),
        layers: stage_layers(api, img),
        pulled: None,
        repo_digest: None,
    }
}

impl Backend for DaemonBackend<'_, '_> {
    fn now(&self) -> Time {
        self.api.world.now()
    }
    fn advance(&mut self, span: Span) {
        self.api.world.advance(span);
    }
    fn cache_get(&self, key: &str) -> Option<CacheRecord> {
        self.api.daemon().build_cache.steps.get(key).cloned()
    }
    fn cache_put(&mut self, key: &str, rec: CacheRecord) {
        let now = self.api.world.now();
        let size = rec.layer.as_ref().map_or(0, |l| l.size);
        let hex = self.api.world.ids.fresh("buildrecord");
        let cache = &mut self.api.daemon_mut().build_cache;
        let snapshot = rec.layer.is_some();
        cache.steps.insert(key.to_string(), rec);
        if snapshot {
            cache.touch(key, RecordKind::Regular, size, now, || record_id(&hex));
        }
    }
    fn local_base(&self, r: &Reference) -> Option<Base> {
        let d = self.api.daemon();
        let Some(img) = d.references.get(&r.to_string()).and_then(|id| d.images.get(id)) else {
            // pulled by an earlier build: in BuildKit's cache, not in the image store
            let b = d.build_cache.bases.get(&r.to_string())?;
            let mut base = base_of(self.api, &b.image);
            base.repo_digest = Some(b.digest.clone());
            return Some(base);
        };
        let id = &img.id;
        let mut base = base_of(self.api, img);
        let prefix = format!("{}@", r.name());
        base.repo_digest = d
            .references
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .find(|(_, v)| *v == id)
            .map(|(k, _)| k[prefix.len()..].to_string());
        Some(base)
    }
    fn pull_base(&mut self, r: &Reference) -> Result<Base, String> {
        let t0 = self.api.world.now();
        let tag = r.digest.clone().unwrap_or_else(|| r.tag_or_latest().to_string());
        let report = self.api.pull_inner(r, &tag, PullInto::BuildCache).map_err(|e| resolve_error(r, &e.message()))?;
        let img = self.api.daemon().build_cache.bases.get(&r.to_string()).map(|b| b.image.clone()).ok_or_else(|| "image vanished".to_string())?;
        let mut base = base_of(self.api, &img);
        let mut statuses = vec![VertexStatus { id: format!("resolve {r}@{}", report.digest), bytes: None, took: Span::millis(10) }];
        let d = self.api.daemon();
        let chains = oci::chain_ids(&img.layers);
        for chain in &chains {
            if let Some(l) = d.layers.get(chain) {
                let b = human_bytes(l.size);
                statuses.push(VertexStatus { id: l.blob_digest.clone(), bytes: Some(format!("{b} / {b}")), took: Span::millis(80 + l.size / 60_000) });
            }
        }
        for chain in &chains {
            if let Some(l) = d.layers.get(chain) {
                statuses.push(VertexStatus { id: format!("extracting {}", l.blob_digest), bytes: None, took: Span::millis(50 + l.size / 200_000) });
            }
        }
        let took = self.api.world.now().since(t0);
        base.pulled = Some(Pulled { digest: report.digest, statuses, took });
        Ok(base)
    }
    fn kernel(&self) -> String {
        let host = self.api.daemon().host;
        self.api.world.host(host).kernel.clone()
    }
    fn fresh_id(&mut self) -> String {
        let hex = self.api.world.ids.fresh("buildref");
        format!("{}-{}-{}-{}-{}{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32], &hex[32..36])
    }
    fn step_event(&mut self, name: &str, cached: bool) {
        let to = Actor::Daemon { daemon: self.api.daemon };
        self.api.emit_from_daemon(to, EventKind::BuildStep { step: name.to_string(), cached });
    }
}

/// The resolver's words for a base image a registry does not have.
fn resolve_error(r: &Reference, daemon_msg: &str) -> String {
    if daemon_msg.contains("pull access denied") || daemon_msg.contains("requested access to the resource is denied") {
        "pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed".into()
    } else if daemon_msg.contains("manifest unknown") || daemon_msg.contains("not found") {
        format!("{r}: not found")
    } else {
        daemon_msg.to_string()
    }
}

impl Api<'_> {
    /// `POST /build`: always answers 200 (the failure, if any, is in the report, as
    /// BuildKit streams it).
    pub fn image_build(&mut self, opts: &BuildOptions) -> ApiResult<BuildReport> {
        let mut path = "/build?".to_string();
        for t in &opts.tags {
            path.push_str(&format!("t={}&", query_escape(&t.familiar())));
        }
        path.push_str("version=2");
        self.serve("POST", &path, 200, |api| Ok(api.build_inner(opts)))
    }

    fn build_inner(&mut self, opts: &BuildOptions) -> BuildReport {
        let (mut report, built) = {
            let mut b = DaemonBackend { api: self };
            solver::solve(&mut b, opts)
        };
        self.keep_sources(opts, &report);
        if let Some(built) = built {
            let start = self.world.now();
            let id = self.export(built, opts);
            let at = report.took;
            let mut v = Vertex::new("exporting to image", at);
            let had_new = report.vertices.iter().any(|v| matches!(v.end, VertexEnd::Done(d) if d > Span::ZERO) && !v.name.starts_with("[internal]"));
            let layers_took = if had_new { Span::millis(100) } else { Span::ZERO };
            self.world.advance(layers_took + Span::millis(10));
            v.statuses.push(VertexStatus { id: "exporting layers".into(), bytes: None, took: layers_took });
            v.statuses.push(VertexStatus { id: format!("writing image {id}"), bytes: None, took: Span::ZERO });
            // as typed, normalized but with no default tag: moby's exporter names what
            // ParseNormalizedNamed gives (`-t app` → `docker.io/library/app`)
            for t in &opts.tags {
                v.statuses.push(VertexStatus { id: format!("naming to {t}"), bytes: None, took: Span::ZERO });
            }
            v.end = VertexEnd::Done(self.world.now().since(start));
            report.vertices.push(v);
            report.image_id = Some(id);
            report.took = report.took + self.world.now().since(start);
        }
        report
    }

    /// BuildKit's `source.local` records: what the client sent from this directory (the
    /// Dockerfile, `.dockerignore`, the context when a step read it).
    fn keep_sources(&mut self, opts: &BuildOptions, report: &BuildReport) {
        let df = opts.dockerfile.as_ref().map_or(0, |t| t.len() as u64);
        let mut sent = vec![("dockerfile", df), ("dockerignore", opts.dockerignore_size)];
        if report.vertices.iter().any(|v| v.name == "[internal] load build context") {
            sent.push(("context", opts.context.size()));
        }
        let now = self.world.now();
        for (name, size) in sent {
            let hex = self.world.ids.fresh("buildrecord");
            let key = format!("{}\u{0}{name}", opts.context_dir);
            self.daemon_mut().build_cache.touch(&key, RecordKind::SourceLocal, size, now, || record_id(&hex));
        }
    }

    /// Stores the built image and its layers, and points the tags at it.
    fn export(&mut self, built: Built, opts: &BuildOptions) -> String {
        let diff_ids: Vec<String> = built.layers.iter().map(|l| l.diff_id.clone()).collect();
        let chains = oci::chain_ids(&diff_ids);
        // the step records now hold these layers on disk, whatever happens to the image
        let cache = &mut self.daemon_mut().build_cache;
        for (diff, chain) in diff_ids.iter().zip(&chains) {
            let keys: Vec<String> = cache.steps.iter().filter(|(_, r)| r.layer.as_ref().is_some_and(|l| &l.diff_id == diff)).map(|(k, _)| k.clone()).collect();
            for k in keys {
                if let Some(r) = cache.record_mut(&k)
                    && !r.chains.contains(chain)
                {
                    r.chains.push(chain.clone());
                }
            }
        }
        for (l, chain) in built.layers.iter().zip(&chains) {
            if !self.daemon().layers.contains_key(chain) {
                self.daemon_mut().layers.insert(
                    chain.clone(),
                    StoredLayer {
                        blob_digest: crate::engine::ids::digest_of(format!("gzip\n{}", l.diff_id).as_bytes()),
                        diff_id: l.diff_id.clone(),
                        size: l.size,
                        content: Arc::clone(&l.content),
                    },
                );
            }
        }
        let history = built
            .history
            .iter()
            .map(|h| HistoryEntry {
                created: h.created.unwrap_or(built.created),
                created_by: h.created_by.clone(),
                comment: h.comment.clone(),
                empty_layer: h.empty_layer,
                size: h.size,
            })
            .collect();
        let mut image = Image {
            id: String::new(),
            parent: String::new(),
            created: built.created,
            config: built.config,
            history,
            layers: diff_ids,
            os: "linux".into(),
            architecture: "amd64".into(),
            author: String::new(),
            comment: "buildkit.dockerfile.v0".into(),
            container: String::new(),
            docker_version: String::new(),
            last_tag_time: None,
        };
        image.comment = String::new();
        image.id = oci::image_id(&image);
        let id = image.id.clone();
        let new = !self.daemon().images.contains_key(&id);
        self.daemon_mut().images.entry(id.clone()).or_insert(image);
        let to = Actor::Image { daemon: self.daemon, image: id.clone() };
        if new {
            let reference = opts.tags.first().map(|r| r.clone().with_default_tag().familiar()).unwrap_or_default();
            self.emit_from_daemon(to.clone(), EventKind::ImageStored { image: id.clone(), reference });
        }
        let now = self.world.now();
        for t in &opts.tags {
            let t = t.clone().with_default_tag();
            let key = t.to_string();
            let previous = self.daemon_mut().references.insert(key, id.clone());
            if previous.as_deref() != Some(id.as_str()) {
                if let Some(img) = self.daemon_mut().images.get_mut(&id) {
                    img.last_tag_time = Some(now);
                }
                self.emit_from_daemon(to.clone(), EventKind::ImageTagged { image: id.clone(), reference: t.familiar() });
            }
        }
        id
    }
}
