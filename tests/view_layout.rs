//! Layout: readable from 1 to 50 containers on a laptop, a projector and a phone.

mod view_support;

use doca::engine::event::DaemonId;
use doca::view::layout::{Focus, Kind, Layout, Options, Tone, Viewport, WireKind, layout};
use doca::view::scene::{NodeId, Scene};
use doca::view::scene_build::build;

const SIZES: [usize; 5] = [1, 5, 12, 30, 50];
const VIEWPORTS: [(f64, f64); 3] = [(1366.0, 768.0), (1920.0, 1080.0), (390.0, 844.0)];
/// Panes narrower than the screen (diagram beside the terminal) and a small tablet.
const PANES: [(f64, f64); 3] = [(680.0, 700.0), (800.0, 600.0), (1024.0, 1366.0)];

fn check_geometry(l: &Layout, what: &str) {
    let mut keys = std::collections::BTreeSet::new();
    for (i, n) in l.nodes.iter().enumerate() {
        assert!(keys.insert(n.key.clone()), "{what}: duplicate key {}", n.key);
        assert!(n.rect.w > 0.0 && n.rect.h > 0.0, "{what}: empty box {}", n.key);
        assert!(n.rect.x >= 0.0 && n.rect.right() <= l.width, "{what}: {} sticks out horizontally ({:?}, width {})", n.key, n.rect, l.width);
        assert!(n.rect.y >= 0.0 && n.rect.bottom() <= l.height, "{what}: {} sticks out vertically", n.key);
        if let Some(p) = n.parent {
            let pr = l.nodes[p as usize].rect;
            assert!(pr.contains(&n.rect), "{what}: {} ({:?}) not inside {} ({:?})", n.key, n.rect, l.nodes[p as usize].key, pr);
        }
        for j in (i + 1)..l.nodes.len() {
            let m = &l.nodes[j];
            if l.is_ancestor(i, j) || l.is_ancestor(j, i) {
                continue;
            }
            assert!(!n.rect.overlaps(&m.rect), "{what}: {} {:?} overlaps {} {:?}", n.key, n.rect, m.key, m.rect);
        }
    }
    for w in &l.wires {
        assert!(w.points.len() >= 2, "{what}: wire {} has no length", w.key);
        assert!(l.anchor(&w.from).is_some() && l.anchor(&w.to).is_some(), "{what}: wire {} ends nowhere", w.key);
    }
}

fn layout_of(scene: &Scene, vp: (f64, f64)) -> Layout {
    layout(scene, Viewport { width: vp.0, height: vp.1 }, &Focus::default(), Options::default())
}

#[test]
fn no_overlaps_from_1_to_50_containers_on_three_screens() {
    for n in SIZES {
        let scene = build(&view_support::world_with(n));
        for vp in VIEWPORTS.into_iter().chain(PANES) {
            let l = layout_of(&scene, vp);
            check_geometry(&l, &format!("{n} contêineres em {}×{}", vp.0, vp.1));
            // Every container is drawn or folded into a group.
            let d = scene.daemon(DaemonId(0)).unwrap();
            for c in &d.containers {
                let drawn = l.nodes.iter().any(|p| p.object == NodeId::container(DaemonId(0), &c.id));
                assert!(drawn || l.folded.contains_key(&c.id), "{n}: {} neither drawn nor folded", c.name);
                assert!(!(drawn && l.folded.contains_key(&c.id)), "{n}: {} both drawn and folded", c.name);
            }
        }
    }
}

#[test]
fn deep_view_and_desktop_layouts_do_not_overlap() {
    let mut w = view_support::world_with(5);
    w.hosts[0].kind = doca::engine::model::host::HostKind::WindowsDesktop;
    let scene = build(&w);
    for vp in VIEWPORTS {
        let l = layout(&scene, Viewport { width: vp.0, height: vp.1 }, &Focus::default(), Options { deep: true, ..Options::default() });
        check_geometry(&l, &format!("desktop {}×{}", vp.0, vp.1));
        assert!(l.nodes.iter().any(|n| n.kind == Kind::Desktop));
        assert!(l.nodes.iter().any(|n| n.kind == Kind::Containerd));
        assert!(l.nodes.iter().find(|n| n.kind == Kind::Host).unwrap().label.contains("WSL 2"));
    }
}

