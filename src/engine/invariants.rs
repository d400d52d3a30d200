//! Whole-world consistency checks, used by property tests after every command and
//! available to debug builds. Each rule is one the rest of the engine promises.
//!
//! Invariant: `check` has no side effects.

use std::collections::BTreeSet;

use super::oci;
use super::world::World;

/// Checks every rule; returns the first broken one, in words.
pub fn check(w: &World) -> Result<(), String> {
    for d in &w.daemons {
        let mut names = BTreeSet::new();
        for (id, c) in &d.containers {
            if id != &c.id {
                return Err(format!("container key {id} differs from its ID {}", c.id));
            }
            if !names.insert(c.name.as_str()) {
                return Err(format!("two containers named {}", c.name));
            }
            if d.image_of(c).is_none() {
                return Err(format!("container {} uses missing image {}", c.name, c.image));
            }
            let s = &c.state;
            if (s.paused || s.restarting) && !s.running {
                return Err(format!("container {} paused/restarting but not running", c.name));
            }
            if s.running && !s.restarting && c.task.is_none() {
                return Err(format!("container {} running without a process", c.name));
            }
            if !s.running && c.task.is_some() {
                return Err(format!("container {} stopped with a process", c.name));
            }
            for (net, ep) in &c.networks {
                if ep.ip.is_empty() == (s.running && !s.restarting) && d.network_by_name(net).is_some_and(|n| !n.subnet.is_empty()) {
                    return Err(format!("container {} has IP {:?} on {net} while running={}", c.name, ep.ip, s.running));
                }
            }
        }
        for img in d.images.values().chain(d.retained.values()) {
            for chain in oci::chain_ids(&img.layers) {
                if !d.layers.contains_key(&chain) {
                    return Err(format!("image {} misses layer {chain}", img.id));
                }
            }
        }
        for (r, id) in &d.references {
            if !d.images.contains_key(id) {
                return Err(format!("reference {r} points at missing image {id}"));
            }
        }
        // A host port is published by one running container at most.
        let mut host_ports = BTreeSet::new();
        for c in d.containers.values().filter(|c| c.state.running) {
            for ep in c.networks.values() {
                for (port, bindings) in &ep.ports {
                    for (ip, host_port) in bindings {
                        let proto = port.split_once('/').map_or("tcp", |(_, p)| p);
                        if !host_port.is_empty() && !host_ports.insert((ip.clone(), host_port.clone(), proto.to_string())) {
                            return Err(format!("host port {ip}:{host_port}/{proto} published twice"));
                        }
                    }
                }
            }
        }
        // Volumes in use exist; every network a running container is on exists (a stopped
        // one may name a network removed since: Docker lets that happen, and starting it
        // then fails with `network … not found`).
        for c in d.containers.values() {
            for m in &c.mounts {
                if m.kind == crate::engine::model::config::MountKind::Volume && !d.volumes.contains_key(&m.name) {
                    return Err(format!("container {} mounts missing volume {}", c.name, m.name));
                }
            }
            if !c.state.running {
                continue;
            }
            for net in c.networks.keys() {
                if d.network_by_name(net).is_none() {
                    return Err(format!("container {} is on missing network {net}", c.name));
                }
            }
        }
        for net in d.networks.values() {
            let mut ips = BTreeSet::new();
            for c in d.containers.values() {
                if let Some(ep) = c.networks.get(&net.name) {
                    if !ep.ip.is_empty() && !ips.insert(ep.ip.clone()) {
                        return Err(format!("IP {} allocated twice on {}", ep.ip, net.name));
                    }
                }
            }
        }
    }
    Ok(())
}
