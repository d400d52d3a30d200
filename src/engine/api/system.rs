//! System endpoints: ping, version, info, disk usage. The numbers come from the daemon's
//! state; the client lays them out.
//!
//! Invariant: read-only; none of these change the world.

use super::{Api, ApiResult};
use crate::engine::model::container::Status;
use crate::engine::model::host::HostKind;
use crate::engine::oci;

/// The daemon side of `docker version`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerVersion {
    pub version: &'static str,
    pub api_version: &'static str,
    pub min_api_version: &'static str,
    pub go_version: &'static str,
    pub git_commit: &'static str,
    pub built: &'static str,
    pub os: &'static str,
    pub arch: &'static str,
    pub containerd_version: &'static str,
    pub containerd_commit: &'static str,
    pub runc_version: &'static str,
    pub runc_commit: &'static str,
    pub init_version: &'static str,
    pub init_commit: &'static str,
    /// Docker Desktop's platform name, if any.
    pub platform: Option<&'static str>,
}

/// Docker Engine 28.2.2 as released.
pub const ENGINE: ServerVersion = ServerVersion {
    version: "28.2.2",
    api_version: super::API_VERSION,
    min_api_version: "1.24",
    go_version: "go1.24.3",
    git_commit: "45873be",
    built: "Fri May 30 12:07:26 2025",
    os: "linux",
    arch: "amd64",
    containerd_version: "1.7.27",
    containerd_commit: "05044ec0a9a75232cad458027ca83437aae3f4da",
    runc_version: "1.2.5",
    runc_commit: "v1.2.5-0-g59923ef",
    init_version: "0.19.0",
    init_commit: "de40ad0",
    platform: None,
};

/// The numbers `docker info` shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Info {
    pub containers: u32,
    pub running: u32,
    pub paused: u32,
    pub stopped: u32,
    pub images: u32,
    pub name: String,
    pub kernel: String,
    pub operating_system: String,
    pub os_type: &'static str,
    pub architecture: &'static str,
    pub cpus: u32,
    pub memory_bytes: u64,
    pub docker_root_dir: &'static str,
    pub id: String,
    pub desktop: bool,
}

/// One row group of `docker system df`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DiskUsage {
    pub images_total: u32,
    pub images_active: u32,
    pub images_size: u64,
    pub images_reclaimable: u64,
    pub containers_total: u32,
    pub containers_active: u32,
    pub containers_size: u64,
    pub containers_reclaimable: u64,
}

impl Api<'_> {
    /// `GET /_ping`.
    pub fn ping(&mut self) -> ApiResult<()> {
        self.serve("GET", "/_ping", 200, |_| Ok(()))
    }

    /// `GET /version`.
    pub fn version(&mut self) -> ApiResult<ServerVersion> {
        self.serve("GET", "/version", 200, |api| {
            let host = api.world.host(api.daemon().host);
            let mut v = ENGINE;
            v.platform = match host.kind {
                HostKind::Linux => None,
                _ => Some("Docker Desktop 4.42.0 (195023)"),
            };
            Ok(v)
        })
    }

    /// `GET /info`.
    pub fn info(&mut self) -> ApiResult<Info> {
        self.serve("GET", "/info", 200, |api| {
            let d = api.daemon();
            let host = api.world.host(d.host);
            let mut info = Info {
                containers: d.containers.len() as u32,
                running: 0,
                paused: 0,
                stopped: 0,
                images: d.images.len() as u32,
                name: host.name.clone(),
                kernel: host.kernel.clone(),
                operating_system: host.os_name.clone(),
                os_type: "linux",
                architecture: "x86_64",
                cpus: host.cpus,
                memory_bytes: host.memory_bytes,
                docker_root_dir: "/var/lib/docker",
                id: daemon_uuid(d.id.0),
                desktop: host.kind != HostKind::Linux,
            };
            for c in d.containers.values() {
                match c.state.status() {
                    Status::Running | Status::Restarting => info.running += 1,
                    Status::Paused => info.paused += 1,
                    _ => info.stopped += 1,
                }
            }
            Ok(info)
        })
    }

    /// `GET /system/df`.
    pub fn disk_usage(&mut self) -> ApiResult<DiskUsage> {
        self.serve("GET", "/system/df", 200, |api| {
            let d = api.daemon();
            let mut du = DiskUsage { images_total: d.images.len() as u32, ..DiskUsage::default() };
            let all_layers: u64 = d.layers.values().map(|l| l.size).sum();
            du.images_size = all_layers;
            let mut used_chains = std::collections::BTreeSet::new();
            for img in d.images.values() {
                if d.containers.values().any(|c| c.image == img.id) {
                    du.images_active += 1;
                    used_chains.extend(oci::chain_ids(&img.layers));
                }
            }
            let used: u64 = used_chains.iter().filter_map(|c| d.layers.get(c)).map(|l| l.size).sum();
            du.images_reclaimable = all_layers.saturating_sub(used);
            for c in d.containers.values() {
                du.containers_total += 1;
                du.containers_size += c.rw_size;
                if c.state.running {
                    du.containers_active += 1;
                } else {
                    du.containers_reclaimable += c.rw_size;
                }
            }
            Ok(du)
        })
    }
}

/// A stable daemon ID in Docker's UUID form.
fn daemon_uuid(n: u32) -> String {
    let h = crate::engine::ids::sha256_hex(format!("doca/daemon/{n}").as_bytes());
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}
