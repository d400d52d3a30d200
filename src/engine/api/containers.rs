//! Container endpoints that don't run processes: create, inspect, rename, remove, prune.
//! Listing is in [`super::container_list`], `diff` in [`super::commit`]; starting,
//! stopping and the rest of the lifecycle are in [`super::lifecycle`].
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
        let networks = self.create_endpoints(&host_config)?;
        self.check_links(&host_config)?;
        let (mounts, copy) = self.register_mounts(&config, &host_config)?;
        self.create_bind_sources(&mounts, &host_config);
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
            init: Default::default(),
            rw_size: 0,
            restart_at: None,
            restart_cancelled: false,
            restart_backoff: Span::ZERO,
            task: None,
            networks,
            mounts,
            tmpfs: Default::default(),
            connections: 0,
        };
        self.daemon_mut().containers.insert(id.clone(), container);
        let to = Actor::Container { daemon: self.daemon, container: id.clone() };
        self.emit_from_daemon(to, EventKind::ContainerCreated { container: id.clone(), name, image: image_id });
        self.populate_volumes(&id, &copy);
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
            if name.is_empty() || new_name.is_empty() {
                return Err(ApiError::bad_request("Neither old nor new names may be empty"));
            }
            let id = lookup::container_id(api.daemon(), name)?;
            let slashed = if new_name.starts_with('/') { new_name.to_string() } else { format!("/{new_name}") };
            let new = slashed[1..].to_string();
            let old = api.daemon().containers[&id].name.clone();
            if old == new {
                return Err(ApiError::bad_request("Renaming a container with the same name as its current name"));
            }
            if !names::is_valid(&new) {
                return Err(ApiError::bad_request(format!(
                    "Error when allocating new name: Invalid container name ({slashed}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"
                )));
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
            api.destroy_with(&id, volumes);
            Ok(())
        })
    }

    /// Deletes a stopped container and its writable layer.
    pub(crate) fn destroy(&mut self, id: &str) {
        self.destroy_with(id, false);
    }

    /// Deletes a stopped container; with `volumes`, also its anonymous volumes (`rm -v`,
    /// `--rm`) that no other container uses.
    pub(crate) fn destroy_with(&mut self, id: &str, volumes: bool) {
        if let Some(c) = self.daemon_mut().containers.remove(id) {
            let to = Actor::Container { daemon: self.daemon, container: id.to_string() };
            self.emit_from_daemon(to, EventKind::ContainerRemoved { container: id.to_string() });
            self.release_retained(&c.image);
            if volumes {
                super::mounts::remove_anonymous_volumes(self.world, self.daemon, &c.mounts);
            }
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
fn verify_settings(config: &Config, hc: &HostConfig, warnings: &mut Vec<String>) -> ApiResult<()> {
    if hc.network_mode == "host" && !hc.port_bindings.is_empty() {
        warnings.push("Published ports are discarded when using host network mode".into());
    }
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
