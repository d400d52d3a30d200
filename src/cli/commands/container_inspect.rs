//! `docker container inspect`: the daemon's document for each container named, printed
//! by the inspector (indented JSON, `--format json`, or a template; `-s` adds the sizes).
//!
//! [`container_document`] is the lookup other inspect commands (the generic `docker
//! inspect`) can share.
//!
//! Invariant: one `GET /containers/{id}/json` per name, in order; errors joined at the end.

use super::container_common::{api_error, trim_id};
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::format::inspector;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;

pub const HANDLERS: &[(&str, Handler)] = &[("container inspect", run)];

/// `ContainerInspectWithRaw(ref, size)`: the container's JSON document, or the error the
/// client prints.
pub fn container_document(ctx: &mut ClientCtx<'_>, name: &str, size: bool) -> Result<serde_json::Value, String> {
    let name = trim_id(name)?;
    let c = ctx.api().container_inspect_json(name, size).map_err(|e| api_error(&e))?;
    Ok(c)
}

fn run(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let size = inv.flags.bool("size");
    let format = inv.flags.string("format");
    let found: Vec<Result<serde_json::Value, String>> =
        inv.args.iter().map(|n| container_document(ctx, n, size)).collect();
    let printed = inspector::inspect(&format, &found);
    let mut out = Output::default();
    out.out(&printed.stdout);
    if printed.errors.is_empty() {
        return out;
    }
    out.fail(&printed.errors.join("\n"), printed.exit)
}
