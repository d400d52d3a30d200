//! Commands that look at a container without changing it: `docker top`, `docker diff`,
//! `docker port` and `docker stats --no-stream`.
//!
//! Invariant: each prints what the daemon answered, formatted as docker/cli does
//! (`top`'s tabwriter, `diff`'s `{{.Type}} {{.Path}}`, `port`'s natural sort, the stats
//! table of a Linux daemon).

use super::container_common::{api_error, trim_id};
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::format::context;
use crate::cli::format::tables::{DIFF, STATS};
use crate::cli::format::tabwriter::TabWriter;
use crate::cli::format::status::truncate_id;
use crate::cli::format::template::{Record, Value};
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::cli::units::{bytes_size, human_size_with_precision};
use crate::engine::api::observe::Stats;
use crate::unix::fs::ChangeKind;

pub const HANDLERS: &[(&str, Handler)] =
    &[("container top", top), ("container diff", diff), ("container port", port), ("container stats", stats)];

fn top(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let name = match trim_id(&inv.args[0]) {
        Ok(n) => n,
        Err(e) => return out.fail(&e, 1),
    };
    let top = match ctx.api().container_top(name) {
        Ok(t) => t,
        Err(e) => return out.fail(&api_error(&e), 1),
    };
    let mut tw = TabWriter::new(20, 3, ' ');
    tw.write(&format!("{}\n", top.titles.join("\t")));
    for p in &top.processes {
        tw.write(&format!("{}\n", p.join("\t")));
    }
    let mut out = out;
    out.out(&tw.finish());
    out
}

fn diff(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    if inv.args[0].is_empty() {
        return out.fail("Container name cannot be empty", 1);
    }
    let name = match trim_id(&inv.args[0]) {
        Ok(n) => n,
        Err(e) => return out.fail(&e, 1),
    };
    let changes = match ctx.api().container_changes(name) {
        Ok(c) => c,
        Err(e) => return out.fail(&api_error(&e), 1),
    };
    let rows: Vec<Value> = changes
        .iter()
        .map(|c| {
            let kind = match c.kind {
                ChangeKind::Modify => "C",
                ChangeKind::Add => "A",
                ChangeKind::Delete => "D",
            };
            Record::new("*container.diffContext")
                .field("Type", kind)
                .field("Path", c.path.clone())
                .json(serde_json::json!({"Path": c.path, "Type": kind}))
                .into_value()
        })
        .collect();
    let mut out = out;
    match context::write("{{.Type}} {{.Path}}", &DIFF.header(), &rows) {
        Ok(text) => out.out(&text),
        Err(e) => return out.fail(&e, 1),
    }
    out
}

/// `sortorder.NaturalLess`: runs of digits compare as numbers.
fn natural_less(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (ca, cb) = (a[i], b[j]);
        if ca.is_ascii_digit() && cb.is_ascii_digit() {
            let si = i;
            while i < a.len() && a[i] == b'0' {
                i += 1;
            }
            let sj = j;
            while j < b.len() && b[j] == b'0' {
                j += 1;
            }
            let (ni, nj) = (i, j);
            while i < a.len() && a[i].is_ascii_digit() {
                i += 1;
            }
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let (da, db) = (&a[ni..i], &b[nj..j]);
            if da.len() != db.len() {
                return da.len() < db.len();
            }
            if da != db {
                return da < db;
            }
            if i - si != j - sj {
                return i - si < j - sj;
            }
        } else {
            if ca != cb {
                return ca < cb;
            }
            i += 1;
            j += 1;
        }
    }
    a.len() - i < b.len() - j
}

/// `net.JoinHostPort`.
fn join_host_port(ip: &str, port: &str) -> String {
    if ip.contains(':') { format!("[{ip}]:{port}") } else { format!("{ip}:{port}") }
}

