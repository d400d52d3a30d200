//! Container endpoints that don't run processes: create, list, rename, remove, prune,
//! changes (`diff`). Starting, stopping and the rest of the lifecycle are in
//! [`super::lifecycle`].
//!
//! Invariant: container names are unique per daemon and valid; a container's image exists
//! for as long as the container does.

use std::collections::BTreeMap;

use super::lookup;
use super::{Api, ApiError, ApiResult, query_escape};
use crate::engine::clock::Span;
use crate::engine::event::{Actor, EventKind};
use crate::engine::model::config::{Config, HostConfig, RestartPolicy};
use crate::engine::model::container::{Container, State, Status};
use crate::engine::names;

/// `POST /containers/create` body.
#[derive(Clone, Debug, Default)]
pub struct CreateRequest {
    pub name: Option<String>,
    pub config: Config,
    pub host_config: HostConfig,
}

/// `POST /containers/create` answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateResponse {
    pub id: String,
    pub warnings: Vec<String>,
}

/// `GET /containers/json` options.
#[derive(Clone, Debug, Default)]
pub struct ListOptions {
    pub all: bool,
    /// Only the `limit` most recently created (`-n`, `-l` = 1); 0 = no limit.
    pub limit: u32,
    pub size: bool,
    pub filters: BTreeMap<String, Vec<String>>,
}

const CONTAINER_FILTERS: &[&str] = &[
    "ancestor", "before", "expose", "exited", "health", "id", "label", "name", "network",
    "publish", "since", "status", "volume", "is-task",
];

