//! Worlds for the diagram tests, built through the engine API as a learner's commands would.

#![allow(dead_code)]

use std::collections::BTreeMap;

use doca::engine::World;
use doca::engine::api::containers::CreateRequest;
use doca::engine::event::{ClientId, DaemonId};
use doca::engine::model::config::{Config, HostConfig, MountSpec, PortBinding};
use doca::engine::reference::parse_docker_ref;

pub fn pull(w: &mut World, image: &str) {
    w.api(ClientId(0)).image_pull(&parse_docker_ref(image).unwrap()).unwrap();
}

/// Creates a container; returns its ID.
pub fn create(w: &mut World, name: &str, image: &str, cmd: &[&str], host_config: HostConfig) -> String {
    let config = Config {
        image: image.into(),
        cmd: if cmd.is_empty() { None } else { Some(cmd.iter().map(|s| s.to_string()).collect()) },
        ..Config::default()
    };
    w.api(ClientId(0)).container_create(CreateRequest { name: Some(name.into()), config, host_config }).unwrap().id
}

/// A world with `n` alpine containers: every third one running `sleep 1000`, every fifth on
/// the `host` network, every fourth publishing a port, every sixth mounting a volume; plus
/// hello-world and a second tag of alpine's layers (a shared layer).
pub fn world_with(n: usize) -> World {
    let mut w = World::new();
    pull(&mut w, "alpine");
    pull(&mut w, "hello-world");
    share_alpine_layers(&mut w);
    for i in 0..n {
        let mut hc = HostConfig::default();
        if i % 5 == 4 {
            hc.network_mode = "host".into();
        }
        if i % 4 == 1 {
            let mut pb = BTreeMap::new();
            pb.insert("80/tcp".to_string(), vec![PortBinding { host_ip: String::new(), host_port: (8000 + i).to_string() }]);
            hc.port_bindings = pb;
        }
        if i % 6 == 2 {
            hc.mounts.push(MountSpec { kind: "volume".into(), source: format!("dados{}", i % 4), target: "/data".into(), ..MountSpec::default() });
        }
        let name = format!("c{i:02}");
        create(&mut w, &name, "alpine", &["sleep", "1000"], hc);
        if i % 3 == 0 {
            w.api(ClientId(0)).container_start(&name).unwrap();
        }
    }
    w.take_events();
    w
}

/// Adds `meu/alpine:v2`, an image with alpine's layers (so the layer is shared by two).
pub fn share_alpine_layers(w: &mut World) {
    let d = w.daemon_mut(DaemonId(0));
    let alpine = d.images.values().find(|i| i.config.cmd.as_deref() == Some(&["/bin/sh".to_string()][..])).cloned().unwrap();
    let mut copy = alpine.clone();
    copy.id = format!("sha256:{}", "e".repeat(64));
    copy.config.labels.insert("copia".into(), "sim".into());
    d.references.insert("docker.io/meu/alpine:v2".into(), copy.id.clone());
    d.images.insert(copy.id.clone(), copy);
}
