//! `docker network create | ls | inspect | rm | prune | connect | disconnect`
//! (docker/cli `command/network`): the new network's ID, the `NETWORK ID  NAME  DRIVER
//! SCOPE` table over `networkContext`, inspect through the shared printer, `rm` reporting
//! each failure as it happens and ending with `exit status 1`, prune behind `[y/N]`.
//!
//! Invariant: every daemon answer goes through the Engine API.

use std::rc::Rc;

use super::container_common::api_error;
use super::image_ls::filter_map;
use super::listing;
use super::prune::ask;
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::format::status::truncate_id;
use crate::cli::format::tables::NETWORKS;
use crate::cli::format::template::{Record, Value};
use crate::cli::format::typed::NETWORK;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::engine::api::network_connect::ConnectRequest;
use crate::engine::api::networks::NetworkCreate;
use crate::engine::model::network::Network;

pub const HANDLERS: &[(&str, Handler)] = &[
    ("network create", create),
    ("network ls", list),
    ("network inspect", inspect_networks),
    ("network rm", remove),
    ("network prune", prune),
    ("network connect", connect),
    ("network disconnect", disconnect),
];

const PRUNE_WARNING: &str =
    "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?";


fn create(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let f = &inv.flags;
    let first = |name: &str| f.strings(name).into_iter().next().unwrap_or_default();
    let subnets = f.strings("subnet");
    if subnets.len() > 1 {
        return out.fail("multiple overlapping subnet configuration is not supported", 1);
    }
    if subnets.is_empty() && (!f.strings("gateway").is_empty() || !f.strings("ip-range").is_empty()) {
        return out.fail("every ip-range or gateway must have a corresponding subnet", 1);
    }
    let req = NetworkCreate {
        name: inv.args.first().cloned().unwrap_or_default(),
        driver: f.string("driver"),
        subnet: first("subnet"),
        gateway: first("gateway"),
        ip_range: first("ip-range"),
        internal: f.bool("internal"),
        attachable: f.bool("attachable"),
        labels: listing::key_values(f.strings("label")),
        options: f.map("opt"),
    };
    match ctx.api().network_create(req) {
        Ok(id) => {
            let mut out = out;
            out.out(&format!("{id}\n"));
            out
        }
        Err(e) => out.fail(&api_error(&e), 1),
    }
}

/// The members of `networkContext`, in its order.
const ROW_MEMBERS: &[(&str, Option<usize>)] = &[
    ("ID", None),
    ("Name", None),
    ("Driver", None),
    ("Scope", None),
    ("IPv4", None),
    ("IPv6", None),
    ("Internal", None),
    ("Labels", None),
    ("Label", Some(1)),
    ("CreatedAt", None),
];

fn row(n: Rc<Network>, trunc: bool) -> Value {
    Record::new("*network.networkContext")
        .computed(ROW_MEMBERS, move |name, args| {
            Ok(Value::Str(match name {
                "ID" if trunc => truncate_id(&n.id),
                "ID" => n.id.clone(),
                "Name" => n.name.clone(),
                "Driver" => n.driver.clone(),
                "Scope" => n.scope.clone(),
                "IPv4" => "true".into(),
                "IPv6" => "false".into(),
                "Internal" => n.internal.to_string(),
                "Labels" => n.labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","),
                "Label" => args.first().and_then(|k| n.labels.get(&k.sprint())).cloned().unwrap_or_default(),
                "CreatedAt" => n.created.go_string(),
                _ => String::new(),
            }))
        })
        .marshal_members()
        .into_value()
}

fn list(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let f = &inv.flags;
    let mut networks = match ctx.api().network_list(&filter_map(inv, "filter")) {
        Ok(n) => n,
        Err(e) => return out.fail(&api_error(&e), 1),
    };
    networks.sort_by(|a, b| a.name.cmp(&b.name));
    let trunc = !f.bool("no-trunc");
    let rows: Vec<Value> = networks.into_iter().map(|n| row(Rc::new(n), trunc)).collect();
    listing::list_output(inv, "{{.ID}}", &NETWORKS, &rows)
}

fn inspect_networks(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    listing::inspect_each(inv, |name| ctx.api().network_inspect_json(name).map(|d| (d, &NETWORK)).map_err(|e| api_error(&e)))
}

fn remove(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let force = inv.flags.bool("force");
    let mut failed = false;
    for name in &inv.args {
        match ctx.api().network_remove(name) {
            Ok(()) => out.out(&format!("{name}\n")),
            Err(e) if force && e.status() == 404 => {}
            Err(e) => {
                out.err(&format!("{}\n", api_error(&e)));
                failed = true;
            }
        }
    }
    if failed { out.fail("exit status 1", 1) } else { out }
}

fn prune(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    ask(inv, ctx, PRUNE_WARNING, prune_now)
}

/// `docker network prune`, once confirmed.
fn prune_now(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    match ctx.api().network_prune(&filter_map(inv, "filter")) {
        Ok(deleted) => {
            if !deleted.is_empty() {
                out.out("Deleted Networks:\n");
                for name in &deleted {
                    out.out(&format!("{name}\n"));
                }
                out.out("\n");
            }
            out
        }
        Err(e) => out.fail(&api_error(&e), 1),
    }
}

fn connect(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let req = ConnectRequest {
        network: inv.args.first().cloned().unwrap_or_default(),
        container: inv.args.get(1).cloned().unwrap_or_default(),
        aliases: inv.flags.strings("alias"),
        ipv4_address: inv.flags.string("ip"),
    };
    match ctx.api().network_connect(req) {
        Ok(()) => out,
        Err(e) => out.fail(&api_error(&e), 1),
    }
}

fn disconnect(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let (network, container) = (inv.args.first().map_or("", String::as_str), inv.args.get(1).map_or("", String::as_str));
    match ctx.api().network_disconnect(network, container, inv.flags.bool("force")) {
        Ok(()) => out,
        Err(e) => out.fail(&api_error(&e), 1),
    }
}
