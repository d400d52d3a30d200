//! System endpoints: ping, version, info, disk usage. The numbers come from the daemon's
//! state; the client lays them out. [`version_json`] and [`info_json`] are the documents
//! `GET /version` and `GET /info` answer (API 1.50, field for field).
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
    /// The daemon host's kernel.
    pub kernel_version: String,
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
    kernel_version: String::new(),
};

/// The numbers `docker info` shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
    /// The daemon's clock when it answered.
    pub system_time: crate::engine::clock::Time,
}

/// `GET /system/df`: what takes space, for `docker system df` to sum up.
#[derive(Clone, Debug, Default)]
pub struct DiskUsage {
    /// All layers in the store.
    pub layers_size: u64,
    /// Top-level images with their container count (`Containers`) and the size of their
    /// layers other images share.
    pub images: Vec<(super::images::ImageSummary, u64)>,
    /// Every container, newest first, with its writable layer's size.
    pub containers: Vec<crate::engine::model::container::Container>,
    /// Every volume: name, how many containers mount it, its size.
    pub volumes: Vec<(String, usize, u64)>,
    /// BuildKit's cache records, each with whether an image shares its layer (`Shared`).
    pub build_cache: Vec<(crate::engine::model::build_cache::BuildRecord, bool)>,
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
            v.kernel_version = host.kernel.clone();
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
                system_time: api.world.now(),
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
            let mut du = DiskUsage { layers_size: d.layers.values().map(|l| l.size).sum(), ..DiskUsage::default() };
            let mut users: std::collections::BTreeMap<String, u32> = std::collections::BTreeMap::new();
            for img in d.images.values() {
                for chain in oci::chain_ids(&img.layers) {
                    *users.entry(chain).or_default() += 1;
                }
            }
            let opts = super::images::ImageListOptions { container_count: true, ..Default::default() };
            let images = api.list_images_quietly(&opts)?;
            let d = api.daemon();
            for s in images {
                let shared: u64 = d
                    .images
                    .get(&s.id)
                    .map(|img| {
                        oci::chain_ids(&img.layers)
                            .iter()
                            .filter(|c| users.get(*c).copied().unwrap_or(0) > 1)
                            .filter_map(|c| d.layers.get(c))
                            .map(|l| l.size)
                            .sum()
                    })
                    .unwrap_or(0);
                du.images.push((s, shared));
            }
            du.containers = d.containers_newest_first().into_iter().cloned().collect();
            du.volumes = d.volumes.values().map(|v| (v.name.clone(), api.volume_refs(&v.name).len(), v.content.size())).collect();
            let image_chains: std::collections::BTreeSet<String> = d.images.values().flat_map(|i| oci::chain_ids(&i.layers)).collect();
            du.build_cache = d
                .build_cache
                .records
                .iter()
                .map(|r| (r.clone(), r.chains.iter().any(|c| image_chains.contains(c))))
                .collect();
            Ok(du)
        })
    }
}

