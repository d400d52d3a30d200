//! Animation steps: one per event of a command, in order. A step has a duration (ms at 1×),
//! the nodes it highlights, an optional packet travelling between two actors with a label
//! (`POST /containers/create`, `200 OK`, `camada 2/7 · 28,2 MB`), the pt-BR caption
//! (`Event::narration`) and the change to the world it reveals (a layer arrives, a
//! container turns running). Durations keep a typical command under ~1.5 s; a long pull
//! compresses its per-layer steps and any command fits in [`COMMAND_BUDGET_MS`].
//!
//! Invariant: `steps(…).len() == events.len()`, each step's duration is at least 1 ms, and
//! the total never exceeds `COMMAND_BUDGET_MS` plus one floor per step.

use crate::engine::event::{Actor, DaemonId, Event, EventKind};
use crate::engine::model::container::Status;

use super::anim_label as label;
use super::layout::Focus;
use super::scene::{NodeId, Scene};
use super::scene_labels as t;

/// Whole-command budget at 1×.
pub const COMMAND_BUDGET_MS: u32 = 3000;
/// Budget for the per-layer steps of one command (downloads, skips, pushes, deletions).
pub const LAYER_BUDGET_MS: u32 = 900;

/// The colour/role of a packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PacketTone {
    Request,
    Reply,
    Error,
    /// Layer data.
    Data,
    Signal,
    Runtime,
}

/// Something travelling from one actor to another.
#[derive(Clone, Debug, PartialEq)]
pub struct Packet {
    pub from: NodeId,
    pub to: NodeId,
    pub label: String,
    pub tone: PacketTone,
}

/// The change to the visible world a step makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Reveal {
    Nothing,
    LayerArrived { daemon: DaemonId, chain_id: String },
    ImageStored { daemon: DaemonId, image: String },
    TagAdded { daemon: DaemonId, image: String, reference: String },
    TagRemoved { daemon: DaemonId, image: String, reference: String },
    ImageDeleted { daemon: DaemonId, image: String },
    LayerDeleted { daemon: DaemonId, chain_id: String },
    ContainerCreated { daemon: DaemonId, container: String, name: String, image: String },
    ContainerState { daemon: DaemonId, container: String, status: Status },
    ContainerRenamed { daemon: DaemonId, container: String, name: String },
    ContainerRemoved { daemon: DaemonId, container: String },
    WritableChanged { daemon: DaemonId, container: String, paths: u32 },
}

/// One animated step.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Position of the event in the command's list.
    pub event: u32,
    pub duration_ms: u32,
    /// pt-BR narration of the event.
    pub caption: String,
    pub packet: Option<Packet>,
    pub highlight: Vec<NodeId>,
    pub reveal: Reveal,
    /// Repository path the step touches (`library/nginx`), to keep it drawn.
    pub repo: Option<String>,
    /// A per-layer step (compressed together on long pulls).
    pub per_layer: bool,
}

/// The daemon an event concerns.
fn daemon_of(e: &Event) -> DaemonId {
    for a in [&e.to, &e.from] {
        match a {
            Actor::Daemon { daemon }
            | Actor::Containerd { daemon }
            | Actor::Shim { daemon, .. }
            | Actor::Runc { daemon }
            | Actor::Image { daemon, .. }
            | Actor::Container { daemon, .. }
            | Actor::Volume { daemon, .. }
            | Actor::Network { daemon, .. } => return *daemon,
            _ => {}
        }
    }
    DaemonId(0)
}

/// `/v2/library/nginx/manifests/latest` → `library/nginx`.
pub fn repo_of_path(path: &str) -> Option<String> {
    let rest = path.strip_prefix("/v2/")?;
    let end = rest.find("/manifests/").or_else(|| rest.find("/blobs/"))?;
    Some(rest[..end].to_string())
}

/// Chain ID of the layer a registry calls `blob`, looked up after then before.
fn chain_of(after: &Scene, before: &Scene, d: DaemonId, blob: &str) -> String {
    [after, before]
        .iter()
        .find_map(|s| s.daemon(d).and_then(|dv| dv.layer_by_blob(blob)).map(|l| l.chain_id.clone()))
        .unwrap_or_else(|| blob.to_string())
}

fn packet(e: &Event, label: String, tone: PacketTone) -> Option<Packet> {
    Some(Packet { from: NodeId::from_actor(&e.from), to: NodeId::from_actor(&e.to), label, tone })
}

