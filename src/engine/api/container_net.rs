//! A new container's network endpoints (moby's `validateNetworkingConfig` and
//! `registerLinks`): one per network it joins, with its `--network-alias` names and the
//! address asked with `--ip`; legacy links must name existing containers.
//!
//! Invariant: aliases and static addresses only go to user-defined networks; every
//! endpoint names an existing network.

use std::collections::BTreeMap;

use super::{Api, ApiError, ApiResult};
use crate::engine::model::config::{EndpointRequest, HostConfig};
use crate::engine::model::network::Endpoint;
use crate::engine::net::{is_user_defined, links};

/// `validateEndpointSettings` for one requested endpoint.
fn validate(req: &EndpointRequest, net: Option<&crate::engine::model::network::Network>) -> Result<(), String> {
    let mut errs = Vec::new();
    if req.network == "default" || !is_user_defined(&req.network) {
        if !req.ipv4_address.is_empty() {
            errs.push("user specified IP address is supported on user defined networks only".to_string());
        }
        if !req.aliases.is_empty() {
            errs.push("network-scoped alias is supported only for containers in user defined networks".to_string());
        }
    }
    if !req.ipv4_address.is_empty() && !crate::unix::net::is_ipv4(&req.ipv4_address) {
        errs.push(format!("invalid IPv4 address: {}", req.ipv4_address));
    } else if let (false, Some(n)) = (req.ipv4_address.is_empty(), net) {
        if !n.user_subnet {
            errs.push("user specified IP address is supported only when connecting to networks with user configured subnets".into());
        } else if !crate::engine::model::network::contains(&n.subnet, &req.ipv4_address) {
            errs.push(format!("no configured subnet or ip-range contain the IP address {}", req.ipv4_address));
        }
    }
    match errs.len() {
        0 => Ok(()),
        1 => Err(format!("invalid config for network {}: invalid endpoint settings:\n{}", req.network, errs[0])),
        _ => Err(format!("invalid config for network {}: invalid endpoint settings:\n* {}", req.network, errs.join("\n* "))),
    }
}

impl Api<'_> {
    /// The endpoints of a container being created: the network of `NetworkMode` first,
    /// then the others asked for, keyed by network name.
    pub(crate) fn create_endpoints(&mut self, hc: &HostConfig) -> ApiResult<BTreeMap<String, Endpoint>> {
        for req in &hc.networking {
            let name = if req.network == "default" { "bridge" } else { req.network.as_str() };
            let net = self.daemon().network_by_name(name);
            validate(req, net).map_err(ApiError::bad_request)?;
        }
        let mut wanted: Vec<EndpointRequest> = vec![EndpointRequest { network: hc.network_mode.clone(), ..Default::default() }];
        for req in &hc.networking {
            let name = if req.network == "default" { "bridge".to_string() } else { req.network.clone() };
            match wanted.iter_mut().find(|w| w.network == name || self.daemon().network_by_name(&w.network).is_some_and(|n| n.name == name || n.id == name)) {
                Some(w) => {
                    w.aliases = req.aliases.clone();
                    w.ipv4_address = req.ipv4_address.clone();
                }
                None => wanted.push(EndpointRequest { network: name, ..req.clone() }),
            }
        }
        let mut out = BTreeMap::new();
        for w in wanted {
            if w.network.starts_with("container:") {
                continue;
            }
            let net = self.daemon().network_by_name(&w.network).ok_or_else(|| ApiError::not_found(format!("network {} not found", w.network)))?;
            let ep = Endpoint { network_id: net.id.clone(), aliases: w.aliases, ipam_ipv4: w.ipv4_address, ..Default::default() };
            out.insert(net.name.clone(), ep);
        }
        Ok(out)
    }

    /// `registerLinks`: on the default bridge, every `--link` must name a container.
    pub(crate) fn check_links(&self, hc: &HostConfig) -> ApiResult<()> {
        if hc.network_mode == "host" && !hc.links.is_empty() {
            return Err(ApiError::bad_request(
                "conflicting options: host type networking can't be used with links. This would result in undefined behavior",
            ));
        }
        if is_user_defined(&hc.network_mode) {
            return Ok(());
        }
        for (name, _) in links::parse_all(&hc.links) {
            if let Err(e) = super::lookup::container_id(self.daemon(), &name) {
                return Err(ApiError::bad_request(format!("could not get container for {name}: {}", e.message())));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_need_a_user_defined_network() {
        let req = EndpointRequest { network: "default".into(), aliases: vec!["db".into()], ..Default::default() };
        assert_eq!(
            validate(&req, None).unwrap_err(),
            "invalid config for network default: invalid endpoint settings:\nnetwork-scoped alias is supported only for containers in user defined networks"
        );
        let req = EndpointRequest { network: "rede".into(), aliases: vec!["db".into()], ..Default::default() };
        assert!(validate(&req, None).is_ok());
    }
}
