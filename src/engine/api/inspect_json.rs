//! The JSON documents `GET /containers/{id}/json` and `GET /images/{id}/json` return, field
//! for field in Docker Engine API v1.50's order (`docker inspect` prints them as they are).
//!
//! Invariant: field order and null-versus-empty follow Go's encoding of moby's types.

use serde_json::{Map, Value, json};

use super::images::ImageSummary;
use crate::engine::clock::Time;
use crate::engine::model::config::{Config, HostConfig};
use crate::engine::model::container::Container;
use crate::engine::model::daemon::Daemon;
use crate::engine::model::image::Image;

/// Go's zero time as JSON prints it.
const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

fn time_or_zero(t: Option<Time>) -> String {
    t.map_or_else(|| ZERO_TIME.to_string(), |t| t.rfc3339_nano())
}

fn strings_or_null(v: &Option<Vec<String>>) -> Value {
    match v {
        Some(v) => json!(v),
        None => Value::Null,
    }
}

fn set_or_null(s: &std::collections::BTreeSet<String>) -> Value {
    if s.is_empty() {
        return Value::Null;
    }
    Value::Object(s.iter().map(|k| (k.clone(), json!({}))).collect())
}

/// The container `Config` object.
pub fn container_config(c: &Config) -> Value {
    let mut m = Map::new();
    m.insert("Hostname".into(), json!(c.hostname));
    m.insert("Domainname".into(), json!(c.domainname));
    m.insert("User".into(), json!(c.user));
    m.insert("AttachStdin".into(), json!(c.attach_stdin));
    m.insert("AttachStdout".into(), json!(c.attach_stdout));
    m.insert("AttachStderr".into(), json!(c.attach_stderr));
    if !c.exposed_ports.is_empty() {
        m.insert("ExposedPorts".into(), set_or_null(&c.exposed_ports));
    }
    m.insert("Tty".into(), json!(c.tty));
    m.insert("OpenStdin".into(), json!(c.open_stdin));
    m.insert("StdinOnce".into(), json!(c.stdin_once));
    m.insert("Env".into(), json!(c.env));
    m.insert("Cmd".into(), strings_or_null(&c.cmd));
    if let Some(h) = &c.healthcheck {
        m.insert("Healthcheck".into(), json!({ "Test": h.test }));
    }
    m.insert("Image".into(), json!(c.image));
    m.insert("Volumes".into(), set_or_null(&c.volumes));
    m.insert("WorkingDir".into(), json!(c.working_dir));
    m.insert("Entrypoint".into(), strings_or_null(&c.entrypoint));
    m.insert("OnBuild".into(), if c.on_build.is_empty() { Value::Null } else { json!(c.on_build) });
    m.insert("Labels".into(), json!(c.labels));
    if let Some(s) = &c.stop_signal {
        m.insert("StopSignal".into(), json!(s));
    }
    if let Some(t) = c.stop_timeout {
        m.insert("StopTimeout".into(), json!(t));
    }
    if let Some(sh) = &c.shell {
        m.insert("Shell".into(), json!(sh));
    }
    Value::Object(m)
}

fn port_bindings(hc: &HostConfig) -> Value {
    Value::Object(
        hc.port_bindings
            .iter()
            .map(|(port, bindings)| {
                let list: Vec<Value> =
                    bindings.iter().map(|b| json!({ "HostIp": b.host_ip, "HostPort": b.host_port })).collect();
                (port.clone(), json!(list))
            })
            .collect(),
    )
}