/// Base duration at 1× for an event kind.
fn base_ms(k: &EventKind) -> u32 {
    use EventKind::*;
    match k {
        ApiRequest { .. } => 200,
        ApiResponse { .. } => 140,
        RegistryRequest { .. } => 160,
        RegistryResponse { .. } => 130,
        LayerDownloaded { .. } | LayerPushed { .. } => 220,
        LayerAlreadyExists { .. } | LayerSkipped { .. } => 110,
        ImageStored { .. } => 180,
        ImageTagged { .. } | ImageUntagged { .. } => 150,
        ImageDeleted { .. } => 170,
        LayerDeleted { .. } => 90,
        ContainerCreated { .. } | ContainerStateChanged { .. } | ContainerRemoved { .. } => 180,
        ContainerRenamed { .. } => 160,
        SignalSent { .. } => 160,
        ProcessStarted { .. } | ProcessExited { .. } => 100,
        RuntimeCall { .. } => 70,
        WritableLayerChanged { .. } => 120,
        TimePassed { .. } => 260,
        Note { .. } => 220,
        VolumeCreated { .. } | VolumeRemoved { .. } | NetworkCreated { .. } | NetworkRemoved { .. } => 180,
        VolumePopulated { .. } | VolumeMounted { .. } => 150,
        NetworkConnected { .. } | NetworkDisconnected { .. } | PortPublished { .. } => 150,
        DnsQuery { .. } => 200,
        PacketSent { .. } => 240,
        PacketDropped { .. } => 200,
        BuildStep { .. } => 200,
        RegistryOnline { .. } | RegistryOffline { .. } => 200,
    }
}

/// The step for one event.
fn step_for(i: u32, e: &Event, before: &Scene, after: &Scene) -> Step {
    use EventKind::*;
    let d = daemon_of(e);
    let from = NodeId::from_actor(&e.from);
    let to = NodeId::from_actor(&e.to);
    let mut repo = None;
    let mut per_layer = false;
    let (pk, highlight, reveal) = match &e.kind {
        ApiRequest { method, path } => (packet(e, label::request(method, path), PacketTone::Request), vec![from, to], Reveal::Nothing),
        ApiResponse { status } => {
            let tone = if *status < 400 { PacketTone::Reply } else { PacketTone::Error };
            (packet(e, label::status(*status), tone), vec![from, to], Reveal::Nothing)
        }
        RegistryRequest { method, path } => {
            repo = repo_of_path(path);
            per_layer = path.contains("/blobs/");
            let mut h = vec![from, to];
            if let (Some(r), Actor::Registry { registry }) = (&repo, &e.to) {
                h.push(NodeId::repo(*registry, r));
            }
            (packet(e, label::request(method, path), PacketTone::Request), h, Reveal::Nothing)
        }
        RegistryResponse { status } => {
            let tone = if *status < 400 { PacketTone::Reply } else { PacketTone::Error };
            (packet(e, label::status(*status), tone), vec![from], Reveal::Nothing)
        }
        LayerDownloaded { digest, size, index, count } => {
            per_layer = true;
            let chain_id = chain_of(after, before, d, digest);
            let text = format!("camada {}/{} · {}", index + 1, count, t::size(*size));
            // The blob lands in the daemon's store on the host, where the layer appears.
            let mut pk = packet(e, label::clip(&text), PacketTone::Data);
            if let Some(p) = pk.as_mut() {
                p.to = NodeId::new_layers(d);
            }
            (pk, vec![NodeId::layer(d, &chain_id), NodeId::new_layers(d)], Reveal::LayerArrived { daemon: d, chain_id })
        }
        LayerAlreadyExists { digest, .. } => {
            per_layer = true;
            (None, vec![NodeId::layer(d, &chain_of(after, before, d, digest))], Reveal::Nothing)
        }
        LayerPushed { size, .. } => {
            per_layer = true;
            (packet(e, label::clip(&format!("camada · {}", t::size(*size))), PacketTone::Data), vec![to], Reveal::Nothing)
        }
        LayerSkipped { .. } => {
            per_layer = true;
            (None, vec![to], Reveal::Nothing)
        }
        ImageStored { image, .. } => (None, vec![NodeId::image(d, image)], Reveal::ImageStored { daemon: d, image: image.clone() }),
        ImageTagged { image, reference } => (None, vec![NodeId::image(d, image)], Reveal::TagAdded { daemon: d, image: image.clone(), reference: reference.clone() }),
        ImageUntagged { image, reference } => (None, vec![NodeId::image(d, image)], Reveal::TagRemoved { daemon: d, image: image.clone(), reference: reference.clone() }),
        ImageDeleted { image } => (None, vec![NodeId::image(d, image)], Reveal::ImageDeleted { daemon: d, image: image.clone() }),
        LayerDeleted { digest } => {
            per_layer = true;
            (None, vec![NodeId::layer(d, digest)], Reveal::LayerDeleted { daemon: d, chain_id: digest.clone() })
        }
        ContainerCreated { container, name, image } => (
            None,
            vec![NodeId::container(d, container), NodeId::image(d, image)],
            Reveal::ContainerCreated { daemon: d, container: container.clone(), name: name.clone(), image: image.clone() },
        ),
        ContainerStateChanged { container, to: state, .. } => {
            let reveal = match Status::parse(state) {
                Some(status) => Reveal::ContainerState { daemon: d, container: container.clone(), status },
                None => Reveal::Nothing,
            };
            (None, vec![NodeId::container(d, container)], reveal)
        }
        ContainerRenamed { container, to: name, .. } => (None, vec![NodeId::container(d, container)], Reveal::ContainerRenamed { daemon: d, container: container.clone(), name: name.clone() }),
        ContainerRemoved { container } => (None, vec![NodeId::container(d, container)], Reveal::ContainerRemoved { daemon: d, container: container.clone() }),
        SignalSent { container, signal } => (packet(e, label::clip(signal), PacketTone::Signal), vec![NodeId::container(d, container)], Reveal::Nothing),
        ProcessStarted { container, command } => (packet(e, label::clip(command), PacketTone::Runtime), vec![NodeId::container(d, container)], Reveal::Nothing),
        ProcessExited { container, .. } => (None, vec![NodeId::container(d, container)], Reveal::Nothing),
        RuntimeCall { operation } => (packet(e, label::runtime(operation), PacketTone::Runtime), vec![from, to], Reveal::Nothing),
        WritableLayerChanged { container, paths } => (None, vec![NodeId::writable(d, container), NodeId::container(d, container)], Reveal::WritableChanged { daemon: d, container: container.clone(), paths: *paths }),
        TimePassed { .. } => (None, Vec::new(), Reveal::Nothing),
        Note { .. } => (None, vec![from, to], Reveal::Nothing),
        BuildStep { .. } => (None, vec![from], Reveal::Nothing),
        RegistryOnline { .. } | RegistryOffline { .. } => (None, vec![from, to], Reveal::Nothing),
        // Traffic between the host, docker-proxy, networks and containers travels hop by hop.
        PacketSent { what, .. } => {
            let tone = if what.starts_with("HTTP") || what.contains("reply") || what.starts_with('+') { PacketTone::Reply } else { PacketTone::Request };
            (packet(e, label::clip(what), tone), vec![from, to], Reveal::Nothing)
        }
        PacketDropped { why, .. } => (packet(e, label::clip(why), PacketTone::Error), vec![from, to], Reveal::Nothing),
        DnsQuery { name, .. } => (packet(e, label::clip(&format!("DNS {name}?")), PacketTone::Request), vec![from, to], Reveal::Nothing),
        _ => (None, vec![from, to], Reveal::Nothing),
    };
    Step { event: i, duration_ms: base_ms(&e.kind), caption: e.narration(), packet: pk, highlight, reveal, repo, per_layer }
}

