//! Image endpoints other than pull, remove (`image_delete.rs`) and prune: list (moby's
//! filters), inspect, history, tag.
//!
//! Invariant: these never delete anything; a list or a lookup never changes the daemon.

use std::collections::BTreeMap;

use super::lookup::{self, ImageName};
use super::{Api, ApiError, ApiResult, query_escape};
use crate::engine::clock::Time;
use crate::engine::event::{Actor, EventKind};
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

}

/// `FamiliarString` of a full reference string.
pub fn familiar_of(full: &str) -> String {
    reference::parse_normalized(full).map(|r| r.familiar()).unwrap_or_else(|_| full.to_string())
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