/// The `HostConfig` object.
pub fn host_config(hc: &HostConfig) -> Value {
    let binds = if hc.binds.is_empty() { Value::Null } else { json!(hc.binds) };
    let mut m = Map::new();
    m.insert("Binds".into(), binds);
    m.insert("ContainerIDFile".into(), json!(""));
    m.insert("LogConfig".into(), json!({ "Type": "json-file", "Config": {} }));
    m.insert("NetworkMode".into(), json!(hc.network_mode));
    m.insert("PortBindings".into(), port_bindings(hc));
    m.insert(
        "RestartPolicy".into(),
        json!({ "Name": hc.restart_policy.name(), "MaximumRetryCount": hc.restart_policy.max_retries() }),
    );
    m.insert("AutoRemove".into(), json!(hc.auto_remove));
    m.insert("VolumeDriver".into(), json!(""));
    m.insert("VolumesFrom".into(), if hc.volumes_from.is_empty() { Value::Null } else { json!(hc.volumes_from) });
    m.insert("ConsoleSize".into(), json!([0, 0]));
    m.insert("CapAdd".into(), Value::Null);
    m.insert("CapDrop".into(), Value::Null);
    m.insert("CgroupnsMode".into(), json!("private"));
    m.insert("Dns".into(), json!(hc.dns));
    m.insert("DnsOptions".into(), json!([]));
    m.insert("DnsSearch".into(), json!([]));
    m.insert("ExtraHosts".into(), if hc.extra_hosts.is_empty() { Value::Null } else { json!(hc.extra_hosts) });
    m.insert("GroupAdd".into(), Value::Null);
    m.insert("IpcMode".into(), json!("private"));
    m.insert("Cgroup".into(), json!(""));
    m.insert("Links".into(), if hc.links.is_empty() { Value::Null } else { json!(hc.links) });
    m.insert("OomScoreAdj".into(), json!(0));
    m.insert("PidMode".into(), json!(""));
    m.insert("Privileged".into(), json!(hc.privileged));
    m.insert("PublishAllPorts".into(), json!(hc.publish_all_ports));
    m.insert("ReadonlyRootfs".into(), json!(hc.readonly_rootfs));
    m.insert("SecurityOpt".into(), Value::Null);
    if !hc.tmpfs.is_empty() {
        m.insert("Tmpfs".into(), json!(hc.tmpfs));
    }
    m.insert("UTSMode".into(), json!(""));
    m.insert("UsernsMode".into(), json!(""));
    m.insert("ShmSize".into(), json!(67_108_864));
    m.insert("Runtime".into(), json!("runc"));
    m.insert("Isolation".into(), json!(""));
    m.insert("CpuShares".into(), json!(0));
    m.insert("Memory".into(), json!(hc.memory));
    m.insert("NanoCpus".into(), json!(hc.nano_cpus));
    m.insert("CgroupParent".into(), json!(""));
    m.insert("BlkioWeight".into(), json!(0));
    for k in ["BlkioWeightDevice", "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps", "BlkioDeviceWriteIOps"] {
        m.insert(k.into(), json!([]));
    }
    for k in ["CpuPeriod", "CpuQuota", "CpuRealtimePeriod", "CpuRealtimeRuntime"] {
        m.insert(k.into(), json!(0));
    }
    m.insert("CpusetCpus".into(), json!(""));
    m.insert("CpusetMems".into(), json!(""));
    m.insert("Devices".into(), json!([]));
    m.insert("DeviceCgroupRules".into(), Value::Null);
    m.insert("DeviceRequests".into(), Value::Null);
    m.insert("MemoryReservation".into(), json!(0));
    m.insert("MemorySwap".into(), json!(if hc.memory > 0 { hc.memory * 2 } else { 0 }));
    m.insert("MemorySwappiness".into(), Value::Null);
    m.insert("OomKillDisable".into(), json!(false));
    m.insert("PidsLimit".into(), Value::Null);
    m.insert("Ulimits".into(), json!([]));
    m.insert("CpuCount".into(), json!(0));
    m.insert("CpuPercent".into(), json!(0));
    m.insert("IOMaximumIOps".into(), json!(0));
    m.insert("IOMaximumBandwidth".into(), json!(0));
    m.insert(
        "MaskedPaths".into(),
        json!([
            "/proc/asound", "/proc/acpi", "/proc/interrupts", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
            "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap"
        ]),
    );
    m.insert(
        "ReadonlyPaths".into(),
        json!(["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]),
    );
    Value::Object(m)
}

fn graph_driver(layer_id: &str, lower: &str) -> Value {
    let base = "/var/lib/docker/overlay2";
    if lower.is_empty() {
        return json!({
            "Data": {
                "MergedDir": format!("{base}/{layer_id}/merged"),
                "UpperDir": format!("{base}/{layer_id}/diff"),
                "WorkDir": format!("{base}/{layer_id}/work"),
            },
            "Name": "overlay2",
        });
    }
    json!({
        "Data": {
            "LowerDir": lower,
            "MergedDir": format!("{base}/{layer_id}/merged"),
            "UpperDir": format!("{base}/{layer_id}/diff"),
            "WorkDir": format!("{base}/{layer_id}/work"),
        },
        "Name": "overlay2",
    })
}

/// Published ports as `NetworkSettings.Ports` shows them (exposed ports with their
/// bindings while running; empty otherwise).
fn network_ports(c: &Container) -> Value {
    let mut m = Map::new();
    for (port, bindings) in super::summary::published_ports(c) {
        let v = match bindings {
            Some(bs) => json!(bs.iter().map(|(ip, p)| json!({ "HostIp": ip, "HostPort": p })).collect::<Vec<_>>()),
            None => Value::Null,
        };
        m.insert(port, v);
    }
    Value::Object(m)
}

/// `docker container inspect`'s document for one container.
/// One entry of `Mounts` (moby's `container.MountPoint`: `Name` and `Driver` only for
/// volumes).
fn mount_json(m: &crate::engine::model::volume::MountPoint) -> Value {
    let mut o = Map::new();
    o.insert("Type".into(), json!(m.kind_str()));
    if m.kind == crate::engine::model::config::MountKind::Volume {
        o.insert("Name".into(), json!(m.name));
    }
    o.insert("Source".into(), json!(m.source));
    o.insert("Destination".into(), json!(m.destination));
    if m.kind == crate::engine::model::config::MountKind::Volume {
        o.insert("Driver".into(), json!(m.driver));
    }
    o.insert("Mode".into(), json!(m.mode));
    o.insert("RW".into(), json!(m.rw));
    o.insert("Propagation".into(), json!(m.propagation));
    Value::Object(o)
}

pub fn container(d: &Daemon, c: &Container, size: Option<(u64, u64)>) -> Value {
    let s = &c.state;
    let mut state = Map::new();
    state.insert("Status".into(), json!(s.status().as_str()));
    state.insert("Running".into(), json!(s.running));
    state.insert("Paused".into(), json!(s.paused));
    state.insert("Restarting".into(), json!(s.restarting));
    state.insert("OOMKilled".into(), json!(s.oom_killed));
    state.insert("Dead".into(), json!(s.dead));
    state.insert("Pid".into(), json!(s.pid));
    state.insert("ExitCode".into(), json!(s.exit_code));
    state.insert("Error".into(), json!(s.error));
    state.insert("StartedAt".into(), json!(time_or_zero(s.started_at)));
    state.insert("FinishedAt".into(), json!(time_or_zero(s.finished_at)));
    let dir = format!("/var/lib/docker/containers/{}", c.id);
    let layer_id = crate::engine::ids::sha256_hex(format!("rw/{}", c.id).as_bytes());
    let lower = format!("/var/lib/docker/overlay2/{layer_id}-init/diff");
    let exec_ids: Value = match c.task.as_ref().map(|t| &t.execs) {
        Some(e) if e.iter().any(|x| x.exit_code.is_none()) => {
            json!(e.iter().filter(|x| x.exit_code.is_none()).map(|x| x.id.clone()).collect::<Vec<_>>())
        }
        _ => Value::Null,
    };
    let mut m = Map::new();
    m.insert("Id".into(), json!(c.id));
    m.insert("Created".into(), json!(c.created.rfc3339_nano()));
    m.insert("Path".into(), json!(c.path));
    m.insert("Args".into(), json!(c.args));
    m.insert("State".into(), Value::Object(state));
    m.insert("Image".into(), json!(c.image));
    m.insert("ResolvConfPath".into(), json!(format!("{dir}/resolv.conf")));
    m.insert("HostnamePath".into(), json!(format!("{dir}/hostname")));
    m.insert("HostsPath".into(), json!(format!("{dir}/hosts")));
    m.insert("LogPath".into(), json!(format!("{dir}/{}-json.log", c.id)));
    m.insert("Name".into(), json!(format!("/{}", c.name)));
    m.insert("RestartCount".into(), json!(c.restart_count));
    m.insert("Driver".into(), json!("overlay2"));
    m.insert("Platform".into(), json!("linux"));
    m.insert("MountLabel".into(), json!(""));
    m.insert("ProcessLabel".into(), json!(""));
    m.insert("AppArmorProfile".into(), json!("docker-default"));
    m.insert("ExecIDs".into(), exec_ids);
    m.insert("HostConfig".into(), host_config(&c.host_config));
    m.insert("GraphDriver".into(), graph_driver(&layer_id, &lower));
    if let Some((rw, root)) = size {
        m.insert("SizeRw".into(), json!(rw));
        m.insert("SizeRootFs".into(), json!(root));
    }
    m.insert("Mounts".into(), Value::Array(c.mounts.iter().map(mount_json).collect()));
    m.insert("Config".into(), container_config(&c.config));
    m.insert("NetworkSettings".into(), network_settings(d, c));
    Value::Object(m)
}

fn network_settings(d: &Daemon, c: &Container) -> Value {
    let sandbox = if c.state.running { crate::engine::ids::sha256_hex(format!("sandbox/{}", c.id).as_bytes()) } else { String::new() };
    let bridge = c.networks.get("bridge");
    let mut networks = Map::new();
    for (name, ep) in &c.networks {
        let net_id = d.networks.get(&ep.network_id).map_or(ep.network_id.clone(), |n| n.id.clone());
        networks.insert(
            name.clone(),
            json!({
                "IPAMConfig": null,
                "Links": if ep.links.is_empty() { Value::Null } else { json!(ep.links) },
                "Aliases": if ep.aliases.is_empty() { Value::Null } else { json!(ep.aliases) },
                "MacAddress": ep.mac,
                "DriverOpts": null,
                "GwPriority": 0,
                "NetworkID": net_id,
                "EndpointID": ep.endpoint_id,
                "Gateway": ep.gateway,
                "IPAddress": ep.ip,
                "IPPrefixLen": ep.prefix_len,
                "IPv6Gateway": "",
                "GlobalIPv6Address": "",
                "GlobalIPv6PrefixLen": 0,
                "DNSNames": if ep.dns_names.is_empty() { Value::Null } else { json!(ep.dns_names) },
            }),
        );
    }
    let e = |f: fn(&crate::engine::model::network::Endpoint) -> Value, default: Value| bridge.map_or(default, f);
    json!({
        "Bridge": "",
        "SandboxID": sandbox,
        "SandboxKey": if sandbox.is_empty() { String::new() } else { format!("/var/run/docker/netns/{}", &sandbox[..12]) },
        "Ports": network_ports(c),
        "HairpinMode": false,
        "LinkLocalIPv6Address": "",
        "LinkLocalIPv6PrefixLen": 0,
        "SecondaryIPAddresses": null,
        "SecondaryIPv6Addresses": null,
        "EndpointID": e(|ep| json!(ep.endpoint_id), json!("")),
        "Gateway": e(|ep| json!(ep.gateway), json!("")),
        "GlobalIPv6Address": "",
        "GlobalIPv6PrefixLen": 0,
        "IPAddress": e(|ep| json!(ep.ip), json!("")),
        "IPPrefixLen": e(|ep| json!(ep.prefix_len), json!(0)),
        "IPv6Gateway": "",
        "MacAddress": e(|ep| json!(ep.mac), json!("")),
        "Networks": Value::Object(networks),
    })
}

/// `docker image inspect`'s document for one image.
pub fn image(img: &Image, s: &ImageSummary, d: &Daemon) -> Value {
    let chains = crate::engine::oci::chain_ids(&img.layers);
    let top = chains.last().map(|c| c["sha256:".len()..].to_string()).unwrap_or_default();
    let lower: Vec<String> = chains
        .iter()
        .rev()
        .skip(1)
        .map(|c| format!("/var/lib/docker/overlay2/{}/diff", &c["sha256:".len()..]))
        .collect();
    let _ = d;
    let mut m = Map::new();
    m.insert("Id".into(), json!(img.id));
    m.insert("RepoTags".into(), json!(s.repo_tags));
    m.insert("RepoDigests".into(), json!(s.repo_digests));
    m.insert("Parent".into(), json!(img.parent));
    m.insert("Comment".into(), json!(img.history.last().map_or(img.comment.clone(), |h| h.comment.clone())));
    m.insert("Created".into(), json!(img.created.rfc3339_nano()));
    m.insert("DockerVersion".into(), json!(img.docker_version));
    m.insert("Author".into(), json!(img.author));
    m.insert("Config".into(), crate::engine::oci::config_json(&img.config));
    m.insert("Architecture".into(), json!(img.architecture));
    m.insert("Os".into(), json!(img.os));
    m.insert("Size".into(), json!(s.size));
    m.insert("GraphDriver".into(), graph_driver(&top, &lower.join(":")));
    m.insert("RootFS".into(), json!({ "Type": "layers", "Layers": img.layers }));
    m.insert("Metadata".into(), json!({ "LastTagTime": time_or_zero(img.last_tag_time) }));
    Value::Object(m)
}
