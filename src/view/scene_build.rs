//! Builds a [`Scene`] from the world: reads hosts, daemons, clients and registries and keeps
//! what the diagram and the inspector show.
//!
//! Invariant: `build` only reads the world; the same world always gives the same scene.

use crate::engine::api::images::familiar_of;
use crate::engine::model::config::MountKind as EngineMount;
use crate::engine::model::container::Container;
use crate::engine::model::daemon::Daemon;
use crate::engine::model::host::HostKind;
use crate::engine::model::registry::{Registry, RegistryKind};
use crate::engine::oci::chain_ids;
use crate::engine::World;

use super::scene::*;

/// The scene of `world` as it is now.
pub fn build(world: &World) -> Scene {
    let clients = world
        .clients
        .iter()
        .map(|c| {
            let ctx = c.context();
            ClientView {
                id: c.id,
                host: c.host,
                context: ctx.name.clone(),
                endpoint: ctx.endpoint.clone(),
                daemon: ctx.daemon,
            }
        })
        .collect();
    let hosts = world
        .hosts
        .iter()
        .map(|h| HostView {
            id: h.id,
            name: h.name.clone(),
            platform: match h.kind {
                HostKind::Linux => Platform::Linux,
                HostKind::WindowsDesktop => Platform::WindowsDesktop,
                HostKind::MacDesktop => Platform::MacDesktop,
            },
            kernel: h.kernel.clone(),
            os_name: h.os_name.clone(),
            ip: h.ip.clone(),
            daemons: world.daemons.iter().filter(|d| d.host == h.id).map(|d| daemon(world, d)).collect(),
        })
        .collect();
    let registries = world.registries.iter().filter(|r| !r.removed).map(registry).collect();
    Scene { clients, hosts, registries }
}

fn daemon(world: &World, d: &Daemon) -> DaemonView {
    let mut images: Vec<ImageView> = d
        .images
        .values()
        .map(|img| {
            let mut tags = Vec::new();
            let mut digests = Vec::new();
            for r in d.references_to(&img.id) {
                if r.contains('@') {
                    digests.push(familiar_of(r));
                } else {
                    tags.push(familiar_of(r));
                }
            }
            tags.sort();
            digests.sort();
            let layers = chain_ids(&img.layers);
            let size = layers.iter().filter_map(|c| d.layers.get(c)).map(|l| l.size).sum();
            let c = &img.config;
            ImageView {
                id: img.id.clone(),
                tags,
                digests,
                layers,
                size,
                created: img.created.rfc3339_nano().chars().take(10).collect(),
                command: c.cmd.as_ref().map(|v| v.join(" ")).unwrap_or_default(),
                entrypoint: c.entrypoint.as_ref().map(|v| v.join(" ")).unwrap_or_default(),
                env: c.env.clone(),
                exposed_ports: c.exposed_ports.iter().cloned().collect(),
                volumes: c.volumes.iter().cloned().collect(),
                working_dir: c.working_dir.clone(),
            }
        })
        .collect();
    images.sort_by(|a, b| (a.tags.is_empty(), a.tags.first(), &a.id).cmp(&(b.tags.is_empty(), b.tags.first(), &b.id)));
    let layers = d
        .layers
        .iter()
        .map(|(chain, l)| LayerView {
            chain_id: chain.clone(),
            diff_id: l.diff_id.clone(),
            blob_digest: l.blob_digest.clone(),
            size: l.size,
        })
        .collect();
    let mut containers: Vec<ContainerView> = d.containers.values().map(|c| container(world, c)).collect();
    containers.sort_by_key(|c| c.seq);
    let mut networks: Vec<NetworkView> = d
        .networks
        .values()
        .map(|n| NetworkView {
            id: n.id.clone(),
            name: n.name.clone(),
            driver: n.driver.clone(),
            subnet: n.subnet.clone(),
            gateway: n.gateway.clone(),
            builtin: n.builtin,
        })
        .collect();
    let builtin_rank = |n: &NetworkView| match n.name.as_str() {
        "bridge" if n.builtin => 0,
        "host" if n.builtin => 1,
        "none" if n.builtin => 2,
        _ => 3,
    };
    networks.sort_by(|a, b| (builtin_rank(a), &a.name).cmp(&(builtin_rank(b), &b.name)));
    DaemonView {
        id: d.id,
        host: d.host,
        running: d.running,
        images,
        layers,
        volumes: volumes_of(d),
        containers,
        networks,
    }
}

