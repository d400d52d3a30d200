//! Events: what happened inside the simulated world, in order, actor to actor. The web app
//! animates them and the tests snapshot them; each one narrates itself in pt-BR
//! (see [`crate::engine::narration`]).
//!
//! Invariant: events are appended in the order things happen and never reordered; `at`
//! never decreases along one command's list.

use serde::Serialize;

use super::clock::Time;

/// Index of a host machine in the world.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct HostId(pub u32);
/// Index of a Docker daemon (`dockerd`) in the world.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct DaemonId(pub u32);
/// Index of a Docker client (a `docker` CLI on some host) in the world.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ClientId(pub u32);
/// Index of a registry (Docker Hub, a private registry) in the world.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RegistryId(pub u32);

/// Who sends or receives an event. Objects are named by their full ID (64 hex for
/// containers, `sha256:…` for images), volumes and networks by name/ID.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "actor", rename_all = "snake_case")]
pub enum Actor {
    Client { client: ClientId },
    Daemon { daemon: DaemonId },
    /// containerd, beside a daemon (deep view).
    Containerd { daemon: DaemonId },
    /// The `containerd-shim` of one container (deep view).
    Shim { daemon: DaemonId, container: String },
    /// runc, invoked once per container start (deep view).
    Runc { daemon: DaemonId },
    Registry { registry: RegistryId },
    Image { daemon: DaemonId, image: String },
    Container { daemon: DaemonId, container: String },
    Volume { daemon: DaemonId, volume: String },
    Network { daemon: DaemonId, network: String },
    Host { host: HostId },
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    /// A Docker Engine API request, client → daemon: `POST /v1.50/containers/create`.
    ApiRequest { method: String, path: String },
    /// The daemon's answer to the request before it, daemon → client.
    ApiResponse { status: u16 },
    /// A registry HTTP API request, daemon → registry: `GET /v2/library/nginx/manifests/latest`.
    RegistryRequest { method: String, path: String },
    /// The registry's answer, registry → daemon.
    RegistryResponse { status: u16 },
    /// A layer blob travels registry → daemon (`index` counts from 0, bottom layer first).
    LayerDownloaded { digest: String, size: u64, index: u32, count: u32 },
    /// A layer the daemon already had: skipped ("Already exists").
    LayerAlreadyExists { digest: String, index: u32, count: u32 },
    /// A layer blob travels daemon → registry on push.
    LayerPushed { digest: String, size: u64 },
    /// A layer the registry already had on push ("Layer already exists").
    LayerSkipped { digest: String },
    /// An image now exists in the daemon's store.
    ImageStored { image: String, reference: String },
    /// A reference now points at an image.
    ImageTagged { image: String, reference: String },
    /// A reference was removed ("Untagged: …").
    ImageUntagged { image: String, reference: String },
    /// An image was deleted from the store ("Deleted: sha256:…").
    ImageDeleted { image: String },
    /// A layer was deleted from the store (no image uses it any more).
    LayerDeleted { digest: String },
    /// A container was created from an image, with its own empty writable layer.
    ContainerCreated { container: String, name: String, image: String },
    /// A container moved from one state to another.
    ContainerStateChanged { container: String, from: String, to: String },
    /// A container got a new name.
    ContainerRenamed { container: String, from: String, to: String },
    /// A container and its writable layer were deleted.
    ContainerRemoved { container: String },
    /// A signal was delivered to a container's main process.
    SignalSent { container: String, signal: String },
    /// A process started inside a container (main process or `exec`).
    ProcessStarted { container: String, command: String },
    /// A process inside a container ended.
    ProcessExited { container: String, code: i32 },
    /// A step of the runtime chain (deep view): daemon → containerd → shim → runc.
    RuntimeCall { operation: String },
    /// The writable layer of a container changed (paths added, changed or deleted).
    WritableLayerChanged { container: String, paths: u32 },
    /// Simulated time passed with nothing else happening (`sleep`, waiting for a timeout).
    TimePassed { seconds: u64 },
    /// A volume now exists in the daemon (`anonymous`: named by the daemon).
    VolumeCreated { volume: String, anonymous: bool },
    /// A volume and the files in it were deleted.
    VolumeRemoved { volume: String },
    /// The image's files at a mount point were copied into an empty volume.
    VolumePopulated { volume: String, destination: String, paths: u32 },
    /// A starting container got a mount: `kind` `volume` (source = volume name), `bind`
    /// (source = host path) or `tmpfs`.
    VolumeMounted { container: String, mount_type: String, source: String, destination: String, read_only: bool },
    /// A network now exists (`subnet` empty for `host`/`none`-like drivers).
    NetworkCreated { network: String, name: String, driver: String, subnet: String },
    /// A network was deleted.
    NetworkRemoved { network: String, name: String },
    /// A container got an endpoint on a network: its address there (empty until it runs)
    /// and the names other containers can resolve it by.
    NetworkConnected { network: String, container: String, ip: String, aliases: Vec<String> },
    /// A container left a network.
    NetworkDisconnected { network: String, container: String },
    /// A host port now forwards to a container port (docker-proxy / NAT rule).
    PortPublished { container: String, host_ip: String, host_port: u16, container_port: String },
    /// A name was looked up: by the embedded DNS server (`127.0.0.11`) on a user-defined
    /// network, in `/etc/hosts`, or not at all (`answer` empty: not found).
    DnsQuery { name: String, answer: String, server: String },
    /// One hop of traffic: `proto` `tcp`/`udp`/`icmp`, the destination address and port,
    /// and what travels (`GET /`, `HTTP 200`, `echo request`, …).
    PacketSent { proto: String, dst: String, port: u16, what: String },
    /// Traffic that got nowhere: `why` is `refused`, `unreachable`, `timeout`, `internal`.
    PacketDropped { dst: String, port: u16, why: String },
    /// A build step ran in the daemon's builder (`cached`: reused from the build cache).
    BuildStep { step: String, cached: bool },
    /// A registry began answering at `domain` (a `registry:2` container started).
    RegistryOnline { domain: String },
    /// A registry stopped answering (its container stopped or was removed).
    RegistryOffline { domain: String },
    /// A free-form step described only by its narration key (rare; prefer a typed variant).
    Note { key: String },
}

/// One thing that happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    pub at: Time,
    pub from: Actor,
    pub to: Actor,
    #[serde(flatten)]
    pub kind: EventKind,
}
