//! `docker stop`, `kill`, `restart`, `pause`, `unpause`, `rm`, `rename` and `wait`: one
//! request per container named, each name printed when it worked, the daemon's errors
//! joined at the end (exit 1), as docker/cli's `runStop`, `runKill`, … do.
//!
//! `docker wait` on a container that keeps running lets simulated time pass for a few
//! seconds (a process about to end is waited for), then leaves the terminal waiting
//! ([`Foreground::Wait`]).
//!
//! Invariant: what a command printed for one container never depends on the containers
//! named after it.

use super::container_common::{api_error, finish, for_each, trim_id};
use crate::cli::attach::Foreground;
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::errors;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;

pub const HANDLERS: &[(&str, Handler)] = &[
    ("container stop", stop),
    ("container kill", kill),
    ("container restart", restart),
    ("container pause", pause),
    ("container unpause", unpause),
    ("container rm", rm),
    ("container rename", rename),
    ("container wait", wait),
];

/// How long `docker wait` lets simulated time pass before holding the terminal.
const SETTLE_SECS: u64 = 10;

/// `-t`/`--timeout` (or the deprecated `--time`) when given.
fn timeout(inv: &Invocation) -> Option<i64> {
    let f = &inv.flags;
    (f.changed("timeout") || f.changed("time")).then(|| f.int("timeout"))
}

/// `-s`/`--signal` when not empty.
fn signal(inv: &Invocation) -> Option<String> {
    Some(inv.flags.string("signal")).filter(|s| !s.is_empty())
}

fn stop(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let (t, sig) = (timeout(inv), signal(inv));
    let mut out = Output::default();
    let errs = for_each(&inv.args, &mut out, |id| {
        ctx.api().container_stop(id, t, sig.as_deref()).map(|_| ()).map_err(|e| api_error(&e))
    });
    finish(out, &errs)
}

fn kill(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let sig = signal(inv);
    let mut out = Output::default();
    let errs = for_each(&inv.args, &mut out, |id| ctx.api().container_kill(id, sig.as_deref()).map_err(|e| api_error(&e)));
    finish(out, &errs)
}

fn restart(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let (t, sig) = (timeout(inv), signal(inv));
    let mut out = Output::default();
    let errs =
        for_each(&inv.args, &mut out, |id| ctx.api().container_restart(id, t, sig.as_deref()).map_err(|e| api_error(&e)));
    finish(out, &errs)
}

fn pause(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let errs = for_each(&inv.args, &mut out, |id| ctx.api().container_pause(id).map_err(|e| api_error(&e)));
    finish(out, &errs)
}

fn unpause(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let errs = for_each(&inv.args, &mut out, |id| ctx.api().container_unpause(id).map_err(|e| api_error(&e)));
    finish(out, &errs)
}

/// `docker rm`: names are trimmed of `/`; with `-f` a missing container is only reported.
fn rm(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let f = &inv.flags;
    let (force, volumes) = (f.bool("force"), f.bool("volumes"));
    let mut out = Output::default();
    let mut errs = Vec::new();
    for name in &inv.args {
        let id = name.trim_matches('/');
        if id.is_empty() {
            errs.push("container name cannot be empty".to_string());
            continue;
        }
        let id = match trim_id(id) {
            Ok(id) => id,
            Err(e) => {
                errs.push(e);
                continue;
            }
        };
        match ctx.api().container_remove(id, force, volumes) {
            Ok(()) => out.out(&format!("{name}\n")),
            Err(e) if force && e.status() == 404 => out.err(&format!("{}\n", api_error(&e))),
            Err(e) => errs.push(api_error(&e)),
        }
    }
    finish(out, &errs)
}

fn rename(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let (old, new) = (inv.args[0].trim(), inv.args[1].trim());
    if old.is_empty() || new.is_empty() {
        return out.fail("Error: Neither old nor new names may be empty", 1);
    }
    match ctx.api().container_rename(old, new) {
        Ok(()) => out,
        Err(e) => {
            let mut out = out;
            out.err(&format!("{}\n", api_error(&e)));
            out.fail(&errors::failed_to_rename(old), 1)
        }
    }
}

/// `docker wait`: each exit code in order, as each container stops.
fn wait(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let mut errs = Vec::new();
    for (i, name) in inv.args.iter().enumerate() {
        let r = trim_id(name).and_then(|id| {
            ctx.api().container_wait(id, SETTLE_SECS).map_err(|e| api_error(&e)).map(|code| (id.to_string(), code))
        });
        match r {
            Ok((_, Some(code))) => out.out(&format!("{code}\n")),
            Ok((id, None)) => {
                // Still running: the terminal waits for it, then for the others.
                let mut ids = vec![resolve(ctx, &id)];
                ids.extend(inv.args[i + 1..].iter().map(|n| resolve(ctx, n.trim())));
                if !errs.is_empty() {
                    out.err(&format!("{}\n", errors::join(&errs)));
                }
                out.attach = Some(Foreground::Wait { ids, next: 0, failed: !errs.is_empty() });
                return out;
            }
            Err(e) => errs.push(e),
        }
    }
    finish(out, &errs)
}

/// The full ID of a container (the name itself when there is no such container, so the
/// waiting terminal reports it as docker would).
fn resolve(ctx: &mut ClientCtx<'_>, name: &str) -> String {
    let api = ctx.api();
    crate::engine::api::lookup::container_id(api.world.daemon(api.daemon), name).unwrap_or_else(|_| name.to_string())
}