/// A stable daemon ID in Docker's UUID form.
fn daemon_uuid(n: u32) -> String {
    let h = crate::engine::ids::sha256_hex(format!("doca/daemon/{n}").as_bytes());
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

/// `GET /version`'s document (`types.Version`).
pub fn version_json(v: &ServerVersion) -> serde_json::Value {
    let build_time = "2025-05-30T12:07:26.000000000+00:00";
    serde_json::json!({
        "Platform": { "Name": v.platform.unwrap_or("") },
        "Components": [
            {
                "Name": "Engine",
                "Version": v.version,
                "Details": {
                    "ApiVersion": v.api_version,
                    "Arch": v.arch,
                    "BuildTime": build_time,
                    "Experimental": "false",
                    "GitCommit": v.git_commit,
                    "GoVersion": v.go_version,
                    "KernelVersion": v.kernel_version,
                    "MinAPIVersion": v.min_api_version,
                    "Os": v.os,
                },
            },
            { "Name": "containerd", "Version": v.containerd_version, "Details": { "GitCommit": v.containerd_commit } },
            { "Name": "runc", "Version": v.runc_version, "Details": { "GitCommit": v.runc_commit } },
            { "Name": "docker-init", "Version": v.init_version, "Details": { "GitCommit": v.init_commit } },
        ],
        "Version": v.version,
        "ApiVersion": v.api_version,
        "MinAPIVersion": v.min_api_version,
        "GitCommit": v.git_commit,
        "GoVersion": v.go_version,
        "Os": v.os,
        "Arch": v.arch,
        "KernelVersion": v.kernel_version,
        "BuildTime": build_time,
    })
}

/// `GET /info`'s document (`system.Info`) for a daemon on a Linux host with cgroup v2
/// (Ubuntu's defaults: systemd cgroup driver, AppArmor, overlay2 on ext4).
pub fn info_json(i: &Info) -> serde_json::Value {
    let os_version = i
        .operating_system
        .split_whitespace()
        .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .map(|w| w.split('.').take(2).collect::<Vec<_>>().join("."))
        .unwrap_or_default();
    let fields: Vec<(&str, serde_json::Value)> = vec![
        ("ID", serde_json::json!(i.id)),
        ("Containers", serde_json::json!(i.containers)),
        ("ContainersRunning", serde_json::json!(i.running)),
        ("ContainersPaused", serde_json::json!(i.paused)),
        ("ContainersStopped", serde_json::json!(i.stopped)),
        ("Images", serde_json::json!(i.images)),
        ("Driver", serde_json::json!("overlay2")),
        ("DriverStatus", serde_json::json!([
            ["Backing Filesystem", "extfs"],
            ["Supports d_type", "true"],
            ["Using metacopy", "false"],
            ["Native Overlay Diff", "true"],
            ["userxattr", "false"],
        ])),
        ("Plugins", serde_json::json!({
            "Volume": ["local"],
            "Network": ["bridge", "host", "ipvlan", "macvlan", "null", "overlay"],
            "Authorization": null,
            "Log": ["awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "splunk", "syslog"],
        })),
        ("MemoryLimit", serde_json::json!(true)),
        ("SwapLimit", serde_json::json!(true)),
        ("CpuCfsPeriod", serde_json::json!(true)),
        ("CpuCfsQuota", serde_json::json!(true)),
        ("CPUShares", serde_json::json!(true)),
        ("CPUSet", serde_json::json!(true)),
        ("PidsLimit", serde_json::json!(true)),
        ("IPv4Forwarding", serde_json::json!(true)),
        ("Debug", serde_json::json!(false)),
        ("NFd", serde_json::json!(24 + 2 * i.running)),
        ("OomKillDisable", serde_json::json!(false)),
        ("NGoroutines", serde_json::json!(42 + 6 * i.running)),
        // The daemon's (simulated) clock.
        ("SystemTime", serde_json::json!(i.system_time.rfc3339_nano())),
        ("LoggingDriver", serde_json::json!("json-file")),
        ("CgroupDriver", serde_json::json!("systemd")),
        ("CgroupVersion", serde_json::json!("2")),
        ("NEventsListener", serde_json::json!(0)),
        ("KernelVersion", serde_json::json!(i.kernel)),
        ("OperatingSystem", serde_json::json!(i.operating_system)),
        ("OSVersion", serde_json::json!(os_version)),
        ("OSType", serde_json::json!(i.os_type)),
        ("Architecture", serde_json::json!(i.architecture)),
        ("IndexServerAddress", serde_json::json!("https://index.docker.io/v1/")),
        ("RegistryConfig", serde_json::json!({
            "IndexConfigs": { "docker.io": { "Mirrors": [], "Name": "docker.io", "Official": true, "Secure": true } },
            "InsecureRegistryCIDRs": ["::1/128", "127.0.0.0/8"],
            "Mirrors": [],
        })),
        ("NCPU", serde_json::json!(i.cpus)),
        ("MemTotal", serde_json::json!(i.memory_bytes)),
        ("GenericResources", serde_json::json!(null)),
        ("DockerRootDir", serde_json::json!(i.docker_root_dir)),
        ("HttpProxy", serde_json::json!("")),
        ("HttpsProxy", serde_json::json!("")),
        ("NoProxy", serde_json::json!("")),
        ("Name", serde_json::json!(i.name)),
        ("Labels", serde_json::json!([])),
        ("ExperimentalBuild", serde_json::json!(false)),
        ("ServerVersion", serde_json::json!(ENGINE.version)),
        ("Runtimes", serde_json::json!({ "io.containerd.runc.v2": { "path": "runc" }, "runc": { "path": "runc" } })),
        ("DefaultRuntime", serde_json::json!("runc")),
        ("Swarm", serde_json::json!({
            "NodeID": "",
            "NodeAddr": "",
            "LocalNodeState": "inactive",
            "ControlAvailable": false,
            "Error": "",
            "RemoteManagers": null,
        })),
        ("LiveRestoreEnabled", serde_json::json!(false)),
        ("Isolation", serde_json::json!("")),
        ("InitBinary", serde_json::json!("docker-init")),
        ("ContainerdCommit", serde_json::json!({ "ID": ENGINE.containerd_commit })),
        ("RuncCommit", serde_json::json!({ "ID": ENGINE.runc_commit })),
        ("InitCommit", serde_json::json!({ "ID": ENGINE.init_commit })),
        ("SecurityOptions", serde_json::json!(["name=apparmor", "name=seccomp,profile=builtin", "name=cgroupns"])),
        ("FirewallBackend", serde_json::json!({ "Driver": "iptables" })),
        ("CDISpecDirs", serde_json::json!(["/etc/cdi", "/var/run/cdi"])),
        ("Containerd", serde_json::json!({
            "Address": "/run/containerd/containerd.sock",
            "Namespaces": { "Containers": "moby", "Plugins": "plugins.moby" },
        })),
        ("Warnings", serde_json::json!(null)),
    ];
    serde_json::Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