impl Api<'_> {
    /// `POST /containers/create`.
    pub fn container_create(&mut self, req: CreateRequest) -> ApiResult<CreateResponse> {
        let path = match &req.name {
            Some(n) => format!("/containers/create?name={}", query_escape(n)),
            None => "/containers/create".to_string(),
        };
        self.serve("POST", &path, 201, |api| api.create_inner(req))
    }

    fn create_inner(&mut self, req: CreateRequest) -> ApiResult<CreateResponse> {
        let mut warnings = Vec::new();
        verify_settings(&req.config, &req.host_config, &mut warnings)?;
        let image_id = lookup::image_id(self.daemon(), &req.config.image)?;
        let image = self.daemon().images[&image_id].clone();
        let mut config = req.config;
        merge_config(&mut config, &image.config);
        if config.entrypoint.as_ref().is_none_or(|e| e.is_empty()) && config.cmd.as_ref().is_none_or(|c| c.is_empty()) {
            return Err(ApiError::bad_request("no command specified"));
        }
        let name = match req.name.filter(|n| !n.is_empty()) {
            Some(n) => {
                if !names::is_valid(&n) {
                    return Err(ApiError::bad_request(format!(
                        "Invalid container name ({n}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"
                    )));
                }
                let n = n.strip_prefix('/').unwrap_or(&n).to_string();
                if let Some(other) = self.daemon().containers.values().find(|c| c.name == n) {
                    return Err(ApiError::conflict(format!(
                        "Conflict. The container name \"/{n}\" is already in use by container \"{}\". You have to remove (or rename) that container to be able to reuse that name.",
                        other.id
                    )));
                }
                n
            }
            None => self.generate_name(),
        };
        let id = self.world.ids.fresh("container");
        if config.hostname.is_empty() {
            config.hostname = id[..12].to_string();
        }
        let (path, args) = entrypoint_and_args(&config);
        let now = self.world.now();
        let seq = self.daemon().next_seq;
        self.daemon_mut().next_seq += 1;
        let mut host_config = req.host_config;
        if host_config.network_mode.is_empty() || host_config.network_mode == "default" {
            host_config.network_mode = "bridge".into();
        }
        let mut networks = std::collections::BTreeMap::new();
        let net = self
            .daemon()
            .network_by_name(&host_config.network_mode)
            .ok_or_else(|| ApiError::not_found(format!("network {} not found", host_config.network_mode)))?;
        networks.insert(
            net.name.clone(),
            crate::engine::model::network::Endpoint { network_id: net.id.clone(), ..Default::default() },
        );
        let container = Container {
            id: id.clone(),
            name: name.clone(),
            seq,
            created: now,
            path,
            args,
            config,
            host_config,
            image: image_id.clone(),
            state: State::default(),
            restart_count: 0,
            logs: Vec::new(),
            rw: Default::default(),
            rw_size: 0,
            restart_at: None,
            restart_cancelled: false,
            restart_backoff: Span::ZERO,
            task: None,
            networks,
        };
        self.daemon_mut().containers.insert(id.clone(), container);
        let to = Actor::Container { daemon: self.daemon, container: id.clone() };
        self.emit_from_daemon(to, EventKind::ContainerCreated { container: id.clone(), name, image: image_id });
        self.world.advance(Span::millis(40));
        Ok(CreateResponse { id, warnings })
    }

    fn generate_name(&mut self) -> String {
        for retry in 0..6 {
            let n = names::generate(&mut self.world.ids, retry);
            if !self.daemon().containers.values().any(|c| c.name == n) {
                return n;
            }
        }
        // Practically unreachable: fall back to a name derived from the counter.
        format!("container_{}", self.daemon().next_seq)
    }

    /// `GET /containers/json`.
    pub fn container_list(&mut self, opts: &ListOptions) -> ApiResult<Vec<Container>> {
        let mut q = Vec::new();
        if opts.all {
            q.push("all=1".to_string());
        }
        if opts.limit > 0 {
            q.push(format!("limit={}", opts.limit));
        }
        if opts.size {
            q.push("size=1".to_string());
        }
        let path = if q.is_empty() { "/containers/json".to_string() } else { format!("/containers/json?{}", q.join("&")) };
        self.serve("GET", &path, 200, |api| api.containers_list_inner(opts))
    }

    fn containers_list_inner(&mut self, opts: &ListOptions) -> ApiResult<Vec<Container>> {
        super::images::validate_filters(&opts.filters, CONTAINER_FILTERS)?;
        let d = self.daemon();
        let f = &opts.filters;
        if let Some(statuses) = f.get("status") {
            for s in statuses {
                if Status::parse(s).is_none() {
                    return Err(ApiError::bad_request(format!(
                        "invalid filter 'status={s}'"
                    )));
                }
            }
        }
        let mut exited_codes = Vec::new();
        for v in f.get("exited").into_iter().flatten() {
            match v.parse::<i32>() {
                Ok(code) => exited_codes.push(code),
                Err(_) => return Err(ApiError::bad_request(format!("invalid filter 'exited={v}'"))),
            }
        }
        let mut ancestors = Vec::new();
        for a in f.get("ancestor").into_iter().flatten() {
            if let Ok(id) = lookup::image_id(d, a) {
                ancestors.push(id);
            }
        }
        let before_seq = match f.get("before").and_then(|v| v.first()) {
            Some(b) => Some(d.containers[&lookup::container_id(d, b)?].seq),
            None => None,
        };
        let since_seq = match f.get("since").and_then(|v| v.first()) {
            Some(s) => Some(d.containers[&lookup::container_id(d, s)?].seq),
            None => None,
        };
        // `-a` is implied by filters that can only match stopped containers.
        let all = opts.all || f.contains_key("status") || f.contains_key("exited") || opts.limit > 0 || before_seq.is_some() || since_seq.is_some();
        let mut out = Vec::new();
        for c in d.containers_newest_first() {
            let status = c.state.status();
            if !all && status != Status::Running && status != Status::Paused && status != Status::Restarting {
                continue;
            }
            if let Some(statuses) = f.get("status") {
                if !statuses.iter().any(|s| s == status.as_str()) {
                    continue;
                }
            }
            if !exited_codes.is_empty() && (status != Status::Exited || !exited_codes.contains(&c.state.exit_code)) {
                continue;
            }
            if let Some(names) = f.get("name") {
                if !names.iter().any(|n| regex_lite_match(n, &format!("/{}", c.name))) {
                    continue;
                }
            }
            if let Some(ids) = f.get("id") {
                if !ids.iter().any(|p| c.id.starts_with(p.as_str())) {
                    continue;
                }
            }
            if f.contains_key("ancestor") && !ancestors.iter().any(|a| is_ancestor(d, a, &c.image)) {
                continue;
            }
            if let Some(labels) = f.get("label") {
                if !labels.iter().all(|l| match l.split_once('=') {
                    Some((k, v)) => c.config.labels.get(k).is_some_and(|x| x == v),
                    None => c.config.labels.contains_key(l),
                }) {
                    continue;
                }
            }
            if before_seq.is_some_and(|b| c.seq >= b) || since_seq.is_some_and(|s| c.seq <= s) {
                continue;
            }
            out.push(c.clone());
        }
        if opts.limit > 0 {
            out.truncate(opts.limit as usize);
        }
        Ok(out)
    }

    /// `GET /containers/{id}/json`.
    pub fn container_inspect(&mut self, name: &str) -> ApiResult<Container> {
        let path = format!("/containers/{}/json", query_escape(name));
        self.serve("GET", &path, 200, |api| {
            let id = lookup::container_id(api.daemon(), name)?;
            Ok(api.daemon().containers[&id].clone())
        })
    }

    /// `POST /containers/{id}/rename`.
    pub fn container_rename(&mut self, name: &str, new_name: &str) -> ApiResult<()> {
        let path = format!("/containers/{}/rename?name={}", query_escape(name), query_escape(new_name));
        self.serve("POST", &path, 204, |api| {
            let id = lookup::container_id(api.daemon(), name)?;
            let new = new_name.strip_prefix('/').unwrap_or(new_name).to_string();
            if !names::is_valid(&new) {
                return Err(ApiError::bad_request(format!(
                    "Invalid container name ({new_name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"
                )));
            }
            let old = api.daemon().containers[&id].name.clone();
            if old == new {
                return Err(ApiError::bad_request("Renaming a container with the same name as its current name"));
            }
            if let Some(other) = api.daemon().containers.values().find(|c| c.name == new) {
                return Err(ApiError::conflict(format!(
                    "Error when allocating new name: Conflict. The container name \"/{new}\" is already in use by container \"{}\". You have to remove (or rename) that container to be able to reuse that name.",
                    other.id
                )));
            }
            api.daemon_mut().containers.get_mut(&id).expect("found above").name = new.clone();
            let to = Actor::Container { daemon: api.daemon, container: id.clone() };
            api.emit_from_daemon(to, EventKind::ContainerRenamed { container: id, from: old, to: new });
            Ok(())
        })
    }

    /// `DELETE /containers/{id}`.
    pub fn container_remove(&mut self, name: &str, force: bool, volumes: bool) -> ApiResult<()> {
        let mut q = Vec::new();
        if volumes {
            q.push("v=1");
        }
        if force {
            q.push("force=1");
        }
        let mut path = format!("/containers/{}", query_escape(name));
        if !q.is_empty() {
            path = format!("{path}?{}", q.join("&"));
        }
        self.serve("DELETE", &path, 204, |api| {
            let id = lookup::container_id(api.daemon(), name)?;
            let c = &api.daemon().containers[&id];
            let status = c.state.status();
            if status == Status::Removing {
                return Err(ApiError::conflict(format!("removal of container {name} is already in progress")));
            }
            if c.state.running && !force {
                let why = if c.state.paused {
                    "container is paused and must be unpaused first".to_string()
                } else {
                    format!("container is {}: stop the container before removing or force remove", status.as_str())
                };
                return Err(ApiError::conflict(format!("cannot remove container \"{name}\": {why}")));
            }
            if c.state.running {
                api.force_kill(&id);
            }
            api.destroy(&id);
            Ok(())
        })
    }

    /// Deletes a stopped container and its writable layer.
    pub(crate) fn destroy(&mut self, id: &str) {
        if let Some(c) = self.daemon_mut().containers.remove(id) {
            let to = Actor::Container { daemon: self.daemon, container: id.to_string() };
            self.emit_from_daemon(to, EventKind::ContainerRemoved { container: id.to_string() });
            self.release_retained(&c.image);
        }
    }

    /// `POST /containers/prune`: removes every stopped container.
    pub fn container_prune(&mut self) -> ApiResult<(Vec<String>, u64)> {
        self.serve("POST", "/containers/prune", 200, |api| {
            let ids: Vec<String> = api
                .daemon()
                .containers_newest_first()
                .into_iter()
                .filter(|c| !c.state.running)
                .map(|c| c.id.clone())
                .collect();
            let mut reclaimed = 0;
            for id in &ids {
                reclaimed += api.daemon().containers[id].rw_size;
                api.destroy(id);
            }
            Ok((ids, reclaimed))
        })
    }
}

