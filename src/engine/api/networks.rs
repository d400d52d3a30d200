//! The network endpoints (moby's `daemon/network.go`, libnetwork): `POST /networks/create`,
//! `GET /networks`, `GET /networks/{id}`, `DELETE /networks/{id}`, `POST /networks/prune`,
//! with the daemon's texts (`network with name x already exists`, `Pool overlaps with other
//! one on this address space`, `bridge is a pre-defined network and cannot be removed`,
//! `error while removing network: network x has active endpoints (…)`).
//!
//! Invariant: a network with a running container on it is never removed; the built-in
//! `bridge`, `host` and `none` are never removed; no two bridge networks' subnets overlap.

use std::collections::BTreeMap;

use super::images::validate_filters;
use super::prune::{filters_query, match_labels, until_filter};
use super::{Api, ApiError, ApiResult, query_escape};
use crate::engine::event::{Actor, EventKind};
use crate::engine::model::network::{Network, ip_to_u32, parse_cidr};
use crate::engine::net::ipam;

const LIST_FILTERS: &[&str] = &["driver", "id", "label", "name", "scope", "type", "dangling"];
const PRUNE_FILTERS: &[&str] = &["label", "label!", "until"];

/// `POST /networks/create` body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkCreate {
    pub name: String,
    /// Empty means `bridge`.
    pub driver: String,
    pub subnet: String,
    pub gateway: String,
    pub ip_range: String,
    pub internal: bool,
    pub attachable: bool,
    pub labels: BTreeMap<String, String>,
    pub options: BTreeMap<String, String>,
}

/// `ValidateIPAM` for one IPv4 configuration.
fn validate_ipam(subnet: &str, gateway: &str, ip_range: &str) -> Result<(), String> {
    let mut errs = Vec::new();
    let Some((base, len)) = parse_cidr(subnet) else {
        return Err(format!("invalid network config:\ninvalid subnet {subnet}: invalid CIDR block notation"));
    };
    let given = subnet.split('/').next().and_then(ip_to_u32).unwrap_or(base);
    if given != base {
        errs.push(format!("invalid subnet {subnet}: it should be {}/{len}", crate::engine::model::network::u32_to_ip(base)));
    }
    if !ip_range.is_empty() {
        match parse_cidr(ip_range) {
            None => errs.push(format!("invalid ip-range {ip_range}: invalid CIDR block notation")),
            Some((_, rlen)) if rlen < len => {
                errs.push(format!("invalid ip-range {ip_range}: CIDR block is bigger than its parent subnet {subnet}"))
            }
            Some(_) if !crate::engine::model::network::contains(subnet, ip_range.split('/').next().unwrap_or("")) => {
                errs.push(format!("invalid ip-range {ip_range}: parent subnet {subnet} doesn't contain ip-range"))
            }
            _ => {}
        }
    }
    if !gateway.is_empty() {
        if ip_to_u32(gateway).is_none() {
            errs.push(format!("invalid gateway {gateway}: invalid address"));
        } else if !crate::engine::model::network::contains(subnet, gateway) {
            errs.push(format!("invalid gateway {gateway}: parent subnet {subnet} doesn't contain this address"));
        }
    }
    match errs.len() {
        0 => Ok(()),
        1 => Err(format!("invalid network config:\n{}", errs[0])),
        _ => Err(format!("invalid network config:\n* {}", errs.join("\n* "))),
    }
}

