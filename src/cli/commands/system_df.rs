//! `docker system df`: what images, containers, local volumes and the build cache take
//! (`GET /system/df`), one row each (`TYPE TOTAL ACTIVE SIZE RECLAIMABLE`, reclaimable
//! with its percentage), or with `-v` one table per kind. Sums follow docker/cli's
//! formatter: an image's reclaimable space is the store's size minus the unique size of
//! the images containers use.
//!
//! Invariant: read-only.

use serde_json::json;

use crate::cli::commands::image_ls::{Row, record_with};
use crate::cli::commands::image_pull::pull_error;
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::format::context;
use crate::cli::format::status::{ContainerState, ago, command, size, truncate_id};
use crate::cli::format::tables::{DISK_USAGE, IMAGES};
use crate::cli::format::template::{Record, Template, Value};
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::cli::units::human_size;
use crate::engine::api::system::DiskUsage;
use crate::engine::clock::Time;
use crate::engine::model::build_cache::{BuildRecord, RecordKind};
use crate::engine::model::container::Container;
use crate::engine::reference;

pub const HANDLERS: &[(&str, Handler)] = &[("system df", run)];

const RAW_FORMAT: &str = "type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\nreclaimable: {{.Reclaimable}}\n";
const IMAGE_TABLE: &str =
    "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}";
const CONTAINER_TABLE: &str =
    "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}";
const CONTAINER_HEADERS: &[(&str, &str)] = &[
    ("ID", "CONTAINER ID"),
    ("Image", "IMAGE"),
    ("Command", "COMMAND"),
    ("LocalVolumes", "LOCAL VOLUMES"),
    ("Size", "SIZE"),
    ("RunningFor", "CREATED"),
    ("Status", "STATUS"),
    ("Names", "NAMES"),
];
const VOLUME_TABLE: &str = "table {{.Name}}\t{{.Links}}\t{{.Size}}";
const VOLUME_HEADERS: &[(&str, &str)] = &[("Name", "VOLUME NAME"), ("Links", "LINKS"), ("Size", "SIZE")];
const CACHE_TABLE: &str =
    "table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}";
const CACHE_HEADERS: &[(&str, &str)] = &[
    ("ID", "CACHE ID"),
    ("CacheType", "CACHE TYPE"),
    ("Size", "SIZE"),
    ("CreatedSince", "CREATED"),
    ("LastUsedSince", "LAST USED"),
    ("UsageCount", "USAGE"),
    ("Shared", "SHARED"),
];

fn volume_record(v: &(String, usize, u64)) -> Value {
    Record::new("*formatter.volumeContext")
        .field("Name", v.0.as_str())
        .field("Links", v.1.to_string())
        .field("Size", human_size(v.2 as f64))
        .into_value()
}

/// The daemon's `BuilderSize`: records whose layer no image shares (the others count as images).
fn cache_size(du: &DiskUsage) -> u64 {
    du.build_cache.iter().filter(|(_, shared)| !shared).map(|(r, _)| r.size).sum()
}

/// A row of `docker system df -v`'s build cache table (docker/cli formatter buildCacheContext).
fn cache_record(r: &BuildRecord, shared: bool, trunc: bool, now: Time) -> Value {
    let id = if trunc { r.id.chars().take(12).collect() } else { r.id.clone() };
    let kind = match r.kind {
        RecordKind::Regular => "regular",
        RecordKind::SourceLocal => "source.local",
    };
    Record::new("*formatter.buildCacheContext")
        .field("ID", id)
        .field("CacheType", kind)
        .field("Size", human_size(r.size as f64))
        .field("CreatedSince", ago(r.created, now))
        .field("LastUsedSince", ago(r.last_used, now))
        .field("UsageCount", r.usage.to_string())
        .field("Shared", shared.to_string())
        .into_value()
}

/// `"7.8MB (100%)"`, or the size alone when the total is 0.
fn with_percent(reclaimable: u64, total: u64) -> String {
    match (reclaimable * 100).checked_div(total) {
        Some(pct) => format!("{} ({pct}%)", human_size(reclaimable as f64)),
        None => human_size(reclaimable as f64),
    }
}

