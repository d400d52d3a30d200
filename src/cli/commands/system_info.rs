//! `docker info` / `docker system info`: the client section (version, context, plugins),
//! then the daemon's (`GET /info`) in docker/cli's layout, or a `--format` template run on
//! `system.dockerInfo` (the daemon's fields at the top level, `.ClientInfo` for the
//! client's). A template that only reads client fields does not call the daemon.
//!
//! Invariant: with the daemon down the client section is still printed, then the
//! connection error (exit status 1).

use serde_json::{Value as Json, json};

use crate::cli::commands::image_pull::pull_error;
use crate::cli::commands::system_version::{CLIENT_BUILT, CLIENT_GIT_COMMIT, CLIENT_GO_VERSION, CLIENT_VERSION, DEFAULT_API_VERSION};
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::format::template::{Record, Template, Value};
use crate::cli::format::typed::INFO;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::cli::units::bytes_size;
use crate::engine::api::system::info_json;

pub const HANDLERS: &[(&str, Handler)] = &[("system info", run)];

const BUILDX_VERSION: &str = "v0.24.0";
const BUILDX_PATH: &str = "/usr/libexec/docker/cli-plugins/docker-buildx";

/// `clientInfo` as JSON (`Plugins` is `[]` when there are none).
fn client_info(ctx: &ClientCtx<'_>) -> Json {
    let context = ctx.world.client(ctx.client).context().name.clone();
    let plugins: Vec<Json> = if ctx.env.buildx {
        vec![json!({
            "SchemaVersion": "0.1.0",
            "Vendor": "Docker Inc.",
            "Version": BUILDX_VERSION,
            "ShortDescription": "Docker Buildx",
            "Name": "buildx",
            "Path": BUILDX_PATH,
        })]
    } else {
        Vec::new()
    };
    json!({
        "Debug": false,
        "Version": CLIENT_VERSION,
        "DefaultAPIVersion": DEFAULT_API_VERSION,
        "GitCommit": CLIENT_GIT_COMMIT,
        "GoVersion": CLIENT_GO_VERSION,
        "Os": "linux",
        "Arch": "amd64",
        "BuildTime": CLIENT_BUILT,
        "Context": context,
        "Plugins": plugins,
        "Warnings": null,
    })
}

/// A zero `system.Info` (what a template sees when the daemon could not be reached).
fn zero(v: &Json, top: bool) -> Json {
    match v {
        Json::Bool(_) => json!(false),
        Json::Number(_) => json!(0),
        Json::String(_) => json!(""),
        Json::Array(_) | Json::Null => Json::Null,
        Json::Object(m) => Json::Object(
            m.iter()
                .filter(|(k, _)| !(top && ["Containerd", "FirewallBackend"].contains(&k.as_str())))
                .map(|(k, x)| {
                    let z = if top && ["RegistryConfig", "Runtimes"].contains(&k.as_str()) { Json::Null } else { zero(x, false) };
                    (k.clone(), z)
                })
                .collect(),
        ),
    }
}

/// The `dockerInfo` document: the daemon's fields, then `ClientInfo`.
fn document(server: Json, client: Json) -> Json {
    let mut m = match server {
        Json::Object(m) => m,
        _ => serde_json::Map::new(),
    };
    m.insert("ClientInfo".into(), client);
    Json::Object(m)
}

/// `needsServerInfo`: whether a template reads anything but the client's fields.
fn needs_server(format: &str, client: &Json) -> bool {
    if format.is_empty() || format == "json" || format == "{{json .}}" {
        return true;
    }
    let b = format.as_bytes();
    if !b.windows(2).any(|w| w[0] == b'.' && w[1].is_ascii_alphabetic()) {
        return true;
    }
    let Ok(t) = Template::parse(format) else { return true };
    let sparse = Record::new("system.sparseInfo")
        .field("ClientInfo", INFO.view(client))
        .field("ClientErrors", Value::NilSlice)
        .into_value();
    t.execute(&sparse).is_err()
}

fn pretty_client(out: &mut Output, client: &Json) {
    let s = |k: &str| client[k].as_str().unwrap_or_default().to_string();
    out.out(&format!("Client:\n Version:    {}\n Context:    {}\n Debug Mode: false\n", s("Version"), s("Context")));
    if let Some(plugins) = client["Plugins"].as_array().filter(|p| !p.is_empty()) {
        out.out(" Plugins:\n");
        for p in plugins {
            let f = |k: &str| p[k].as_str().unwrap_or_default().to_string();
            out.out(&format!("  {}: {} ({})\n", f("Name"), f("ShortDescription"), f("Vendor")));
            out.out(&format!("    Version:  {}\n    Path:     {}\n", f("Version"), f("Path")));
        }
    }
}

