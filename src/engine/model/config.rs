//! Configuration shared by images and containers (Docker's `container.Config`) and the
//! per-container host configuration (`container.HostConfig`), reduced to what doca models.
//!
//! Invariant: collections that Docker serializes as Go maps are `BTreeMap`/`BTreeSet`, so
//! their order is the sorted order Go's JSON encoder produces.

use std::collections::{BTreeMap, BTreeSet};

/// `HEALTHCHECK` settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HealthConfig {
    /// `["CMD-SHELL", "curl -f http://localhost/"]`, `["NONE"]`…
    pub test: Vec<String>,
    pub interval_secs: u64,
    pub timeout_secs: u64,
    pub start_period_secs: u64,
    pub retries: u32,
}

/// Docker's `container.Config`: what an image proposes and a container ends up with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub hostname: String,
    pub domainname: String,
    pub user: String,
    pub attach_stdin: bool,
    pub attach_stdout: bool,
    pub attach_stderr: bool,
    /// `"80/tcp"`.
    pub exposed_ports: BTreeSet<String>,
    pub tty: bool,
    pub open_stdin: bool,
    pub stdin_once: bool,
    /// `KEY=value`, in order.
    pub env: Vec<String>,
    pub cmd: Option<Vec<String>>,
    pub healthcheck: Option<HealthConfig>,
    /// The image as the user named it (`nginx`, `nginx:1.27`); empty in an image's config.
    pub image: String,
    pub volumes: BTreeSet<String>,
    pub working_dir: String,
    pub entrypoint: Option<Vec<String>>,
    pub on_build: Vec<String>,
    pub labels: BTreeMap<String, String>,
    pub stop_signal: Option<String>,
    pub stop_timeout: Option<i64>,
    pub shell: Option<Vec<String>>,
}

impl Config {
    /// The value of environment variable `key`, if set.
    pub fn env_get(&self, key: &str) -> Option<&str> {
        self.env.iter().rev().find_map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv.as_str(), ""));
            (k == key).then_some(v)
        })
    }

    /// Sets `key=value`, replacing an earlier value in place (Docker's `ReplaceOrAppendEnvValues`).
    pub fn env_set(&mut self, key: &str, value: &str) {
        let entry = format!("{key}={value}");
        match self.env.iter_mut().find(|kv| kv.split_once('=').map_or(kv.as_str(), |(k, _)| k) == key) {
            Some(slot) => *slot = entry,
            None => self.env.push(entry),
        }
    }
}

/// `--restart` policy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RestartPolicy {
    #[default]
    No,
    Always,
    UnlessStopped,
    OnFailure { max_retries: u32 },
    /// A name the daemon does not know (it refuses to create the container).
    Unknown { name: String, max_retries: u32 },
}

impl RestartPolicy {
    /// The policy name as the API shows it (`"no"`, `"always"`, `"unless-stopped"`, `"on-failure"`).
    pub fn name(&self) -> &'static str {
        match self {
            RestartPolicy::No => "no",
            RestartPolicy::Always => "always",
            RestartPolicy::UnlessStopped => "unless-stopped",
            RestartPolicy::OnFailure { .. } => "on-failure",
            RestartPolicy::Unknown { .. } => "",
        }
    }

    pub fn max_retries(&self) -> u32 {
        match self {
            RestartPolicy::OnFailure { max_retries } | RestartPolicy::Unknown { max_retries, .. } => *max_retries,
            _ => 0,
        }
    }
}

/// One published port: host side of a `-p` mapping.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct PortBinding {
    /// `""` means all interfaces (shown as `0.0.0.0` and `[::]`).
    pub host_ip: String,
    /// `""` means an ephemeral port chosen by the daemon.
    pub host_port: String,
}

/// What kind of thing a mount brings into a container.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MountKind {
    Volume,
    Bind,
    Tmpfs,
}

/// One `--mount` requested for a container (`mount.Mount` of the API).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct MountSpec {
    /// `volume`, `bind`, `tmpfs` (or what the client sent: the daemon rejects others).
    pub kind: String,
    /// Volume name (empty for an anonymous volume) or host path for a bind mount.
    pub source: String,
    /// Absolute path in the container.
    pub target: String,
    pub read_only: bool,
    /// `volume-nocopy`: don't copy the image's files into an empty volume.
    pub volume_no_copy: bool,
    pub volume_labels: BTreeMap<String, String>,
    pub bind_propagation: String,
}
/// Docker's `container.HostConfig`: how the daemon sets up the container on its host.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HostConfig {
    /// `-v` strings as given.
    pub binds: Vec<String>,
    /// `"default"`, `"bridge"`, `"host"`, `"none"`, or a network name.
    pub network_mode: String,
    /// Container port (`"80/tcp"`) → host bindings.
    pub port_bindings: BTreeMap<String, Vec<PortBinding>>,
    pub restart_policy: RestartPolicy,
    pub auto_remove: bool,
    pub volumes_from: Vec<String>,
    pub publish_all_ports: bool,
    pub readonly_rootfs: bool,
    pub privileged: bool,
    pub links: Vec<String>,
    pub mounts: Vec<MountSpec>,
    pub tmpfs: BTreeMap<String, String>,
    pub extra_hosts: Vec<String>,
    pub dns: Vec<String>,
    /// Memory limit in bytes (0 = none).
    pub memory: i64,
    pub nano_cpus: i64,
    pub init: Option<bool>,
    /// The create request's `NetworkingConfig`: per network, the aliases and address
    /// asked for (`--network-alias`, `--ip`), in the order given.
    pub networking: Vec<EndpointRequest>,
}

/// One network a container asks to join at creation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EndpointRequest {
    pub network: String,
    pub aliases: Vec<String>,
    pub ipv4_address: String,
}
