//! Where a packet goes: the process's own container (loopback, its own address), another
//! container on a network both share, a container behind a published port (docker-proxy
//! on the host's addresses), the host itself, or nowhere: bridge networks are isolated from
//! each other, `--internal` networks don't reach beyond themselves, `--network none` has
//! only loopback, and the simulation has no Internet.
//!
//! Invariant: routing only reads the world.

use super::{NetCtx, Vantage};
use crate::engine::event::DaemonId;
use crate::engine::model::daemon::Daemon;
use crate::engine::model::network::contains;
use crate::unix::net::NetError;

/// Where traffic ends up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The sending container itself.
    Own { remote: String },
    /// A container: its address and port as the packet reaches it, the source address
    /// the server sees, and the host port when it came through a published port.
    Container { daemon: DaemonId, id: String, ip: String, port: u16, remote: String, network: String, published: Option<u16> },
    /// The host machine (it answers pings; nothing of its own listens).
    Host,
}

fn loopback(addr: &str) -> bool {
    addr == "localhost" || addr.starts_with("127.") || addr == "::1"
}

/// Whether `addr` is one of the host's own addresses as seen from its containers and
/// itself: its LAN address, loopback, or a bridge gateway.
fn host_addr(d: &Daemon, host_ip: &str, addr: &str) -> bool {
    loopback(addr) || addr == host_ip || addr == "0.0.0.0" || d.networks.values().any(|n| !n.gateway.is_empty() && n.gateway == addr)
}

/// The running container holding `addr` on network `name`: (ID, paused).
fn holder(d: &Daemon, name: &str, addr: &str) -> Option<(String, bool)> {
    d.containers
        .values()
        .filter(|c| c.state.running && !c.state.restarting)
        .find(|c| c.networks.get(name).is_some_and(|e| e.ip == addr))
        .map(|c| (c.id.clone(), c.state.paused))
}

/// The container publishing host port `port` on an address `addr` reaches.
fn published(d: &Daemon, addr: &str, port: u16) -> Option<Target> {
    for c in d.containers.values().filter(|c| c.state.running) {
        for (net, ep) in &c.networks {
            for (cport, bindings) in &ep.ports {
                let (num, proto) = cport.split_once('/').unwrap_or((cport.as_str(), "tcp"));
                if proto != "tcp" {
                    continue;
                }
                let hit = bindings.iter().any(|(ip, hp)| {
                    hp.parse::<u16>().ok() == Some(port)
                        && (ip == "0.0.0.0" || ip == "::" || ip == addr || (loopback(addr) && ip.starts_with("127.")))
                });
                if hit {
                    let gw = d.network_by_name(net).map(|n| n.gateway.clone()).unwrap_or_default();
                    return Some(Target::Container {
                        daemon: d.id,
                        id: c.id.clone(),
                        ip: ep.ip.clone(),
                        port: num.parse().unwrap_or(0),
                        remote: gw,
                        network: net.clone(),
                        published: Some(port),
                    });
                }
            }
        }
    }
    None
}

/// A running container sharing the host's network (`--network host`).
fn host_mode(d: &Daemon, port: u16) -> Option<Target> {
    let c = d.containers.values().find(|c| c.state.running && c.host_config.network_mode == "host")?;
    Some(Target::Container {
        daemon: d.id,
        id: c.id.clone(),
        ip: "127.0.0.1".into(),
        port,
        remote: "127.0.0.1".into(),
        network: "host".into(),
        published: None,
    })
}

impl NetCtx<'_> {
    /// Where a packet to `addr` (port 0: a ping) goes.
    pub fn route(&self, addr: &str, port: u16) -> Result<Target, NetError> {
        let Some(did) = self.daemon() else { return if loopback(addr) { Ok(Target::Host) } else { Err(NetError::Timeout) } };
        let d = self.world.daemon(did);
        let host_ip = self.world.host(self.host_id()).ip.clone();
        let from_host = |addr: &str| -> Result<Target, NetError> {
            if host_addr(d, &host_ip, addr) {
                if port == 0 {
                    return Ok(Target::Host);
                }
                return published(d, addr, port).or_else(|| host_mode(d, port)).ok_or(NetError::Refused);
            }
            for n in d.networks.values().filter(|n| !n.subnet.is_empty() && contains(&n.subnet, addr)) {
                return match holder(d, &n.name, addr) {
                    Some((_, true)) => Err(NetError::Timeout),
                    Some((id, false)) => Ok(Target::Container {
                        daemon: did,
                        id,
                        ip: addr.to_string(),
                        port,
                        remote: n.gateway.clone(),
                        network: n.name.clone(),
                        published: None,
                    }),
                    None => Err(NetError::HostUnreachable),
                };
            }
            Err(NetError::Timeout)
        };
        let (id, networks, mode) = match &self.from {
            Vantage::Host { .. } => return from_host(addr),
            Vantage::Container { id, networks, mode, .. } => (id, networks, mode.as_str()),
        };
        if loopback(addr) {
            return Ok(Target::Own { remote: "127.0.0.1".into() });
        }
        match mode {
            "none" => return Err(NetError::Unreachable),
            "host" => return from_host(addr),
            _ => {}
        }
        if let Some(ep) = networks.values().find(|e| !e.ip.is_empty() && e.ip == addr) {
            return Ok(Target::Own { remote: ep.ip.clone() });
        }
        let internal_only = networks.keys().all(|n| d.network_by_name(n).is_some_and(|n| n.internal));
        for (name, ep) in networks {
            let Some(n) = d.network_by_name(name) else { continue };
            if n.subnet.is_empty() || !contains(&n.subnet, addr) {
                continue;
            }
            if addr == n.gateway {
                break;
            }
            return match holder(d, name, addr) {
                Some((_, true)) => Err(NetError::Timeout),
                Some((other, false)) if &other != id => Ok(Target::Container {
                    daemon: did,
                    id: other,
                    ip: addr.to_string(),
                    port,
                    remote: ep.ip.clone(),
                    network: name.clone(),
                    published: None,
                }),
                Some(_) => Ok(Target::Own { remote: ep.ip.clone() }),
                None => Err(NetError::HostUnreachable),
            };
        }
        if internal_only {
            let own_gateway = networks.keys().filter_map(|n| d.network_by_name(n)).any(|n| n.gateway == addr);
            return Err(if own_gateway && port != 0 { NetError::Refused } else { NetError::Timeout });
        }
        if host_addr(d, &host_ip, addr) {
            return from_host(addr);
        }
        Err(NetError::Timeout)
    }
}