#[test]
fn modes_follow_container_count_and_screen_shape() {
    let small = layout_of(&build(&view_support::world_with(5)), (1366.0, 768.0));
    assert!(!small.compact && !small.portrait);
    let many = layout_of(&build(&view_support::world_with(13)), (1366.0, 768.0));
    assert!(many.compact);
    let phone = layout_of(&build(&view_support::world_with(1)), (390.0, 844.0));
    assert!(phone.portrait);
    // Portrait stacks: client above host above registry.
    let y = |k: Kind| phone.nodes.iter().find(|n| n.kind == k).unwrap().rect.y;
    assert!(y(Kind::Client) < y(Kind::Host) && y(Kind::Host) < y(Kind::Registry));
    // Landscape: client left of host left of registry.
    let x = |k: Kind| small.nodes.iter().find(|n| n.kind == k).unwrap().rect.x;
    assert!(x(Kind::Client) < x(Kind::Host) && x(Kind::Host) < x(Kind::Registry));
}

#[test]
fn fifty_containers_fold_stopped_ones_and_focus_unfolds() {
    let scene = build(&view_support::world_with(50));
    let l = layout_of(&scene, (1366.0, 768.0));
    let groups: Vec<_> = l.nodes.iter().filter(|n| n.kind == Kind::Group).collect();
    assert!(!groups.is_empty());
    assert!(groups.iter().any(|g| g.label.contains("contêineres parados")), "{:?}", groups.iter().map(|g| &g.label).collect::<Vec<_>>());
    let d = scene.daemon(DaemonId(0)).unwrap();
    let stopped = d.containers.iter().find(|c| !c.is_up()).unwrap();
    assert!(l.folded.contains_key(&stopped.id));
    // The container a command touches gets its own tile.
    let mut focus = Focus::default();
    focus.containers.insert(stopped.id.clone());
    let l2 = layout(&scene, Viewport { width: 1366.0, height: 768.0 }, &focus, Options::default());
    assert!(l2.nodes.iter().any(|n| n.object == NodeId::container(DaemonId(0), &stopped.id)));
    // A folded container's packets go to its group tile.
    let g = l.folded[&stopped.id].clone();
    assert_eq!(l.anchor(&NodeId::container(DaemonId(0), &stopped.id)), l.anchor(&g));
}

#[test]
fn draws_the_misconception_breakers() {
    let scene = build(&view_support::world_with(5));
    let l = layout_of(&scene, (1920.0, 1080.0));
    // One kernel bar under all containers, inside the host.
    let kernels: Vec<_> = l.nodes.iter().filter(|n| n.kind == Kind::Kernel).collect();
    assert_eq!(kernels.len(), 1);
    let containers: Vec<_> = l.nodes.iter().filter(|n| n.kind == Kind::Container).collect();
    assert!(containers.iter().all(|c| c.rect.bottom() <= kernels[0].rect.y));
    // Each container has its writable layer; images are stacks of layers.
    assert_eq!(l.nodes.iter().filter(|n| n.kind == Kind::Writable).count(), containers.len());
    // A shared layer is drawn in both images with the same colour and a ×2 badge.
    let shared: Vec<_> = l.nodes.iter().filter(|n| n.kind == Kind::Layer && n.badge == "×2").collect();
    assert_eq!(shared.len(), 2);
    assert_eq!(shared[0].object, shared[1].object);
    assert_eq!(shared[0].tone, shared[1].tone);
    assert!(matches!(shared[0].tone, Tone::Layer(_)));
    // Edges: uses image, mounts volume, publishes port; API and registry lines.
    for kind in [WireKind::Api, WireKind::Registry, WireKind::UsesImage, WireKind::MountsVolume, WireKind::PublishesPort] {
        assert!(l.wires.iter().any(|w| w.kind == kind), "missing {kind:?}");
    }
    // Volumes sit outside every container.
    let vols: Vec<_> = l.nodes.iter().filter(|n| n.kind == Kind::Volume).collect();
    assert!(!vols.is_empty());
    assert!(vols.iter().all(|v| containers.iter().all(|c| !c.rect.overlaps(&v.rect))));
    // Two network zones (bridge and host), idle `none` as a chip.
    assert_eq!(l.nodes.iter().filter(|n| n.kind == Kind::Zone).count(), 2);
    assert!(l.nodes.iter().any(|n| n.kind == Kind::NetworkChip && n.label.contains("none")));
    // The registry lists repositories; the local ones are among them.
    assert!(l.nodes.iter().any(|n| n.kind == Kind::Repo && n.label == "alpine"));
}

#[test]
fn layout_is_deterministic_and_rounded() {
    let scene = build(&view_support::world_with(30));
    let a = layout_of(&scene, (1366.0, 768.0));
    let b = layout_of(&scene, (1366.0, 768.0));
    assert_eq!(a, b);
    for n in &a.nodes {
        for v in [n.rect.x, n.rect.y, n.rect.w, n.rect.h] {
            assert_eq!(v, (v * 10.0).round() / 10.0);
        }
    }
}

