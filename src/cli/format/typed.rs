//! Go-typed views of the Engine API's JSON documents, for `--format` templates.
//!
//! The docker client decodes an inspect answer into its Go type and runs the template on
//! that first; only when that fails does it fall back to the raw JSON decoded as
//! `map[string]interface{}` with `missingkey=error` (see [`super::inspect`]). The typed
//! run differs from the raw one where Go's types show: a nil slice prints `[]` (raw: a
//! `<nil>`), a nil map prints `map[]`, a field the daemon omitted (`omitempty`) still exists
//! with its zero value, `map[string]struct{}` values print `{}`, and structs print as
//! `{a b c}`. A [`Schema`] says which JSON objects are Go maps, which `null`s are slices or
//! maps, and which omitted fields exist.
//!
//! Invariant: the view's `{{json …}}` of any part equals the document's JSON of that part
//! (nulls stay `null`).

use std::collections::BTreeMap;

use serde_json::Value as Json;

use super::template::{Record, Value};

/// How a JSON object at some path is typed in Go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapKind {
    /// `map[string]string`.
    Strings,
    /// `map[string]struct{}` (`ExposedPorts`, `Volumes`): values print `{}`.
    Set,
    /// A map whose values are typed by their own paths (`Networks`, `Ports`); a `null`
    /// value is this zero.
    Of(Zero),
}

/// The zero value of a field the daemon omitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zero {
    Str,
    Bool,
    Int,
    Slice,
    Map,
    Ptr,
}

/// What the view needs to know about one Go type tree.
#[derive(Clone, Copy, Debug)]
pub struct Schema {
    /// Go type of the document (shown in `can't evaluate field X in type …`).
    pub root: &'static str,
    /// Dotted paths of objects that are Go maps (`*` matches one map key).
    pub maps: &'static [(&'static str, MapKind)],
    /// Field names whose `null` is a nil slice (others are nil pointers, unless in `nil_maps`).
    pub nil_slices: &'static [&'static str],
    /// Field names whose `null` is a nil map.
    pub nil_maps: &'static [&'static str],
    /// Fields that exist even when omitted: (dotted path of the struct, field, zero value).
    pub omitted: &'static [(&'static str, &'static str, Zero)],
    /// JSON names that differ from the Go field's (`CpuShares` → `CPUShares`).
    pub renames: &'static [(&'static str, &'static str)],
    /// How a struct prints with `{{.}}` when its JSON order is not Go's: the Go fields in
    /// order, in groups for embedded structs (`{{a b} {c}}`).
    pub layouts: &'static [(&'static str, &'static [&'static [&'static str]])],
    /// Fields that are Go `time.Time` (they print as `2026-03-02 12:00:00.5 +0000 UTC`).
    pub times: &'static [&'static str],
}

/// Go's `time.Time.String()` of an RFC 3339 UTC time.
fn go_time(rfc: &str) -> String {
    if rfc.starts_with("0001-01-01T00:00:00") {
        return "0001-01-01 00:00:00 +0000 UTC".into();
    }
    match crate::engine::clock::Time::parse_rfc3339(rfc) {
        Some(t) => {
            let c = t.civil();
            let mut s = format!("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", c.year, c.month, c.day, c.hour, c.minute, c.second);
            if c.nanos != 0 {
                s.push('.');
                s.push_str(format!("{:09}", c.nanos).trim_end_matches('0'));
            }
            s + " +0000 UTC"
        }
        None => rfc.to_string(),
    }
}

