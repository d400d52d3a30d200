//! `docker images` / `docker image ls`: the daemon's list (`GET /images/json`, filters
//! `dangling`, `reference`, `label`, `before`, `since`), laid out by docker/cli's image
//! formatter: one row per repository and tag (`<none>` rows for dangling images), digests
//! with `--digests` or a `{{.Digest}}` column, `-q` IDs, `--no-trunc` full IDs, `--format`
//! templates, `table …` and `json`.
//!
//! Invariant: an image with several repositories lists them in name order (docker walks a
//! Go map there, whose order varies from run to run).

use std::collections::BTreeMap;

use serde_json::json;

use crate::cli::commands::image_pull::pull_error;
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::format::context;
use crate::cli::format::status::{ago, truncate_id};
use crate::cli::format::tables::{IMAGES, QUIET_FORMAT};
use crate::cli::format::template::{Record, Value};
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::cli::units::{human_size, human_size_with_precision};
use crate::engine::api::images::{ImageListOptions, ImageSummary};
use crate::engine::clock::Time;
use crate::engine::reference;

pub const HANDLERS: &[(&str, Handler)] = &[("image ls", run)];

const TABLE_WITH_DIGEST: &str =
    "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";

/// Subcommands of `docker image`: `docker images ls` lists nothing and hints at them.
const IMAGE_SUBCOMMANDS: &[&str] =
    &["build", "history", "import", "inspect", "list", "load", "ls", "prune", "pull", "push", "rm", "save", "tag"];

/// `NewImageFormat`.
pub fn image_format(source: &str, quiet: bool, digest: bool) -> String {
    match source {
        "table" if quiet => QUIET_FORMAT.to_string(),
        "table" if digest => TABLE_WITH_DIGEST.to_string(),
        "table" => IMAGES.format.to_string(),
        "raw" if quiet => "image_id: {{.ID}}".to_string(),
        "raw" if digest => "repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n".to_string(),
        "raw" => "repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n".to_string(),
        _ if source.starts_with("table") && digest && !source.contains("{{.Digest}}") => format!("{source}\t{{{{.Digest}}}}"),
        _ => source.to_string(),
    }
}

/// One row of the list (docker's `imageContext`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub repo: String,
    pub tag: String,
    pub digest: String,
    pub created: Time,
    pub size: u64,
}

/// `imageFormat`: the rows of one image. `need_digest` when digests are shown (a
/// `--digests` flag or a `{{.Digest}}` in the format), `digests_flag` for `--digests` alone.
pub fn rows_of(img: &ImageSummary, need_digest: bool, digests_flag: bool) -> Vec<Row> {
    let row = |repo: &str, tag: &str, digest: &str| Row {
        id: img.id.clone(),
        repo: repo.to_string(),
        tag: tag.to_string(),
        digest: digest.to_string(),
        created: img.created,
        size: img.size,
    };
    if img.repo_tags.is_empty() && img.repo_digests.is_empty() {
        return vec![row("<none>", "<none>", "<none>")];
    }
    let mut tags: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for t in &img.repo_tags {
        if let Ok(r) = reference::parse_normalized(t)
            && let Some(tag) = &r.tag
        {
            tags.entry(r.familiar_name()).or_default().push(tag.clone());
        }
    }
    let mut digests: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in &img.repo_digests {
        if let Ok(r) = reference::parse_normalized(d)
            && let Some(dg) = &r.digest
        {
            digests.entry(r.familiar_name()).or_default().push(dg.clone());
        }
    }
    let mut rows = Vec::new();
    for (repo, repo_tags) in &tags {
        let ds = digests.remove(repo).unwrap_or_default();
        let ds = if need_digest { ds } else { Vec::new() };
        for tag in repo_tags {
            if ds.is_empty() {
                rows.push(row(repo, tag, "<none>"));
            }
            for d in &ds {
                rows.push(row(repo, tag, d));
            }
        }
    }
    for (repo, ds) in &digests {
        if digests_flag {
            for d in ds {
                rows.push(row(repo, "<none>", d));
            }
        } else {
            rows.push(row(repo, "<none>", ""));
        }
    }
    rows
}

/// The template record of a row.
pub fn record(r: &Row, trunc: bool, now: Time) -> Value {
    record_with(r, trunc, now, None, -1)
}

/// A row with the sizes `docker system df -v` knows: the size shared with other images,
/// and the number of containers using the image.
pub fn record_with(r: &Row, trunc: bool, now: Time, shared: Option<u64>, containers: i64) -> Value {
    let id = if trunc { truncate_id(&r.id) } else { r.id.clone() };
    let shared_size = shared.map_or_else(|| "N/A".to_string(), |s| human_size(s as f64));
    let unique_size = shared.map_or_else(|| "N/A".to_string(), |s| human_size(r.size.saturating_sub(s) as f64));
    let containers = if containers < 0 { "N/A".to_string() } else { containers.to_string() };
    let created_since = ago(r.created, now);
    let created_at = Time(r.created.unix_secs() * 1_000_000_000).go_string();
    let size = human_size_with_precision(r.size as f64, 3);
    let virtual_size = human_size(r.size as f64);
    Record::new("*formatter.imageContext")
        .field("ID", id.as_str())
        .field("Repository", r.repo.as_str())
        .field("Tag", r.tag.as_str())
        .field("Digest", r.digest.as_str())
        .field("CreatedSince", created_since.as_str())
        .field("CreatedAt", created_at.as_str())
        .field("Size", size.as_str())
        .field("Containers", containers.as_str())
        .field("VirtualSize", virtual_size.as_str())
        .field("SharedSize", shared_size.as_str())
        .field("UniqueSize", unique_size.as_str())
        .marshal_json(json!({
            "Containers": containers,
            "CreatedAt": created_at,
            "CreatedSince": created_since,
            "Digest": r.digest,
            "ID": id,
            "Repository": r.repo,
            "SharedSize": shared_size,
            "Size": size,
            "Tag": r.tag,
            "UniqueSize": unique_size,
            "VirtualSize": virtual_size,
        }))
        .into_value()
}

