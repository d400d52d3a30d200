//! `docker image prune` and `docker system prune`, with docker's `[y/N]` confirmation.
//!
//! Without `-f` the warning and `Are you sure you want to continue? [y/N] ` are printed and
//! the answer is read: from what was piped in (`echo y | docker image prune`), else from
//! the next line the learner types ([`Foreground::Confirm`]). Anything but `y`/`Y` cancels
//! silently (exit status 0), as docker does. `system prune` then prunes containers,
//! networks, (with `--volumes`) volumes, images and build cache, one block of output each,
//! and the total space reclaimed.
//!
//! Invariant: nothing is removed before the answer is `y`, or with `-f`.

use std::collections::BTreeMap;

use crate::cli::attach::{Answer, Pending, confirm};
use crate::cli::commands::image_ls::filter_map;
use crate::cli::commands::image_pull::pull_error;
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::cli::units::human_size;
use crate::engine::api::ApiError;
use crate::engine::api::images::DeleteItem;
use crate::cli::format::status::ago;

pub const HANDLERS: &[(&str, Handler)] =
    &[("image prune", image_prune), ("system prune", system_prune), ("builder prune", builder_prune)];

/// buildx's prompts (`docker builder prune` is `docker buildx prune` when buildx is installed).
const CACHE_WARNING: &str = "WARNING! This will remove all dangling build cache. Are you sure you want to continue?";
const ALL_CACHE_WARNING: &str = "WARNING! This will remove all build cache. Are you sure you want to continue?";

const ALL_IMAGES_WARNING: &str =
    "WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?";
const DANGLING_WARNING: &str = "WARNING! This will remove all dangling images.\nAre you sure you want to continue?";

/// Prints the prompt and either runs `proceed` (`-f`, or a piped `y`), cancels (anything
/// else piped), or leaves the terminal waiting for the answer.
pub(crate) fn ask(inv: &Invocation, ctx: &mut ClientCtx<'_>, message: &str, proceed: Handler) -> Output {
    if inv.flags.bool("force") {
        return proceed(inv, ctx);
    }
    let mut out = Output::default();
    let pending = || Pending { inv: Box::new(inv.clone()), proceed };
    if confirm(ctx, message, &mut out, pending) == Answer::Yes {
        let done = proceed(inv, ctx);
        out.extend(&done.chunks);
        out.notes.extend(done.notes);
        out.exit = done.exit;
    }
    out
}

/// Reports a confirmed prune: the blocks printed, then the total space reclaimed.
fn report(result: Result<u64, ApiError>, mut out: Output) -> Output {
    let mut out = match result {
        Ok(space) => {
            out.out(&format!("Total reclaimed space: {}\n", human_size(space as f64)));
            out
        }
        Err(e) => out.fail(&pull_error(&e), 1),
    };
    super::image_hints::explain(&mut out);
    out
}

/// `docker image prune`, once confirmed.
fn image_prune_now(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let result = prune_images(ctx, inv.flags.bool("all"), &filter_map(inv, "filter")).map(|(space, text)| {
        if !text.is_empty() {
            out.out(&format!("{text}\n"));
        }
        space
    });
    report(result, out)
}

/// `docker system prune`, once confirmed.
fn system_prune_now(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let f = &inv.flags;
    let result = prune_system(ctx, f.bool("all"), f.bool("volumes"), &filter_map(inv, "filter"), &mut out);
    report(result, out)
}

/// `image.RunPrune`: the space reclaimed and the `Deleted Images:` block.
fn prune_images(ctx: &mut ClientCtx<'_>, all: bool, filters: &BTreeMap<String, Vec<String>>) -> Result<(u64, String), ApiError> {
    let mut filters = filters.clone();
    filters.insert("dangling".into(), vec![(!all).to_string()]);
    let report = ctx.api().image_prune(&filters)?;
    if report.deleted.is_empty() {
        return Ok((0, String::new()));
    }
    let mut text = String::from("Deleted Images:\n");
    for item in &report.deleted {
        match item {
            DeleteItem::Untagged(r) => text.push_str(&format!("untagged: {r}\n")),
            DeleteItem::Deleted(id) => text.push_str(&format!("deleted: {id}\n")),
        }
    }
    Ok((report.space_reclaimed, text))
}

fn prune_system(
    ctx: &mut ClientCtx<'_>,
    all: bool,
    volumes: bool,
    filters: &BTreeMap<String, Vec<String>>,
    out: &mut Output,
) -> Result<u64, ApiError> {
    let block = |out: &mut Output, title: &str, items: &[String]| {
        if !items.is_empty() {
            out.out(&format!("{title}\n{}\n\n", items.join("\n")));
        }
    };
    let mut space = 0;
    let (containers, reclaimed) = ctx.api().container_prune()?;
    block(out, "Deleted Containers:", &containers);
    if !containers.is_empty() {
        space += reclaimed;
    }
    let networks = ctx.api().network_prune(filters)?;
    block(out, "Deleted Networks:", &networks);
    if volumes {
        let (vols, reclaimed) = ctx.api().volume_prune(filters)?;
        block(out, "Deleted Volumes:", &vols);
        if !vols.is_empty() {
            space += reclaimed;
        }
    }
    let (reclaimed, text) = prune_images(ctx, all, filters)?;
    if !text.is_empty() {
        out.out(&format!("{text}\n"));
        space += reclaimed;
    }
    let (caches, reclaimed) = ctx.api().build_cache_prune(all, filters)?;
    let ids: Vec<String> = caches.into_iter().map(|r| r.id).collect();
    block(out, "Deleted build cache objects:", &ids);
    space += reclaimed;
    Ok(space)
}