fn pretty_server(out: &mut Output, i: &Json) {
    let s = |k: &str| match &i[k] {
        Json::String(x) => x.clone(),
        other => other.to_string(),
    };
    let list = |v: &Json| v.as_array().map(|a| a.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join(" ")).unwrap_or_default();
    let mut t = String::new();
    t.push_str(&format!(" Containers: {}\n  Running: {}\n  Paused: {}\n  Stopped: {}\n", s("Containers"), s("ContainersRunning"), s("ContainersPaused"), s("ContainersStopped")));
    t.push_str(&format!(" Images: {}\n Server Version: {}\n Storage Driver: {}\n", s("Images"), s("ServerVersion"), s("Driver")));
    for pair in i["DriverStatus"].as_array().into_iter().flatten() {
        t.push_str(&format!("  {}: {}\n", pair[0].as_str().unwrap_or(""), pair[1].as_str().unwrap_or("")));
    }
    t.push_str(&format!(" Logging Driver: {}\n Cgroup Driver: {}\n Cgroup Version: {}\n", s("LoggingDriver"), s("CgroupDriver"), s("CgroupVersion")));
    let p = &i["Plugins"];
    t.push_str(&format!(" Plugins:\n  Volume: {}\n  Network: {}\n  Log: {}\n", list(&p["Volume"]), list(&p["Network"]), list(&p["Log"])));
    if let Some(dirs) = i["CDISpecDirs"].as_array().filter(|d| !d.is_empty()) {
        t.push_str(" CDI spec directories:\n");
        for d in dirs {
            t.push_str(&format!("  {}\n", d.as_str().unwrap_or("")));
        }
    }
    t.push_str(&format!(" Swarm: {}\n", i["Swarm"]["LocalNodeState"].as_str().unwrap_or("")));
    let runtimes: Vec<&String> = i["Runtimes"].as_object().map(|m| m.keys().collect()).unwrap_or_default();
    t.push_str(&format!(" Runtimes: {}\n Default Runtime: {}\n", runtimes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" "), s("DefaultRuntime")));
    t.push_str(&format!(
        " Init Binary: {}\n containerd version: {}\n runc version: {}\n init version: {}\n",
        s("InitBinary"),
        i["ContainerdCommit"]["ID"].as_str().unwrap_or(""),
        i["RuncCommit"]["ID"].as_str().unwrap_or(""),
        i["InitCommit"]["ID"].as_str().unwrap_or("")
    ));
    t.push_str(" Security Options:\n");
    for opt in i["SecurityOptions"].as_array().into_iter().flatten().filter_map(|o| o.as_str()) {
        let mut name = "";
        let mut profile = None;
        for kv in opt.split(',') {
            match kv.split_once('=') {
                Some(("name", v)) => name = v,
                Some(("profile", v)) => profile = Some(v),
                _ => {}
            }
        }
        t.push_str(&format!("  {name}\n"));
        if let Some(pr) = profile {
            t.push_str(&format!("   Profile: {pr}\n"));
        }
    }
    t.push_str(&format!(" Kernel Version: {}\n Operating System: {}\n OSType: {}\n Architecture: {}\n", s("KernelVersion"), s("OperatingSystem"), s("OSType"), s("Architecture")));
    let mem = i["MemTotal"].as_u64().unwrap_or(0);
    t.push_str(&format!(" CPUs: {}\n Total Memory: {}\n Name: {}\n ID: {}\n", s("NCPU"), bytes_size(mem as f64), s("Name"), s("ID")));
    t.push_str(&format!(" Docker Root Dir: {}\n Debug Mode: false\n Experimental: false\n", s("DockerRootDir")));
    t.push_str(" Insecure Registries:\n");
    for cidr in i["RegistryConfig"]["InsecureRegistryCIDRs"].as_array().into_iter().flatten() {
        t.push_str(&format!("  {}\n", cidr.as_str().unwrap_or("")));
    }
    t.push_str(" Live Restore Enabled: false\n\n");
    out.out(&t);
}

fn run_unexplained(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let format = inv.flags.string("format");
    let client = client_info(ctx);
    let server = if needs_server(&format, &client) { Some(ctx.api().info()) } else { None };
    if format.is_empty() {
        pretty_client(&mut out, &client);
        out.out("\nServer:\n");
        return match server {
            Some(Ok(info)) => {
                pretty_server(&mut out, &info_json(&info));
                out
            }
            Some(Err(e)) => out.fail(&pull_error(&e), 1),
            None => out,
        };
    }
    let source = if format == "json" { "{{json .}}" } else { format.as_str() };
    let tmpl = match Template::parse(source) {
        Ok(t) => t,
        Err(e) => {
            let mut out = out;
            if let Some(Err(e)) = &server {
                out.err(&format!("{}\n", pull_error(e)));
            }
            return out.fail(&format!("template parsing error: {e}"), 64);
        }
    };
    let (doc, conn_err) = match server {
        Some(Ok(info)) => (info_json(&info), None),
        Some(Err(e)) => (zero(&info_json(&crate::engine::api::system::Info::default()), true), Some(pull_error(&e))),
        None => (zero(&info_json(&crate::engine::api::system::Info::default()), true), None),
    };
    let data = INFO.view(&document(doc, client));
    let (text, err) = tmpl.execute_partial(&data, Default::default());
    out.out(&format!("{text}\n"));
    let errors: Vec<String> = conn_err.into_iter().chain(err).collect();
    if errors.is_empty() {
        return out;
    }
    out.fail(&errors.join("\n"), 1)
}

/// `run`, with doca's pt-BR explanation of the error it printed, if any.
fn run(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = run_unexplained(inv, ctx);
    super::image_hints::explain(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_info_keeps_structs() {
        let z = zero(&info_json(&crate::engine::api::system::Info::default()), true);
        assert_eq!(z["Containers"], json!(0));
        assert_eq!(z["Swarm"]["LocalNodeState"], json!(""));
        assert_eq!(z["RegistryConfig"], Json::Null);
        assert!(z.get("Containerd").is_none());
    }
}
