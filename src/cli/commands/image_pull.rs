//! `docker pull` (`image pull`), and the pull progress `docker run`/`create` print when
//! the image is missing. Progress is shown as a terminal shows it once done: one line per
//! layer with its final status.
//!
//! Invariant: `docker pull` writes progress and the final reference to stdout; `run` and
//! `create` write the progress to stderr, so `docker run -d` leaves only the ID on stdout.

use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::errors;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::engine::api::ApiError;
use crate::engine::api::pull::{LayerStatus, PullReport};
use crate::engine::reference::{self, Reference};
use crate::shell::outcome::Stream;

pub const HANDLERS: &[(&str, Handler)] = &[("image pull", run)];

/// The pull progress lines (`latest: Pulling from library/nginx` … `Status: …`).
pub fn write_progress(out: &mut Output, report: &PullReport, stream: Stream) {
    let r = &report.reference;
    let what = r.digest.clone().unwrap_or_else(|| r.tag_or_latest().to_string());
    // moby names the repository by its path in the registry, the host trimmed
    // (`Pulling from library/nginx`, `Pulling from site` for localhost:5000/site)
    let mut text = format!("{what}: Pulling from {}\n", r.path);
    for (id, status) in &report.layers {
        let s = match status {
            LayerStatus::AlreadyExists => "Already exists",
            LayerStatus::PullComplete => "Pull complete",
        };
        text.push_str(&format!("{id}: {s} \n"));
    }
    text.push_str(&format!("Digest: {}\n", report.digest));
    let shown = r.familiar();
    if report.up_to_date {
        text.push_str(&format!("Status: Image is up to date for {shown}\n"));
    } else {
        text.push_str(&format!("Status: Downloaded newer image for {shown}\n"));
    }
    out.write(stream, &text);
}

/// Pulls `r` for `run`/`create` (progress on stderr unless `quiet`).
pub fn pull_for_run(ctx: &mut ClientCtx<'_>, r: &Reference, quiet: bool, out: &mut Output) -> Result<(), ApiError> {
    let report = ctx.api().image_pull(r)?;
    if !quiet {
        write_progress(out, &report, Stream::Stderr);
    }
    Ok(())
}

fn run(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let quiet = inv.flags.bool("quiet");
    let all = inv.flags.bool("all-tags");
    let remote = inv.args.first().cloned().unwrap_or_default();
    let r = match reference::parse_normalized(&remote) {
        Ok(r) => r,
        Err(e) => return out.fail(&e, 1),
    };
    let name_only = r.tag.is_none() && r.digest.is_none();
    if all && !name_only {
        return out.fail("tag can't be used with --all-tags/-a", 1);
    }
    if all {
        return pull_all(ctx, &r, quiet, out);
    }
    let r = r.with_default_tag();
    if name_only && !quiet {
        out.out("Using default tag: latest\n");
    }
    match ctx.api().image_pull(&r) {
        Ok(report) => {
            if !quiet {
                write_progress(&mut out, &report, Stream::Stdout);
            }
            out.out(&format!("{r}\n"));
            out
        }
        Err(e) => out.fail(&pull_error(&e), 1),
    }
}

/// `--all-tags`: every tag of the repository, in the registry's order.
fn pull_all(ctx: &mut ClientCtx<'_>, r: &Reference, quiet: bool, mut out: Output) -> Output {
    let tags: Vec<String> = {
        let w = &*ctx.world;
        w.registry_for(&r.domain)
            .and_then(|id| w.registry(id).content.repos.get(&r.path).map(|repo| repo.tags.keys().cloned().collect()))
            .unwrap_or_default()
    };
    if tags.is_empty() {
        let mut probe = r.clone().with_default_tag();
        probe.tag = Some("latest".into());
        if let Err(e) = ctx.api().image_pull(&probe) {
            return out.fail(&pull_error(&e), 1);
        }
    }
    let mut any_new = false;
    for tag in tags {
        let mut t = r.clone();
        t.tag = Some(tag);
        match ctx.api().image_pull(&t) {
            Ok(report) => {
                any_new |= !report.up_to_date;
                if !quiet {
                    let mut text = Output::default();
                    write_progress(&mut text, &report, Stream::Stdout);
                    // Only one status line, at the end, for the whole repository.
                    let body: String = text.stdout().lines().filter(|l| !l.starts_with("Status: ")).map(|l| format!("{l}\n")).collect();
                    out.out(&body);
                }
            }
            Err(e) => return out.fail(&pull_error(&e), 1),
        }
    }
    if !quiet {
        let name = r.familiar_name();
        if any_new {
            out.out(&format!("Status: Downloaded newer image for {name}\n"));
        } else {
            out.out(&format!("Status: Image is up to date for {name}\n"));
        }
    }
    out.out(&format!("{}\n", r.name()));
    out
}

/// How the client prints a failed pull.
pub fn pull_error(e: &ApiError) -> String {
    match e {
        ApiError::Unreachable { .. } => e.message(),
        ApiError::Daemon { message, .. } => errors::daemon(message),
    }
}
