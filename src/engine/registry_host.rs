//! Private registries that learners start themselves: a running container of the
//! `registry` image with its port 5000 published becomes a registry reachable as
//! `localhost:<port>` from its host. Stopping the container takes the registry offline;
//! removing it loses the content unless `/var/lib/registry` was a named volume, whose
//! content a later registry container on that volume finds again.
//!
//! Also answers the registry HTTP API's `GET /v2/_catalog` for `curl`.
//!
//! Invariant: at most one live (not removed) registry per container; registry IDs keep
//! indexing `World::registries` (removed registries stay, marked `removed`).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::event::{Actor, DaemonId, EventKind, RegistryId};
use super::model::registry::{Registry, RegistryContent, RegistryKind};
use super::world::World;

/// Where a registry container keeps its data.
const DATA_DIR: &str = "/var/lib/registry";

/// Whether an image config is the registry's (`/entrypoint.sh` + its config file).
fn is_registry_image(w: &World, d: DaemonId, image: &str) -> bool {
    let Some(img) = w.daemon(d).images.get(image) else { return false };
    let c = &img.config;
    c.entrypoint.as_deref() == Some(&["/entrypoint.sh".to_string()][..])
        && c.cmd.as_ref().is_some_and(|cmd| cmd.iter().any(|a| a.starts_with("/etc/docker/registry/") || a.starts_with("/etc/distribution/")))
}

/// The named volume mounted at the registry's data directory, if any.
fn data_volume(binds: &[String], mounts: &[super::model::config::MountSpec]) -> Option<String> {
    for b in binds {
        let parts: Vec<&str> = b.split(':').collect();
        if parts.len() >= 2 && parts[1] == DATA_DIR && !parts[0].starts_with('/') {
            return Some(parts[0].to_string());
        }
    }
    mounts.iter().find(|m| m.target == DATA_DIR && !m.source.is_empty() && !m.source.starts_with('/')).map(|m| m.source.clone())
}

/// What a registry container looks like right now.
struct Live {
    daemon: DaemonId,
    container: String,
    port: String,
    running: bool,
    volume: Option<String>,
}

fn live_registries(w: &World) -> Vec<Live> {
    let mut out = Vec::new();
    for d in &w.daemons {
        for c in d.containers.values() {
            // The port first: it rules out almost every container without an image lookup.
            let port = c.host_config.port_bindings.get("5000/tcp").and_then(|b| b.first()).map(|b| b.host_port.clone());
            let Some(port) = port.filter(|p| !p.is_empty()) else { continue };
            if !is_registry_image(w, d.id, &c.image) {
                continue;
            }
            out.push(Live {
                daemon: d.id,
                container: c.id.clone(),
                port,
                running: c.state.running && !c.state.paused,
                volume: data_volume(&c.host_config.binds, &c.host_config.mounts),
            });
        }
    }
    out
}

impl World {
    /// Brings registries in line with registry containers (called after every request and
    /// as time passes).
    pub fn sync_registries(&mut self) {
        let live = live_registries(self);
        // Registries whose container is gone.
        for i in 0..self.registries.len() {
            let r = &self.registries[i];
            let RegistryKind::Container { daemon, container } = r.kind.clone() else { continue };
            if r.removed || live.iter().any(|l| l.daemon == daemon && l.container == container) {
                continue;
            }
            let domain = r.domain.clone();
            if let Some(v) = self.registries[i].volume.clone() {
                let content = self.registries[i].content.clone();
                self.registry_data.insert(v, content);
            }
            let was_online = self.registries[i].online;
            self.registries[i].online = false;
            self.registries[i].removed = true;
            if was_online {
                self.emit(Actor::Daemon { daemon }, Actor::Registry { registry: RegistryId(i as u32) }, EventKind::RegistryOffline { domain });
            }
        }
        for l in live {
            let existing = self.registries.iter().position(|r| {
                !r.removed && matches!(&r.kind, RegistryKind::Container { daemon, container } if *daemon == l.daemon && *container == l.container)
            });
            let i = match existing {
                Some(i) => i,
                None => {
                    let content = l.volume.as_ref().and_then(|v| self.registry_data.get(v).cloned()).unwrap_or_else(|| Arc::new(RegistryContent::default()));
                    let id = RegistryId(self.registries.len() as u32);
                    self.registries.push(Registry {
                        id,
                        domain: format!("localhost:{}", l.port),
                        kind: RegistryKind::Container { daemon: l.daemon, container: l.container.clone() },
                        content,
                        accounts: BTreeMap::new(),
                        online: false,
                        removed: false,
                        volume: l.volume.clone(),
                    });
                    id.0 as usize
                }
            };
            if self.registries[i].online != l.running {
                self.registries[i].online = l.running;
                let domain = self.registries[i].domain.clone();
                let kind = if l.running { EventKind::RegistryOnline { domain } } else { EventKind::RegistryOffline { domain } };
                self.emit(Actor::Daemon { daemon: l.daemon }, Actor::Registry { registry: RegistryId(i as u32) }, kind);
            }
            if let Some(v) = &l.volume {
                let content = self.registries[i].content.clone();
                self.registry_data.insert(v.clone(), content);
            }
        }
    }

    /// The registry HTTP API's `GET /v2/_catalog` as served at `domain` from `host`:
    /// `(status, body)`, or `None` when nothing listens there.
    pub fn registry_catalog(&self, domain: &str) -> Option<(u16, String)> {
        let domain = domain.replace("127.0.0.1", "localhost");
        let r = self.registries.iter().find(|r| r.domain == domain && r.online && !r.removed)?;
        let repos: Vec<&String> = r.content.repos.iter().filter(|(_, repo)| !repo.tags.is_empty()).map(|(p, _)| p).collect();
        Some((200, format!("{}\n", serde_json::json!({ "repositories": repos }))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_volume_is_found_in_binds() {
        assert_eq!(data_volume(&["regdata:/var/lib/registry".into()], &[]), Some("regdata".into()));
        assert_eq!(data_volume(&["/srv:/var/lib/registry".into()], &[]), None);
    }

    #[test]
    fn empty_catalog_of_unknown_registry() {
        let w = World::new();
        assert_eq!(w.registry_catalog("localhost:5000"), None);
    }
}