fn is_active(c: &Container) -> bool {
    c.state.running
}

fn summary_row(kind: &str, type_name: &str, total: usize, active: usize, size: String, reclaimable: String) -> Value {
    Record::new(type_name)
        .field("Type", kind)
        .field("TotalCount", total.to_string())
        .field("Active", active.to_string())
        .field("Size", size.as_str())
        .field("Reclaimable", reclaimable.as_str())
        .marshal_json(json!({
            "Active": active.to_string(),
            "Reclaimable": reclaimable,
            "Size": size,
            "TotalCount": total.to_string(),
            "Type": kind,
        }))
        .into_value()
}

/// The four summary rows.
pub fn summary_rows(du: &DiskUsage) -> Vec<Value> {
    let used: u64 = du
        .images
        .iter()
        .filter(|(s, _)| s.containers != 0)
        .map(|(s, shared)| s.size.saturating_sub(*shared))
        .sum();
    let images_active = du.images.iter().filter(|(s, _)| s.containers > 0).count();
    let reclaimable = du.layers_size.saturating_sub(used);
    let rw_total: u64 = du.containers.iter().map(|c| c.rw_size).sum();
    let rw_free: u64 = du.containers.iter().filter(|c| !is_active(c)).map(|c| c.rw_size).sum();
    let volumes_total: u64 = du.volumes.iter().map(|v| v.2).sum();
    let volumes_free: u64 = du.volumes.iter().filter(|v| v.1 == 0).map(|v| v.2).sum();
    let cache_total = cache_size(du);
    vec![
        summary_row(
            "Images",
            "*formatter.diskUsageImagesContext",
            du.images.len(),
            images_active,
            human_size(du.layers_size as f64),
            with_percent(reclaimable, du.layers_size),
        ),
        summary_row(
            "Containers",
            "*formatter.diskUsageContainersContext",
            du.containers.len(),
            du.containers.iter().filter(|c| is_active(c)).count(),
            human_size(rw_total as f64),
            with_percent(rw_free, rw_total),
        ),
        summary_row(
            "Local Volumes",
            "*formatter.diskUsageVolumesContext",
            du.volumes.len(),
            du.volumes.iter().filter(|v| v.1 > 0).count(),
            human_size(volumes_total as f64),
            with_percent(volumes_free, volumes_total),
        ),
        // docker/cli formatter diskUsageBuilderContext: reclaimable is everything not in use
        summary_row("Build Cache", "*formatter.diskUsageBuilderContext", du.build_cache.len(), 0, human_size(cache_total as f64), human_size(cache_total as f64)),
    ]
}

fn state_of(c: &Container) -> ContainerState {
    let s = &c.state;
    ContainerState {
        running: s.running,
        paused: s.paused,
        restarting: s.restarting,
        removal_in_progress: s.removal_in_progress,
        dead: s.dead,
        started_at: s.started_at,
        finished_at: s.finished_at,
        exit_code: i64::from(s.exit_code),
        health: s.health.map(|h| h.as_str().to_string()),
    }
}

fn container_record(c: &Container, trunc: bool, now: Time) -> Value {
    let id = if trunc { truncate_id(&c.id) } else { c.id.clone() };
    let image = if trunc && c.config.image.starts_with("sha256:") { truncate_id(&c.config.image) } else { c.config.image.clone() };
    let cmd = std::iter::once(c.path.clone()).chain(c.args.iter().cloned()).collect::<Vec<_>>().join(" ");
    Record::new("*formatter.ContainerContext")
        .field("ID", id.as_str())
        .field("Image", image.as_str())
        .field("Command", command(&cmd, trunc))
        .field("LocalVolumes", "0")
        .field("Size", size(c.rw_size as i64, 0))
        .field("RunningFor", ago(c.created, now))
        .field("Status", state_of(c).status(now))
        .field("Names", c.name.as_str())
        .into_value()
}

fn image_row(s: &crate::engine::api::images::ImageSummary, shared: u64, trunc: bool, now: Time) -> Value {
    let (mut repo, mut tag) = ("<none>".to_string(), "<none>".to_string());
    if let Some(first) = s.repo_tags.first()
        && let Ok(r) = reference::parse_normalized(first)
    {
        repo = r.familiar_name();
        tag = r.tag.unwrap_or_default();
    }
    let row = Row { id: s.id.clone(), repo, tag, digest: String::new(), created: s.created, size: s.size };
    record_with(&row, trunc, now, Some(shared), s.containers)
}

