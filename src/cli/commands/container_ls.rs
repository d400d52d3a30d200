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
        // A plain `name` or `name:tag` without a registry or `library/` is already familiar.
        if is_plain_familiar(&s.image) {
            return s.image.clone();
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

/// Whether `image` is a lowercase `name[:tag]` with one path component and no registry:
/// the familiar form of itself (`alpine`, `nginx:1.27`), so parsing it changes nothing.
fn is_plain_familiar(image: &str) -> bool {
    let (name, tag) = image.split_once(':').unwrap_or((image, "latest"));
    let name_ok = !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_' || b == b'.')
        && name.as_bytes()[0].is_ascii_alphanumeric()
        && name.as_bytes()[name.len() - 1].is_ascii_alphanumeric();
    let tag_ok = !tag.is_empty() && tag.len() <= 128 && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'-') && tag.as_bytes()[0] != b'.' && tag.as_bytes()[0] != b'-';
    name_ok && tag_ok && !name.contains("..") && !name.contains("__")
}

/// `time.Unix(created, 0).String()` in UTC.
fn created_at(secs: i64) -> String {
    Time(secs.max(0) as u64 * 1_000_000_000).go_string()
}

/// The members of a row, in `ContainerContext`'s order: `None` a field, `Some(n)` a
/// method taking `n` arguments.
const ROW_MEMBERS: &[(&str, Option<usize>)] = &[
    ("ID", None),
    ("Names", None),
    ("Image", None),
    ("Command", None),
    ("CreatedAt", None),
    ("RunningFor", None),
    ("Platform", None),
    ("Ports", None),
    ("State", None),
    ("Status", None),
    ("Size", Some(0)),
    ("Labels", None),
    ("Label", Some(1)),
    ("Mounts", None),
    ("LocalVolumes", None),
    ("Networks", None),
];

/// The row a template sees (`*formatter.ContainerContext`): each column is computed when
/// the format asks for it. `size_used` records whether the template asked for `.Size`.
pub fn row(s: Rc<ContainerSummary>, trunc: bool, now: Time, size_used: Rc<Cell<bool>>) -> Value {
    Record::new("*formatter.ContainerContext")
        .computed(ROW_MEMBERS, move |name, args| Ok(column(&s, name, args, trunc, now, &size_used)))
        .marshal_members()
        .into_value()
}

/// One `ContainerContext` method of `s`.
fn column(s: &ContainerSummary, name: &str, args: &[Value], trunc: bool, now: Time, size_used: &Cell<bool>) -> Value {
    let text = match name {
        "ID" => if trunc { truncate_id(&s.id) } else { s.id.clone() },
        "Names" => {
            let names: Vec<&str> = s.names.iter().map(|n| n.strip_prefix('/').unwrap_or(n)).collect();
            match names.iter().find(|n| !n.contains('/')) {
                Some(n) if trunc => n.to_string(),
                _ => names.join(","),
            }
        }
        "Image" => image_column(s, trunc),
        "Command" => quote(&if trunc { ellipsis(&s.command, 20) } else { s.command.clone() }),
        "CreatedAt" => created_at(s.created),
        "RunningFor" => format!("{} ago", human_duration(now.since(Time(s.created.max(0) as u64 * 1_000_000_000)))),
        "Platform" => return Value::Nil,
        "Ports" => {
            let ports: Vec<Port> = s
                .ports
                .iter()
                .map(|p| Port { ip: p.ip.clone(), private_port: p.private_port, public_port: p.public_port, kind: p.kind.clone() })
                .collect();
            displayable_ports(&ports)
        }
        "State" => s.state.clone(),
        "Status" => s.status.clone(),
        "Size" => {
            size_used.set(true);
            let rw = human_size_with_precision(s.size_rw as f64, 3);
            if s.size_root_fs > 0 { format!("{rw} (virtual {})", human_size_with_precision(s.size_root_fs as f64, 3)) } else { rw }
        }
        "Labels" => s.labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","),
        "Label" => args.first().and_then(|k| s.labels.get(&k.sprint())).cloned().unwrap_or_default(),
        "Mounts" => s.mounts.iter().map(|(m, _)| if trunc { ellipsis(m, 15) } else { m.clone() }).collect::<Vec<_>>().join(","),
        "LocalVolumes" => s.mounts.iter().filter(|(_, local)| *local).count().to_string(),
        "Networks" => s.networks.join(","),
        _ => return Value::NoValue,
    };
    Value::Str(text)
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
    tmpl.execute(&row(Rc::new(empty_summary()), true, now, used.clone()))
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
        "" | "table" => default_table.clone(),
        _ if quiet => QUIET_FORMAT.to_string(),
        other => other.to_string(),
    };
    // docker's default table: every column a plain field, rendered without the template
    // engine (a listing of 1,000 containers is mostly this)
    let plain = (format == default_table).then(|| context::plain_columns(&format)).flatten();
    let result = match plain {
        Some(columns) => {
            let size_used = Cell::new(false);
            let mut text = String::with_capacity(list.len() * 128);
            for s in &list {
                for (i, name) in columns.iter().enumerate() {
                    if i > 0 {
                        text.push('\t');
                    }
                    if let Value::Str(cell) = column(s, name, &[], trunc, now, &size_used) {
                        text.push_str(&cell);
                    }
                }
                text.push('\n');
            }
            context::write_rendered(&format, &CONTAINERS.header(), &text)
        }
        None => {
            let rows: Vec<Value> = list.into_iter().map(|s| row(Rc::new(s), trunc, now, Rc::new(Cell::new(false)))).collect();
            context::write(&format, &CONTAINERS.header(), &rows)
        }
    };
    match result {
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
        let r = row(Rc::new(summary()), trunc, Time::START + crate::engine::clock::Span::secs(120), Rc::new(Cell::new(false)));
        context::write(format, &CONTAINERS.header(), &[r]).unwrap()
    }

    #[test]
    fn plain_names_skip_parsing_without_changing_the_column() {
        for image in ["alpine", "alpine:3.21", "nginx:1.27-alpine", "my.app:v1", "a-b_c:x", "a__b", "localhost:5000/app", "Alpine", "a-.b", "docker.io/library/alpine:latest", "user/app:v2"] {
            let parsed = match reference::parse_normalized(image) {
                Ok(r) => match &r.tag {
                    Some(t) => format!("{}:{t}", r.familiar_name()),
                    None => r.familiar_name(),
                },
                Err(_) => image.to_string(),
            };
            if is_plain_familiar(image) {
                assert_eq!(image, parsed, "{image}");
            }
        }
        assert!(is_plain_familiar("alpine") && is_plain_familiar("nginx:1.27-alpine"));
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
