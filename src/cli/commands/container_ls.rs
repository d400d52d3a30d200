//! `docker ps` / `docker container ls`: the list options (`-a -n -l -s`, filters), the
//! `--format` check docker makes before asking (and its `.Size` detection), and the
//! `ContainerContext` each row is rendered from.
//!
//! Invariant: every column is docker/cli's `formatter.ContainerContext` method of the
//! same name, fed with the daemon's `container.Summary`.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::container_common::api_error;
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::format::context;
use crate::cli::format::status::{Port, displayable_ports, ellipsis, truncate_id};
use crate::cli::format::tables::{CONTAINERS, QUIET_FORMAT};
use crate::cli::format::template::{Record, Template, Value};
use crate::cli::gostr::quote;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::cli::units::{human_duration, human_size_with_precision};
use crate::engine::api::containers::ListOptions;
use crate::engine::api::summary::ContainerSummary;
use crate::engine::clock::Time;
use crate::engine::reference;

pub const HANDLERS: &[(&str, Handler)] = &[("container ls", run)];

/// `ContainerContext.Image`: the familiar reference, or a short ID.
fn image_column(s: &ContainerSummary, trunc: bool) -> String {
    if s.image.is_empty() {
        return "<no image>".into();
    }
    if trunc {
        let short = truncate_id(&s.image_id);
        if short == truncate_id(&s.image) {
            return short;
        }
        if let Ok(r) = reference::parse_normalized(&s.image) {
            return match &r.tag {
                Some(t) => format!("{}:{t}", r.familiar_name()),
                None => r.familiar_name(),
            };
        }
    }
    s.image.clone()
}

/// `time.Unix(created, 0).String()` in UTC.
fn created_at(secs: i64) -> String {
    Time(secs.max(0) as u64 * 1_000_000_000).go_string()
}

/// The row a template sees (`*formatter.ContainerContext`). `size_used` records whether
/// the template asked for `.Size`.
pub fn row(s: &ContainerSummary, trunc: bool, now: Time, size_used: Rc<Cell<bool>>) -> Value {
    let id = if trunc { truncate_id(&s.id) } else { s.id.clone() };
    let names: Vec<String> = s.names.iter().map(|n| n.strip_prefix('/').unwrap_or(n).to_string()).collect();
    let names = if trunc {
        names.iter().find(|n| !n.contains('/')).map_or_else(|| names.join(","), |n| n.clone())
    } else {
        names.join(",")
    };
    let image = image_column(s, trunc);
    let command = quote(&if trunc { ellipsis(&s.command, 20) } else { s.command.clone() });
    let created = created_at(s.created);
    let running_for = format!("{} ago", human_duration(now.since(Time(s.created.max(0) as u64 * 1_000_000_000))));
    let ports: Vec<Port> = s
        .ports
        .iter()
        .map(|p| Port { ip: p.ip.clone(), private_port: p.private_port, public_port: p.public_port, kind: p.kind.clone() })
        .collect();
    let ports = displayable_ports(&ports);
    let size = {
        let rw = human_size_with_precision(s.size_rw as f64, 3);
        if s.size_root_fs > 0 {
            format!("{rw} (virtual {})", human_size_with_precision(s.size_root_fs as f64, 3))
        } else {
            rw
        }
    };
    let labels: Vec<String> = s.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let labels = labels.join(",");
    let mounts: Vec<String> = s.mounts.iter().map(|(m, _)| if trunc { ellipsis(m, 15) } else { m.clone() }).collect();
    let mounts = mounts.join(",");
    let local = s.mounts.iter().filter(|(_, local)| *local).count().to_string();
    let networks = s.networks.join(",");
    let label_map = s.labels.clone();
    let size_text = size.clone();
    Record::new("*formatter.ContainerContext")
        .field("ID", id)
        .field("Names", names)
        .field("Image", image)
        .field("Command", command)
        .field("CreatedAt", created)
        .field("RunningFor", running_for)
        .field("Platform", Value::Nil)
        .field("Ports", ports)
        .field("State", s.state.clone())
        .field("Status", s.status.clone())
        .method("Size", 0, move |_| {
            size_used.set(true);
            Ok(Value::Str(size_text.clone()))
        })
        .field("Labels", labels)
        .method("Label", 1, move |args| Ok(Value::Str(label_map.get(&args[0].sprint()).cloned().unwrap_or_default())))
        .field("Mounts", mounts)
        .field("LocalVolumes", local)
        .field("Networks", networks)
        .marshal_members()
        .into_value()
}

/// An empty summary: the context docker checks a template against before listing.
fn empty_summary() -> ContainerSummary {
    ContainerSummary {
        id: String::new(),
        names: Vec::new(),
        image: String::new(),
        image_id: String::new(),
        command: String::new(),
        created: 0,
        ports: Vec::new(),
        size_rw: 0,
        size_root_fs: 0,
        labels: BTreeMap::new(),
        state: String::new(),
        status: String::new(),
        networks: Vec::new(),
        mounts: Vec::new(),
    }
}

