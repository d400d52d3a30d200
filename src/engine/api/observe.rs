//! Endpoints that look into a container: logs, top, stats.
//!
//! Invariant: read-only; none of these change the world.

use super::lookup;
use super::{Api, ApiError, ApiResult, query_escape};
use crate::engine::clock::Time;
use crate::engine::model::container::LogEntry;

/// `GET /containers/{id}/logs` options.
#[derive(Clone, Debug, Default)]
pub struct LogsOptions {
    /// Only the last N lines (`--tail`); `None` = all.
    pub tail: Option<u64>,
    pub since: Option<Time>,
    pub until: Option<Time>,
    pub follow: bool,
    pub timestamps: bool,
}

/// `GET /containers/{id}/top` answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Top {
    pub titles: Vec<String>,
    pub processes: Vec<Vec<String>>,
}

/// One sample of `docker stats --no-stream`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    pub id: String,
    pub name: String,
    pub cpu_percent_x100: u32,
    pub mem_usage: u64,
    pub mem_limit: u64,
    pub net_rx: u64,
    pub net_tx: u64,
    pub block_read: u64,
    pub block_write: u64,
    pub pids: u32,
}

/// Splits log entries into lines (an entry may hold several), keeping each line's time and
/// stream, as Docker's json-file driver stores one record per line.
pub fn log_lines(entries: &[LogEntry]) -> Vec<LogEntry> {
    let mut out = Vec::new();
    for e in entries {
        let mut rest = e.text.as_str();
        while !rest.is_empty() {
            let (line, tail) = match rest.find('\n') {
                Some(i) => (&rest[..=i], &rest[i + 1..]),
                None => (rest, ""),
            };
            out.push(LogEntry { at: e.at, stream: e.stream, text: line.to_string() });
            rest = tail;
        }
    }
    out
}

impl Api<'_> {
    /// `GET /containers/{id}/logs`: the lines so far (the client follows with later calls).
    pub fn container_logs(&mut self, name: &str, opts: &LogsOptions) -> ApiResult<Vec<LogEntry>> {
        let mut path = format!("/containers/{}/logs?stderr=1&stdout=1", query_escape(name));
        if opts.follow {
            path.push_str("&follow=1");
        }
        if let Some(t) = opts.tail {
            path.push_str(&format!("&tail={t}"));
        } else {
            path.push_str("&tail=all");
        }
        if opts.timestamps {
            path.push_str("&timestamps=1");
        }
        self.serve("GET", &path, 200, |api| {
            let id = lookup::container_id(api.daemon(), name)?;
            let c = &api.daemon().containers[&id];
            let mut lines: Vec<LogEntry> = log_lines(&c.logs)
                .into_iter()
                .filter(|l| opts.since.is_none_or(|s| l.at >= s) && opts.until.is_none_or(|u| l.at <= u))
                .collect();
            if let Some(t) = opts.tail {
                let t = t as usize;
                if lines.len() > t {
                    lines.drain(..lines.len() - t);
                }
            }
            Ok(lines)
        })
    }

    /// `GET /containers/{id}/top` (`ps -ef` of the container's processes).
    pub fn container_top(&mut self, name: &str) -> ApiResult<Top> {
        let path = format!("/containers/{}/top", query_escape(name));
        self.serve("GET", &path, 200, |api| {
            let id = lookup::container_id(api.daemon(), name)?;
            let c = &api.daemon().containers[&id];
            let Some(task) = c.task.as_ref().filter(|_| c.state.running) else {
                return Err(ApiError::conflict(format!("container {id} is not running")));
            };
            if c.state.restarting {
                return Err(ApiError::conflict(format!(
                    "Container {id} is restarting, wait until the container is running"
                )));
            }
            let stime = c.state.started_at.unwrap_or(c.created).civil();
            let stime = format!("{:02}:{:02}", stime.hour, stime.minute);
            let user = if c.config.user.is_empty() { "root".to_string() } else { c.config.user.clone() };
            let mut processes = vec![row(&user, task.pid, task.pid - 23, &stime, &task.main.command_line())];
            for e in task.execs.iter().filter(|e| e.exit_code.is_none()) {
                processes.push(row(&user, e.pid, task.pid - 23, &stime, &e.proc.command_line()));
            }
            Ok(Top {
                titles: ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"].map(String::from).to_vec(),
                processes,
            })
        })
    }

    /// `docker stats` without names: `GET /containers/json` (with `all=1` for `-a`), then
    /// one reading per container listed, in `ps` order.
    pub fn container_stats(&mut self, names: &[String], all: bool) -> ApiResult<Vec<Stats>> {
        if !names.is_empty() {
            return names.iter().map(|n| self.container_stats_one(n)).collect();
        }
        let path = if all { "/containers/json?all=1" } else { "/containers/json" };
        let ids: Vec<String> = self.serve("GET", path, 200, |api| {
            Ok(api.daemon().containers_newest_first().into_iter().filter(|c| all || c.state.running).map(|c| c.id.clone()).collect())
        })?;
        ids.iter().map(|id| self.container_stats_one(id)).collect()
    }

    /// `GET /containers/{id}/stats?stream=0`: one reading.
    pub fn container_stats_one(&mut self, name: &str) -> ApiResult<Stats> {
        let path = format!("/containers/{}/stats?stream=0", query_escape(name));
        self.serve("GET", &path, 200, |api| {
            let d = api.daemon();
            let id = lookup::container_id(d, name)?;
            let mem_limit = api.world.host(d.host).memory_bytes;
            let c = &d.containers[&id];
            let seed = u64::from_str_radix(&id[..8], 16).unwrap_or(0);
            let running = c.state.running && !c.state.paused;
            let (cpu, mem, pids) = if c.state.running {
                let pids = 1 + c.task.as_ref().map_or(0, |t| t.execs.iter().filter(|e| e.exit_code.is_none()).count() as u32);
                (if running { (seed % 40) as u32 } else { 0 }, 1_200_000 + seed % 9_000_000, pids)
            } else {
                (0, 0, 0)
            };
            Ok(Stats {
                id: id.clone(),
                name: c.name.clone(),
                cpu_percent_x100: cpu,
                mem_usage: mem,
                mem_limit: if c.state.running { mem_limit } else { 0 },
                net_rx: if c.state.running { 1_046 + seed % 3000 } else { 0 },
                net_tx: if c.state.running { 126 } else { 0 },
                block_read: 0,
                block_write: c.rw.size(),
                pids,
            })
        })
    }
}

fn row(user: &str, pid: u32, ppid: u32, stime: &str, cmd: &str) -> Vec<String> {
    vec![user.into(), pid.to_string(), ppid.to_string(), "0".into(), stime.into(), "?".into(), "00:00:00".into(), cmd.into()]
}

impl Api<'_> {
    /// Log lines of container `id` from line `cursor` on, for a client already following
    /// them (`docker logs -f`: one open stream, so no new request). Returns the lines, the
    /// new cursor, and whether the container still runs (`None` once it is gone).
    pub fn logs_follow(&self, id: &str, cursor: usize) -> (Vec<LogEntry>, usize, Option<bool>) {
        let Some(c) = self.daemon().containers.get(id) else { return (Vec::new(), cursor, None) };
        let lines = log_lines(&c.logs);
        let new = lines.get(cursor..).map(<[LogEntry]>::to_vec).unwrap_or_default();
        (new, lines.len(), Some(c.state.running))
    }
}
