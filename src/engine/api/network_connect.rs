//! `POST /networks/{id}/connect` and `/disconnect` (moby's `daemon/container_operations.go`):
//! a container joins a network (a running one gets its address at once and the embedded
//! DNS answers for its names) or leaves it, with the daemon's texts (`endpoint with name x
//! already exists in network y`, `container … is not connected to network y`).
//!
//! Invariant: a container is on a network at most once; leaving a network releases its
//! address there.

use super::{Api, ApiError, ApiResult, lookup};
use crate::engine::event::{Actor, EventKind};
use crate::engine::model::network::Endpoint;
use crate::engine::net::{ipam, is_user_defined};

/// What `docker network connect` asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConnectRequest {
    pub network: String,
    pub container: String,
    pub aliases: Vec<String>,
    pub ipv4_address: String,
}

impl Api<'_> {
    /// `POST /networks/{id}/connect`.
    pub fn network_connect(&mut self, req: ConnectRequest) -> ApiResult<()> {
        let path = format!("/networks/{}/connect", super::query_escape(&req.network));
        self.serve("POST", &path, 200, |api| api.connect_inner(req))
    }

    fn connect_inner(&mut self, req: ConnectRequest) -> ApiResult<()> {
        let net = self.find_network(&req.network)?;
        let id = lookup::container_id(self.daemon(), &req.container)?;
        let c = &self.daemon().containers[&id];
        let mode = c.host_config.network_mode.clone();
        if mode == "host" || net.name == "host" {
            return Err(ApiError::bad_request("container cannot be disconnected from host network or connected to host network"));
        }
        if mode == "none" || net.name == "none" {
            return Err(ApiError::bad_request(
                "container cannot be connected to multiple networks with one of the networks in private (none) mode",
            ));
        }
        if c.networks.contains_key(&net.name) {
            return Err(ApiError::forbidden(format!("endpoint with name {} already exists in network {}", c.name, net.name)));
        }
        if !is_user_defined(&net.name) && (!req.aliases.is_empty() || !req.ipv4_address.is_empty()) {
            return Err(ApiError::bad_request(
                "network-scoped alias is supported only for containers in user defined networks",
            ));
        }
        let running = c.state.running;
        let endpoint = Endpoint { network_id: net.id.clone(), aliases: req.aliases, ipam_ipv4: req.ipv4_address, ..Default::default() };
        if let Some(c) = self.daemon_mut().containers.get_mut(&id) {
            c.networks.insert(net.name.clone(), endpoint);
        }
        if running {
            ipam::attach(self.world, self.daemon, &id, &net.name);
        } else {
            let to = Actor::Container { daemon: self.daemon, container: id.clone() };
            self.emit_from_daemon(to, EventKind::NetworkConnected { network: net.id, container: id, ip: String::new(), aliases: Vec::new() });
        }
        Ok(())
    }

    /// `POST /networks/{id}/disconnect`.
    pub fn network_disconnect(&mut self, network: &str, container: &str, force: bool) -> ApiResult<()> {
        let path = format!("/networks/{}/disconnect", super::query_escape(network));
        self.serve("POST", &path, 200, |api| api.disconnect_inner(network, container, force))
    }

    fn disconnect_inner(&mut self, network: &str, container: &str, force: bool) -> ApiResult<()> {
        let net = self.find_network(network)?;
        // `--force` only matters for endpoints of containers that are gone, which the
        // simulation never leaves behind.
        let _ = force;
        let id = lookup::container_id(self.daemon(), container)?;
        let c = &self.daemon().containers[&id];
        if c.host_config.network_mode == "host" && net.name == "host" {
            return Err(ApiError::bad_request("container cannot be disconnected from host network or connected to host network"));
        }
        if !c.networks.contains_key(&net.name) {
            return Err(ApiError::forbidden(format!("container {id} is not connected to network {}", net.name)));
        }
        if let Some(c) = self.daemon_mut().containers.get_mut(&id) {
            c.networks.remove(&net.name);
        }
        let to = Actor::Container { daemon: self.daemon, container: id.clone() };
        let from = Actor::Network { daemon: self.daemon, network: net.id.clone() };
        self.world.emit(from, to, EventKind::NetworkDisconnected { network: net.id, container: id });
        Ok(())
    }
}
