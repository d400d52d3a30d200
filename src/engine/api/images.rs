//! Image endpoints other than pull and prune: list, inspect, history, tag, remove.
//! The removal rules follow moby's `ImageDelete` conflict checks one for one.
//!
//! Invariant: an image is deleted only when no reference and no container uses it (unless
//! forced where Docker allows forcing), and its layers are deleted only when no remaining
//! image uses them.

use std::collections::{BTreeMap, BTreeSet};

use super::lookup::{self, ImageName};
use super::{Api, ApiError, ApiResult, query_escape};
use crate::engine::clock::Time;
use crate::engine::event::{Actor, EventKind};
use crate::engine::ids::short;
use crate::engine::model::image::Image;
use crate::engine::oci;
use crate::engine::reference::{self, Reference};

/// `GET /images/json` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageSummary {
    pub id: String,
    pub parent_id: String,
    /// Familiar `repo:tag` strings.
    pub repo_tags: Vec<String>,
    /// Familiar `repo@sha256:…` strings.
    pub repo_digests: Vec<String>,
    pub created: Time,
    pub size: u64,
    pub labels: BTreeMap<String, String>,
    /// Containers using it (`-1` when not counted).
    pub containers: i64,
}

/// Options of `GET /images/json`.
#[derive(Clone, Debug, Default)]
pub struct ImageListOptions {
    pub all: bool,
    /// Filter key → values (`dangling`, `reference`, `label`, `before`, `since`).
    pub filters: BTreeMap<String, Vec<String>>,
    pub container_count: bool,
}

/// One line of `DELETE /images/{name}`'s answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeleteItem {
    Untagged(String),
    Deleted(String),
}

/// `GET /images/{name}/history` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryItem {
    /// Image ID for steps that are a local image, `<missing>` otherwise.
    pub id: String,
    pub created: Time,
    pub created_by: String,
    pub tags: Vec<String>,
    pub size: u64,
    pub comment: String,
}

/// What `image prune` removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PruneReport {
    pub deleted: Vec<DeleteItem>,
    pub space_reclaimed: u64,
}

const IMAGE_FILTERS: &[&str] = &["dangling", "label", "before", "since", "reference", "until"];

/// `filters.Validate`: unknown keys are rejected with `invalid filter 'key'`.
pub fn validate_filters(filters: &BTreeMap<String, Vec<String>>, accepted: &[&str]) -> ApiResult<()> {
    match filters.keys().find(|k| !accepted.contains(&k.as_str())) {
        Some(k) => Err(ApiError::bad_request(format!("invalid filter '{k}'"))),
        None => Ok(()),
    }
}

/// `GetBoolOrDefault`.
pub fn filter_bool(filters: &BTreeMap<String, Vec<String>>, key: &str) -> ApiResult<Option<bool>> {
    let Some(values) = filters.get(key) else { return Ok(None) };
    let is_false = values.iter().any(|v| v == "0" || v == "false");
    let is_true = values.iter().any(|v| v == "1" || v == "true");
    if is_false == is_true {
        let mut sorted = values.clone();
        sorted.sort();
        return Err(ApiError::bad_request(format!("invalid filter '{key}=[{}]'", sorted.join(" "))));
    }
    Ok(Some(is_true))
}

/// Go's `path.Match` for reference filters (`*`, `?`, `[…]` classes are treated literally
/// except `*` and `?`, which is what learners use).
pub fn glob_match(pattern: &str, name: &str) -> bool {
    fn rec(p: &[u8], n: &[u8]) -> bool {
        match (p.first(), n.first()) {
            (None, None) => true,
            (Some(b'*'), _) => {
                rec(&p[1..], n) || (!n.is_empty() && n[0] != b'/' && rec(p, &n[1..]))
            }
            (Some(b'?'), Some(c)) if *c != b'/' => rec(&p[1..], &n[1..]),
            (Some(a), Some(b)) if a == b => rec(&p[1..], &n[1..]),
            _ => false,
        }
    }
    rec(pattern.as_bytes(), name.as_bytes())
}

