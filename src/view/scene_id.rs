//! Names of the diagram's things: a [`NodeId`] per client, host, daemon, image, layer,
//! container, volume, network, port, registry and repository, and per deep-view actor
//! (containerd, shim, runc). Animation steps, highlights, the layout and the inspector all
//! refer to objects by it.
//!
//! Invariant: `kind:daemon:key` for daemon-owned objects, `kind:n` or `kind:n:key` for the
//! rest; the same object always gets the same name.

use crate::engine::event::{Actor, ClientId, DaemonId, HostId, RegistryId};

/// A stable name for one thing of the diagram (`container:0:<id>`, `image:0:sha256:…`).
/// Animation steps, highlights and the inspector refer to objects by it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub String);

impl NodeId {
    pub fn client(c: ClientId) -> NodeId {
        NodeId(format!("client:{}", c.0))
    }
    pub fn host(h: HostId) -> NodeId {
        NodeId(format!("host:{}", h.0))
    }
    /// The kernel bar of a host: shared by all its containers.
    pub fn kernel(h: HostId) -> NodeId {
        NodeId(format!("kernel:{}", h.0))
    }
    pub fn daemon(d: DaemonId) -> NodeId {
        NodeId(format!("daemon:{}", d.0))
    }
    pub fn containerd(d: DaemonId) -> NodeId {
        NodeId(format!("containerd:{}", d.0))
    }
    pub fn runc(d: DaemonId) -> NodeId {
        NodeId(format!("runc:{}", d.0))
    }
    pub fn shim(d: DaemonId, container: &str) -> NodeId {
        NodeId(format!("shim:{}:{container}", d.0))
    }
    /// The image store region of a daemon.
    pub fn image_store(d: DaemonId) -> NodeId {
        NodeId(format!("store:{}", d.0))
    }
    /// Layers that arrived but belong to no image yet (a pull in progress).
    pub fn new_layers(d: DaemonId) -> NodeId {
        NodeId(format!("newlayers:{}", d.0))
    }
    pub fn image(d: DaemonId, id: &str) -> NodeId {
        NodeId(format!("image:{}:{id}", d.0))
    }
    /// A layer, by chain ID (drawn once per image that uses it).
    pub fn layer(d: DaemonId, chain_id: &str) -> NodeId {
        NodeId(format!("layer:{}:{chain_id}", d.0))
    }
    pub fn container(d: DaemonId, id: &str) -> NodeId {
        NodeId(format!("container:{}:{id}", d.0))
    }
    /// A container's writable layer.
    pub fn writable(d: DaemonId, id: &str) -> NodeId {
        NodeId(format!("rw:{}:{id}", d.0))
    }
    /// Containers folded into one tile (`+18 contêineres parados`), per network zone.
    pub fn group(d: DaemonId, network: &str) -> NodeId {
        NodeId(format!("group:{}:{network}", d.0))
    }
    /// The volumes region of a daemon.
    pub fn volume_area(d: DaemonId) -> NodeId {
        NodeId(format!("volumes:{}", d.0))
    }
    pub fn volume(d: DaemonId, name: &str) -> NodeId {
        NodeId(format!("volume:{}:{name}", d.0))
    }
    /// A network, by name.
    pub fn network(d: DaemonId, name: &str) -> NodeId {
        NodeId(format!("network:{}:{name}", d.0))
    }
    /// A published host port (`0.0.0.0:8080`).
    pub fn port(d: DaemonId, host_ip: &str, host_port: &str) -> NodeId {
        NodeId(format!("port:{}:{host_ip}:{host_port}", d.0))
    }
    pub fn registry(r: RegistryId) -> NodeId {
        NodeId(format!("registry:{}", r.0))
    }
    pub fn repo(r: RegistryId, path: &str) -> NodeId {
        NodeId(format!("repo:{}:{path}", r.0))
    }

    /// The node an event's actor is drawn as.
    pub fn from_actor(a: &Actor) -> NodeId {
        match a {
            Actor::Client { client } => NodeId::client(*client),
            Actor::Daemon { daemon } => NodeId::daemon(*daemon),
            Actor::Containerd { daemon } => NodeId::containerd(*daemon),
            Actor::Shim { daemon, container } => NodeId::shim(*daemon, container),
            Actor::Runc { daemon } => NodeId::runc(*daemon),
            Actor::Registry { registry } => NodeId::registry(*registry),
            Actor::Image { daemon, image } => NodeId::image(*daemon, image),
            Actor::Container { daemon, container } => NodeId::container(*daemon, container),
            Actor::Volume { daemon, volume } => NodeId::volume(*daemon, volume),
            Actor::Network { daemon, network } => NodeId::network(*daemon, network),
            Actor::Host { host } => NodeId::host(*host),
        }
    }

    /// The kind prefix (`container`, `image`, …).
    pub fn kind(&self) -> &str {
        self.0.split(':').next().unwrap_or("")
    }

    /// The daemon number for daemon-owned nodes (`image:3:…` → 3).
    pub fn daemon_index(&self) -> Option<u32> {
        match self.kind() {
            "daemon" | "containerd" | "runc" | "shim" | "store" | "newlayers" | "image" | "layer" | "volumes"
            | "container" | "rw" | "group" | "volume" | "network" | "port" => {
                self.0.split(':').nth(1)?.parse().ok()
            }
            _ => None,
        }
    }

    /// What follows `kind:n:` (an object's ID or name).
    pub fn object_key(&self) -> &str {
        let mut parts = self.0.splitn(3, ':');
        parts.next();
        parts.next();
        parts.next().unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_ids_round_trip_their_parts() {
        let id = NodeId::image(DaemonId(2), "sha256:abc");
        assert_eq!(id.kind(), "image");
        assert_eq!(id.daemon_index(), Some(2));
        assert_eq!(id.object_key(), "sha256:abc");
        let a = Actor::Container { daemon: DaemonId(0), container: "c1".into() };
        assert_eq!(NodeId::from_actor(&a), NodeId::container(DaemonId(0), "c1"));
        assert_eq!(NodeId::registry(RegistryId(0)).daemon_index(), None);
    }
}
