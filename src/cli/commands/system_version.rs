//! `docker version`: the client's own block (the installed 28.2.2 client), then the
//! daemon's (`GET /version`), laid out by docker/cli's default template through a
//! tabwriter (`minwidth` 20), or any `--format` template run on `system.versionInfo`
//! (`{{.Client.Version}}`, `{{.Server.Version}}`, `json`). With the daemon down the client
//! block is printed, then the connection error (exit status 1).
//!
//! Invariant: the client block never needs the daemon.

use serde_json::json;

use crate::cli::commands::image_pull::pull_error;
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::format::tabwriter::TabWriter;
use crate::cli::format::template::{Options, Record, Template, Value};
use crate::cli::format::typed;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::engine::api::system::{ServerVersion, version_json};

pub const HANDLERS: &[(&str, Handler)] = &[("version", run)];

/// The installed client.
pub const CLIENT_VERSION: &str = "28.2.2";
pub const CLIENT_GIT_COMMIT: &str = "e6534b4";
pub const CLIENT_GO_VERSION: &str = "go1.24.3";
pub const CLIENT_BUILT: &str = "Fri May 30 12:07:14 2025";
/// `api.DefaultVersion` of the client.
pub const DEFAULT_API_VERSION: &str = "1.50";

/// The client's `clientVersion` (`api_version` empty when not negotiated: `docker info`).
pub fn client_record(api_version: &str, context: &str) -> Value {
    let mut j = serde_json::Map::new();
    j.insert("Version".into(), json!(CLIENT_VERSION));
    if !api_version.is_empty() {
        j.insert("ApiVersion".into(), json!(api_version));
    }
    for (k, v) in [
        ("DefaultAPIVersion", DEFAULT_API_VERSION),
        ("GitCommit", CLIENT_GIT_COMMIT),
        ("GoVersion", CLIENT_GO_VERSION),
        ("Os", "linux"),
        ("Arch", "amd64"),
        ("BuildTime", CLIENT_BUILT),
        ("Context", context),
    ] {
        j.insert(k.into(), json!(v));
    }
    Record::new("system.clientVersion")
        .field("Platform", Value::Nil)
        .field("Version", CLIENT_VERSION)
        .field("APIVersion", api_version)
        .field("DefaultAPIVersion", DEFAULT_API_VERSION)
        .field("GitCommit", CLIENT_GIT_COMMIT)
        .field("GoVersion", CLIENT_GO_VERSION)
        .field("Os", "linux")
        .field("Arch", "amd64")
        .field("BuildTime", CLIENT_BUILT)
        .field("Context", context)
        .json(serde_json::Value::Object(j))
        .into_value()
}

/// The default layout (docker/cli's `defaultVersionTemplate` expanded), before the
/// tabwriter.
fn default_text(api_version: &str, context: &str, server: Option<&ServerVersion>) -> String {
    let downgraded =
        if api_version != DEFAULT_API_VERSION { format!(" (downgraded from {DEFAULT_API_VERSION})") } else { String::new() };
    let mut s = format!(
        "Client:\n Version:\t{CLIENT_VERSION}\n API version:\t{api_version}{downgraded}\n Go version:\t{CLIENT_GO_VERSION}\n Git commit:\t{CLIENT_GIT_COMMIT}\n Built:\t{CLIENT_BUILT}\n OS/Arch:\tlinux/amd64\n Context:\t{context}"
    );
    if let Some(v) = server {
        let platform = v.platform.map(|p| format!(" {p}")).unwrap_or_default();
        s.push_str(&format!(
            "\n\nServer:{platform}\n Engine:\n  Version:\t{}\n  API version:\t{} (minimum version {})\n  Go version:\t{}\n  Git commit:\t{}\n  Built:\t{}\n  OS/Arch:\t{}/{}\n  Experimental:\tfalse",
            v.version, v.api_version, v.min_api_version, v.go_version, v.git_commit, v.built, v.os, v.arch
        ));
        for (name, version, commit) in [
            ("containerd", v.containerd_version, v.containerd_commit),
            ("runc", v.runc_version, v.runc_commit),
            ("docker-init", v.init_version, v.init_commit),
        ] {
            s.push_str(&format!("\n {name}:\n  Version:\t{version}\n  GitCommit:\t{commit}"));
        }
    }
    s
}

