//! Publishing a starting container's ports (`-p`, `-P`): each binding gets its host
//! addresses (`0.0.0.0` and `::` when none was given) and a host port (the lowest free one
//! from 32768 when none was given), and a port another running container holds makes the
//! start fail with libnetwork's error.
//!
//! Invariant: no two running containers hold the same host port for the same protocol on
//! overlapping addresses.

use std::collections::BTreeMap;

use super::{Api, ApiError};

/// First port of Linux's ephemeral range (`ip_local_port_range`).
const EPHEMERAL_FIRST: u32 = 32768;
const EPHEMERAL_LAST: u32 = 60999;

/// Published ports: `80/tcp` → (host IP, host port) pairs.
pub type PortMap = BTreeMap<String, Vec<(String, String)>>;

/// Do two host addresses of the same family overlap (equal, or one is the wildcard)?
fn overlaps(a: &str, b: &str) -> bool {
    let wild = |ip: &str| ip == "0.0.0.0" || ip == "::";
    let v6 = |ip: &str| ip.contains(':');
    v6(a) == v6(b) && (a == b || wild(a) || wild(b))
}

impl Api<'_> {
    /// Host ports held by running containers other than `except`: (proto, ip, port).
    fn ports_in_use(&self, except: &str) -> Vec<(String, String, u32)> {
        let mut used = Vec::new();
        for c in self.daemon().containers.values().filter(|c| c.state.running && c.id != except) {
            for ep in c.networks.values() {
                for (port, bindings) in &ep.ports {
                    let proto = port.split_once('/').map_or("tcp", |(_, p)| p).to_string();
                    for (ip, hp) in bindings {
                        used.push((proto.clone(), ip.clone(), hp.parse().unwrap_or(0)));
                    }
                }
            }
        }
        used
    }

    /// The bindings container `id` gets when it starts, or the error that stops it.
    pub(crate) fn allocate_ports(&mut self, id: &str) -> Result<PortMap, ApiError> {
        let c = &self.daemon().containers[id];
        let mut wanted = c.host_config.port_bindings.clone();
        if c.host_config.publish_all_ports {
            for p in &c.config.exposed_ports {
                wanted.entry(p.clone()).or_default();
            }
        }
        if wanted.is_empty() || matches!(c.host_config.network_mode.as_str(), "host" | "none") {
            return Ok(PortMap::new());
        }
        let name = c.name.clone();
        let mut used = self.ports_in_use(id);
        let mut out = PortMap::new();
        for (port, bindings) in wanted {
            let proto = port.split_once('/').map_or("tcp", |(_, p)| p).to_string();
            let bindings = if bindings.is_empty() { vec![Default::default()] } else { bindings };
            let mut list = Vec::new();
            for b in bindings {
                let ips: Vec<String> =
                    if b.host_ip.is_empty() { vec!["0.0.0.0".into(), "::".into()] } else { vec![b.host_ip.clone()] };
                let host_port: u32 = match b.host_port.parse::<u32>() {
                    Ok(p) => p,
                    Err(_) => (EPHEMERAL_FIRST..=EPHEMERAL_LAST)
                        .find(|p| !used.iter().any(|(pr, ip, up)| *pr == proto && *up == *p && ips.iter().any(|i| overlaps(i, ip))))
                        .unwrap_or(EPHEMERAL_FIRST),
                };
                for ip in ips {
                    if used.iter().any(|(pr, uip, up)| *pr == proto && *up == host_port && overlaps(&ip, uip)) {
                        let ep_id = self.world.ids.fresh("endpoint");
                        let shown = if ip.contains(':') { format!("[{ip}]") } else { ip.clone() };
                        return Err(ApiError::server(format!(
                            "failed to set up container networking: driver failed programming external connectivity on endpoint {name} ({ep_id}): Bind for {shown}:{host_port} failed: port is already allocated"
                        )));
                    }
                    used.push((proto.clone(), ip.clone(), host_port));
                    list.push((ip, host_port.to_string()));
                }
            }
            out.insert(port, list);
        }
        Ok(out)
    }

    /// Records the bindings on the container's endpoints once it runs.
    pub(crate) fn set_ports(&mut self, id: &str, ports: PortMap) {
        if let Some(ep) = self.daemon_mut().containers.get_mut(id).and_then(|c| c.networks.values_mut().next()) {
            ep.ports = ports;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_overlap() {
        assert!(overlaps("0.0.0.0", "127.0.0.1"));
        assert!(overlaps("::", "::"));
        assert!(!overlaps("0.0.0.0", "::"));
        assert!(!overlaps("127.0.0.1", "127.0.0.2"));
    }
}
