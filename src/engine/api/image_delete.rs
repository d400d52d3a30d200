//! `DELETE /images/{name}`: moby's `ImageDelete`, conflict checks one for one (a tag a
//! container's image still needs, an ID with several repositories, running and stopped
//! containers, dependent child images), untagging, deleting, and pruning untagged parents.
//!
//! Invariant: an image is deleted only when no reference and no container uses it (unless
//! forced where Docker allows forcing), and its layers are deleted only when no remaining
//! image (stored or retained for a container) uses them.

use std::collections::BTreeSet;

use super::images::{DeleteItem, familiar_of};
use super::lookup;
use super::{Api, ApiError, ApiResult, query_escape};
use crate::engine::event::{Actor, EventKind};
use crate::engine::ids::short;
use crate::engine::model::image::Image;
use crate::engine::reference;

impl Api<'_> {
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
