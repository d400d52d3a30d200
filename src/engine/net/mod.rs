//! The simulated network between the learner's host and containers: IP address
//! management ([`ipam`]), legacy links ([`links`]), Docker's embedded DNS ([`dns`]), where
//! a packet goes ([`route`]: same network, published port through docker-proxy, isolated
//! networks, `--internal`) and who answers it ([`deliver`]). Every hop is an event, so the
//! diagram animates a request host:8080 → docker-proxy → container:80, or container → DNS
//! → container.
//!
//! Invariant: traffic never changes the world except what the answering server itself
//! writes (its log, Redis's dataset) and the events that narrate it.

pub mod deliver;
pub mod dns;
pub mod ipam;
pub mod links;
pub mod local;
pub mod route;

use std::collections::BTreeMap;

use super::event::{Actor, DaemonId, EventKind, HostId};
use super::model::container::LogEntry;
use super::model::network::Endpoint;
use super::world::World;

/// A network a learner created (not `bridge`, `host` or `none`): containers on it find
/// each other by name.
pub fn is_user_defined(name: &str) -> bool {
    !matches!(name, "bridge" | "host" | "none")
}

/// Where traffic starts.
#[derive(Clone, Debug)]
pub enum Vantage {
    /// The machine itself (the learner's shell).
    Host { host: HostId },
    /// A container, with its endpoints (it is out of its daemon while it runs).
    Container { daemon: DaemonId, id: String, networks: BTreeMap<String, Endpoint>, mode: String },
}

/// The network as one process sees it, for the duration of one of its steps.
pub struct NetCtx<'a> {
    pub world: &'a mut World,
    pub from: Vantage,
    /// The container's own log, when the running process is not its main one (a server
    /// answering a request from inside its own container logs there).
    pub own_logs: Option<&'a mut Vec<LogEntry>>,
}

impl<'a> NetCtx<'a> {
    /// The network seen from container `id` of daemon `d`.
    pub fn container(
        world: &'a mut World,
        d: DaemonId,
        id: &str,
        networks: &BTreeMap<String, Endpoint>,
        mode: &str,
        own_logs: Option<&'a mut Vec<LogEntry>>,
    ) -> Option<NetCtx<'a>> {
        let from = Vantage::Container { daemon: d, id: id.to_string(), networks: networks.clone(), mode: mode.to_string() };
        Some(NetCtx { world, from, own_logs })
    }

    /// The network seen from the host.
    pub fn host(world: &'a mut World, host: HostId) -> NetCtx<'a> {
        NetCtx { world, from: Vantage::Host { host }, own_logs: None }
    }

    /// The actor traffic leaves from.
    pub fn actor(&self) -> Actor {
        match &self.from {
            Vantage::Host { host } => Actor::Host { host: *host },
            Vantage::Container { daemon, id, .. } => Actor::Container { daemon: *daemon, container: id.clone() },
        }
    }

    /// The daemon of this vantage (the host's own daemon for the host).
    pub fn daemon(&self) -> Option<DaemonId> {
        match &self.from {
            Vantage::Host { host } => self.world.host(*host).daemon,
            Vantage::Container { daemon, .. } => Some(*daemon),
        }
    }

    /// The host machine of this vantage.
    pub fn host_id(&self) -> HostId {
        match &self.from {
            Vantage::Host { host } => *host,
            Vantage::Container { daemon, .. } => self.world.daemon(*daemon).host,
        }
    }

    /// Records a hop.
    pub fn emit(&mut self, from: Actor, to: Actor, kind: EventKind) {
        self.world.emit(from, to, kind);
    }
}