/// `buildContainerListOptions`' template check: parse and run the raw format against an
/// empty row. Returns whether `.Size` was used.
fn check_format(format: &str, now: Time) -> Result<bool, String> {
    let tmpl = Template::parse(format).map_err(|e| format!("failed to parse template: {e}"))?;
    let used = Rc::new(Cell::new(false));
    tmpl.execute(&row(&empty_summary(), true, now, used.clone()))
        .map_err(|e| format!("failed to execute template: {e}"))?;
    Ok(used.get())
}

/// The list request: `-a`, `-n`/`-l`, `-s`, filters (names lowercased, values trimmed).
fn list_options(inv: &Invocation) -> ListOptions {
    let f = &inv.flags;
    let mut last = f.int("last");
    if f.bool("latest") && last == -1 {
        last = 1;
    }
    let mut filters: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, v) in f.filters("filter") {
        filters.entry(k.trim().to_lowercase()).or_default().push(v.trim().to_string());
    }
    ListOptions {
        all: f.bool("all"),
        limit: u32::try_from(last.max(0)).unwrap_or(u32::MAX),
        size: f.bool("size"),
        filters,
    }
}

fn run(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let f = &inv.flags;
    let format = f.string("format");
    let quiet = f.bool("quiet");
    if !format.is_empty() && quiet {
        out.err("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");
    }
    let mut opts = list_options(inv);
    let now = ctx.world.now();
    if !format.is_empty() {
        match check_format(&format, now) {
            Ok(size_used) => {
                if !quiet && !opts.size && !f.changed("size") && size_used {
                    opts.size = true;
                }
            }
            Err(e) => return out.fail(&e, 1),
        }
    }
    let list = match ctx.api().container_summaries(&opts) {
        Ok(l) => l,
        Err(e) => return out.fail(&api_error(&e), 1),
    };
    let trunc = !f.bool("no-trunc");
    let default_table = format!("{}{}", CONTAINERS.format, if opts.size { "\t{{.Size}}" } else { "" });
    let format = match format.as_str() {
        "" | "table" if quiet => QUIET_FORMAT.to_string(),
        "" | "table" => default_table,
        _ if quiet => QUIET_FORMAT.to_string(),
        other => other.to_string(),
    };
    let rows: Vec<Value> = list.iter().map(|s| row(s, trunc, now, Rc::new(Cell::new(false)))).collect();
    match context::write(&format, &CONTAINERS.header(), &rows) {
        Ok(text) => {
            out.out(&text);
            out
        }
        Err(e) => out.fail(&e, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::api::summary::SummaryPort;

    fn summary() -> ContainerSummary {
        let mut s = empty_summary();
        s.id = "cd1afdfe72bb0123456789abcdef0123456789abcdef0123456789abcdef0123".into();
        s.names = vec!["/fmt".into()];
        s.image = "alpine".into();
        s.image_id = "sha256:aded1e1a5b3705116fa0a92ba074a5e0b0031647d9c315983ccba2ee5428ec8b".into();
        s.command = "sh -c 'echo a fairly long command line'".into();
        s.created = Time::START.unix_secs() as i64;
        s.labels.insert("app".into(), "demo".into());
        s.state = "running".into();
        s.status = "Up 3 seconds".into();
        s.networks = vec!["bridge".into()];
        s.ports = vec![SummaryPort { ip: "0.0.0.0".into(), private_port: 80, public_port: 8080, kind: "tcp".into() }];
        s
    }

    fn render(format: &str, trunc: bool) -> String {
        let r = row(&summary(), trunc, Time::START + crate::engine::clock::Span::secs(120), Rc::new(Cell::new(false)));
        context::write(format, &CONTAINERS.header(), &[r]).unwrap()
    }

    #[test]
    fn columns() {
        assert_eq!(
            render("{{.ID}}|{{.Names}}|{{.Image}}|{{.Command}}|{{.RunningFor}}|{{.Ports}}|{{.Labels}}|{{.Label \"app\"}}", true),
            "cd1afdfe72bb|fmt|alpine|\"sh -c 'echo a fairl…\"|2 minutes ago|0.0.0.0:8080->80/tcp|app=demo|demo\n"
        );
        assert_eq!(render("{{.Command}} {{.Size}} {{.Platform}} {{.LocalVolumes}}", false), "\"sh -c 'echo a fairly long command line'\" 0B <nil> 0\n");
        let json = render("json", true);
        assert!(json.starts_with("{\"Command\":\"\\\"sh -c 'echo a fairl…\\\"\",\"CreatedAt\":\"2026-03-02 12:00:00 +0000 UTC\",\"ID\":\"cd1afdfe72bb\""));
    }

    #[test]
    fn format_check_and_size_detection() {
        let now = Time::START;
        assert_eq!(check_format("{{.Names}}", now), Ok(false));
        assert_eq!(check_format("table {{.Names}}\\t{{.Size}}", now), Ok(true));
        assert_eq!(
            check_format("{{.Nope}}", now).unwrap_err(),
            "failed to execute template: template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type *formatter.ContainerContext"
        );
        assert_eq!(check_format("{{.Names", now).unwrap_err(), "failed to parse template: template: :1: unclosed action");
    }
}
