//! `GET /networks/{id}` as JSON (moby 28's `network.Inspect`): the network's settings, its
//! IPAM configuration and the containers on it with their addresses.
//!
//! Invariant: read-only; `Containers` lists the running containers with an address on the
//! network (a stopped container has no endpoint), keyed by container ID.

use serde_json::{Map, Value, json};

use super::{Api, ApiResult};
use crate::engine::model::network::Network;

/// The network's document, with its members from `members` (ID, name, endpoint).
fn document(net: &Network, members: Vec<(String, String, crate::engine::model::network::Endpoint)>) -> Value {
    let mut containers = Map::new();
    for (id, name, ep) in members {
        containers.insert(
            id,
            json!({
                "Name": name,
                "EndpointID": ep.endpoint_id,
                "MacAddress": ep.mac,
                "IPv4Address": format!("{}/{}", ep.ip, ep.prefix_len),
                "IPv6Address": "",
            }),
        );
    }
    let config = if net.subnet.is_empty() {
        json!([])
    } else {
        let mut c = Map::new();
        c.insert("Subnet".into(), json!(net.subnet));
        if !net.ip_range.is_empty() {
            c.insert("IPRange".into(), json!(net.ip_range));
        }
        c.insert("Gateway".into(), json!(net.gateway));
        json!([Value::Object(c)])
    };
    let ipam_options = if net.builtin { Value::Null } else { json!({}) };
    json!({
        "Name": net.name,
        "Id": net.id,
        "Created": net.created.rfc3339_nano(),
        "Scope": net.scope,
        "Driver": net.driver,
        "EnableIPv4": true,
        "EnableIPv6": false,
        "IPAM": { "Driver": "default", "Options": ipam_options, "Config": config },
        "Internal": net.internal,
        "Attachable": net.attachable,
        "Ingress": false,
        "ConfigFrom": { "Network": "" },
        "ConfigOnly": false,
        "Containers": Value::Object(containers),
        "Options": net.options,
        "Labels": net.labels,
    })
}

impl Api<'_> {
    /// `GET /networks/{id}`: the document `docker network inspect` prints.
    pub fn network_inspect_json(&mut self, name: &str) -> ApiResult<Value> {
        let net = self.network_inspect(name)?;
        let members = self
            .daemon()
            .containers
            .values()
            .filter(|c| c.state.running)
            .filter_map(|c| c.networks.get(&net.name).filter(|e| !e.ip.is_empty()).map(|e| (c.id.clone(), c.name.clone(), e.clone())))
            .collect();
        Ok(document(&net, members))
    }
}