/// Daemon-side checks of a configuration (`verifyContainerSettings`), with moby's texts.
fn verify_settings(config: &Config, hc: &HostConfig, _warnings: &mut Vec<String>) -> ApiResult<()> {
    if !config.working_dir.is_empty() && !config.working_dir.starts_with('/') {
        return Err(ApiError::bad_request(format!(
            "the working directory '{}' is invalid, it needs to be an absolute path",
            config.working_dir
        )));
    }
    match &hc.restart_policy {
        RestartPolicy::Unknown { name, .. } => {
            return Err(ApiError::bad_request(format!(
                "invalid restart policy: unknown policy '{name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'"
            )));
        }
        RestartPolicy::OnFailure { .. } => {}
        p if p.max_retries() != 0 => {
            return Err(ApiError::bad_request(
                "invalid restart policy: maximum retry count can only be used with 'on-failure'",
            ));
        }
        _ => {}
    }
    if hc.auto_remove && !matches!(hc.restart_policy, RestartPolicy::No) {
        return Err(ApiError::bad_request(
            "can't create 'AutoRemove' container with restart policy",
        ));
    }
    Ok(())
}

/// moby's `merge(userConf, imageConf)`: what a container inherits from its image.
pub fn merge_config(user: &mut Config, image: &Config) {
    if user.user.is_empty() {
        user.user = image.user.clone();
    }
    user.exposed_ports.extend(image.exposed_ports.iter().cloned());
    if user.env.is_empty() {
        user.env = image.env.clone();
    } else {
        for ie in &image.env {
            let key = ie.split_once('=').map_or(ie.as_str(), |(k, _)| k);
            if !user.env.iter().any(|ue| ue.split_once('=').map_or(ue.as_str(), |(k, _)| k) == key) {
                user.env.push(ie.clone());
            }
        }
    }
    for (k, v) in &image.labels {
        user.labels.entry(k.clone()).or_insert_with(|| v.clone());
    }
    if user.entrypoint.as_ref().is_none_or(|e| e.is_empty()) {
        if user.cmd.as_ref().is_none_or(|c| c.is_empty()) {
            user.cmd = image.cmd.clone();
        }
        if user.entrypoint.is_none() {
            user.entrypoint = image.entrypoint.clone();
        }
    }
    if user.healthcheck.is_none() {
        user.healthcheck = image.healthcheck.clone();
    }
    if user.working_dir.is_empty() {
        user.working_dir = image.working_dir.clone();
    }
    user.volumes.extend(image.volumes.iter().cloned());
    if user.stop_signal.is_none() {
        user.stop_signal = image.stop_signal.clone();
    }
    if user.on_build.is_empty() {
        user.on_build = image.on_build.clone();
    }
    if user.shell.is_none() {
        user.shell = image.shell.clone();
    }
}

