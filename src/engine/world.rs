//! The world: every host, daemon, client and registry, the clock, and the event log of the
//! request in progress.
//!
//! Invariant: IDs index their vectors (`hosts[HostId.0]` has `id == HostId`), and every
//! daemon's host and every client's context daemon exist.

use std::collections::BTreeMap;

use super::clock::{Clock, Span, Time};
use super::event::{Actor, ClientId, DaemonId, Event, EventKind, HostId, RegistryId};
use super::ids::IdGen;
use super::model::client::{Client, Context};
use super::model::daemon::Daemon;
use super::model::host::{Host, HostKind};
use super::model::registry::{Registry, RegistryKind};

/// Everything that exists.
#[derive(Clone, Debug)]
pub struct World {
    pub clock: Clock,
    pub ids: IdGen,
    pub hosts: Vec<Host>,
    pub daemons: Vec<Daemon>,
    pub clients: Vec<Client>,
    pub registries: Vec<Registry>,
    /// Content of registry containers kept in named volumes: volume name → content.
    pub registry_data: BTreeMap<String, std::sync::Arc<super::model::registry::RegistryContent>>,
    /// Events recorded since the last [`World::take_events`].
    events: Vec<Event>,
}

impl Default for World {
    fn default() -> Self {
        World::new()
    }
}

impl World {
    /// The default world: one Linux host `doca` running `dockerd`, its `docker` CLI, and
    /// Docker Hub.
    pub fn new() -> World {
        let mut w = World {
            clock: Clock::default(),
            ids: IdGen::default(),
            hosts: Vec::new(),
            daemons: Vec::new(),
            clients: Vec::new(),
            registries: Vec::new(),
            registry_data: BTreeMap::new(),
            events: Vec::new(),
        };
        w.registries.push(Registry {
            id: RegistryId(0),
            domain: "docker.io".into(),
            kind: RegistryKind::Hub,
            content: super::hub::build::hub_content(),
            // Docker Hub accounts of the simulation (username → password).
            accounts: [("aluno", "docker123"), ("professor", "docker123")]
                .into_iter()
                .map(|(u, p)| (u.to_string(), p.to_string()))
                .collect(),
            online: true,
            removed: false,
            volume: None,
        });
        let host = w.add_linux_host("doca", "192.168.65.3");
        let daemon = w.add_daemon(host);
        w.add_client(host, daemon);
        w
    }

    /// Adds a Linux machine (no daemon yet).
    pub fn add_linux_host(&mut self, name: &str, ip: &str) -> HostId {
        let id = HostId(self.hosts.len() as u32);
        self.hosts.push(Host {
            id,
            name: name.into(),
            kind: HostKind::Linux,
            kernel: "6.8.0-60-generic".into(),
            os_name: "Ubuntu 24.04.2 LTS".into(),
            cpus: 2,
            memory_bytes: 4_109_729_792,
            ip: ip.into(),
            daemon: None,
            fs: Default::default(),
            base: None,
        });
        id
    }

    /// Starts a daemon on `host`, with its three built-in networks.
    pub fn add_daemon(&mut self, host: HostId) -> DaemonId {
        let id = DaemonId(self.daemons.len() as u32);
        let mut daemon = Daemon::new(id, host);
        let now = self.clock.now();
        for (name, driver, subnet, gateway) in [
            ("bridge", "bridge", "172.17.0.0/16", "172.17.0.1"),
            ("host", "host", "", ""),
            ("none", "null", "", ""),
        ] {
            let net_id = self.ids.fresh("network");
            let mut options = std::collections::BTreeMap::new();
            if name == "bridge" {
                for (k, v) in [
                    ("com.docker.network.bridge.default_bridge", "true"),
                    ("com.docker.network.bridge.enable_icc", "true"),
                    ("com.docker.network.bridge.enable_ip_masquerade", "true"),
                    ("com.docker.network.bridge.host_binding_ipv4", "0.0.0.0"),
                    ("com.docker.network.bridge.name", "docker0"),
                    ("com.docker.network.driver.mtu", "1500"),
                ] {
                    options.insert(k.to_string(), v.to_string());
                }
            }
            daemon.networks.insert(
                net_id.clone(),
                super::model::network::Network {
                    id: net_id,
                    name: name.into(),
                    driver: driver.into(),
                    scope: "local".into(),
                    subnet: subnet.into(),
                    gateway: gateway.into(),
                    internal: false,
                    attachable: false,
                    created: now,
                    labels: Default::default(),
                    options,
                    builtin: true,
                    user_subnet: false,
                    ip_range: String::new(),
                },
            );
        }
        self.daemons.push(daemon);
        self.hosts[host.0 as usize].daemon = Some(id);
        id
    }

    /// Adds a `docker` CLI on `host` whose default context is `daemon`.
    pub fn add_client(&mut self, host: HostId, daemon: DaemonId) -> ClientId {
        let id = ClientId(self.clients.len() as u32);
        self.clients.push(Client {
            id,
            host,
            contexts: vec![Context {
                name: "default".into(),
                description: "Current DOCKER_HOST based configuration".into(),
                endpoint: "unix:///var/run/docker.sock".into(),
                daemon,
            }],
            current_context: "default".into(),
            logins: BTreeMap::new(),
        });
        id
    }

    pub fn now(&self) -> Time {
        self.clock.now()
    }

    pub fn host(&self, id: HostId) -> &Host {
        &self.hosts[id.0 as usize]
    }

    pub fn daemon(&self, id: DaemonId) -> &Daemon {
        &self.daemons[id.0 as usize]
    }

    pub fn daemon_mut(&mut self, id: DaemonId) -> &mut Daemon {
        &mut self.daemons[id.0 as usize]
    }

    pub fn client(&self, id: ClientId) -> &Client {
        &self.clients[id.0 as usize]
    }

    pub fn client_mut(&mut self, id: ClientId) -> &mut Client {
        &mut self.clients[id.0 as usize]
    }

    pub fn registry(&self, id: RegistryId) -> &Registry {
        &self.registries[id.0 as usize]
    }

    /// The registry serving `domain` (`docker.io`, `localhost:5000`), if any is online.
    pub fn registry_for(&self, domain: &str) -> Option<RegistryId> {
        self.registries.iter().find(|r| r.domain == domain && !r.removed).map(|r| r.id)
    }

    /// Records an event at the current time.
    pub fn emit(&mut self, from: Actor, to: Actor, kind: EventKind) {
        let at = self.clock.now();
        self.events.push(Event { at, from, to, kind });
    }

    /// Takes the events recorded so far.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    /// Lets simulated time pass: processes run, restart policies fire.
    pub fn advance(&mut self, span: Span) {
        let target = self.clock.now() + span;
        super::runtime::run_until(self, target);
        self.clock.advance_to(target);
        self.sync_registries();
    }
}
