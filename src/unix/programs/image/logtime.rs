//! The timestamp formats the image programs write in their logs, all in UTC (containers
//! run with `TZ` unset): nginx's error log, Redis, PostgreSQL, Apache httpd, MySQL, MongoDB's
//! JSON log, logrus (the registry) and zerolog (Traefik).
//!
//! Invariant: every function is a pure function of the simulated time.

use crate::engine::clock::{Span, Time};

/// `t` plus `ms` milliseconds: log lines written in one step show the few milliseconds
/// a real start-up takes.
pub fn ms(t: Time, ms: u64) -> Time {
    t + Span::millis(ms)
}

/// nginx error log: `2026/03/02 12:00:00`.
pub fn nginx(t: Time) -> String {
    let c = t.civil();
    format!("{:04}/{:02}/{:02} {:02}:{:02}:{:02}", c.year, c.month, c.day, c.hour, c.minute, c.second)
}

/// nginx access log `$time_local`: `02/Mar/2026:12:00:00 +0000`.
pub fn nginx_local(t: Time) -> String {
    let c = t.civil();
    format!("{:02}/{}/{:04}:{:02}:{:02}:{:02} +0000", c.day, c.month_abbrev(), c.year, c.hour, c.minute, c.second)
}

/// Redis `serverLogRaw`: `02 Mar 2026 12:00:00.000`.
pub fn redis(t: Time) -> String {
    let c = t.civil();
    format!(
        "{:02} {} {:04} {:02}:{:02}:{:02}.{:03}",
        c.day,
        c.month_abbrev(),
        c.year,
        c.hour,
        c.minute,
        c.second,
        c.nanos / 1_000_000
    )
}

/// PostgreSQL `%m` in `log_line_prefix`: `2026-03-02 12:00:00.000 UTC`.
pub fn postgres(t: Time) -> String {
    let c = t.civil();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:03} UTC",
        c.year,
        c.month,
        c.day,
        c.hour,
        c.minute,
        c.second,
        c.nanos / 1_000_000
    )
}

/// PostgreSQL timestamps inside messages (`database system was shut down at …`).
pub fn postgres_secs(t: Time) -> String {
    let c = t.civil();
    format!("{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC", c.year, c.month, c.day, c.hour, c.minute, c.second)
}

/// Apache httpd error log: `Mon Mar 02 12:00:00.000000 2026`.
pub fn httpd(t: Time) -> String {
    let c = t.civil();
    format!(
        "{} {} {:02} {:02}:{:02}:{:02}.{:06} {:04}",
        c.weekday_abbrev(),
        c.month_abbrev(),
        c.day,
        c.hour,
        c.minute,
        c.second,
        c.nanos / 1_000,
        c.year
    )
}

/// `date --rfc-3339=seconds` (MySQL's entrypoint): `2026-03-02 12:00:00+00:00`.
pub fn rfc3339_seconds_space(t: Time) -> String {
    let c = t.civil();
    format!("{:04}-{:02}-{:02} {:02}:{:02}:{:02}+00:00", c.year, c.month, c.day, c.hour, c.minute, c.second)
}

/// mysqld's error log: `2026-03-02T12:00:00.000000Z`.
pub fn mysqld(t: Time) -> String {
    let c = t.civil();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
        c.year,
        c.month,
        c.day,
        c.hour,
        c.minute,
        c.second,
        c.nanos / 1_000
    )
}

/// MongoDB's `$date`: `2026-03-02T12:00:00.000+00:00`.
pub fn mongo(t: Time) -> String {
    let c = t.civil();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}+00:00",
        c.year,
        c.month,
        c.day,
        c.hour,
        c.minute,
        c.second,
        c.nanos / 1_000_000
    )
}

/// zerolog's console writer (Traefik): `2026-03-02T12:00:00Z`.
pub fn rfc3339(t: Time) -> String {
    let c = t.civil();
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.year, c.month, c.day, c.hour, c.minute, c.second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let t = ms(Time::START, 7);
        assert_eq!(nginx(t), "2026/03/02 12:00:00");
        assert_eq!(nginx_local(t), "02/Mar/2026:12:00:00 +0000");
        assert_eq!(redis(t), "02 Mar 2026 12:00:00.007");
        assert_eq!(postgres(t), "2026-03-02 12:00:00.007 UTC");
        assert_eq!(postgres_secs(t), "2026-03-02 12:00:00 UTC");
        assert_eq!(httpd(t), "Mon Mar 02 12:00:00.007000 2026");
        assert_eq!(rfc3339_seconds_space(t), "2026-03-02 12:00:00+00:00");
        assert_eq!(mysqld(t), "2026-03-02T12:00:00.007000Z");
        assert_eq!(mongo(t), "2026-03-02T12:00:00.007+00:00");
        assert_eq!(rfc3339(t), "2026-03-02T12:00:00Z");
    }
}
