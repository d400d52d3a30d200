//! `docker history` / `docker image history`: the image's build steps, newest first
//! (`GET /images/{name}/history`), in docker/cli's history formatter: `CREATED BY` with
//! tabs turned into spaces and cut at 45 columns (`…`) unless `--no-trunc`, human sizes
//! and ages unless `-H=false` (then bytes and RFC 3339 times), `-q` for IDs only.
//!
//! Invariant: steps that are not a local image show `<missing>` as their ID.

use serde_json::json;

use crate::cli::commands::image_pull::pull_error;
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::format::context;
use crate::cli::format::status::{ellipsis, truncate_id};
use crate::cli::format::tables::{HISTORY, QUIET_FORMAT};
use crate::cli::format::template::{Record, Value};
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::cli::units::{human_duration, human_size_with_precision};
use crate::engine::api::images::HistoryItem;
use crate::engine::clock::Time;

pub const HANDLERS: &[(&str, Handler)] = &[("image history", run)];

const NON_HUMAN_FORMAT: &str = "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";

/// 2000-01-01T00:00:00Z: steps created before it show `N/A` as their age.
const EPOCH_SECS: u64 = 946_684_800;

/// `NewHistoryFormat`.
pub fn history_format(source: &str, quiet: bool, human: bool) -> &str {
    match source {
        "table" if quiet => QUIET_FORMAT,
        "table" if !human => NON_HUMAN_FORMAT,
        "table" => HISTORY.format,
        other => other,
    }
}

/// `time.Unix(created, 0).Format(time.RFC3339)` in UTC.
fn rfc3339(t: Time) -> String {
    let c = t.civil();
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.year, c.month, c.day, c.hour, c.minute, c.second)
}

/// The template record of one step (docker's `historyContext`).
pub fn record(h: &HistoryItem, trunc: bool, human: bool, now: Time) -> Value {
    let id = if trunc { truncate_id(&h.id) } else { h.id.clone() };
    let created_at = rfc3339(h.created);
    let secs = h.created.unix_secs();
    let created_since = if !human {
        created_at.clone()
    } else if secs <= EPOCH_SECS {
        "N/A".to_string()
    } else {
        format!("{} ago", human_duration(now.since(Time(secs * 1_000_000_000))))
    };
    let by = h.created_by.replace('\t', " ");
    let created_by = if trunc { ellipsis(&by, 45) } else { by };
    let size = if human { human_size_with_precision(h.size as f64, 3) } else { h.size.to_string() };
    Record::new("*image.historyContext")
        .field("ID", id.as_str())
        .field("CreatedSince", created_since.as_str())
        .field("CreatedAt", created_at.as_str())
        .field("CreatedBy", created_by.as_str())
        .field("Size", size.as_str())
        .field("Comment", h.comment.as_str())
        .marshal_json(json!({
            "Comment": h.comment,
            "CreatedAt": created_at,
            "CreatedBy": created_by,
            "CreatedSince": created_since,
            "ID": id,
            "Size": size,
        }))
        .into_value()
}

fn run_unexplained(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let f = &inv.flags;
    let items = match ctx.api().image_history(&inv.args[0]) {
        Ok(items) => items,
        Err(e) => return out.fail(&pull_error(&e), 1),
    };
    let format = f.string("format");
    let source = if format.is_empty() { "table" } else { format.as_str() };
    let (human, trunc) = (f.bool("human"), !f.bool("no-trunc"));
    let fmt = history_format(source, f.bool("quiet"), human);
    let now = ctx.world.now();
    let rows: Vec<Value> = items.iter().map(|h| record(h, trunc, human, now)).collect();
    let mut out = out;
    match context::write(fmt, &HISTORY.header(), &rows) {
        Ok(text) => out.out(&text),
        Err(e) => return out.fail(&e, 1),
    }
    out
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

    fn step(by: &str) -> HistoryItem {
        HistoryItem {
            id: "<missing>".into(),
            created: Time(1_748_622_041 * 1_000_000_000),
            created_by: by.into(),
            tags: Vec::new(),
            size: 7_797_760,
            comment: "buildkit.dockerfile.v0".into(),
        }
    }

    #[test]
    fn created_by_is_cut_at_45_columns() {
        let h = step("ADD alpine-minirootfs-3.22.0-x86_64.tar.gz / # buildkit");
        let v = record(&h, true, true, Time(1_760_000_000 * 1_000_000_000));
        let out = context::write("{{.CreatedBy}}|{{.Size}}|{{.ID}}", &HISTORY.header(), &[v]).unwrap();
        assert_eq!(out, "ADD alpine-minirootfs-3.22.0-x86_64.tar.gz /…|7.8MB|<missing>\n");
        let v = record(&step("RUN\tx"), false, false, Time::START);
        let out = context::write("{{.CreatedBy}}|{{.Size}}|{{.CreatedSince}}", &HISTORY.header(), &[v]).unwrap();
        assert_eq!(out, "RUN x|7797760|2025-05-30T16:20:41Z\n");
    }
}
