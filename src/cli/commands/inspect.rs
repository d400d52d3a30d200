//! `docker inspect` (any object: containers first, then images) and `docker image
//! inspect`. The documents come from the daemon; [`crate::cli::format::inspect`] prints
//! them (indented JSON, `json`, or a template run on the Go-typed view first).
//!
//! `docker inspect NAME` asks for a container, then an image; a name that is neither
//! gives `[]` and `Error: No such object: NAME`. With `--type` only that kind is asked
//! for and the daemon's own error is printed. (Networks, volumes and swarm objects are not
//! looked up yet: doca's daemons have no API for them.)
//!
//! Invariant: every name is looked up before anything is printed; a template that does
//! not parse fails (status 64) before any request.

use crate::cli::commands::image_pull::pull_error;
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::format::inspect::{self, Found};
use crate::cli::format::typed::{CONTAINER, IMAGE};
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::engine::api::{ApiError, inspect_json};

pub const HANDLERS: &[(&str, Handler)] = &[("inspect", inspect_any), ("image inspect", inspect_image)];

const ALL_TYPES: &str =
    "\"config\", \"container\", \"image\", \"network\", \"node\", \"plugin\", \"secret\", \"service\", \"task\", \"volume\"";

/// `GET /containers/{name}/json` (`?size=1` with `size`) as the client gets it.
pub fn container_doc(ctx: &mut ClientCtx<'_>, name: &str, size: bool) -> Result<serde_json::Value, ApiError> {
    if name.is_empty() {
        // The client refuses before sending anything.
        return Err(ApiError::bad_request("invalid container name or ID: value is empty"));
    }
    let c = ctx.api().container_inspect(name)?;
    let api = ctx.api();
    let d = api.world.daemon(api.daemon);
    let sizes = size.then(|| {
        let image: u64 = d
            .images
            .get(&c.image)
            .map(|img| crate::engine::api::images::summary(d, img).size)
            .unwrap_or(0);
        (c.rw_size, c.rw_size + image)
    });
    Ok(inspect_json::container(d, &c, sizes))
}

/// `GET /images/{name}/json` as the client gets it.
pub fn image_doc(ctx: &mut ClientCtx<'_>, name: &str) -> Result<serde_json::Value, ApiError> {
    if name.is_empty() {
        return Err(ApiError::not_found("Error: No such image: "));
    }
    let (img, s) = ctx.api().image_inspect(name)?;
    let api = ctx.api();
    Ok(inspect_json::image(&img, &s, api.world.daemon(api.daemon)))
}

/// How the client prints an error of these lookups (the empty-name ones are its own).
fn client_text(e: &ApiError) -> String {
    match e {
        ApiError::Daemon { message, .. } if message.starts_with("Error: ") || message.starts_with("invalid container name") => {
            message.clone()
        }
        _ => pull_error(e),
    }
}

fn inspect_image_unexplained(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let format = match inspect::parse(&inv.flags.string("format")) {
        Ok(f) => f,
        Err(e) => return out.fail(&e, 64),
    };
    let found: Vec<Found> =
        inv.args.iter().map(|name| image_doc(ctx, name).map(|d| (d, &IMAGE)).map_err(|e| client_text(&e))).collect();
    inspect::render(&format, &found, &mut out);
    out
}

/// `isErrSkippable`.
fn skippable(e: &ApiError) -> bool {
    let m = e.message();
    e.status() == 404 || m.contains("not supported") || m.contains("invalid reference format")
}

fn inspect_any_unexplained(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let f = &inv.flags;
    let kind = f.string("type");
    if f.changed("type") && kind.is_empty() {
        return out.fail(&format!("type is empty: must be one of {ALL_TYPES}"), 1);
    }
    let known = ["", "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"];
    if !known.contains(&kind.as_str()) {
        return out.fail(&format!("unknown type: \"{kind}\": must be one of {ALL_TYPES}"), 1);
    }
    if !["", "container", "image"].contains(&kind.as_str()) {
        out.notes.push(format!("O doca ainda não simula `docker inspect --type {kind}`."));
        out.exit = 1;
        return out;
    }
    let format = match inspect::parse(&f.string("format")) {
        Ok(fm) => fm,
        Err(e) => return out.fail(&e, 64),
    };
    let size = f.bool("size");
    let mut found: Vec<Found> = Vec::new();
    for name in &inv.args {
        let mut result: Option<Found> = None;
        if kind.is_empty() || kind == "container" {
            match container_doc(ctx, name, size) {
                Ok(d) => result = Some(Ok((d, &CONTAINER))),
                Err(e) if kind.is_empty() && skippable(&e) => {}
                Err(e) => result = Some(Err(client_text(&e))),
            }
        }
        if result.is_none() && (kind.is_empty() || kind == "image") {
            match image_doc(ctx, name) {
                Ok(d) => {
                    if size {
                        out.err("WARNING: --size ignored for image\n");
                    }
                    result = Some(Ok((d, &IMAGE)));
                }
                Err(e) if kind.is_empty() && skippable(&e) => {}
                Err(e) => result = Some(Err(client_text(&e))),
            }
        }
        found.push(result.unwrap_or_else(|| Err(format!("Error: No such object: {name}"))));
    }
    inspect::render(&format, &found, &mut out);
    out
}

/// `inspect_any`, with doca's pt-BR explanation of the error it printed, if any.
fn inspect_any(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = inspect_any_unexplained(inv, ctx);
    super::image_hints::explain(&mut out);
    out
}

/// `inspect_image`, with doca's pt-BR explanation of the error it printed, if any.
fn inspect_image(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = inspect_image_unexplained(inv, ctx);
    super::image_hints::explain(&mut out);
    out
}
