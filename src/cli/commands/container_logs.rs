//! `docker logs`: inspect the container, then fetch its log (`--tail`, `--since`,
//! `--until`, `-t`), each line on the stream it was written to (everything on stdout for
//! a container with a tty); with `-f` the terminal keeps following a running container
//! ([`Foreground::Logs`]).
//!
//! Invariant: the lines printed are the daemon's answer, in order; `--since`/`--until`
//! accept what docker's `GetTimestamp` accepts, relative to the simulated clock.

use super::container_common::{api_error, trim_id};
use crate::cli::attach::{Foreground, write_log_lines};
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::gotime::parse_duration;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::engine::api::observe::LogsOptions;
use crate::engine::clock::Time;
use crate::engine::model::container::LogEntry;

pub const HANDLERS: &[(&str, Handler)] = &[("container logs", run)];

/// `timetypes.GetTimestamp`: a duration before `now` (`10m`), an RFC 3339 time or date
/// (UTC), or Unix seconds (`1700000000.5`).
pub fn get_timestamp(value: &str, now: Time) -> Result<Time, String> {
    if let (true, Ok(d)) = (value != "0", parse_duration(value)) {
        let t = now.0 as i128 - d as i128;
        return Ok(Time(t.clamp(0, u64::MAX as i128) as u64));
    }
    let with_zone = if value.contains(['z', 'Z', '+']) { value.to_uppercase() } else { format!("{value}Z") };
    let full = match with_zone.split_once('T') {
        None => format!("{}T00:00:00Z", with_zone.trim_end_matches('Z')),
        Some((_, time)) => match time.matches(':').count() {
            0 => with_zone.replacen('Z', ":00:00Z", 1),
            1 => with_zone.replacen('Z', ":00Z", 1),
            _ => with_zone.clone(),
        },
    };
    if let Some(t) = Time::parse_rfc3339(&full) {
        return Ok(t);
    }
    if value.contains('-') {
        return Err(format!("parsing time {value:?}: cannot parse as RFC 3339"));
    }
    let (secs, frac) = value.split_once('.').unwrap_or((value, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(secs) && (frac.is_empty() || digits(frac)) && frac.len() <= 9 {
        let s: u64 = secs.parse().map_err(|_| format!("failed to parse value as time or duration: {value:?}"))?;
        let n: u64 = if frac.is_empty() { 0 } else { format!("{frac:0<9}").parse().unwrap_or(0) };
        return Ok(Time(s.saturating_mul(1_000_000_000).saturating_add(n)));
    }
    Err(format!("failed to parse value as time or duration: {value:?}"))
}

/// The daemon's `tail`: a number of lines, anything else (`all`, `-1`, `x`) meaning all.
fn tail(value: &str) -> Option<u64> {
    value.parse::<i64>().ok().and_then(|n| u64::try_from(n).ok())
}

fn run(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let f = &inv.flags;
    let name = match trim_id(&inv.args[0]) {
        Ok(n) => n,
        Err(e) => return out.fail(&e, 1),
    };
    let c = match ctx.api().container_inspect(name) {
        Ok(c) => c,
        Err(e) => return out.fail(&api_error(&e), 1),
    };
    let now = ctx.world.now();
    let mut opts = LogsOptions {
        tail: tail(&f.string("tail")),
        follow: f.bool("follow"),
        timestamps: f.bool("timestamps"),
        ..LogsOptions::default()
    };
    for (flag, slot) in [("since", &mut opts.since), ("until", &mut opts.until)] {
        let v = f.string(flag);
        if !v.is_empty() {
            match get_timestamp(&v, now) {
                Ok(t) => *slot = Some(t),
                Err(e) => return out.fail(&format!("invalid value for \"{flag}\": {e}"), 1),
            }
        }
    }
    let lines = match ctx.api().container_logs(&c.id, &opts) {
        Ok(l) => l,
        Err(e) => return out.fail(&api_error(&e), 1),
    };
    let mut out = out;
    // `--details`: the log's extra attributes (none here) and a space before each line.
    let lines: Vec<LogEntry> = if f.bool("details") {
        lines.into_iter().map(|l| LogEntry { text: format!(" {}", l.text), ..l }).collect()
    } else {
        lines
    };
    print(&mut out, &lines, opts.timestamps, c.config.tty);
    if opts.follow && opts.until.is_none() {
        let (_, cursor, running) = ctx.api().logs_follow(&c.id, usize::MAX);
        if running == Some(true) {
            out.attach = Some(Foreground::Logs { id: c.id.clone(), cursor, timestamps: opts.timestamps });
        }
    }
    out
}

/// The lines as the client copies them: apart by stream, or all on stdout with a tty.
fn print(out: &mut Output, lines: &[LogEntry], timestamps: bool, tty: bool) {
    if !tty {
        write_log_lines(out, lines, timestamps);
        return;
    }
    for l in lines {
        let text = l.text.replace("\r\n", "\n").replace('\n', "\r\n");
        if timestamps {
            out.out(&format!("{} {text}", l.at.rfc3339_nano_fixed()));
        } else {
            out.out(&text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::clock::Span;

    #[test]
    fn timestamps_like_docker() {
        let now = Time::START + Span::secs(3600);
        assert_eq!(get_timestamp("10m", now), Ok(Time(now.0 - Span::secs(600).0)));
        assert_eq!(get_timestamp("2026-03-02T12:00:00Z", now), Ok(Time::START));
        assert_eq!(get_timestamp("2026-03-02", now), Ok(Time(Time::START.0 - Span::secs(12 * 3600).0)));
        assert_eq!(get_timestamp("2026-03-02T12:30", now), Ok(Time::START + Span::secs(1800)));
        assert_eq!(get_timestamp("1772452800", now), Ok(Time::START));
        assert_eq!(get_timestamp("1772452800.5", now), Ok(Time::START + Span::millis(500)));
        assert_eq!(get_timestamp("abc", now), Err("failed to parse value as time or duration: \"abc\"".into()));
        assert_eq!(tail("all"), None);
        assert_eq!(tail("-1"), None);
        assert_eq!(tail("2"), Some(2));
    }
}