fn port(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let name = match trim_id(&inv.args[0]) {
        Ok(n) => n,
        Err(e) => return out.fail(&e, 1),
    };
    let doc = match ctx.api().container_inspect_json(name, false) {
        Ok(d) => d,
        Err(e) => return out.fail(&api_error(&e), 1),
    };
    let empty = serde_json::Map::new();
    let ports = doc["NetworkSettings"]["Ports"].as_object().unwrap_or(&empty);
    let frontends = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|bs| {
                bs.iter()
                    .map(|b| join_host_port(b["HostIp"].as_str().unwrap_or(""), b["HostPort"].as_str().unwrap_or("")))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut lines: Vec<String> = Vec::new();
    if let Some(wanted) = inv.args.get(1) {
        let (num, proto) = wanted.split_once('/').unwrap_or((wanted.as_str(), ""));
        let proto = if proto.is_empty() { "tcp" } else { proto };
        if let Err(e) = crate::cli::gostr::parse_uint_base(num, 10, 16) {
            return out.fail(&format!("Error: invalid port ({num}): {e}"), 1);
        }
        lines = ports.get(&format!("{num}/{proto}")).map(frontends).unwrap_or_default();
        if lines.is_empty() {
            return out.fail(&format!("Error: No public port '{wanted}' published for {}", inv.args[0]), 1);
        }
    } else {
        for (from, v) in ports {
            lines.extend(frontends(v).into_iter().map(|f| format!("{from} -> {f}")));
        }
    }
    lines.sort_by(|a, b| if natural_less(a, b) { std::cmp::Ordering::Less } else if natural_less(b, a) { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal });
    let mut out = out;
    if !lines.is_empty() {
        out.out(&format!("{}\n", lines.join("\n")));
    }
    out
}

/// Go's `strconv.FormatFloat(v, 'f', 2, 64) + "%"`.
fn percent(v: f64) -> String {
    format!("{v:.2}%")
}

/// A `statsContext` row.
fn stats_row(s: &Stats, given: &str, trunc: bool) -> Value {
    let name = if s.name.is_empty() { "--".to_string() } else { s.name.clone() };
    let id = if trunc { truncate_id(&s.id) } else { s.id.clone() };
    let cpu = percent(f64::from(s.cpu_percent_x100) / 100.0);
    let mem = format!("{} / {}", bytes_size(s.mem_usage as f64), bytes_size(s.mem_limit as f64));
    let mem_perc = percent(if s.mem_limit > 0 { s.mem_usage as f64 * 100.0 / s.mem_limit as f64 } else { 0.0 });
    let net = format!(
        "{} / {}",
        human_size_with_precision(s.net_rx as f64, 3),
        human_size_with_precision(s.net_tx as f64, 3)
    );
    let block = format!(
        "{} / {}",
        human_size_with_precision(s.block_read as f64, 3),
        human_size_with_precision(s.block_write as f64, 3)
    );
    let pids = s.pids.to_string();
    Record::new("*container.statsContext")
        .field("Container", given)
        .field("Name", name.clone())
        .field("ID", id.clone())
        .field("CPUPerc", cpu.clone())
        .field("MemUsage", mem.clone())
        .field("MemPerc", mem_perc.clone())
        .field("NetIO", net.clone())
        .field("BlockIO", block.clone())
        .field("PIDs", pids.clone())
        .json(serde_json::json!({
            "BlockIO": block, "CPUPerc": cpu, "Container": given, "ID": id, "MemPerc": mem_perc,
            "MemUsage": mem, "Name": name, "NetIO": net, "PIDs": pids,
        }))
        .into_value()
}

/// `docker stats`: one reading (the terminal does not redraw it continuously).
fn stats(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let f = &inv.flags;
    let list = if inv.args.is_empty() {
        match ctx.api().container_stats(&[], f.bool("all")) {
            Ok(l) => l,
            Err(e) => return out.fail(&api_error(&e), 1),
        }
    } else {
        // One reading per container named; any failure is reported instead of the table.
        let mut list = Vec::new();
        let mut errs = Vec::new();
        for name in &inv.args {
            match trim_id(name).and_then(|n| ctx.api().container_stats_one(n).map_err(|e| api_error(&e))) {
                Ok(s) => list.push(s),
                Err(e) => errs.push(e),
            }
        }
        if !errs.is_empty() {
            return out.fail(&errs.join("\n"), 1);
        }
        list
    };
    let trunc = !f.bool("no-trunc");
    let rows: Vec<Value> = list
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let given = inv.args.get(i).cloned().unwrap_or_else(|| s.id[..12.min(s.id.len())].to_string());
            stats_row(s, &given, trunc)
        })
        .collect();
    let format = f.string("format");
    let format = if format.is_empty() { "table" } else { format.as_str() };
    let format = if format == "table" { STATS.format } else { format };
    match context::write(format, &STATS.header(), &rows) {
        Ok(text) => out.out(&text),
        Err(e) => return out.fail(&e, 1),
    }
    if !f.bool("no-stream") {
        out.notes.push(
            "O doca mostra uma única leitura das estatísticas (como `docker stats --no-stream`); o Docker real atualizaria a tabela continuamente até você pressionar Ctrl+C."
                .into(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order() {
        assert!(natural_less("80/tcp -> 0.0.0.0:8080", "80/tcp -> [::]:8080"));
        assert!(natural_less("9/tcp", "80/tcp"));
        assert!(!natural_less("80/tcp", "9/tcp"));
        assert!(natural_less("a", "ab"));
        assert!(!natural_less("a", "a"));
    }

    #[test]
    fn stats_columns() {
        let s = Stats {
            id: "0123456789abcdef".into(),
            name: "s1".into(),
            cpu_percent_x100: 12,
            mem_usage: 1_258_291,
            mem_limit: 2_147_483_648,
            net_rx: 1046,
            net_tx: 126,
            block_read: 0,
            block_write: 0,
            pids: 1,
        };
        let out = context::write(STATS.format, &STATS.header(), &[stats_row(&s, "s1", true)]).unwrap();
        assert_eq!(
            out,
            "CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O         BLOCK I/O   PIDS\n\
             0123456789ab   s1        0.12%     1.2MiB / 2GiB       0.06%     1.05kB / 126B   0B / 0B     1\n"
        );
    }
}