impl Api<'_> {
    /// `GET /images/json`.
    pub fn image_list(&mut self, opts: &ImageListOptions) -> ApiResult<Vec<ImageSummary>> {
        let mut query = Vec::new();
        if opts.all {
            query.push("all=1".to_string());
        }
        if !opts.filters.is_empty() {
            query.push(format!("filters={}", query_escape(&super::prune::filters_query(&opts.filters))));
        }
        let mut path = "/images/json".to_string();
        if !query.is_empty() {
            path = format!("{path}?{}", query.join("&"));
        }
        self.serve("GET", &path, 200, |api| api.list_inner(opts))
    }

    /// The list without recording a request (for endpoints that include it: `/system/df`).
    pub(crate) fn list_images_quietly(&mut self, opts: &ImageListOptions) -> ApiResult<Vec<ImageSummary>> {
        self.list_inner(opts)
    }

    fn list_inner(&mut self, opts: &ImageListOptions) -> ApiResult<Vec<ImageSummary>> {
        validate_filters(&opts.filters, IMAGE_FILTERS)?;
        let dangling = filter_bool(&opts.filters, "dangling")?;
        let d = self.daemon();
        let mut before: Option<Time> = None;
        for v in opts.filters.get("before").into_iter().flatten() {
            let id = lookup::image_id(d, v)?;
            let t = d.images[&id].created;
            before = Some(before.map_or(t, |b: Time| b.min(t)));
        }
        let now = self.world.now();
        for v in opts.filters.get("until").into_iter().flatten() {
            let t = super::prune::parse_until(v, now)?;
            before = Some(before.map_or(t, |b: Time| b.min(t)));
        }
        let d = self.daemon();
        let mut since: Option<Time> = None;
        for v in opts.filters.get("since").into_iter().flatten() {
            let id = lookup::image_id(d, v)?;
            let t = d.images[&id].created;
            since = Some(since.map_or(t, |s: Time| s.max(t)));
        }
        let mut out = Vec::new();
        for img in d.images.values() {
            let has_children = d.images.values().any(|c| c.parent == img.id);
            if dangling == Some(true) && has_children {
                // Only "heads" (images no other image is built on) are candidates.
                continue;
            }
            if before.is_some_and(|b| img.created >= b) || since.is_some_and(|s| img.created <= s) {
                continue;
            }
            if let Some(labels) = opts.filters.get("label") {
                if !labels.iter().all(|l| match l.split_once('=') {
                    Some((k, v)) => img.config.labels.get(k).is_some_and(|x| x == v),
                    None => img.config.labels.contains_key(l),
                }) {
                    continue;
                }
            }
            let mut s = summary(d, img);
            if let Some(patterns) = opts.filters.get("reference") {
                let keep = |r: &String| {
                    let name = r.split(['@']).next().unwrap_or(r);
                    let bare = match name.rsplit_once(':') {
                        Some((n, t)) if !t.contains('/') => n,
                        _ => name,
                    };
                    patterns.iter().any(|p| glob_match(p, bare) || glob_match(p, name))
                };
                s.repo_tags.retain(keep);
                s.repo_digests.retain(keep);
            }
            let unreferenced = s.repo_tags.is_empty() && s.repo_digests.is_empty();
            if unreferenced {
                if opts.all || !has_children {
                    if dangling == Some(false) || opts.filters.contains_key("reference") {
                        continue;
                    }
                } else {
                    continue;
                }
            } else if dangling == Some(true) && !s.repo_tags.is_empty() {
                continue;
            }
            if opts.container_count {
                s.containers = d.containers.values().filter(|c| c.image == img.id).count() as i64;
            }
            out.push(s);
        }
        out.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
        Ok(out)
    }

    /// `GET /images/{name}/json`: the image and its references.
    pub fn image_inspect(&mut self, name: &str) -> ApiResult<(Image, ImageSummary)> {
        let path = format!("/images/{}/json", query_escape(name));
        self.serve("GET", &path, 200, |api| {
            let d = api.daemon();
            let id = lookup::image_id(d, name)?;
            let img = d.images[&id].clone();
            let s = summary(d, &img);
            Ok((img, s))
        })
    }

    /// `GET /images/{name}/history`, newest step first.
    pub fn image_history(&mut self, name: &str) -> ApiResult<Vec<HistoryItem>> {
        let path = format!("/images/{}/history", query_escape(name));
        self.serve("GET", &path, 200, |api| {
            if name.is_empty() {
                return Err(ApiError::not_found("page not found"));
            }
            let d = api.daemon();
            let id = lookup::image_id(d, name)?;
            let img = &d.images[&id];
            let mut items: Vec<HistoryItem> = img
                .history
                .iter()
                .rev()
                .map(|h| HistoryItem {
                    id: "<missing>".into(),
                    created: h.created,
                    created_by: h.created_by.clone(),
                    tags: Vec::new(),
                    size: h.size,
                    comment: h.comment.clone(),
                })
                .collect();
            // moby's `ImageHistory`: the newest steps get the IDs (and tags) of the image and
            // its local parents, one image per step, until the chain ends.
            let mut cur = Some(img);
            for item in items.iter_mut() {
                let Some(i) = cur else { break };
                item.id = i.id.clone();
                item.tags = summary(d, i).repo_tags;
                cur = if i.parent.is_empty() { None } else { d.images.get(&i.parent) };
            }
            Ok(items)
        })
    }

    /// `POST /images/{name}/tag`: makes `target` point at the image `source` names.
    pub fn image_tag(&mut self, source: &str, target: &Reference) -> ApiResult<()> {
        let path = format!(
            "/images/{}/tag?repo={}&tag={}",
            query_escape(source),
            query_escape(&target.familiar_name()),
            query_escape(target.tag_or_latest())
        );
        self.serve("POST", &path, 201, |api| {
            let id = lookup::image_id(api.daemon(), source)?;
            let key = target.clone().with_default_tag().to_string();
            let now = api.world.now();
            api.daemon_mut().references.insert(key, id.clone());
            if let Some(img) = api.daemon_mut().images.get_mut(&id) {
                img.last_tag_time = Some(now);
            }
            let to = Actor::Image { daemon: api.daemon, image: id.clone() };
            api.emit_from_daemon(to, EventKind::ImageTagged { image: id, reference: target.familiar() });
            Ok(())
        })
    }

    /// `DELETE /images/{name}`.
    pub fn image_remove(&mut self, name: &str, force: bool, prune_children: bool) -> ApiResult<Vec<DeleteItem>> {
        let mut path = format!("/images/{}", query_escape(name));
        if force {
            path.push_str("?force=1");
        }
        self.serve("DELETE", &path, 200, |api| {
            if name.is_empty() {
                // `DELETE /images/` is no route at all.
                return Err(ApiError::not_found("page not found"));
            }
            api.remove_inner(name, force, prune_children)
        })
    }

    pub(crate) fn remove_inner(&mut self, name: &str, force: bool, prune: bool) -> ApiResult<Vec<DeleteItem>> {
        let id = lookup::image_id(self.daemon(), name)?;
        let mut records = Vec::new();
        let refs = self.daemon().references_to(&id).into_iter().map(String::from).collect::<Vec<_>>();
        let is_id_prefix = id.starts_with(name) || id["sha256:".len()..].starts_with(name);
        let mut removed_repository_ref = false;
        if !is_id_prefix {
            if !force && is_single_reference(&refs) {
                if let Some(c) = self.daemon().containers_newest_first().into_iter().rev().find(|c| c.image == id) {
                    return Err(ApiError::conflict(format!(
                        "conflict: unable to remove repository reference \"{name}\" (must force) - container {} is using its referenced image {}",
                        short(&c.id),
                        short(&id)
                    )));
                }
            }
            let parsed = reference::parse_normalized(name).map_err(ApiError::bad_request)?;
            let parsed = parsed.with_default_tag();
            self.untag(&id, &parsed.to_string(), &mut records);
            let mut remaining: Vec<String> = self.daemon().references_to(&id).into_iter().map(String::from).collect();
            if parsed.digest.is_none() {
                let name_part = parsed.name();
                let same_repo_tag = remaining.iter().any(|r| !r.contains('@') && ref_name(r) == name_part);
                if !same_repo_tag {
                    let digests: Vec<String> =
                        remaining.iter().filter(|r| r.contains('@') && ref_name(r) == name_part).cloned().collect();
                    for r in digests {
                        self.untag(&id, &r, &mut records);
                    }
                    remaining = self.daemon().references_to(&id).into_iter().map(String::from).collect();
                }
            }
            if !remaining.is_empty() {
                return Ok(records);
            }
            removed_repository_ref = true;
        } else if is_single_reference(&refs) {
            let mut mask = CONFLICT_HARD;
            if !force {
                mask |= CONFLICT_STOPPED_CONTAINER;
            }
            if let Some(c) = self.delete_conflict(&id, mask) {
                return Err(c.into_error(&id));
            }
            for r in refs {
                self.untag(&id, &r, &mut records);
            }
        }
        self.delete_helper(&id, &mut records, force, prune, removed_repository_ref)?;
        Ok(records)
    }

    fn untag(&mut self, id: &str, full_ref: &str, records: &mut Vec<DeleteItem>) {
        if self.daemon_mut().references.remove(full_ref).is_some() {
            let familiar = familiar_of(full_ref);
            let to = Actor::Image { daemon: self.daemon, image: id.to_string() };
            self.emit_from_daemon(to, EventKind::ImageUntagged { image: id.into(), reference: familiar.clone() });
            records.push(DeleteItem::Untagged(familiar));
        }
    }

    /// moby's `imageDeleteHelper`: deletes the image unless a conflict stops it, then, with
    /// `prune`, its parent if nothing else holds it (quietly: a parent's conflict is no
    /// error unless that parent is dangling and unused).
    fn delete_helper(
        &mut self,
        id: &str,
        records: &mut Vec<DeleteItem>,
        force: bool,
        prune: bool,
        quiet: bool,
    ) -> ApiResult<()> {
        let (mut id, mut force, mut quiet) = (id.to_string(), force, quiet);
        // Each turn deletes an image, so this ends within the number of images.
        loop {
            let mut mask = CONFLICT_HARD;
            if !force {
                mask |= CONFLICT_SOFT;
            }
            if let Some(c) = self.delete_conflict(&id, mask) {
                let dangling = self.daemon().references_to(&id).is_empty()
                    && !self.daemon().images.values().any(|i| i.parent == id);
                if quiet && (!dangling || c.used) {
                    return Ok(());
                }
                return Err(c.into_error(&id));
            }
            let parent = self.daemon().images.get(&id).map(|i| i.parent.clone()).unwrap_or_default();
            let refs: Vec<String> = self.daemon().references_to(&id).into_iter().map(String::from).collect();
            for r in refs {
                self.untag(&id, &r, records);
            }
            let removed = self.delete_image_and_layers(&id);
            records.push(DeleteItem::Deleted(id.clone()));
            records.extend(removed.into_iter().map(DeleteItem::Deleted));
            if !prune || parent.is_empty() || !self.daemon().images.contains_key(&parent) {
                return Ok(());
            }
            id = parent;
            force = false;
            quiet = true;
        }
    }

    /// Deletes an image from the store, then the layers no other image uses (top first).
    /// Returns the chain IDs of the deleted layers. An image a container still uses (a
    /// forced `rmi` of a stopped container's image) keeps its layers: it moves to
    /// `retained` until that container is removed.
    pub(crate) fn delete_image_and_layers(&mut self, id: &str) -> Vec<String> {
        let Some(img) = self.daemon_mut().images.remove(id) else { return Vec::new() };
        let to = Actor::Image { daemon: self.daemon, image: id.to_string() };
        self.emit_from_daemon(to, EventKind::ImageDeleted { image: id.to_string() });
        if self.daemon().containers.values().any(|c| c.image == id) {
            self.daemon_mut().retained.insert(id.to_string(), img);
            return Vec::new();
        }
        self.delete_unused_layers(&img)
    }

    /// Deletes the layers of `img` that no stored or retained image uses, with their events.
    fn delete_unused_layers(&mut self, img: &Image) -> Vec<String> {
        let removed = self.daemon_mut().delete_unused_layers(img);
        for chain in &removed {
            let to = Actor::Daemon { daemon: self.daemon };
            self.emit_from_daemon(to, EventKind::LayerDeleted { digest: chain.clone() });
        }
        removed
    }

    /// After a container is removed: a retained image no container uses any more goes,
    /// with the layers only it held.
    pub(crate) fn release_retained(&mut self, id: &str) {
        for chain in self.daemon_mut().release_retained(id) {
            let to = Actor::Daemon { daemon: self.daemon };
            self.emit_from_daemon(to, EventKind::LayerDeleted { digest: chain });
        }
    }

    fn delete_conflict(&self, id: &str, mask: u8) -> Option<Conflict> {
        let d = self.daemon();
        if mask & CONFLICT_DEPENDENT_CHILD != 0 && d.images.values().any(|i| i.parent == id) {
            return Some(Conflict { hard: true, used: false, message: "image has dependent child images".into() });
        }
        let oldest_first: Vec<_> = d.containers_newest_first().into_iter().rev().collect();
        if mask & CONFLICT_RUNNING_CONTAINER != 0 {
            if let Some(c) = oldest_first.iter().find(|c| c.image == id && c.state.running) {
                return Some(Conflict {
                    hard: true,
                    used: true,
                    message: format!("image is being used by running container {}", short(&c.id)),
                });
            }
        }
        if mask & CONFLICT_ACTIVE_REFERENCE != 0 && !d.references_to(id).is_empty() {
            return Some(Conflict { hard: false, used: false, message: "image is referenced in multiple repositories".into() });
        }
        if mask & CONFLICT_STOPPED_CONTAINER != 0 {
            if let Some(c) = oldest_first.iter().find(|c| c.image == id && !c.state.running) {
                return Some(Conflict {
                    hard: false,
                    used: true,
                    message: format!("image is being used by stopped container {}", short(&c.id)),
                });
            }
        }
        None
    }
}