/// The daemon's volumes, sorted by name: they exist whether or not a container mounts them.
fn volumes_of(d: &Daemon) -> Vec<VolumeView> {
    d.volumes
        .values()
        .map(|v| VolumeView { name: v.name.clone(), driver: v.driver.clone(), anonymous: v.anonymous() })
        .collect()
}

fn container(world: &World, c: &Container) -> ContainerView {
    let hc = &c.host_config;
    let mut ports = Vec::new();
    for (cport, bindings) in &hc.port_bindings {
        for b in bindings {
            ports.push(PortView {
                container_port: cport.clone(),
                host_ip: if b.host_ip.is_empty() { "0.0.0.0".into() } else { b.host_ip.clone() },
                host_port: b.host_port.clone(),
            });
        }
    }
    ports.sort();
    let mut mounts: Vec<MountView> = c
        .mounts
        .iter()
        .map(|m| MountView {
            kind: match m.kind {
                EngineMount::Volume => MountKind::Volume,
                EngineMount::Bind => MountKind::Bind,
                EngineMount::Tmpfs => MountKind::Tmpfs,
            },
            source: if m.kind == EngineMount::Volume { m.name.clone() } else { m.source.clone() },
            target: m.destination.clone(),
            read_only: !m.rw,
        })
        .collect();
    mounts.sort();
    let mut command = vec![c.path.clone()];
    command.extend(c.args.iter().cloned());
    ContainerView {
        id: c.id.clone(),
        name: c.name.clone(),
        seq: c.seq,
        image: c.image.clone(),
        image_ref: if c.config.image.is_empty() { crate::engine::ids::short(&c.image).to_string() } else { c.config.image.clone() },
        status: c.state.status(),
        exit_code: c.state.exit_code,
        docker_status: c.status_line(world.now()),
        command: command.join(" ").trim().to_string(),
        env: c.config.env.clone(),
        working_dir: c.config.working_dir.clone(),
        restart_policy: hc.restart_policy.name().to_string(),
        auto_remove: hc.auto_remove,
        exposed_ports: c.config.exposed_ports.iter().cloned().collect(),
        ports,
        networks: c.networks.iter().map(|(n, e)| EndpointView { network: n.clone(), ip: e.ip.clone() }).collect(),
        mounts,
        rw_size: c.rw_size,
        rw_changes: 0,
    }
}

fn registry(r: &Registry) -> RegistryView {
    let hub = matches!(r.kind, RegistryKind::Hub);
    let repos = r
        .content
        .repos
        .iter()
        .map(|(path, repo)| RepoView {
            path: path.clone(),
            familiar: if hub {
                path.strip_prefix("library/").filter(|p| !p.contains('/')).unwrap_or(path).to_string()
            } else {
                format!("{}/{path}", r.domain)
            },
            official: repo.official,
            private: repo.private,
            tags: repo.tags.iter().map(|(t, d)| (t.clone(), d.clone())).collect(),
        })
        .collect();
    RegistryView { id: r.id, domain: r.domain.clone(), hub, online: r.online, repos }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_world_has_one_host_daemon_client_and_hub() {
        let s = build(&World::new());
        assert_eq!(s.hosts.len(), 1);
        assert_eq!(s.hosts[0].daemons.len(), 1);
        assert_eq!(s.clients.len(), 1);
        assert!(s.registries[0].hub);
        let names: Vec<&str> = s.hosts[0].daemons[0].networks.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["bridge", "host", "none"]);
        assert!(s.registries[0].repos.iter().any(|r| r.familiar == "alpine"));
    }
}
