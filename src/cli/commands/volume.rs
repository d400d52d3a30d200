//! `docker volume create | ls | inspect | rm | prune` (docker/cli `command/volume`):
//! created names on stdout, the `DRIVER  VOLUME NAME` table with `--format`/`-q`/filters
//! over `formatter.volumeContext`, inspect through the shared inspect printer, removal
//! errors joined at the end, prune behind docker's `[y/N]` (anonymous volumes only unless
//! `-a`).
//!
//! Invariant: every daemon answer goes through the Engine API; nothing here changes the
//! world by itself.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::container_common::api_error;
use super::image_ls::filter_map;
use super::listing;
use super::prune::ask;
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::format::tables::VOLUMES;
use crate::cli::format::template::{Record, Value};
use crate::cli::format::typed::VOLUME;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::cli::units::human_size;
use crate::engine::api::volumes::VolumeCreate;
use crate::engine::model::volume::Volume;

pub const HANDLERS: &[(&str, Handler)] = &[
    ("volume create", create),
    ("volume ls", list),
    ("volume inspect", inspect_volumes),
    ("volume rm", remove),
    ("volume prune", prune),
];

const PRUNE_ANONYMOUS: &str =
    "WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?";
const PRUNE_ALL: &str =
    "WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?";


fn create(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let f = &inv.flags;
    let mut name = f.string("name");
    if let Some(arg) = inv.args.first() {
        if !name.is_empty() {
            return out.fail("conflicting options: cannot specify a volume-name through both --name and as a positional arg", 1);
        }
        name = arg.clone();
    }
    let req = VolumeCreate {
        name,
        driver: f.string("driver"),
        labels: listing::key_values(f.strings("label")),
        options: f.map("opt"),
    };
    match ctx.api().volume_create(req) {
        Ok(v) => {
            let mut out = out;
            out.out(&format!("{}\n", v.name));
            out
        }
        Err(e) => out.fail(&api_error(&e), 1),
    }
}

/// The API's `volume.Volume` document (`CreatedAt` to the second, `null` for no labels or
/// options, `Scope` `local`).
pub fn volume_doc(v: &Volume) -> serde_json::Value {
    let map_or_null = |m: &BTreeMap<String, String>| {
        if m.is_empty() { serde_json::Value::Null } else { serde_json::to_value(m).unwrap_or(serde_json::Value::Null) }
    };
    let created = v.created.rfc3339_nano();
    let created = match created.split_once('.') {
        Some((secs, _)) => format!("{secs}Z"),
        None => created,
    };
    serde_json::json!({
        "CreatedAt": created,
        "Driver": v.driver,
        "Labels": map_or_null(&v.labels),
        "Mountpoint": v.mountpoint(),
        "Name": v.name,
        "Options": map_or_null(&v.options),
        "Scope": "local",
    })
}

/// The members of `formatter.volumeContext`, in its order.
const ROW_MEMBERS: &[(&str, Option<usize>)] = &[
    ("Name", None),
    ("Driver", None),
    ("Scope", None),
    ("Mountpoint", None),
    ("Labels", None),
    ("Label", Some(1)),
    ("Links", None),
    ("Size", None),
    ("Group", None),
    ("Availability", None),
    ("Status", None),
];

/// One `volumeContext` (`*formatter.volumeContext`).
fn row(v: Rc<Volume>) -> Value {
    Record::new("*formatter.volumeContext")
        .computed(ROW_MEMBERS, move |name, args| {
            Ok(Value::Str(match name {
                "Name" => v.name.clone(),
                "Driver" => v.driver.clone(),
                "Scope" => "local".into(),
                "Mountpoint" => v.mountpoint(),
                "Labels" => v.labels.iter().map(|(k, val)| format!("{k}={val}")).collect::<Vec<_>>().join(","),
                "Label" => args.first().and_then(|k| v.labels.get(&k.sprint())).cloned().unwrap_or_default(),
                _ => "N/A".into(),
            }))
        })
        .marshal_members()
        .into_value()
}

fn list(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let volumes = match ctx.api().volume_list(&filter_map(inv, "filter")) {
        Ok(v) => v,
        Err(e) => return out.fail(&api_error(&e), 1),
    };
    let rows: Vec<Value> = volumes.into_iter().map(|v| row(Rc::new(v))).collect();
    listing::list_output(inv, "{{.Name}}", &VOLUMES, &rows)
}

fn inspect_volumes(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    listing::inspect_each(inv, |name| ctx.api().volume_inspect(name).map(|v| (volume_doc(&v), &VOLUME)).map_err(|e| api_error(&e)))
}

fn remove(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let force = inv.flags.bool("force");
    let mut errs = Vec::new();
    for name in &inv.args {
        match ctx.api().volume_remove(name, force) {
            Ok(()) => out.out(&format!("{name}\n")),
            Err(e) => errs.push(api_error(&e)),
        }
    }
    super::container_common::finish(out, &errs)
}

fn prune(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut filters = filter_map(inv, "filter");
    if inv.flags.bool("all") {
        if filters.contains_key("all") {
            return Output::default().fail("conflicting options: cannot specify both --all and --filter all=1", 1);
        }
        filters.insert("all".into(), vec!["true".into()]);
    }
    let warning = if inv.flags.bool("all") { PRUNE_ALL } else { PRUNE_ANONYMOUS };
    ask(inv, ctx, warning, prune_now)
}

/// `docker volume prune`, once confirmed.
fn prune_now(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let mut filters = filter_map(inv, "filter");
    if inv.flags.bool("all") {
        filters.insert("all".into(), vec!["true".into()]);
    }
    match ctx.api().volume_prune(&filters) {
        Ok((deleted, space)) => {
            if !deleted.is_empty() {
                out.out("Deleted Volumes:\n");
                for name in &deleted {
                    out.out(&format!("{name}\n"));
                }
                out.out("\n");
            }
            out.out(&format!("Total reclaimed space: {}\n", human_size(if deleted.is_empty() { 0.0 } else { space as f64 })));
            out
        }
        Err(e) => out.fail(&api_error(&e), 1),
    }
}