const CONFLICT_DEPENDENT_CHILD: u8 = 1;
const CONFLICT_RUNNING_CONTAINER: u8 = 2;
const CONFLICT_ACTIVE_REFERENCE: u8 = 4;
const CONFLICT_STOPPED_CONTAINER: u8 = 8;
const CONFLICT_HARD: u8 = CONFLICT_DEPENDENT_CHILD | CONFLICT_RUNNING_CONTAINER;
const CONFLICT_SOFT: u8 = CONFLICT_ACTIVE_REFERENCE | CONFLICT_STOPPED_CONTAINER;

struct Conflict {
    hard: bool,
    used: bool,
    message: String,
}

impl Conflict {
    fn into_error(self, id: &str) -> ApiError {
        let force = if self.hard { "cannot be forced" } else { "must be forced" };
        ApiError::conflict(format!("conflict: unable to delete {} ({force}) - {}", short(id), self.message))
    }
}

/// The repository part of a full reference string (`docker.io/library/nginx`).
fn ref_name(full: &str) -> &str {
    let no_digest = full.split('@').next().unwrap_or(full);
    match no_digest.rsplit_once(':') {
        Some((n, t)) if !t.contains('/') => n,
        _ => no_digest,
    }
}

/// `FamiliarString` of a full reference string.
pub fn familiar_of(full: &str) -> String {
    reference::parse_normalized(full).map(|r| r.familiar()).unwrap_or_else(|_| full.to_string())
}

