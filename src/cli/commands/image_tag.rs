//! `docker tag` (`image tag`): points a new reference at an existing image.
//!
//! Invariant: the source image is unchanged; only the daemon's references move.

use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::errors;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::engine::reference;

pub const HANDLERS: &[(&str, Handler)] = &[("image tag", tag)];

fn tag(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let source = inv.args.first().cloned().unwrap_or_default();
    let target = inv.args.get(1).cloned().unwrap_or_default();
    let r = match reference::parse_normalized(&target) {
        Ok(r) => r,
        Err(e) => return out.fail(&e, 1),
    };
    if r.digest.is_some() {
        return out.fail("refusing to create a tag with a digest reference", 1);
    }
    match ctx.api().image_tag(&source, &r) {
        Ok(()) => out,
        Err(e) => out.fail(&errors::daemon(&e.message()), 1),
    }
}
