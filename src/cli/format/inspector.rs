//! docker/cli's `inspect.Inspect`: prints the objects found for each name of `docker
//! container inspect` (and the other inspect commands) as an indented JSON array, compact
//! JSON (`--format json`), or through a `--format` template.
//!
//! A template first runs against the Go struct the client decoded (where a `nil` slice
//! prints `[]`, a `nil` map `map[]`, numbers are integers) and, if that fails, against the
//! raw JSON decoded into `map[string]interface{}` with `missingkey=error`, as the
//! `TemplateInspector` does. [`typed`] builds the first view from the daemon's JSON,
//! knowing which of moby's fields are slices and maps.
//!
//! Invariant: output and errors are docker's: elements in the order found, one template
//! result per line, a lone newline when a template printed nothing at all, and every
//! failure joined after the output (exit 1; 64 for a template that does not parse).

use super::json::{inspect_compact, inspect_list};
use super::template::{Options, Record, Template, Value};

/// Fields of moby's API types that are Go slices (`null` prints `[]`).
const SLICES: &[&str] = &[
    "Args", "ExecIDs", "Binds", "VolumesFrom", "CapAdd", "CapDrop", "Dns", "DnsOptions",
    "DnsSearch", "ExtraHosts", "GroupAdd", "Links", "SecurityOpt", "ConsoleSize",
    "BlkioWeightDevice", "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps",
    "BlkioDeviceWriteIOps", "Devices", "DeviceCgroupRules", "DeviceRequests", "Ulimits",
    "MaskedPaths", "ReadonlyPaths", "Mounts", "Env", "Cmd", "Entrypoint", "OnBuild", "Shell",
    "Aliases", "DNSNames", "SecondaryIPAddresses", "SecondaryIPv6Addresses", "Test",
    "RepoTags", "RepoDigests", "Layers", "Log",
];

/// Fields that are Go maps (`null` prints `map[]`; members are keys, not fields).
const MAPS: &[&str] = &[
    "Labels", "ExposedPorts", "Volumes", "PortBindings", "Sysctls", "Tmpfs", "StorageOpt",
    "Annotations", "Data", "DriverOpts", "Ports", "Networks", "Options",
];

/// Fields of a container's document that JSON leaves out when empty (`omitempty`) but
/// the Go struct always has: (object holding them, field, how its zero value prints).
const CONTAINER_OMITTED: &[(&str, &str, &str)] = &[
    ("", "SizeRw", "<nil>"),
    ("", "SizeRootFs", "<nil>"),
    ("", "Node", "<nil>"),
    ("", "ImageManifestDescriptor", "<nil>"),
    ("State", "Health", "<nil>"),
    ("Config", "ExposedPorts", "map[]"),
    ("Config", "Healthcheck", "<nil>"),
    ("Config", "ArgsEscaped", "false"),
    ("Config", "NetworkDisabled", "false"),
    ("Config", "MacAddress", ""),
    ("Config", "StopSignal", ""),
    ("Config", "StopTimeout", "<nil>"),
    ("Config", "Shell", "[]"),
    ("HostConfig", "Annotations", "map[]"),
    ("HostConfig", "Mounts", "[]"),
    ("HostConfig", "Init", "<nil>"),
];

/// The Go-typed view of an API document (see the module doc).
pub fn typed(raw: &serde_json::Value) -> Value {
    let omitted: &[(&str, &str, &str)] = if raw.get("HostConfig").is_some() { CONTAINER_OMITTED } else { &[] };
    typed_field("", "", raw, omitted)
}

/// `name` is the JSON key holding `v`, `parent` the key holding its object; `omitted`
/// lists the struct fields JSON may have left out.
fn typed_field(parent: &str, name: &str, v: &serde_json::Value, omitted: &[(&str, &str, &str)]) -> Value {
    use serde_json::Value as J;
    let is_map = MAPS.contains(&name) || (name == "Config" && parent == "LogConfig");
    match v {
        J::Null if SLICES.contains(&name) => nil_shaped("[]"),
        J::Null if is_map => nil_shaped("map[]"),
        J::Null => Value::Nil,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        J::String(s) => Value::Str(s.clone()),
        J::Array(a) => Value::List(a.iter().map(|x| typed_field(name, "", x, &[])).collect()),
        J::Object(o) if is_map => {
            Value::Map(o.iter().map(|(k, x)| (k.clone(), typed_field(name, "", x, &[]))).collect(), false)
        }
        J::Object(o) => {
            let mut r = Record::new("*types.InspectResponse").json(v.clone());
            for (k, x) in o {
                r = r.field(k, typed_field(name, k, x, omitted));
            }
            // Only the top level and direct members carry omitted fields.
            let here = if parent.is_empty() { name } else { "\0" };
            for (_, field, zero) in omitted.iter().filter(|(h, f, _)| *h == here && !o.contains_key(*f)) {
                let z = match *zero {
                    "<nil>" => Value::Nil,
                    "false" => Value::Bool(false),
                    "" => Value::Str(String::new()),
                    shown => nil_shaped(shown),
                };
                r = r.field(field, z);
            }
            r.into_value()
        }
    }
}

/// A `nil` slice or map: prints like an empty one, marshals as `null`.
fn nil_shaped(shown: &str) -> Value {
    Record::new("nil").display(shown).json(serde_json::Value::Null).into_value()
}