/// The `--filter` values of a list command, by name.
pub fn filter_map(inv: &Invocation, flag: &str) -> BTreeMap<String, Vec<String>> {
    let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, v) in inv.flags.filters(flag) {
        let values = m.entry(k).or_default();
        if !values.contains(&v) {
            values.push(v);
        }
    }
    m
}

fn run_unexplained(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let f = &inv.flags;
    let (quiet, no_trunc, digests, format) = (f.bool("quiet"), f.bool("no-trunc"), f.bool("digests"), f.string("format"));
    let mut filters = filter_map(inv, "filter");
    let match_name = inv.args.first().cloned().unwrap_or_default();
    if !match_name.is_empty() {
        let values = filters.entry("reference".into()).or_default();
        if !values.contains(&match_name) {
            values.push(match_name.clone());
        }
    }
    if f.bool("tree") {
        let clash = [(quiet, "--quiet"), (no_trunc, "--no-trunc"), (digests, "--show-digest"), (!format.is_empty(), "--format")];
        if let Some((_, name)) = clash.iter().find(|(on, _)| *on) {
            return out.fail(&format!("{name} is not yet supported with --tree"), 1);
        }
        out.notes.push("O doca ainda não simula `docker image ls --tree`.".into());
        out.exit = 1;
        return out;
    }
    let opts = ImageListOptions { all: f.bool("all"), filters, container_count: false };
    let images = match ctx.api().image_list(&opts) {
        Ok(l) => l,
        Err(e) => return out.fail(&pull_error(&e), 1),
    };
    let source = if format.is_empty() { "table".to_string() } else { format };
    let fmt = image_format(&source, quiet, digests);
    let need_digest = digests || fmt.contains("{{.Digest}}");
    let now = ctx.world.now();
    let rows: Vec<Value> = images
        .iter()
        .flat_map(|img| rows_of(img, need_digest, digests))
        .map(|r| record(&r, !no_trunc, now))
        .collect();
    match context::write(&fmt, &IMAGES.header(), &rows) {
        Ok(text) => out.out(&text),
        Err(e) => return out.fail(&e, 1),
    }
    if !match_name.is_empty() && images.is_empty() && inv.called_as == "images" && IMAGE_SUBCOMMANDS.contains(&match_name.as_str()) {
        out.err(&format!("\nNo images found matching \"{match_name}\": did you mean \"docker image {match_name}\"?\n"));
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

    fn summary(tags: &[&str], digests: &[&str]) -> ImageSummary {
        ImageSummary {
            id: format!("sha256:{}", "ab".repeat(32)),
            parent_id: String::new(),
            repo_tags: tags.iter().map(|s| s.to_string()).collect(),
            repo_digests: digests.iter().map(|s| s.to_string()).collect(),
            created: Time::START,
            size: 7_797_760,
            labels: BTreeMap::new(),
            containers: -1,
        }
    }

    fn cells(rows: &[Row]) -> Vec<(String, String, String)> {
        rows.iter().map(|r| (r.repo.clone(), r.tag.clone(), r.digest.clone())).collect()
    }

    #[test]
    fn rows_per_repository_and_tag() {
        let d = format!("sha256:{}", "cd".repeat(32));
        let img = summary(&["myalpine:v1", "alpine:latest", "myalpine:latest"], &[&format!("alpine@{d}")]);
        let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(
            cells(&rows_of(&img, false, false)),
            vec![s("alpine", "latest", "<none>"), s("myalpine", "v1", "<none>"), s("myalpine", "latest", "<none>")]
        );
        assert_eq!(cells(&rows_of(&img, true, true))[0], s("alpine", "latest", &d));
        assert_eq!(cells(&rows_of(&summary(&[], &[]), false, false)), vec![s("<none>", "<none>", "<none>")]);
        let only_digest = summary(&[], &[&format!("alpine@{d}")]);
        assert_eq!(cells(&rows_of(&only_digest, false, false)), vec![s("alpine", "<none>", "")]);
        assert_eq!(cells(&rows_of(&only_digest, true, true)), vec![s("alpine", "<none>", &d)]);
    }

    #[test]
    fn formats() {
        assert_eq!(image_format("table", true, false), "{{.ID}}");
        assert_eq!(image_format("table {{.ID}}", false, true), "table {{.ID}}\t{{.Digest}}");
        assert_eq!(image_format("{{.ID}}", true, true), "{{.ID}}");
        let row = rows_of(&summary(&["alpine:latest"], &[]), false, false).remove(0);
        let v = record(&row, true, Time::START);
        let text = context::write("json", &IMAGES.header(), &[v]).unwrap();
        assert!(text.starts_with("{\"Containers\":\"N/A\",\"CreatedAt\":\"2026-03-02 12:00:00 +0000 UTC\",\"CreatedSince\":\"Less than a second ago\",\"Digest\":\"\\u003cnone\\u003e\",\"ID\":\"abababababab\""), "{text}");
    }
}