/// `system.versionInfo` for a template.
fn version_info(api_version: &str, context: &str, server: Option<&ServerVersion>) -> Value {
    let client = client_record(api_version, context);
    let (server_value, server_json) = match server {
        Some(v) => {
            let mut doc = version_json(v);
            // The client shows the engine's build time in `time.ANSIC`.
            if let Some(d) = doc.pointer_mut("/Components/0/Details/BuildTime") {
                *d = json!(v.built);
            }
            (typed::VERSION.view(&doc), doc)
        }
        None => (Value::Nil, serde_json::Value::Null),
    };
    let j = json!({ "Client": client.to_json(), "Server": server_json });
    Record::new("system.versionInfo").field("Client", client).field("Server", server_value).json(j).into_value()
}

fn run_unexplained(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let format = inv.flags.string("format");
    let source = match format.as_str() {
        "" => None,
        "json" => Some("{{json .}}".to_string()),
        other => Some(other.to_string()),
    };
    let tmpl = match &source {
        Some(src) => match Template::parse_named("version", src) {
            Ok(t) => Some(t),
            Err(e) => return out.fail(&format!("template parsing error: {e}"), 64),
        },
        None => None,
    };
    let api_version = ctx.env.server.api_version.clone();
    let context = ctx.world.client(ctx.client).context().name.clone();
    let server = ctx.api().version();
    let sv = server.as_ref().ok();
    let (text, tmpl_err) = match &tmpl {
        None => (default_text(&api_version, &context, sv), None),
        Some(t) => t.execute_partial(&version_info(&api_version, &context, sv), Options::default()),
    };
    let mut tw = TabWriter::new(20, 1, ' ');
    tw.write(&text);
    tw.write("\n");
    out.out(&tw.finish());
    match (server, tmpl_err) {
        (Err(e), _) => out.fail(&pull_error(&e), 1),
        (Ok(_), Some(e)) => out.fail(&e, 1),
        (Ok(_), None) => out,
    }
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
    use crate::engine::api::system::ENGINE;

    fn render(api: &str, server: Option<&ServerVersion>) -> String {
        let mut tw = TabWriter::new(20, 1, ' ');
        tw.write(&default_text(api, "default", server));
        tw.write("\n");
        tw.finish()
    }

    #[test]
    fn default_layout() {
        assert_eq!(
            render("1.50", None),
            "Client:\n Version:           28.2.2\n API version:       1.50\n Go version:        go1.24.3\n Git commit:        e6534b4\n Built:             Fri May 30 12:07:14 2025\n OS/Arch:           linux/amd64\n Context:           default\n"
        );
        let text = render("1.41", Some(&ENGINE));
        assert!(text.contains(" API version:       1.41 (downgraded from 1.50)\n"));
        assert!(text.contains("\n\nServer:\n Engine:\n  Version:          28.2.2\n  API version:      1.50 (minimum version 1.24)\n"));
        assert!(text.ends_with(" docker-init:\n  Version:          0.19.0\n  GitCommit:        de40ad0\n"));
    }

    #[test]
    fn templates() {
        let v = version_info("1.50", "default", Some(&ENGINE));
        let run = |src: &str| Template::parse_named("version", src).unwrap().execute(&v);
        assert_eq!(run("{{.Client.Version}} {{.Server.Version}} {{.Client.Os}}/{{.Client.Arch}}").unwrap(), "28.2.2 28.2.2 linux/amd64");
        assert_eq!(
            run("{{.Nope}}").unwrap_err(),
            "template: version:1:2: executing \"version\" at <.Nope>: can't evaluate field Nope in type system.versionInfo"
        );
        assert_eq!(run("{{.Server.APIVersion}} {{.Server.Platform.Name}}|").unwrap(), "1.50 |");
        let json = run("{{json .}}").unwrap();
        assert!(json.starts_with("{\"Client\":{\"Version\":\"28.2.2\",\"ApiVersion\":\"1.50\",\"DefaultAPIVersion\":\"1.50\""), "{json}");
    }
}