fn verbose_table(du: &DiskUsage, now: Time) -> Result<String, String> {
    let mut text = String::from("Images space usage:\n\n");
    let images: Vec<Value> = du.images.iter().map(|(s, shared)| image_row(s, *shared, true, now)).collect();
    text.push_str(&context::write(IMAGE_TABLE, &IMAGES.header(), &images)?);
    text.push_str("\nContainers space usage:\n\n");
    let containers: Vec<Value> = du.containers.iter().map(|c| container_record(c, true, now)).collect();
    text.push_str(&context::write(CONTAINER_TABLE, &Record::header(CONTAINER_HEADERS).into_value(), &containers)?);
    text.push_str("\nLocal Volumes space usage:\n\n");
    let volumes: Vec<Value> = du.volumes.iter().map(volume_record).collect();
    text.push_str(&context::write(VOLUME_TABLE, &Record::header(VOLUME_HEADERS).into_value(), &volumes)?);
    text.push_str(&format!("\nBuild cache usage: {}\n\n", human_size(cache_size(du) as f64)));
    let records: Vec<Value> = du.build_cache.iter().map(|(r, shared)| cache_record(r, *shared, true, now)).collect();
    text.push_str(&context::write(CACHE_TABLE, &Record::header(CACHE_HEADERS).into_value(), &records)?);
    Ok(text)
}

fn run_unexplained(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let du = match ctx.api().disk_usage() {
        Ok(du) => du,
        Err(e) => return out.fail(&pull_error(&e), 1),
    };
    let now = ctx.world.now();
    let format = inv.flags.string("format");
    let source = if format.is_empty() { "table" } else { format.as_str() };
    let verbose = inv.flags.bool("verbose");
    let result = if verbose && source == "table" {
        verbose_table(&du, now)
    } else if verbose {
        let trunc = source.starts_with("table");
        let body = source.strip_prefix("table").unwrap_or(source).trim_matches(' ').replace("\\t", "\t").replace("\\n", "\n");
        let data = Record::new("*formatter.diskUsageContext")
            .field("Images", Value::List(du.images.iter().map(|(s, sh)| image_row(s, *sh, trunc, now)).collect()))
            .field("Containers", Value::List(du.containers.iter().map(|c| container_record(c, trunc, now)).collect()))
            .field("Volumes", Value::List(du.volumes.iter().map(volume_record).collect()))
            .field("BuildCache", Value::List(du.build_cache.iter().map(|(r, shared)| cache_record(r, *shared, trunc, now)).collect()))
            .into_value();
        Template::parse(&body)
            .map_err(|e| format!("template parsing error: {e}"))
            .and_then(|t| t.execute(&data).map_err(|e| format!("template parsing error: {e}")))
    } else {
        let fmt = match source {
            "table" => DISK_USAGE.format,
            "raw" => RAW_FORMAT,
            other => other,
        };
        context::write(fmt, &DISK_USAGE.header(), &summary_rows(&du))
    };
    match result {
        Ok(text) => {
            out.out(&text);
            out
        }
        Err(e) => out.fail(&e, 1),
    }
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

    #[test]
    fn empty_daemon() {
        let du = DiskUsage::default();
        assert_eq!(
            context::write(DISK_USAGE.format, &DISK_USAGE.header(), &summary_rows(&du)).unwrap(),
            "TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\nImages          0         0         0B        0B\nContainers      0         0         0B        0B\nLocal Volumes   0         0         0B        0B\nBuild Cache     0         0         0B        0B\n"
        );
        assert_eq!(
            context::write("json", &DISK_USAGE.header(), &summary_rows(&du)[..1]).unwrap(),
            "{\"Active\":\"0\",\"Reclaimable\":\"0B\",\"Size\":\"0B\",\"TotalCount\":\"0\",\"Type\":\"Images\"}\n"
        );
        assert_eq!(with_percent(50, 200), "50B (25%)");
    }
}