/// The program and its arguments: entrypoint followed by cmd.
pub fn entrypoint_and_args(c: &Config) -> (String, Vec<String>) {
    let mut all: Vec<String> = c.entrypoint.clone().unwrap_or_default();
    all.retain(|_| true);
    if all.len() == 1 && all[0].is_empty() {
        all.clear();
    }
    all.extend(c.cmd.clone().unwrap_or_default());
    if all.is_empty() {
        return (String::new(), Vec::new());
    }
    let path = all.remove(0);
    (path, all)
}

/// Is image `ancestor` the image `image` or one it was built from?
fn is_ancestor(d: &crate::engine::model::daemon::Daemon, ancestor: &str, image: &str) -> bool {
    let mut cur = Some(image.to_string());
    let mut hops = 0;
    while let Some(id) = cur {
        if id == ancestor {
            return true;
        }
        hops += 1;
        if hops > 1000 {
            return false;
        }
        cur = d.images.get(&id).map(|i| i.parent.clone()).filter(|p| !p.is_empty());
    }
    false
}

/// The `name` filter is a regular expression in Docker; learners use plain substrings and
/// `^`/`$` anchors, which is what this matches.
fn regex_lite_match(pattern: &str, name: &str) -> bool {
    let (anchored_start, p) = match pattern.strip_prefix('^') {
        Some(rest) => (true, rest),
        None => (false, pattern),
    };
    let (anchored_end, p) = match p.strip_suffix('$') {
        Some(rest) => (true, rest),
        None => (false, p),
    };
    // The name is matched with its leading '/'; "^web" must match "/web".
    let candidates = [name, name.strip_prefix('/').unwrap_or(name)];
    candidates.iter().any(|n| match (anchored_start, anchored_end) {
        (true, true) => *n == p,
        (true, false) => n.starts_with(p),
        (false, true) => n.ends_with(p),
        (false, false) => n.contains(p),
    })
}