impl Api<'_> {
    /// The network named, or with that ID or unique ID prefix.
    pub(crate) fn find_network(&self, name: &str) -> ApiResult<Network> {
        self.daemon().network_by_name(name).cloned().ok_or_else(|| ApiError::not_found(format!("network {name} not found")))
    }

    /// Names and endpoint IDs of the running containers on network `name`.
    pub(crate) fn active_endpoints(&self, name: &str) -> Vec<(String, String)> {
        self.daemon()
            .containers_newest_first()
            .into_iter()
            .filter(|c| c.state.running)
            .filter_map(|c| c.networks.get(name).map(|e| (c.name.clone(), e.endpoint_id.clone())))
            .collect()
    }

    /// `POST /networks/create`: returns the new network's ID.
    pub fn network_create(&mut self, req: NetworkCreate) -> ApiResult<String> {
        self.serve("POST", "/networks/create", 201, |api| api.network_create_inner(req))
    }

    fn network_create_inner(&mut self, req: NetworkCreate) -> ApiResult<String> {
        if matches!(req.name.as_str(), "bridge" | "host" | "none" | "default") {
            return Err(ApiError::Daemon {
                status: 403,
                message: format!("operation is not permitted on predefined {} network ", req.name),
            });
        }
        let driver = if req.driver.is_empty() { "bridge".to_string() } else { req.driver.clone() };
        match driver.as_str() {
            "bridge" | "macvlan" | "ipvlan" => {}
            "overlay" => {
                return Err(ApiError::Daemon {
                    status: 403,
                    message: "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.".into(),
                });
            }
            "host" | "null" => {
                return Err(ApiError::Daemon { status: 403, message: format!("only one instance of \"{driver}\" network is allowed") });
            }
            other => return Err(ApiError::not_found(format!("plugin \"{other}\" not found"))),
        }
        if !req.subnet.is_empty() {
            validate_ipam(&req.subnet, &req.gateway, &req.ip_range).map_err(ApiError::bad_request)?;
        }
        if self.daemon().networks.values().any(|n| n.name == req.name) {
            return Err(ApiError::conflict(format!("network with name {} already exists", req.name)));
        }
        let (subnet, gateway) = if req.subnet.is_empty() {
            ipam::free_subnet(self.daemon()).ok_or_else(|| {
                ApiError::bad_request("all predefined address pools have been fully subnetted")
            })?
        } else {
            if self.daemon().networks.values().any(|n| !n.subnet.is_empty() && ipam::overlaps(&n.subnet, &req.subnet)) {
                return Err(ApiError::Daemon { status: 403, message: "invalid pool request: Pool overlaps with other one on this address space".into() });
            }
            let gw = if req.gateway.is_empty() {
                parse_cidr(&req.subnet).map(|(b, _)| crate::engine::model::network::u32_to_ip(b + 1)).unwrap_or_default()
            } else {
                req.gateway.clone()
            };
            (req.subnet.clone(), gw)
        };
        let id = self.world.ids.fresh("network");
        let net = Network {
            id: id.clone(),
            name: req.name.clone(),
            driver: driver.clone(),
            scope: "local".into(),
            subnet: subnet.clone(),
            gateway,
            internal: req.internal,
            attachable: req.attachable,
            created: self.world.now(),
            labels: req.labels,
            options: req.options,
            builtin: false,
            user_subnet: !req.subnet.is_empty(),
            ip_range: req.ip_range,
        };
        self.daemon_mut().networks.insert(id.clone(), net);
        let to = Actor::Network { daemon: self.daemon, network: id.clone() };
        self.emit_from_daemon(to, EventKind::NetworkCreated { network: id.clone(), name: req.name, driver, subnet });
        Ok(id)
    }

    /// `GET /networks` with filters; in the daemon's order (the client sorts by name).
    pub fn network_list(&mut self, filters: &BTreeMap<String, Vec<String>>) -> ApiResult<Vec<Network>> {
        let path = if filters.is_empty() {
            "/networks".to_string()
        } else {
            format!("/networks?filters={}", query_escape(&filters_query(filters)))
        };
        self.serve("GET", &path, 200, |api| {
            validate_filters(filters, LIST_FILTERS)?;
            for t in filters.get("type").into_iter().flatten() {
                if t != "custom" && t != "builtin" {
                    return Err(ApiError::bad_request(format!("invalid filter: 'type'='{t}'")));
                }
            }
            let dangling = super::images::filter_bool(filters, "dangling")?;
            let d = api.daemon();
            let used = |n: &Network| d.containers.values().any(|c| c.networks.contains_key(&n.name));
            let out = d
                .networks
                .values()
                .filter(|n| filters.get("driver").is_none_or(|v| v.contains(&n.driver)))
                .filter(|n| filters.get("name").is_none_or(|v| v.iter().any(|x| n.name.contains(x.as_str()))))
                .filter(|n| filters.get("id").is_none_or(|v| v.iter().any(|x| n.id.starts_with(x.as_str()))))
                .filter(|n| filters.get("scope").is_none_or(|v| v.contains(&n.scope)))
                .filter(|n| {
                    filters.get("type").is_none_or(|v| v.iter().any(|t| (t == "builtin") == n.builtin))
                })
                .filter(|n| match_labels(filters, &n.labels))
                .filter(|n| dangling.is_none_or(|dg| dg == (!n.builtin && !used(n))))
                .cloned()
                .collect();
            Ok(out)
        })
    }

    /// `GET /networks/{id}`.
    pub fn network_inspect(&mut self, name: &str) -> ApiResult<Network> {
        let path = format!("/networks/{}", query_escape(name));
        self.serve("GET", &path, 200, |api| api.find_network(name))
    }

    /// `DELETE /networks/{id}`.
    pub fn network_remove(&mut self, name: &str) -> ApiResult<()> {
        let path = format!("/networks/{}", query_escape(name));
        self.serve("DELETE", &path, 204, |api| {
            let net = api.find_network(name)?;
            if net.builtin {
                return Err(ApiError::Daemon { status: 403, message: format!("{} is a pre-defined network and cannot be removed", net.name) });
            }
            let active = api.active_endpoints(&net.name);
            if !active.is_empty() {
                let list: Vec<String> =
                    active.iter().map(|(n, ep)| format!("name:\"{n}\" id:\"{}\"", &ep[..12.min(ep.len())])).collect();
                return Err(ApiError::Daemon {
                    status: 403,
                    message: format!("error while removing network: network {} has active endpoints ({})", net.name, list.join(", ")),
                });
            }
            api.delete_network(&net);
            Ok(())
        })
    }

    fn delete_network(&mut self, net: &Network) {
        self.daemon_mut().networks.remove(&net.id);
        let to = Actor::Network { daemon: self.daemon, network: net.id.clone() };
        self.emit_from_daemon(to, EventKind::NetworkRemoved { network: net.id.clone(), name: net.name.clone() });
    }

    /// `POST /networks/prune`: user-defined networks no running container uses; returns
    /// their names.
    pub fn network_prune(&mut self, filters: &BTreeMap<String, Vec<String>>) -> ApiResult<Vec<String>> {
        let path = if filters.is_empty() {
            "/networks/prune".to_string()
        } else {
            format!("/networks/prune?filters={}", query_escape(&filters_query(filters)))
        };
        self.serve("POST", &path, 200, |api| {
            validate_filters(filters, PRUNE_FILTERS)?;
            let until = until_filter(filters, api.world.now())?;
            let mut candidates: Vec<Network> = api
                .daemon()
                .networks
                .values()
                .filter(|n| !n.builtin)
                .filter(|n| until.is_none_or(|u| n.created <= u))
                .filter(|n| match_labels(filters, &n.labels))
                .cloned()
                .collect();
            candidates.sort_by(|a, b| a.name.cmp(&b.name));
            let mut deleted = Vec::new();
            for n in candidates {
                if api.active_endpoints(&n.name).is_empty() {
                    api.delete_network(&n);
                    deleted.push(n.name.clone());
                }
            }
            Ok(deleted)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipam_texts() {
        assert!(validate_ipam("172.30.0.0/16", "172.30.0.254", "").is_ok());
        assert_eq!(validate_ipam("foo", "", "").unwrap_err(), "invalid network config:\ninvalid subnet foo: invalid CIDR block notation");
        assert_eq!(
            validate_ipam("172.30.0.1/16", "", "").unwrap_err(),
            "invalid network config:\ninvalid subnet 172.30.0.1/16: it should be 172.30.0.0/16"
        );
        assert_eq!(
            validate_ipam("172.30.0.0/16", "10.0.0.1", "").unwrap_err(),
            "invalid network config:\ninvalid gateway 10.0.0.1: parent subnet 172.30.0.0/16 doesn't contain this address"
        );
    }
}