/// `isSingleReference`: one tag (plus digests of the same repository), or only digests of
/// one repository.
fn is_single_reference(refs: &[String]) -> bool {
    if refs.len() <= 1 {
        return refs.len() == 1;
    }
    let mut single: Option<&String> = None;
    let mut canonical = BTreeSet::new();
    for r in refs {
        if r.contains('@') {
            canonical.insert(ref_name(r));
        } else if single.is_none() {
            single = Some(r);
        } else {
            return false;
        }
    }
    let single = single.unwrap_or(&refs[0]);
    canonical.len() == 1 && canonical.contains(ref_name(single))
}

/// The list entry for an image.
pub fn summary(d: &crate::engine::model::daemon::Daemon, img: &Image) -> ImageSummary {
    let mut repo_tags = Vec::new();
    let mut repo_digests = Vec::new();
    for r in d.references_to(&img.id) {
        if r.contains('@') {
            repo_digests.push(familiar_of(r));
        } else {
            repo_tags.push(familiar_of(r));
        }
    }
    let size = oci::chain_ids(&img.layers)
        .iter()
        .filter_map(|c| d.layers.get(c))
        .map(|l| l.size)
        .sum();
    ImageSummary {
        id: img.id.clone(),
        parent_id: img.parent.clone(),
        repo_tags,
        repo_digests,
        created: img.created,
        size,
        labels: img.config.labels.clone(),
        containers: -1,
    }
}

/// Is `name` an image lookup that parses (for client-side checks)?
pub fn parses(name: &str) -> bool {
    matches!(lookup::parse_any(name), Ok(ImageName::Named(_)) | Ok(ImageName::Digest(_)))
}