/// What an inspect command printed: stdout, the joined errors (stderr), the exit code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Printed {
    pub stdout: String,
    pub errors: Vec<String>,
    pub exit: i32,
}

/// `inspect.Inspect(out, refs, format, getRef)` with each reference already looked up:
/// `Ok(document)` or `Err(error text as the client prints it)`.
pub fn inspect(format: &str, found: &[Result<serde_json::Value, String>]) -> Printed {
    let mut p = Printed::default();
    let docs: Vec<serde_json::Value> = found.iter().filter_map(|f| f.as_ref().ok().cloned()).collect();
    let tmpl = match format {
        "" | "json" => None,
        _ => match Template::parse(format) {
            Ok(t) => Some(t),
            Err(e) => {
                p.errors.push(format!("template parsing error: {e}"));
                p.exit = 64;
                return p;
            }
        },
    };
    let mut buffer = String::new();
    for f in found {
        match (f, &tmpl) {
            (Err(e), _) => p.errors.push(e.clone()),
            (Ok(doc), Some(t)) => match execute(t, doc) {
                Ok(text) => {
                    buffer.push_str(&text);
                    buffer.push('\n');
                }
                Err(e) => p.errors.push(e),
            },
            (Ok(_), None) => {}
        }
    }
    p.stdout = match format {
        "" => inspect_list(&docs),
        "json" => inspect_compact(&docs),
        _ if buffer.is_empty() => "\n".into(),
        _ => buffer,
    };
    p.exit = i32::from(!p.errors.is_empty());
    p
}

/// `TemplateInspector.Inspect`: the typed view first, then the raw fallback.
pub fn execute(tmpl: &Template, doc: &serde_json::Value) -> Result<String, String> {
    if let Ok(text) = tmpl.execute(&typed(doc)) {
        return Ok(text);
    }
    let opts = Options { missing_key_error: true, ..Options::default() };
    tmpl.execute_with(&Value::from_json(doc), opts).map_err(|e| format!("template parsing error: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc() -> serde_json::Value {
        json!({
            "Id": "abc", "Name": "/box", "Path": "sleep", "Args": ["300"], "ExecIDs": null,
            "State": {"Status": "running", "Running": true, "Pid": 42, "ExitCode": 0, "Health": null},
            "HostConfig": {"Binds": null, "RestartPolicy": {"Name": "no", "MaximumRetryCount": 0},
                           "LogConfig": {"Type": "json-file", "Config": {}}},
            "Config": {"Hostname": "abc", "Env": ["A=1"], "Cmd": ["sleep", "300"], "Image": "alpine",
                       "Labels": {"app": "demo"}, "Volumes": null}
        })
    }

    fn run(format: &str) -> Printed {
        inspect(format, &[Ok(doc())])
    }

    #[test]
    fn typed_values_print_like_go_structs() {
        assert_eq!(run("{{.Path}} {{.Args}}").stdout, "sleep [300]\n");
        assert_eq!(run("{{.State.Status}} {{.State.Running}} {{.State.ExitCode}}").stdout, "running true 0\n");
        assert_eq!(run("{{.ExecIDs}} {{.HostConfig.Binds}} {{.Config.Volumes}} {{.State.Health}}").stdout, "[] [] map[] <nil>\n");
        assert_eq!(run("{{json .HostConfig.Binds}} {{json .Config.Labels}}").stdout, "null {\"app\":\"demo\"}\n");
        assert_eq!(run("{{.HostConfig.RestartPolicy}}").stdout, "{no 0}\n");
        assert_eq!(run("{{.Config.Labels}} {{.Config.Labels.nope}}").stdout, "map[app:demo] <no value>\n");
        assert_eq!(run("{{.HostConfig.LogConfig.Config}}").stdout, "map[]\n");
        assert_eq!(run("{{printf \"%d\" .State.Pid}}").stdout, "42\n");
        assert_eq!(run("{{json .State}}").stdout, "{\"Status\":\"running\",\"Running\":true,\"Pid\":42,\"ExitCode\":0,\"Health\":null}\n");
        assert_eq!(run("{{.SizeRw}} {{.Config.StopTimeout}} {{.Config.ExposedPorts}} [{{.Config.StopSignal}}]").stdout, "<nil> <nil> map[] []\n");
    }

    #[test]
    fn failures_fall_back_to_raw_json_and_join_errors() {
        let p = run("{{.Nope}}");
        assert_eq!(p.stdout, "\n");
        assert_eq!(p.errors, vec!["template parsing error: template: :1:2: executing \"\" at <.Nope>: map has no entry for key \"Nope\"".to_string()]);
        assert_eq!(p.exit, 1);
        let p = inspect("{{.Name}}", &[Ok(doc()), Err("Error: No such object: nope".into())]);
        assert_eq!((p.stdout.as_str(), p.errors.len(), p.exit), ("/box\n", 1, 1));
        let p = inspect("", &[Err("Error response from daemon: No such container: nope".into())]);
        assert_eq!((p.stdout.as_str(), p.exit), ("[]\n", 1));
        let p = run("{{.Name");
        assert_eq!((p.errors[0].as_str(), p.exit), ("template parsing error: template: :1: unclosed action", 64));
    }
}
