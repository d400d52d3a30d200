//! `docker container inspect`: the daemon's document for each container named, printed
//! like every inspect command (indented JSON, `--format json`, or a template on the
//! Go-typed view; `-s` adds the sizes), see [`crate::cli::format::inspect`].
//!
//! [`container_document`] is the lookup other inspect commands can share.
//!
//! Invariant: one `GET /containers/{id}/json` per name, in order; errors joined at the end.

use super::container_common::{api_error, trim_id};
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::format::inspect::{self, Found};
use crate::cli::format::typed::CONTAINER;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;

pub const HANDLERS: &[(&str, Handler)] = &[("container inspect", run)];

/// `ContainerInspectWithRaw(ref, size)`: the container's JSON document, or the error the
/// client prints.
pub fn container_document(ctx: &mut ClientCtx<'_>, name: &str, size: bool) -> Result<serde_json::Value, String> {
    let name = trim_id(name)?;
    ctx.api().container_inspect_json(name, size).map_err(|e| api_error(&e))
}

fn run(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let format = match inspect::parse(&inv.flags.string("format")) {
        Ok(f) => f,
        Err(e) => return out.fail(&e, 64),
    };
    let size = inv.flags.bool("size");
    let found: Vec<Found> =
        inv.args.iter().map(|n| container_document(ctx, n, size).map(|doc| (doc, &CONTAINER))).collect();
    inspect::render(&format, &found, &mut out);
    out
}