#[test]
fn deep_actors_fall_back_to_the_daemon() {
    let scene = build(&view_support::world_with(1));
    let l = layout_of(&scene, (1366.0, 768.0));
    let daemon = l.anchor(&NodeId::daemon(DaemonId(0)));
    assert!(daemon.is_some());
    assert_eq!(l.anchor(&NodeId::runc(DaemonId(0))), daemon);
    assert_eq!(l.anchor(&NodeId::shim(DaemonId(0), "abc")), daemon);
    assert!(l.anchor(&NodeId::repo(doca::engine::event::RegistryId(0), "library/zzz-not-shown")).is_some());
}

#[test]
fn several_hosts_daemons_clients_and_registries() {
    use doca::engine::model::registry::{Registry, RegistryKind};
    let mut w = view_support::world_with(8);
    let h = w.add_linux_host("outro", "192.168.65.4");
    let d = w.add_daemon(h);
    w.add_client(h, d);
    let id = doca::engine::event::RegistryId(w.registries.len() as u32);
    w.registries.push(Registry {
        id,
        domain: "localhost:5000".into(),
        kind: RegistryKind::Container { daemon: DaemonId(0), container: "reg".into() },
        content: Default::default(),
        accounts: Default::default(),
        online: false,
        removed: false,
        volume: None,
    });
    let scene = build(&w);
    for vp in VIEWPORTS.into_iter().chain(PANES) {
        let l = layout_of(&scene, vp);
        check_geometry(&l, &format!("dois hosts {}×{}", vp.0, vp.1));
        assert_eq!(l.nodes.iter().filter(|n| n.kind == Kind::Host).count(), 2);
        assert_eq!(l.nodes.iter().filter(|n| n.kind == Kind::Kernel).count(), 2);
        assert_eq!(l.nodes.iter().filter(|n| n.kind == Kind::Client).count(), 2);
        let reg = l.nodes.iter().find(|n| n.object == NodeId::registry(id)).unwrap();
        assert_eq!(reg.tone, Tone::Off);
        assert_eq!(l.wires.iter().filter(|w| w.kind == WireKind::Api).count(), 2);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]
    #[test]
    fn any_size_any_screen_no_overlap(n in 0usize..60, w in 320.0f64..2600.0, h in 240.0f64..1600.0, deep in proptest::bool::ANY) {
        let scene = build(&view_support::world_with(n));
        let l = layout(&scene, Viewport { width: w, height: h }, &Focus::default(), Options { deep, ..Options::default() });
        check_geometry(&l, &format!("{n} em {w}×{h}"));
    }
}

/// Stages the diagram gets beside the terminal (laptop, 1600×900, projector) and below it
/// on a phone.
const STAGES: [(f64, f64); 4] = [(690.0, 430.0), (780.0, 500.0), (1000.0, 700.0), (360.0, 330.0)];

#[test]
fn the_fit_shows_everything_or_scrolls_only_vertically() {
    use doca::view::layout_fit::{MIN_ZOOM, fit};
    for n in SIZES {
        let scene = build(&view_support::world_with(n));
        for (w, h) in STAGES {
            let f = fit(&[&scene], Viewport { width: w, height: h }, &Focus::default(), false);
            let l = f.layout(&scene, &Focus::default(), false);
            let what = format!("{n} contêineres num palco {w}×{h} ({f:?})");
            check_geometry(&l, &what);
            // Never wider than the stage: nothing is cut on the right.
            assert!(l.width * f.zoom <= w + 0.5, "{what}: {} px wide", l.width * f.zoom);
            // Side by side, the whole diagram is on screen unless the zoom is at its floor.
            if !f.portrait && f.zoom > MIN_ZOOM {
                assert!(l.height * f.zoom <= h + 0.5, "{what}: {} px tall", l.height * f.zoom);
            }
            // The registries column is drawn.
            assert!(l.nodes.iter().any(|p| p.kind == Kind::Registry), "{what}: no registry");
        }
    }
    // A laptop shows a few containers, their images and the registries without scrolling.
    for n in [1, 5] {
        let scene = build(&view_support::world_with(n));
        let f = fit(&[&scene], Viewport { width: 690.0, height: 430.0 }, &Focus::default(), false);
        let l = f.layout(&scene, &Focus::default(), false);
        assert!(!f.portrait && l.height * f.zoom <= 430.5, "{n}: {f:?}, {} tall", l.height);
    }
}