/// The steps animating `events`, which turned `before` into `after`.
pub fn steps(before: &Scene, after: &Scene, events: &[Event]) -> Vec<Step> {
    let mut out: Vec<Step> = events.iter().enumerate().map(|(i, e)| step_for(i as u32, e, before, after)).collect();
    fit_budgets(&mut out);
    out
}

/// Compresses per-layer steps into [`LAYER_BUDGET_MS`], then everything into
/// [`COMMAND_BUDGET_MS`].
fn fit_budgets(steps: &mut [Step]) {
    let layer_sum: u64 = steps.iter().filter(|s| s.per_layer).map(|s| u64::from(s.duration_ms)).sum();
    if layer_sum > u64::from(LAYER_BUDGET_MS) {
        for s in steps.iter_mut().filter(|s| s.per_layer) {
            s.duration_ms = ((u64::from(s.duration_ms) * u64::from(LAYER_BUDGET_MS) / layer_sum) as u32).max(25);
        }
    }
    let total: u64 = steps.iter().map(|s| u64::from(s.duration_ms)).sum();
    if total > u64::from(COMMAND_BUDGET_MS) {
        let n = steps.len().max(1) as u32;
        let floor = (COMMAND_BUDGET_MS / n).clamp(1, 20);
        for s in steps.iter_mut() {
            s.duration_ms = ((u64::from(s.duration_ms) * u64::from(COMMAND_BUDGET_MS) / total) as u32).max(floor);
        }
    }
}

/// Sum of the durations at 1×.
pub fn total_ms(steps: &[Step]) -> u32 {
    steps.iter().map(|s| s.duration_ms).fold(0u32, u32::saturating_add)
}

/// What must stay drawn while `steps` play: the containers and repositories they touch.
pub fn focus(steps: &[Step]) -> Focus {
    let mut f = Focus::default();
    for s in steps {
        for id in &s.highlight {
            if id.kind() == "container" {
                f.containers.insert(id.object_key().to_string());
            }
        }
        if let Some(r) = &s.repo {
            f.repos.insert(r.clone());
        }
    }
    f
}
