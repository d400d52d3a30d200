//! IP address management, as Docker's default IPAM does it: subnets for new bridge
//! networks come from the default pools (`172.17.0.0/16` … `172.31.0.0/16`, then
//! `192.168.0.0/20` … `192.168.240.0/20`), the gateway is the first address, and a
//! container gets the lowest free address of each network when it starts (or the one
//! asked with `--ip`).
//!
//! Invariant: within one network no two running containers hold the same address, and
//! no address equals the network's gateway.

use std::collections::BTreeSet;

use crate::engine::event::{Actor, DaemonId, EventKind};
use crate::engine::model::daemon::Daemon;
use crate::engine::model::network::{Network, ip_to_u32, mac_for, parse_cidr, u32_to_ip};
use crate::engine::world::World;

/// The default address pools, in the order Docker hands them out.
fn default_pools() -> impl Iterator<Item = (String, String)> {
    let big = (17..=31).map(|b| (format!("172.{b}.0.0/16"), format!("172.{b}.0.1")));
    let small = (0..16).map(|i| (format!("192.168.{}.0/20", i * 16), format!("192.168.{}.1", i * 16)));
    big.chain(small)
}

/// Do two subnets overlap?
pub fn overlaps(a: &str, b: &str) -> bool {
    match (parse_cidr(a), parse_cidr(b)) {
        (Some((na, la)), Some((nb, lb))) => {
            let len = la.min(lb);
            let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
            na & mask == nb & mask
        }
        _ => false,
    }
}

/// The first default pool no network of `d` uses: (subnet, gateway).
pub fn free_subnet(d: &Daemon) -> Option<(String, String)> {
    default_pools().find(|(subnet, _)| !d.networks.values().any(|n| !n.subnet.is_empty() && overlaps(&n.subnet, subnet)))
}

/// Addresses held on network `name` by running containers other than `except`.
pub fn used_addresses(d: &Daemon, name: &str, except: &str) -> BTreeSet<u32> {
    // Only running containers hold an address (a stopped one has none): skip the rest
    // before looking at their endpoints.
    d.containers
        .values()
        .filter(|c| c.state.running && c.id != except)
        .filter_map(|c| c.networks.get(name))
        .filter(|e| !e.ip.is_empty())
        .filter_map(|e| ip_to_u32(&e.ip))
        .collect()
}

/// The lowest free address of `net`, or the requested one if it is free and in range.
pub fn pick(net: &Network, used: &BTreeSet<u32>, requested: &str) -> Result<String, String> {
    let Some((base, len)) = parse_cidr(&net.subnet) else { return Err("no IPv4 subnet".into()) };
    let size: u64 = if len >= 32 { 1 } else { 1u64 << (32 - len) };
    let gw = ip_to_u32(&net.gateway).unwrap_or(base + 1);
    if !requested.is_empty() {
        let Some(v) = ip_to_u32(requested) else { return Err(format!("invalid IPv4 address: {requested}")) };
        if !crate::engine::model::network::contains(&net.subnet, requested) {
            return Err(format!(
                "no configured subnet or ip-range contain the IP address {requested}"
            ));
        }
        if used.contains(&v) || v == gw {
            return Err("Address already in use".into());
        }
        return Ok(requested.to_string());
    }
    (1..size.saturating_sub(1))
        .map(|i| base.wrapping_add(i as u32))
        .find(|v| *v != gw && !used.contains(v))
        .map(u32_to_ip)
        .ok_or_else(|| format!("no available IPv4 addresses on this network's address pools: {} ({})", net.name, net.id))
}

/// Gives container `id` its address on network `name` as it starts (or joins while
/// running); `host`/`none` networks give none. Records the endpoint and announces it.
pub fn attach(w: &mut World, d: DaemonId, id: &str, name: &str) {
    let Some(net) = w.daemon(d).network_by_name(name).cloned() else { return };
    let endpoint_id = w.ids.fresh("endpoint");
    let requested = w.daemon(d).containers.get(id).and_then(|c| c.networks.get(name)).map(|e| e.ipam_ipv4.clone()).unwrap_or_default();
    let used = used_addresses(w.daemon(d), name, id);
    let ip = pick(&net, &used, &requested).ok();
    let user_defined = super::is_user_defined(&net.name);
    let Some(c) = w.daemon_mut(d).containers.get_mut(id) else { return };
    let short = c.id[..12].to_string();
    let cname = c.name.clone();
    let Some(ep) = c.networks.get_mut(name) else { return };
    ep.endpoint_id = endpoint_id;
    ep.network_id = net.id.clone();
    if let Some(ip) = &ip {
        ep.mac = mac_for(ip);
        ep.ip = ip.clone();
        ep.prefix_len = parse_cidr(&net.subnet).map_or(0, |(_, l)| l);
        ep.gateway = net.gateway.clone();
    }
    if user_defined {
        let mut names = vec![cname];
        names.extend(ep.aliases.iter().cloned());
        names.push(short);
        ep.dns_names = names;
    }
    let names = ep.dns_names.clone();
    let kind = EventKind::NetworkConnected {
        network: net.id.clone(),
        container: id.to_string(),
        ip: ip.unwrap_or_default(),
        aliases: names,
    };
    w.emit(Actor::Network { daemon: d, network: net.id }, Actor::Container { daemon: d, container: id.to_string() }, kind);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_in_docker_order() {
        let w = World::new();
        assert_eq!(free_subnet(w.daemon(DaemonId(0))), Some(("172.18.0.0/16".into(), "172.18.0.1".into())));
        let pools: Vec<(String, String)> = default_pools().collect();
        assert_eq!(pools[15].0, "192.168.0.0/20");
        assert_eq!(pools[16].0, "192.168.16.0/20");
        assert!(overlaps("172.18.0.0/16", "172.18.5.0/24"));
        assert!(!overlaps("172.18.0.0/16", "172.19.0.0/16"));
    }

    #[test]
    fn lowest_free_address_skips_the_gateway() {
        let w = World::new();
        let net = w.daemon(DaemonId(0)).network_by_name("bridge").unwrap().clone();
        let mut used = BTreeSet::new();
        assert_eq!(pick(&net, &used, ""), Ok("172.17.0.2".into()));
        used.insert(ip_to_u32("172.17.0.2").unwrap());
        assert_eq!(pick(&net, &used, ""), Ok("172.17.0.3".into()));
        assert_eq!(pick(&net, &used, "172.17.0.2"), Err("Address already in use".into()));
        assert!(pick(&net, &used, "10.0.0.5").is_err());
    }
}
