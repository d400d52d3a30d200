//! Animation steps, reveal order and durations, from real engine events.

mod view_support;

use doca::engine::World;
use doca::engine::clock::Time;
use doca::engine::event::{Actor, ClientId, DaemonId, Event, EventKind, RegistryId};
use doca::engine::model::config::HostConfig;
use doca::engine::model::container::Status;
use doca::view::anim::{self, COMMAND_BUDGET_MS, LAYER_BUDGET_MS, Reveal};
use doca::view::anim_reveal::visible;
use doca::view::scene::NodeId;
use doca::view::scene_build::build;

fn ev(kind: EventKind) -> Event {
    let d = DaemonId(0);
    let (from, to) = match &kind {
        EventKind::ApiRequest { .. } => (Actor::Client { client: ClientId(0) }, Actor::Daemon { daemon: d }),
        EventKind::ApiResponse { .. } => (Actor::Daemon { daemon: d }, Actor::Client { client: ClientId(0) }),
        EventKind::RegistryResponse { .. } | EventKind::LayerDownloaded { .. } => (Actor::Registry { registry: RegistryId(0) }, Actor::Daemon { daemon: d }),
        EventKind::RegistryRequest { .. } | EventKind::LayerPushed { .. } | EventKind::LayerSkipped { .. } => (Actor::Daemon { daemon: d }, Actor::Registry { registry: RegistryId(0) }),
        _ => (Actor::Daemon { daemon: d }, Actor::Container { daemon: d, container: "c".into() }),
    };
    Event { at: Time::default(), from, to, kind }
}

fn every_kind() -> Vec<EventKind> {
    let s = |x: &str| x.to_string();
    vec![
        EventKind::ApiRequest { method: s("POST"), path: s("/v1.50/containers/create?name=web") },
        EventKind::ApiResponse { status: 201 },
        EventKind::RegistryRequest { method: s("GET"), path: s("/v2/library/nginx/manifests/latest") },
        EventKind::RegistryResponse { status: 200 },
        EventKind::LayerDownloaded { digest: s("sha256:aa"), size: 3_000_000, index: 0, count: 2 },
        EventKind::LayerAlreadyExists { digest: s("sha256:bb"), index: 1, count: 2 },
        EventKind::LayerPushed { digest: s("sha256:aa"), size: 10 },
        EventKind::LayerSkipped { digest: s("sha256:bb") },
        EventKind::ImageStored { image: s("sha256:img"), reference: s("nginx:latest") },
        EventKind::ImageTagged { image: s("sha256:img"), reference: s("meu:v1") },
        EventKind::ImageUntagged { image: s("sha256:img"), reference: s("meu:v1") },
        EventKind::ImageDeleted { image: s("sha256:img") },
        EventKind::LayerDeleted { digest: s("sha256:aa") },
        EventKind::ContainerCreated { container: s("c"), name: s("web"), image: s("sha256:img") },
        EventKind::ContainerStateChanged { container: s("c"), from: s("created"), to: s("running") },
        EventKind::ContainerRenamed { container: s("c"), from: s("web"), to: s("site") },
        EventKind::ContainerRemoved { container: s("c") },
        EventKind::SignalSent { container: s("c"), signal: s("SIGTERM") },
        EventKind::ProcessStarted { container: s("c"), command: s("nginx -g daemon off;") },
        EventKind::ProcessExited { container: s("c"), code: 0 },
        EventKind::RuntimeCall { operation: s("runc create: namespaces, cgroups, rootfs") },
        EventKind::WritableLayerChanged { container: s("c"), paths: 3 },
        EventKind::TimePassed { seconds: 10 },
        EventKind::Note { key: s("image_missing_locally") },
    ]
}

