//! `docker rmi` / `docker image rm` and `docker tag` / `docker image tag`.
//!
//! `rmi` asks the daemon to delete each image in turn (`DELETE /images/{name}`), printing
//! `Untagged: …` and `Deleted: …` lines as they come; the errors follow at the end, one per
//! line. With `-f`, images that do not exist are only reported (exit status 0) unless some
//! other error happened. `tag` checks both names on the client (`Error parsing reference:
//! …`) before `POST /images/{name}/tag`.
//!
//! Invariant: every image named is tried, whatever happened to the previous ones.

use crate::cli::commands::image_pull::pull_error;
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::engine::api::images::DeleteItem;
use crate::engine::api::lookup;
use crate::engine::reference;

pub const HANDLERS: &[(&str, Handler)] = &[("image rm", remove), ("image tag", tag)];

fn remove_unexplained(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let force = inv.flags.bool("force");
    let prune = !inv.flags.bool("no-prune");
    let mut errors = Vec::new();
    let mut fatal = false;
    for name in &inv.args {
        match ctx.api().image_remove(name, force, prune) {
            Ok(items) => {
                for item in items {
                    match item {
                        DeleteItem::Untagged(r) => out.out(&format!("Untagged: {r}\n")),
                        DeleteItem::Deleted(id) => out.out(&format!("Deleted: {id}\n")),
                    }
                }
            }
            Err(e) => {
                fatal |= e.status() != 404;
                errors.push(pull_error(&e));
            }
        }
    }
    if errors.is_empty() {
        return out;
    }
    let text = errors.join("\n");
    if !force || fatal {
        return out.fail(&text, 1);
    }
    out.err(&format!("{text}\n"));
    out
}

fn parse_error(name: &str, e: &str) -> String {
    format!("Error parsing reference: \"{name}\" is not a valid repository/tag: {e}")
}

fn tag_unexplained(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let (source, target) = (&inv.args[0], &inv.args[1]);
    if let Err(e) = lookup::parse_any(source) {
        return out.fail(&parse_error(source, &e), 1);
    }
    let r = match reference::parse_normalized(target) {
        Ok(r) => r,
        Err(e) => return out.fail(&parse_error(target, &e), 1),
    };
    if r.digest.is_some() {
        return out.fail("refusing to create a tag with a digest reference", 1);
    }
    match ctx.api().image_tag(source, &r.with_default_tag()) {
        Ok(()) => out,
        Err(e) => out.fail(&pull_error(&e), 1),
    }
}

/// `remove`, with doca's pt-BR explanation of the error it printed, if any.
fn remove(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = remove_unexplained(inv, ctx);
    super::image_hints::explain(&mut out);
    out
}

/// `tag`, with doca's pt-BR explanation of the error it printed, if any.
fn tag(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = tag_unexplained(inv, ctx);
    super::image_hints::explain(&mut out);
    out
}