fn image_prune_unexplained(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let warning = if inv.flags.bool("all") { ALL_IMAGES_WARNING } else { DANGLING_WARNING };
    ask(inv, ctx, warning, image_prune_now)
}

/// `confirmationMessage` of `docker system prune`.
pub fn system_warning(all: bool, volumes: bool, filters: &BTreeMap<String, Vec<String>>) -> String {
    let mut warnings = vec!["all stopped containers", "all networks not used by at least one container"];
    if volumes {
        warnings.push("all anonymous volumes not used by at least one container");
    }
    warnings.push(if all { "all images without at least one container associated to them" } else { "all dangling images" });
    warnings.push(if all { "all build cache" } else { "unused build cache" });
    let mut text = String::from("WARNING! This will remove:");
    for w in warnings {
        text.push_str(&format!("\n  - {w}"));
    }
    text.push('\n');
    let mut shown: Vec<String> = Vec::new();
    for name in ["label", "label!", "until"] {
        for v in filters.get(name).into_iter().flatten() {
            shown.push(format!("{name}={v}"));
        }
    }
    shown.sort();
    if !shown.is_empty() {
        text.push_str("\n  Items to be pruned will be filtered with:");
        for f in &shown {
            text.push_str(&format!("\n  - {f}"));
        }
        text.push('\n');
    }
    text.push_str("\nAre you sure you want to continue?");
    text
}

fn system_prune_unexplained(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let f = &inv.flags;
    let (all, volumes) = (f.bool("all"), f.bool("volumes"));
    let filters = filter_map(inv, "filter");
    if volumes && filters.contains_key("until") {
        return Output::default().fail("ERROR: The \"until\" filter is not supported with \"--volumes\"", 1);
    }
    let message = system_warning(all, volumes, &filters);
    ask(inv, ctx, &message, system_prune_now)
}

/// `image_prune`, with doca's pt-BR explanation of the error it printed, if any.
fn image_prune(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = image_prune_unexplained(inv, ctx);
    super::image_hints::explain(&mut out);
    out
}

/// `docker builder prune`: buildx's prune (it asks first unless `-f`).
fn builder_prune(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let warning = if inv.flags.bool("all") { ALL_CACHE_WARNING } else { CACHE_WARNING };
    ask(inv, ctx, warning, builder_prune_now)
}

/// buildx `commands/prune.go` runPrune, once confirmed: one table row per record removed
/// (each flushed alone through a tab-padded tabwriter, hence the ragged columns), then the total.
fn builder_prune_now(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let (gone, total) = match ctx.api().build_cache_prune(inv.flags.bool("all"), &filter_map(inv, "filter")) {
        Ok(r) => r,
        Err(e) => return out.fail(&format!("ERROR: {}", e.message()), 1),
    };
    let now = ctx.world.now();
    let rows: Vec<[String; 4]> = gone
        .iter()
        .map(|r| {
            let id = if r.mutable() { format!("{}*", r.id) } else { r.id.clone() };
            [format!("{id:<40}"), "true ".to_string(), format!("{:<10}", human_size(r.size as f64)), ago(r.last_used, now)]
        })
        .collect();
    let header = ["ID", "RECLAIMABLE", "SIZE", "LAST ACCESSED"].map(String::from);
    for (i, row) in rows.iter().enumerate() {
        let block: Vec<&[String; 4]> = if i == 0 { vec![&header, row] } else { vec![row] };
        out.out(&tab_padded(&block));
    }
    out.out(&tab_padded(&[&["Total:".to_string(), human_size(total as f64)]]));
    out
}

/// Go's `tabwriter.NewWriter(w, 1, 8, 1, '\t', 0)` over one flushed block: each cell but the
/// last is padded with tabs to the column's width plus one, rounded up to a multiple of 8.
fn tab_padded<const N: usize>(lines: &[&[String; N]]) -> String {
    let mut text = String::new();
    let widths: Vec<usize> = (0..N).map(|c| lines.iter().map(|l| l[c].chars().count()).max().unwrap_or(0) + 1).collect();
    for line in lines {
        for (c, cell) in line.iter().enumerate() {
            text.push_str(cell);
            if c + 1 < N {
                let width = widths[c].div_ceil(8) * 8;
                let pad = width - cell.chars().count();
                text.push_str(&"\t".repeat(pad.div_ceil(8)));
            }
        }
        text.push('\n');
    }
    text
}

/// `system_prune`, with doca's pt-BR explanation of the error it printed, if any.
fn system_prune(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = system_prune_unexplained(inv, ctx);
    super::image_hints::explain(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings() {
        assert_eq!(
            system_warning(false, false, &BTreeMap::new()),
            "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue?"
        );
        let mut f = BTreeMap::new();
        f.insert("until".to_string(), vec!["1h".to_string()]);
        f.insert("label".to_string(), vec!["a=b".to_string()]);
        assert_eq!(
            system_warning(true, true, &f),
            "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all anonymous volumes not used by at least one container\n  - all images without at least one container associated to them\n  - all build cache\n\n  Items to be pruned will be filtered with:\n  - label=a=b\n  - until=1h\n\nAre you sure you want to continue?"
        );
        assert!(crate::cli::attach::is_yes("y\n") && crate::cli::attach::is_yes(" Y "));
        assert!(!crate::cli::attach::is_yes("yes") && !crate::cli::attach::is_yes(""));
    }
}
