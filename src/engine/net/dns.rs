//! Docker's embedded DNS server (`127.0.0.11`), which containers on user-defined networks
//! ask: it knows the running containers of the asker's networks by name, `--network-alias`
//! and short ID. On the default bridge there is no such server: names of other containers
//! resolve only through `/etc/hosts` (`--link`). The simulation has no Internet, so other
//! names are unknown.
//!
//! Invariant: a name resolves to the address of a running container on a network the
//! asker is attached to, or to nothing.

use super::{NetCtx, Vantage, is_user_defined};
use crate::engine::event::{Actor, EventKind};

/// The embedded DNS server's address, as `/etc/resolv.conf` names it.
pub const EMBEDDED: &str = "127.0.0.11";

impl NetCtx<'_> {
    /// Asks the embedded DNS server for `name` (case-insensitive); records the query.
    pub fn embedded_dns(&mut self, name: &str) -> Option<String> {
        let Vantage::Container { daemon, id, networks, .. } = &self.from else { return None };
        let d = self.world.daemon(*daemon);
        let wanted = name.trim_end_matches('.').to_ascii_lowercase();
        let mut answer: Option<(String, String)> = None;
        for (net, own) in networks.iter().filter(|(n, _)| is_user_defined(n)) {
            if own.dns_names.iter().any(|n| n.to_ascii_lowercase() == wanted) && !own.ip.is_empty() {
                answer = Some((own.ip.clone(), own.network_id.clone()));
                break;
            }
            let found = d
                .containers
                .values()
                .filter(|c| c.state.running && &c.id != id)
                .filter_map(|c| c.networks.get(net))
                .filter(|e| !e.ip.is_empty() && e.dns_names.iter().any(|n| n.to_ascii_lowercase() == wanted))
                .map(|e| e.ip.clone())
                .min_by_key(|ip| crate::engine::model::network::ip_to_u32(ip));
            if let Some(ip) = found {
                answer = Some((ip, own.network_id.clone()));
                break;
            }
        }
        let network = answer.as_ref().map(|(_, n)| n.clone()).or_else(|| {
            networks.iter().find(|(n, _)| is_user_defined(n)).map(|(_, e)| e.network_id.clone())
        });
        let (from, daemon) = (self.actor(), *daemon);
        let to = match network {
            Some(network) => Actor::Network { daemon, network },
            None => Actor::Daemon { daemon },
        };
        let ip = answer.map(|(ip, _)| ip);
        self.emit(
            from,
            to,
            EventKind::DnsQuery { name: name.to_string(), answer: ip.clone().unwrap_or_default(), server: EMBEDDED.into() },
        );
        ip
    }

    /// A lookup that reached no server that knows the name (the default bridge's DNS is the
    /// host's, which knows no containers); recorded for the diagram.
    pub fn unknown_name(&mut self, name: &str, server: &str) {
        let from = self.actor();
        let to = match (&self.from, self.daemon()) {
            (Vantage::Container { .. }, Some(daemon)) => Actor::Daemon { daemon },
            _ => Actor::Host { host: self.host_id() },
        };
        self.emit(from, to, EventKind::DnsQuery { name: name.to_string(), answer: String::new(), server: server.to_string() });
    }

    /// A name found in `/etc/hosts`; recorded for the diagram.
    pub fn hosts_file_hit(&mut self, name: &str, addr: &str) {
        let from = self.actor();
        self.emit(
            from.clone(),
            from,
            EventKind::DnsQuery { name: name.to_string(), answer: addr.to_string(), server: "/etc/hosts".into() },
        );
    }
}