#[test]
fn every_event_kind_maps_to_one_step() {
    let scene = build(&World::new());
    let events: Vec<Event> = every_kind().into_iter().map(ev).collect();
    let steps = anim::steps(&scene, &scene, &events);
    assert_eq!(steps.len(), events.len());
    for (s, e) in steps.iter().zip(&events) {
        assert!(s.duration_ms > 0, "{:?}", e.kind);
        assert_eq!(s.caption, e.narration());
    }
    let label = |i: usize| steps[i].packet.as_ref().map(|p| p.label.clone()).unwrap_or_default();
    assert_eq!(label(0), "POST /containers/create");
    assert_eq!(label(1), "201 Created");
    assert_eq!(label(2), "GET /v2/library/nginx/manifests/latest");
    assert_eq!(label(4), "camada 1/2 · 3,0 MB");
    // The blob lands in the image store, where the layer appears.
    assert_eq!(steps[4].packet.as_ref().unwrap().to, NodeId::new_layers(DaemonId(0)));
    assert_eq!(label(17), "SIGTERM");
    assert_eq!(steps[2].repo.as_deref(), Some("library/nginx"));
    assert!(matches!(steps[14].reveal, Reveal::ContainerState { status: Status::Running, .. }));
}

/// Events of `f` run on `w`, with the scenes before and after.
fn record(w: &mut World, f: impl FnOnce(&mut World)) -> (doca::view::scene::Scene, doca::view::scene::Scene, Vec<Event>) {
    w.take_events();
    let before = build(w);
    f(w);
    let events = w.take_events();
    (before, build(w), events)
}

#[test]
fn typical_commands_animate_within_a_second_and_a_half() {
    let mut w = World::new();
    view_support::pull(&mut w, "alpine");
    // docker run -d alpine sleep 1000 (image present): create + start.
    let (b, a, events) = record(&mut w, |w| {
        view_support::create(w, "web", "alpine", &["sleep", "1000"], HostConfig::default());
        w.api(ClientId(0)).container_start("web").unwrap();
    });
    let steps = anim::steps(&b, &a, &events);
    assert!(anim::total_ms(&steps) <= 1500, "run -d: {} ms", anim::total_ms(&steps));
    for f in [
        |w: &mut World| {
            w.api(ClientId(0)).container_stop("web", Some(0), None).unwrap();
        },
        |w: &mut World| {
            w.api(ClientId(0)).container_list(&Default::default()).unwrap();
        },
        |w: &mut World| {
            w.api(ClientId(0)).container_remove("web", true, false).unwrap();
        },
    ] {
        let (b, a, events) = record(&mut w, f);
        let steps = anim::steps(&b, &a, &events);
        assert!(anim::total_ms(&steps) <= 1500, "{} ms for {events:?}", anim::total_ms(&steps));
    }
}

#[test]
fn long_pulls_compress_and_every_command_fits_the_budget() {
    let scene = build(&World::new());
    let mut events = vec![ev(EventKind::ApiRequest { method: "POST".into(), path: "/v1.50/images/create?fromImage=x".into() })];
    for i in 0..20 {
        events.push(ev(EventKind::RegistryRequest { method: "GET".into(), path: format!("/v2/library/x/blobs/sha256:{i}") }));
        events.push(ev(EventKind::LayerDownloaded { digest: format!("sha256:{i}"), size: 30_000_000, index: i, count: 20 }));
    }
    events.push(ev(EventKind::ApiResponse { status: 200 }));
    let steps = anim::steps(&scene, &scene, &events);
    let layers: u32 = steps.iter().filter(|s| s.per_layer).map(|s| s.duration_ms).sum();
    assert!(layers <= LAYER_BUDGET_MS + 40 * 25, "layers take {layers} ms");
    assert!(anim::total_ms(&steps) <= COMMAND_BUDGET_MS);
    // Even a flood of events stays bounded.
    let flood: Vec<Event> = (0..5000).map(|_| ev(EventKind::TimePassed { seconds: 1 })).collect();
    let steps = anim::steps(&scene, &scene, &flood);
    assert!(anim::total_ms(&steps) <= COMMAND_BUDGET_MS + 5000);
    assert!(steps.iter().all(|s| s.duration_ms >= 1));
}

