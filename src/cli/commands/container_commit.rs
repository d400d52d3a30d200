//! `docker commit` (a container's changes frozen into an image: `-m -a -c -p`, the
//! reference checked by the client first) and `docker container prune` (with its
//! `[y/N]` question unless `-f`).
//!
//! Invariant: a prune without `-f` removes nothing unless the answer is `y`.

use std::collections::BTreeMap;

use super::container_common::{api_error, trim_id};
use super::container_logs::get_timestamp;
use crate::cli::attach::{Answer, Pending, confirm};
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::cli::units::human_size;
use crate::engine::api::commit::CommitOptions;
use crate::engine::reference;

pub const HANDLERS: &[(&str, Handler)] = &[("container commit", commit), ("container prune", prune)];

/// `container prune`'s question.
const PRUNE_WARNING: &str = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue?";

fn commit(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let f = &inv.flags;
    let name = match trim_id(&inv.args[0]) {
        Ok(n) => n,
        Err(e) => return out.fail(&e, 1),
    };
    let mut opts = CommitOptions {
        comment: f.string("message"),
        author: f.string("author"),
        changes: f.strings("change"),
        pause: f.bool("pause"),
        reference: None,
    };
    if let Some(r) = inv.args.get(1).filter(|r| !r.is_empty()) {
        match reference::parse_normalized(r) {
            Ok(r) if r.digest.is_some() => return out.fail("refusing to create a tag with a digest reference", 1),
            Ok(r) => opts.reference = Some(r.with_default_tag()),
            Err(e) => return out.fail(&e, 1),
        }
    }
    match ctx.api().container_commit(name, &opts) {
        Ok(id) => {
            let mut out = out;
            out.out(&format!("{id}\n"));
            out
        }
        Err(e) => out.fail(&api_error(&e), 1),
    }
}

fn prune(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    if !inv.flags.bool("force") {
        let pending = || Pending { inv: Box::new(inv.clone()), proceed: prune_now };
        match confirm(ctx, PRUNE_WARNING, &mut out, pending) {
            Answer::Yes => {}
            Answer::No | Answer::Asked => return out,
        }
    }
    let rest = prune_now(inv, ctx);
    out.extend(&rest.chunks);
    out.exit = rest.exit;
    out
}

/// The prune itself, once confirmed.
fn prune_now(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let mut filters: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, v) in inv.flags.filters("filter") {
        filters.entry(k.trim().to_lowercase()).or_default().push(v.trim().to_string());
    }
    let now = ctx.world.now();
    let until = match filters.get("until").and_then(|u| u.first()) {
        Some(u) => match get_timestamp(u, now) {
            Ok(t) => Some(t),
            Err(e) => return out.fail(&crate::cli::errors::daemon(&e), 1),
        },
        None => None,
    };
    let report = match ctx.api().container_prune_filtered(&filters, until) {
        Ok(r) => r,
        Err(e) => return out.fail(&api_error(&e), 1),
    };
    let mut out = out;
    let mut reclaimed = 0;
    if !report.deleted.is_empty() {
        let mut text = String::from("Deleted Containers:\n");
        for id in &report.deleted {
            text.push_str(&format!("{id}\n"));
        }
        out.out(&format!("{text}\n"));
        reclaimed = report.space_reclaimed;
    }
    out.out(&format!("Total reclaimed space: {}\n", human_size(reclaimed as f64)));
    out
}
