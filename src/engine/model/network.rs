//! Networks a daemon manages (`bridge`, `host`, `none`, and user-defined ones) and the
//! endpoints that attach containers to them.
//!
//! Invariant: within one network no two running containers hold the same IP address, and
//! an endpoint's IP is empty exactly when its container is not running.

use std::collections::BTreeMap;

use crate::engine::clock::Time;

/// A network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    /// 64 hex.
    pub id: String,
    pub name: String,
    /// `bridge`, `host`, `null`, `overlay`.
    pub driver: String,
    /// `local` or `swarm`.
    pub scope: String,
    /// `172.17.0.0/16`; empty for `host` and `none`.
    pub subnet: String,
    pub gateway: String,
    pub internal: bool,
    pub attachable: bool,
    pub created: Time,
    pub labels: BTreeMap<String, String>,
    pub options: BTreeMap<String, String>,
    /// One of the three networks every daemon starts with (cannot be removed).
    pub builtin: bool,
    /// The subnet was given by the user (`--subnet`): only then may containers ask for an
    /// address with `--ip`.
    pub user_subnet: bool,
    /// `--ip-range`: where automatic addresses come from (empty: the whole subnet).
    pub ip_range: String,
}

/// A container's attachment to a network.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Endpoint {
    pub network_id: String,
    /// Empty until the container runs.
    pub endpoint_id: String,
    pub ip: String,
    pub prefix_len: u8,
    pub gateway: String,
    pub mac: String,
    /// Names given with `--network-alias` / `--alias` (user-defined networks only).
    pub aliases: Vec<String>,
    /// Names the embedded DNS answers for while it runs: name, aliases, short ID.
    pub dns_names: Vec<String>,
    /// The address asked for with `--ip` (`IPAMConfig.IPv4Address`), if any.
    pub ipam_ipv4: String,
    pub links: Vec<String>,
    /// Published ports while the container runs: `80/tcp` → (host IP, host port).
    pub ports: std::collections::BTreeMap<String, Vec<(String, String)>>,
}

/// The IPv4 address as a number.
pub fn ip_to_u32(ip: &str) -> Option<u32> {
    let mut parts = ip.split('.');
    let mut v = 0u32;
    for _ in 0..4 {
        let p: u8 = parts.next()?.parse().ok()?;
        v = (v << 8) | u32::from(p);
    }
    if parts.next().is_some() {
        return None;
    }
    Some(v)
}

/// Dotted form of an IPv4 number.
pub fn u32_to_ip(v: u32) -> String {
    format!("{}.{}.{}.{}", v >> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255)
}

/// (network address, prefix length) of a CIDR string.
pub fn parse_cidr(cidr: &str) -> Option<(u32, u8)> {
    let (ip, len) = cidr.split_once('/')?;
    let len: u8 = len.parse().ok().filter(|l| *l <= 32)?;
    let ip = ip_to_u32(ip)?;
    let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
    Some((ip & mask, len))
}

/// Whether `ip` lies in `cidr`.
pub fn contains(cidr: &str, ip: &str) -> bool {
    match (parse_cidr(cidr), ip_to_u32(ip)) {
        (Some((base, len)), Some(v)) => {
            let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
            v & mask == base
        }
        _ => false,
    }
}

/// Docker's MAC for an IPv4 address: `02:42` followed by the four address bytes.
pub fn mac_for(ip: &str) -> String {
    let v = ip_to_u32(ip).unwrap_or(0);
    format!("02:42:{:02x}:{:02x}:{:02x}:{:02x}", v >> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255)
}