#[test]
fn a_pull_reveals_layers_one_by_one_then_the_image() {
    let mut w = World::new();
    let (b, a, events) = record(&mut w, |w| view_support::pull(w, "alpine"));
    let steps = anim::steps(&b, &a, &events);
    let d = DaemonId(0);
    let arrive = steps.iter().position(|s| matches!(s.reveal, Reveal::LayerArrived { .. })).unwrap();
    let stored = steps.iter().position(|s| matches!(s.reveal, Reveal::ImageStored { .. })).unwrap();
    assert!(arrive < stored);
    let at = |n: usize| visible(&b, &a, &steps, n);
    assert_eq!(at(0), b);
    assert!(at(arrive).daemon(d).unwrap().layers.is_empty());
    let mid = at(arrive + 1);
    assert_eq!(mid.daemon(d).unwrap().layers.len(), 1);
    assert!(mid.daemon(d).unwrap().images.is_empty(), "the image appears only when stored");
    assert_eq!(mid.daemon(d).unwrap().loose_layers().len(), 1);
    let done = at(stored + 1);
    assert_eq!(done.daemon(d).unwrap().images.len(), 1);
    assert_eq!(at(steps.len()), a);
    // The step highlights the registry's repository and keeps it drawn.
    assert!(anim::focus(&steps).repos.contains("library/alpine"));
}

#[test]
fn a_run_shows_created_then_running() {
    let mut w = World::new();
    view_support::pull(&mut w, "alpine");
    let (b, a, events) = record(&mut w, |w| {
        view_support::create(w, "web", "alpine", &["sleep", "1000"], HostConfig::default());
        w.api(ClientId(0)).container_start("web").unwrap();
    });
    let steps = anim::steps(&b, &a, &events);
    let d = DaemonId(0);
    let created = steps.iter().position(|s| matches!(s.reveal, Reveal::ContainerCreated { .. })).unwrap();
    let running = steps.iter().position(|s| matches!(s.reveal, Reveal::ContainerState { status: Status::Running, .. })).unwrap();
    assert!(created < running);
    let st = |n: usize| visible(&b, &a, &steps, n).daemon(d).unwrap().containers.first().map(|c| c.status);
    assert_eq!(st(created), None);
    assert_eq!(st(created + 1), Some(Status::Created));
    assert_eq!(st(running), Some(Status::Created));
    assert_eq!(st(running + 1), Some(Status::Running));
    let id = &a.daemon(d).unwrap().containers[0].id;
    assert!(steps[created].highlight.contains(&NodeId::container(d, id)));
}

#[test]
fn a_container_removed_within_the_command_still_appears_then_vanishes() {
    let mut w = World::new();
    view_support::pull(&mut w, "hello-world");
    let (b, a, events) = record(&mut w, |w| {
        let hc = HostConfig { auto_remove: true, ..HostConfig::default() };
        view_support::create(w, "ola", "hello-world", &[], hc);
        w.api(ClientId(0)).container_start("ola").unwrap();
    });
    assert!(a.daemon(DaemonId(0)).unwrap().containers.is_empty());
    let steps = anim::steps(&b, &a, &events);
    let created = steps.iter().position(|s| matches!(s.reveal, Reveal::ContainerCreated { .. })).unwrap();
    let removed = steps.iter().position(|s| matches!(s.reveal, Reveal::ContainerRemoved { .. })).unwrap();
    let shown = visible(&b, &a, &steps, created + 1);
    let c = &shown.daemon(DaemonId(0)).unwrap().containers[0];
    assert_eq!((c.name.as_str(), c.status), ("ola", Status::Created));
    assert_eq!(c.image_ref, "hello-world:latest");
    let exited = visible(&b, &a, &steps, removed);
    assert_eq!(exited.daemon(DaemonId(0)).unwrap().containers[0].status, Status::Exited);
    assert!(visible(&b, &a, &steps, removed + 1).daemon(DaemonId(0)).unwrap().containers.is_empty());
}