fn path_matches(pattern: &str, path: &str) -> bool {
    let mut p = pattern.split('.');
    let mut q = path.split('.');
    loop {
        match (p.next(), q.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a == "*" || a == b => {}
            _ => return false,
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

impl Schema {
    fn map_kind(&self, path: &str) -> Option<MapKind> {
        self.maps.iter().find(|(p, _)| path_matches(p, path)).map(|(_, k)| *k)
    }

    fn zero(&self, _field: &str, zero: Zero) -> Value {
        match zero {
            Zero::Str => Value::str(""),
            Zero::Bool => Value::Bool(false),
            Zero::Int => Value::Int(0),
            Zero::Slice => Value::NilSlice,
            Zero::Map => Value::NilMap,
            Zero::Ptr => Value::Nil,
        }
    }

    fn null(&self, field: &str) -> Value {
        if self.nil_slices.contains(&field) {
            Value::NilSlice
        } else if self.nil_maps.contains(&field) {
            Value::NilMap
        } else {
            Value::Nil
        }
    }

    /// The typed view of `doc`.
    pub fn view(&self, doc: &Json) -> Value {
        self.convert(doc, "", "", self.root)
    }

    fn convert(&self, v: &Json, path: &str, field: &str, type_name: &str) -> Value {
        match v {
            Json::Null => self.null(field),
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => n.as_i64().map_or_else(|| Value::Number(n.to_string()), Value::Int),
            Json::String(s) if self.times.contains(&field) => {
                Record::new("time.Time").display(&go_time(s)).json(v.clone()).into_value()
            }
            Json::String(s) => Value::Str(s.clone()),
            Json::Array(items) => {
                Value::List(items.iter().map(|i| self.convert(i, path, field, "struct")).collect())
            }
            Json::Object(obj) => match self.map_kind(path) {
                Some(kind) => {
                    let m: BTreeMap<String, Value> = obj
                        .iter()
                        .map(|(k, x)| {
                            let val = match kind {
                                MapKind::Set => Record::new("struct {}").json(x.clone()).display("{}").into_value(),
                                MapKind::Strings => Value::Str(x.as_str().unwrap_or_default().to_string()),
                                MapKind::Of(zero) if x.is_null() => self.zero(k, zero),
                                MapKind::Of(_) => self.convert(x, &join(path, k), k, "struct"),
                            };
                            (k.clone(), val)
                        })
                        .collect();
                    Value::Map(m, false)
                }
                None => {
                    let mut r = Record::new(type_name);
                    for (k, x) in obj {
                        let go = self.renames.iter().find(|(j, _)| j == k).map_or(k.as_str(), |(_, g)| *g);
                        r = r.field(go, self.convert(x, &join(path, k), k, "struct"));
                    }
                    for (p, f, zero) in self.omitted {
                        if *p == path && !obj.contains_key(*f) {
                            r = r.field(f, self.zero(f, *zero));
                        }
                    }
                    if let Some((_, groups)) = self.layouts.iter().find(|(p, _)| *p == path) {
                        let r2 = r.clone().into_value();
                        let show = |name: &str| match &r2 {
                            Value::Object(rec) => rec.get(name).map(|x| x.sprint()).unwrap_or_default(),
                            _ => String::new(),
                        };
                        let parts: Vec<String> = groups
                            .iter()
                            .map(|g| {
                                let inner = g.iter().map(|f| show(f)).collect::<Vec<_>>().join(" ");
                                if groups.len() > 1 { format!("{{{inner}}}") } else { inner }
                            })
                            .collect();
                        r = r.display(&format!("{{{}}}", parts.join(" ")));
                    }
                    r.json(v.clone()).into_value()
                }
            },
        }
    }
}

/// `container.InspectResponse` (`docker container inspect`).
pub const CONTAINER: Schema = Schema {
    root: "container.InspectResponse",
    maps: &[
        ("Config.Labels", MapKind::Strings),
        ("Config.ExposedPorts", MapKind::Set),
        ("Config.Volumes", MapKind::Set),
        ("HostConfig.LogConfig.Config", MapKind::Strings),
        ("HostConfig.PortBindings", MapKind::Of(Zero::Slice)),
        ("HostConfig.Tmpfs", MapKind::Strings),
        ("HostConfig.Sysctls", MapKind::Strings),
        ("HostConfig.StorageOpt", MapKind::Strings),
        ("HostConfig.Annotations", MapKind::Strings),
        ("GraphDriver.Data", MapKind::Strings),
        ("NetworkSettings.Ports", MapKind::Of(Zero::Slice)),
        ("NetworkSettings.Networks", MapKind::Of(Zero::Ptr)),
        ("NetworkSettings.Networks.*.DriverOpts", MapKind::Strings),
    ],
    nil_slices: &[
        "Args", "Cmd", "Entrypoint", "Env", "OnBuild", "Shell", "Binds", "Links", "Dns", "DnsOptions",
        "DnsSearch", "ExtraHosts", "CapAdd", "CapDrop", "GroupAdd", "SecurityOpt", "VolumesFrom",
        "Devices", "DeviceCgroupRules", "DeviceRequests", "Ulimits", "BlkioWeightDevice",
        "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps", "BlkioDeviceWriteIOps",
        "MaskedPaths", "ReadonlyPaths", "ExecIDs", "Mounts", "Aliases", "DNSNames", "Links",
        "SecondaryIPAddresses", "SecondaryIPv6Addresses", "ConsoleSize", "Test",
    ],
    nil_maps: &[
        "Labels", "ExposedPorts", "Volumes", "PortBindings", "Tmpfs", "Sysctls", "StorageOpt", "DriverOpts",
        "Annotations", "Ports", "Networks",
    ],
    omitted: &[
        ("", "SizeRw", Zero::Ptr),
        ("", "SizeRootFs", Zero::Ptr),
        ("", "Node", Zero::Ptr),
        ("State", "Health", Zero::Ptr),
        ("Config", "ExposedPorts", Zero::Map),
        ("Config", "Healthcheck", Zero::Ptr),
        ("Config", "ArgsEscaped", Zero::Bool),
        ("Config", "NetworkDisabled", Zero::Bool),
        ("Config", "MacAddress", Zero::Str),
        ("Config", "StopSignal", Zero::Str),
        ("Config", "StopTimeout", Zero::Ptr),
        ("Config", "Shell", Zero::Slice),
        ("HostConfig", "Tmpfs", Zero::Map),
        ("HostConfig", "Sysctls", Zero::Map),
        ("HostConfig", "StorageOpt", Zero::Map),
        ("HostConfig", "Annotations", Zero::Map),
        ("HostConfig", "Mounts", Zero::Slice),
        ("HostConfig", "Init", Zero::Ptr),
    ],
    renames: &[
        ("CpuShares", "CPUShares"),
        ("CpuPeriod", "CPUPeriod"),
        ("CpuQuota", "CPUQuota"),
        ("CpuRealtimePeriod", "CPURealtimePeriod"),
        ("CpuRealtimeRuntime", "CPURealtimeRuntime"),
        ("CpuCount", "CPUCount"),
        ("CpuPercent", "CPUPercent"),
        ("IOMaximumIOps", "IOMaximumIOps"),
        ("HostIp", "HostIP"),
    ],
    layouts: &[(
        "Config",
        &[&[
            "Hostname", "Domainname", "User", "AttachStdin", "AttachStdout", "AttachStderr", "ExposedPorts", "Tty",
            "OpenStdin", "StdinOnce", "Env", "Cmd", "Healthcheck", "ArgsEscaped", "Image", "Volumes", "WorkingDir",
            "Entrypoint", "NetworkDisabled", "MacAddress", "OnBuild", "Labels", "StopSignal", "StopTimeout", "Shell",
        ]],
    )],
    times: &["Start", "End"],
};

/// `image.InspectResponse` (`docker image inspect`), with its OCI image `Config`.
pub const IMAGE: Schema = Schema {
    root: "image.InspectResponse",
    maps: &[
        ("Config.Labels", MapKind::Strings),
        ("Config.ExposedPorts", MapKind::Set),
        ("Config.Volumes", MapKind::Set),
        ("GraphDriver.Data", MapKind::Strings),
    ],
    nil_slices: &["RepoTags", "RepoDigests", "Env", "Entrypoint", "Cmd", "OnBuild", "Shell", "Layers", "Test"],
    nil_maps: &["Labels", "ExposedPorts", "Volumes", "Data"],
    omitted: &[
        ("", "Variant", Zero::Str),
        ("", "OsVersion", Zero::Str),
        ("", "Descriptor", Zero::Ptr),
        ("", "Manifests", Zero::Slice),
        ("Config", "User", Zero::Str),
        ("Config", "ExposedPorts", Zero::Map),
        ("Config", "Env", Zero::Slice),
        ("Config", "Entrypoint", Zero::Slice),
        ("Config", "Cmd", Zero::Slice),
        ("Config", "Volumes", Zero::Map),
        ("Config", "WorkingDir", Zero::Str),
        ("Config", "Labels", Zero::Map),
        ("Config", "StopSignal", Zero::Str),
        ("Config", "ArgsEscaped", Zero::Bool),
        ("Config", "Healthcheck", Zero::Ptr),
        ("Config", "OnBuild", Zero::Slice),
        ("Config", "Shell", Zero::Slice),
    ],
    renames: &[],
    layouts: &[(
        "Config",
        &[
            &["User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels", "StopSignal", "ArgsEscaped"],
            &["Healthcheck", "OnBuild", "Shell"],
        ],
    )],
    times: &["LastTagTime"],
};

/// `volume.Volume` (`docker volume inspect`).
pub const VOLUME: Schema = Schema {
    root: "volume.Volume",
    maps: &[("Labels", MapKind::Strings), ("Options", MapKind::Strings)],
    nil_slices: &[],
    nil_maps: &["Labels", "Options"],
    omitted: &[("", "ClusterVolume", Zero::Ptr), ("", "Status", Zero::Map), ("", "UsageData", Zero::Ptr)],
    renames: &[],
    layouts: &[],
    times: &[],
};

/// `network.Inspect` (`docker network inspect`).
pub const NETWORK: Schema = Schema {
    root: "network.Inspect",
    maps: &[
        ("IPAM.Options", MapKind::Strings),
        ("Containers", MapKind::Of(Zero::Ptr)),
        ("Options", MapKind::Strings),
        ("Labels", MapKind::Strings),
    ],
    nil_slices: &["Config"],
    nil_maps: &["Options", "Labels", "Containers"],
    omitted: &[("", "Peers", Zero::Slice), ("", "Services", Zero::Map)],
    renames: &[("Id", "ID")],
    layouts: &[],
    times: &["Created"],
};

/// `types.Version` (the `Server` of `docker version`).
pub const VERSION: Schema = Schema {
    root: "*types.Version",
    maps: &[("Components.Details", MapKind::Strings)],
    nil_slices: &["Components"],
    nil_maps: &["Details"],
    omitted: &[("", "Experimental", Zero::Bool), ("", "KernelVersion", Zero::Str), ("", "BuildTime", Zero::Str)],
    renames: &[("ApiVersion", "APIVersion")],
    layouts: &[],
    times: &[],
};

/// `system.dockerInfo` (`docker info`), the daemon's `system.Info` embedded.
pub const INFO: Schema = Schema {
    root: "system.dockerInfo",
    maps: &[
        ("Runtimes", MapKind::Of(Zero::Ptr)),
        ("RegistryConfig.IndexConfigs", MapKind::Of(Zero::Ptr)),
    ],
    nil_slices: &[
        "DriverStatus", "SystemStatus", "Volume", "Network", "Authorization", "Log", "GenericResources", "Labels",
        "SecurityOptions", "CDISpecDirs", "Warnings", "RemoteManagers", "InsecureRegistryCIDRs", "Mirrors",
        "Plugins", "DefaultAddressPools", "DiscoveredDevices", "runtimeArgs",
    ],
    nil_maps: &["Runtimes", "IndexConfigs", "status"],
    omitted: &[
        ("", "KernelMemory", Zero::Bool),
        ("", "KernelMemoryTCP", Zero::Bool),
        ("", "ProductLicense", Zero::Str),
        ("", "DefaultAddressPools", Zero::Slice),
        ("", "DiscoveredDevices", Zero::Slice),
        ("", "ServerErrors", Zero::Slice),
        ("", "ClientErrors", Zero::Slice),
    ],
    renames: &[
        ("CpuCfsPeriod", "CPUCfsPeriod"),
        ("CpuCfsQuota", "CPUCfsQuota"),
        ("HttpProxy", "HTTPProxy"),
        ("HttpsProxy", "HTTPSProxy"),
        ("ApiVersion", "APIVersion"),
        ("path", "Path"),
        ("runtimeArgs", "Args"),
        ("status", "Status"),
    ],
    layouts: &[],
    times: &[],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::format::template::Template;
    use serde_json::json;

    fn run(schema: &Schema, doc: Json, tmpl: &str) -> Result<String, String> {
        Template::parse(tmpl).unwrap().execute(&schema.view(&doc))
    }

    #[test]
    fn typed_values_print_like_go() {
        let doc = json!({"Id": "x", "Config": {"Env": ["A=1"], "Cmd": ["/bin/sh"]}, "RepoTags": ["a:1"], "Size": 5});
        assert_eq!(run(&IMAGE, doc.clone(), "{{.Config.Entrypoint}}").unwrap(), "[]");
        assert_eq!(run(&IMAGE, doc.clone(), "{{json .Config.Entrypoint}}").unwrap(), "null");
        assert_eq!(run(&IMAGE, doc.clone(), "{{.Config.WorkingDir}}|{{.Config.Labels}}").unwrap(), "|map[]");
        assert_eq!(run(&IMAGE, doc.clone(), "{{json .Config}}").unwrap(), r#"{"Env":["A=1"],"Cmd":["/bin/sh"]}"#);
        assert_eq!(run(&IMAGE, doc.clone(), "{{.Size}} {{index .RepoTags 0}}").unwrap(), "5 a:1");
        assert_eq!(
            run(&IMAGE, doc.clone(), "{{.Config}}").unwrap(),
            "{{ map[] [A=1] [] [/bin/sh] map[]  map[]  false} {<nil> [] []}}"
        );
        let tagged = json!({"Metadata": {"LastTagTime": "2026-11-23T20:12:35.90195106Z"}});
        assert_eq!(run(&IMAGE, tagged, "{{.Metadata}}").unwrap(), "{2026-11-23 20:12:35.90195106 +0000 UTC}");
        assert!(run(&IMAGE, doc, "{{.Nope}}").unwrap_err().contains("can't evaluate field Nope in type image.InspectResponse"));
    }

    #[test]
    fn maps_and_nulls() {
        let doc = json!({
            "Config": {"ExposedPorts": {"80/tcp": {}}, "Labels": {"b": "2", "a": "1"}, "Entrypoint": null},
            "NetworkSettings": {"Ports": {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}], "81/tcp": null}},
            "State": {"Status": "running"}
        });
        assert_eq!(run(&CONTAINER, doc.clone(), "{{.Config.ExposedPorts}}").unwrap(), "map[80/tcp:{}]");
        assert_eq!(run(&CONTAINER, doc.clone(), "{{json .Config.ExposedPorts}}").unwrap(), r#"{"80/tcp":{}}"#);
        assert_eq!(run(&CONTAINER, doc.clone(), "{{.Config.Labels}}").unwrap(), "map[a:1 b:2]");
        assert_eq!(run(&CONTAINER, doc.clone(), "{{.Config.Entrypoint}} {{json .Config.Entrypoint}}").unwrap(), "[] null");
        assert_eq!(run(&CONTAINER, doc.clone(), "{{.State.Health}}").unwrap(), "<nil>");
        assert_eq!(
            run(&CONTAINER, doc.clone(), "{{range $p, $b := .NetworkSettings.Ports}}{{$p}}={{$b}};{{end}}").unwrap(),
            "80/tcp=[{0.0.0.0 8080}];81/tcp=[];"
        );
        assert_eq!(run(&CONTAINER, doc, "{{(index .NetworkSettings.Ports \"80/tcp\" 0).HostPort}}").unwrap(), "8080");
    }
}
