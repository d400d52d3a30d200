//! `GET /containers/{id}/changes` (`docker diff`) and `POST /commit` (`docker commit`):
//! the writable layer compared with the image, and that layer frozen into a new image.
//!
//! Invariant: committing never changes the container; the new image's layers are the
//! container image's layers plus, when it changed anything, one layer holding the changes.

use std::sync::Arc;

use super::lookup;
use super::{Api, ApiError, ApiResult, query_escape};
use crate::engine::event::{Actor, EventKind};
use crate::engine::model::config::Config;
use crate::engine::model::image::{HistoryEntry, Image, StoredLayer};
use crate::engine::oci;
use crate::engine::reference::Reference;
use crate::unix::fs::{Change, diff};

/// `POST /commit` options.
#[derive(Clone, Debug, Default)]
pub struct CommitOptions {
    pub reference: Option<Reference>,
    pub comment: String,
    pub author: String,
    /// Dockerfile instructions applied to the config (`--change 'CMD ["nginx"]'`).
    pub changes: Vec<String>,
    pub pause: bool,
}

impl Api<'_> {
    /// `GET /containers/{id}/changes`.
    pub fn container_changes(&mut self, name: &str) -> ApiResult<Vec<Change>> {
        let path = format!("/containers/{}/changes", query_escape(name));
        self.serve("GET", &path, 200, |api| {
            let id = lookup::container_id(api.daemon(), name)?;
            let d = api.daemon();
            let c = &d.containers[&id];
            let Some(img) = d.image_of(c) else { return Ok(Vec::new()) };
            let lowers: Vec<&crate::engine::fs::Tree> =
                oci::chain_ids(&img.layers).iter().filter_map(|ch| d.layers.get(ch)).map(|l| &*l.content).collect();
            Ok(diff(&lowers, &c.rw))
        })
    }

    /// `POST /commit`: returns the new image's ID.
    pub fn container_commit(&mut self, name: &str, opts: &CommitOptions) -> ApiResult<String> {
        let mut path = format!("/commit?container={}", query_escape(name));
        if let Some(r) = &opts.reference {
            path.push_str(&format!("&repo={}&tag={}", query_escape(&r.familiar_name()), query_escape(r.tag_or_latest())));
        }
        self.serve("POST", &path, 201, |api| api.commit_inner(name, opts))
    }

    fn commit_inner(&mut self, name: &str, opts: &CommitOptions) -> ApiResult<String> {
        let id = lookup::container_id(self.daemon(), name)?;
        let d = self.daemon();
        let c = &d.containers[&id];
        if c.state.dead {
            return Err(ApiError::conflict(format!("You cannot commit container {id} which is Dead")));
        }
        if c.state.removal_in_progress {
            return Err(ApiError::conflict(format!("You cannot commit container {id} which is being removed")));
        }
        let Some(parent) = d.image_of(c).cloned() else {
            return Err(ApiError::not_found(format!("No such image: {}", c.image)));
        };
        let mut config = c.config.clone();
        for change in &opts.changes {
            apply_change(&mut config, change)?;
        }
        let now = self.world.now();
        let rw = c.rw.clone();
        let created_by = std::iter::once(c.path.clone()).chain(c.args.iter().cloned()).collect::<Vec<_>>().join(" ");
        let empty = rw.is_empty();
        let mut layers = parent.layers.clone();
        let mut history = parent.history.clone();
        history.push(HistoryEntry {
            created: now,
            created_by,
            comment: opts.comment.clone(),
            empty_layer: empty,
            size: rw.size(),
        });
        if !empty {
            let diff_id = rw.digest();
            layers.push(diff_id.clone());
            let chain = oci::chain_ids(&layers).pop().expect("at least one layer");
            let size = rw.size();
            self.daemon_mut().layers.entry(chain).or_insert_with(|| StoredLayer {
                blob_digest: crate::engine::ids::digest_of(format!("gzip\n{diff_id}").as_bytes()),
                diff_id,
                size,
                content: Arc::new(rw),
            });
        }
        let mut image = Image {
            id: String::new(),
            parent: parent.id.clone(),
            created: now,
            config,
            history,
            layers,
            os: parent.os.clone(),
            architecture: parent.architecture.clone(),
            author: opts.author.clone(),
            comment: opts.comment.clone(),
            container: id.clone(),
            docker_version: crate::engine::api::system::ENGINE.version.to_string(),
            last_tag_time: None,
        };
        image.id = oci::image_id(&image);
        let image_id = image.id.clone();
        self.daemon_mut().images.entry(image_id.clone()).or_insert(image);
        let to = Actor::Image { daemon: self.daemon, image: image_id.clone() };
        let reference = opts.reference.as_ref().map(|r| r.familiar()).unwrap_or_default();
        self.emit_from_daemon(to.clone(), EventKind::ImageStored { image: image_id.clone(), reference });
        if let Some(r) = &opts.reference {
            let key = r.clone().with_default_tag().to_string();
            self.daemon_mut().references.insert(key, image_id.clone());
            if let Some(img) = self.daemon_mut().images.get_mut(&image_id) {
                img.last_tag_time = Some(now);
            }
            self.emit_from_daemon(to, EventKind::ImageTagged { image: image_id.clone(), reference: r.familiar() });
        }
        Ok(image_id)
    }
}

/// A JSON array of strings (`["nginx", "-g"]`), if `s` is one.
fn json_array(s: &str) -> Option<Vec<String>> {
    serde_json::from_str::<Vec<String>>(s.trim()).ok()
}

/// Applies one `--change` instruction (the subset `docker commit` allows).
pub fn apply_change(config: &mut Config, change: &str) -> ApiResult<()> {
    let change = change.trim();
    let (word, rest) = change.split_once(char::is_whitespace).unwrap_or((change, ""));
    let rest = rest.trim();
    let shell_form = |rest: &str| vec!["/bin/sh".to_string(), "-c".to_string(), rest.to_string()];
    match word.to_ascii_uppercase().as_str() {
        "CMD" => config.cmd = Some(json_array(rest).unwrap_or_else(|| shell_form(rest))),
        "ENTRYPOINT" => config.entrypoint = Some(json_array(rest).unwrap_or_else(|| shell_form(rest))),
        "ENV" => {
            let (k, v) = match rest.split_once('=') {
                Some((k, v)) => (k.trim(), v.trim().trim_matches('"')),
                None => rest.split_once(char::is_whitespace).map_or((rest, ""), |(k, v)| (k, v.trim())),
            };
            config.env_set(k, v);
        }
        "EXPOSE" => {
            for p in rest.split_whitespace() {
                let p = if p.contains('/') { p.to_string() } else { format!("{p}/tcp") };
                config.exposed_ports.insert(p);
            }
        }
        "LABEL" => {
            if let Some((k, v)) = rest.split_once('=') {
                config.labels.insert(k.trim().trim_matches('"').into(), v.trim().trim_matches('"').into());
            }
        }
        "USER" => config.user = rest.to_string(),
        "WORKDIR" => config.working_dir = rest.to_string(),
        "VOLUME" => {
            for v in json_array(rest).unwrap_or_else(|| rest.split_whitespace().map(String::from).collect()) {
                config.volumes.insert(v);
            }
        }
        "STOPSIGNAL" => config.stop_signal = Some(rest.to_string()),
        "ONBUILD" => config.on_build.push(rest.to_string()),
        _ => return Err(ApiError::bad_request(format!("{} is not a valid change command", word.to_ascii_lowercase()))),
    }
    Ok(())
}
