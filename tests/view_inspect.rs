//! The inspector: every drawn node has pt-BR details.

mod view_support;

use doca::engine::event::{ClientId, DaemonId, HostId, RegistryId};
use doca::view::layout::{Focus, Options, Viewport, layout};
use doca::view::scene::NodeId;
use doca::view::scene_build::build;
use doca::view::scene_inspect::{Details, details};

fn rows(d: &Details) -> Vec<(String, String)> {
    d.sections.iter().flat_map(|s| s.rows.iter().map(|r| (r.label.clone(), r.value.clone()))).collect()
}

#[test]
fn every_focusable_node_has_details() {
    let scene = build(&view_support::world_with(12));
    for vp in [(1366.0, 768.0), (390.0, 844.0)] {
        let l = layout(&scene, Viewport { width: vp.0, height: vp.1 }, &Focus::default(), Options { deep: true, ..Options::default() });
        for n in l.nodes.iter().filter(|n| n.focusable) {
            let d = details(&scene, &n.object).unwrap_or_else(|| panic!("no details for {}", n.object.0));
            assert!(!d.title.is_empty() && !d.summary.is_empty(), "{}", n.object.0);
        }
    }
    assert!(details(&scene, &NodeId("nada:0:x".into())).is_none());
    assert!(details(&scene, &NodeId::container(DaemonId(0), "nao-existe")).is_none());
}

#[test]
fn image_details_list_layers_and_who_shares_them() {
    let scene = build(&view_support::world_with(3));
    let d = scene.daemon(DaemonId(0)).unwrap();
    let alpine = d.images.iter().find(|i| i.tags.contains(&"alpine:latest".to_string())).unwrap();
    let det = details(&scene, &NodeId::image(DaemonId(0), &alpine.id)).unwrap();
    assert_eq!(det.kind, "Imagem");
    let r = rows(&det);
    assert!(r.iter().any(|(_, v)| v.contains("compartilhada com meu/alpine:v2")), "{r:?}");
    assert!(r.iter().any(|(l, _)| l == "c00"), "containers using it are listed");
    assert!(r.iter().any(|(l, v)| l == "Comando (CMD)" && v == "/bin/sh"));
}

#[test]
fn container_details_cover_state_network_ports_mounts_and_writable_layer() {
    let scene = build(&view_support::world_with(6));
    let d = scene.daemon(DaemonId(0)).unwrap();
    let c1 = d.containers.iter().find(|c| c.name == "c01").unwrap();
    let r = rows(&details(&scene, &NodeId::container(DaemonId(0), &c1.id)).unwrap());
    assert!(r.iter().any(|(l, v)| l == "Estado" && v == "criado (created)"), "{r:?}");
    assert!(r.iter().any(|(l, v)| l == "host :8001" && v == "→ 80/tcp no contêiner"));
    assert!(r.iter().any(|(l, v)| l == "bridge" && v.starts_with("sem IP")));
    let c0 = d.containers.iter().find(|c| c.name == "c00").unwrap();
    let r0 = rows(&details(&scene, &NodeId::container(DaemonId(0), &c0.id)).unwrap());
    assert!(r0.iter().any(|(l, v)| l == "bridge" && v.starts_with("172.17.0.")), "{r0:?}");
    assert!(r0.iter().any(|(l, _)| l == "Camada de escrita" || l == "Tamanho"));
    let c2 = d.containers.iter().find(|c| c.name == "c02").unwrap();
    let r2 = rows(&details(&scene, &NodeId::container(DaemonId(0), &c2.id)).unwrap());
    assert!(r2.iter().any(|(l, v)| l == "/data" && v == "volume dados2"), "{r2:?}");
}

#[test]
fn volume_network_registry_and_kernel_details() {
    let scene = build(&view_support::world_with(6));
    let v = rows(&details(&scene, &NodeId::volume(DaemonId(0), "dados2")).unwrap());
    assert!(v.iter().any(|(l, v)| l == "c02" && v.starts_with("/data")));
    let n = details(&scene, &NodeId::network(DaemonId(0), "bridge")).unwrap();
    assert!(n.summary.contains("não se encontram pelo nome"));
    assert!(rows(&n).iter().any(|(l, v)| l == "c00" && v.starts_with("172.17.")));
    let hub = details(&scene, &NodeId::registry(RegistryId(0))).unwrap();
    assert_eq!(hub.title, "Docker Hub");
    assert!(details(&scene, &NodeId::repo(RegistryId(0), "library/alpine")).is_some());
    let k = details(&scene, &NodeId::kernel(HostId(0))).unwrap();
    assert!(k.summary.contains("não é uma máquina virtual"));
    let c = details(&scene, &NodeId::client(ClientId(0))).unwrap();
    assert!(c.summary.contains("cliente"));
}
