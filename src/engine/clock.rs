//! Simulated time. The engine never reads a wall clock: every instant is a [`Time`] that
//! only moves forward when a command (or the learner's `sleep`) advances the [`Clock`].
//!
//! Invariant: `Clock::now` never decreases.

use serde::{Deserialize, Serialize};

/// An instant of simulated time, in nanoseconds since the Unix epoch (UTC).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Time(pub u64);

/// A span of simulated time, in nanoseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span(pub u64);

impl Span {
    pub const ZERO: Span = Span(0);
    pub const fn secs(s: u64) -> Span {
        Span(s * 1_000_000_000)
    }
    pub const fn millis(ms: u64) -> Span {
        Span(ms * 1_000_000)
    }
    pub fn as_secs(self) -> u64 {
        self.0 / 1_000_000_000
    }
    pub fn as_millis(self) -> u64 {
        self.0 / 1_000_000
    }
    /// Seconds as a float, for Docker's "0.1s" style build timings.
    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / 1e9
    }
}

impl std::ops::Add<Span> for Time {
    type Output = Time;
    fn add(self, rhs: Span) -> Time {
        Time(self.0.saturating_add(rhs.0))
    }
}

impl std::ops::Add for Span {
    type Output = Span;
    fn add(self, rhs: Span) -> Span {
        Span(self.0.saturating_add(rhs.0))
    }
}

impl Time {
    /// The instant every fresh world starts at: Monday 2 March 2026, 12:00:00 UTC.
    pub const START: Time = Time(1_772_452_800 * 1_000_000_000);

    /// Time since `earlier` (zero if `earlier` is later).
    pub fn since(self, earlier: Time) -> Span {
        Span(self.0.saturating_sub(earlier.0))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.frac]Z` (UTC only).
    pub fn parse_rfc3339(s: &str) -> Option<Time> {
        let s = s.strip_suffix('Z')?;
        let (date, time) = s.split_once('T')?;
        let mut d = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
        let (y, mo, da) = (d.next()??, d.next()??, d.next()??);
        let (hms, frac) = time.split_once('.').unwrap_or((time, ""));
        let mut t = hms.splitn(3, ':').map(|p| p.parse::<u64>().ok());
        let (h, mi, se) = (t.next()??, t.next()??, t.next()??);
        if !(1..=12).contains(&mo) || !(1..=31).contains(&da) || h > 23 || mi > 59 || se > 60 {
            return None;
        }
        let mut nanos = 0u64;
        if !frac.is_empty() {
            if frac.len() > 9 || !frac.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            nanos = format!("{frac:0<9}").parse().ok()?;
        }
        let days = days_from_civil(y, mo as u32, da as u32);
        if days < 0 {
            return None;
        }
        let secs = days as u64 * 86_400 + h * 3600 + mi * 60 + se;
        Some(Time(secs * 1_000_000_000 + nanos))
    }

    pub fn unix_secs(self) -> u64 {
        self.0 / 1_000_000_000
    }

    /// The civil date and time (UTC) of this instant.
    pub fn civil(self) -> Civil {
        let secs = self.unix_secs();
        let days = (secs / 86_400) as i64;
        let rem = secs % 86_400;
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: (rem / 3600) as u32,
            minute: (rem % 3600 / 60) as u32,
            second: (rem % 60) as u32,
            nanos: (self.0 % 1_000_000_000) as u32,
            weekday: ((days + 4).rem_euclid(7)) as u32,
        }
    }

    /// RFC 3339 with nanoseconds, trailing zeros trimmed, as Go's `time.RFC3339Nano`
    /// prints it (Docker's `inspect`, `logs -t`): `2026-03-02T12:00:00.5Z`.
    pub fn rfc3339_nano(self) -> String {
        let c = self.civil();
        let mut s = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        );
        if c.nanos != 0 {
            let frac = format!("{:09}", c.nanos);
            s.push('.');
            s.push_str(frac.trim_end_matches('0'));
        }
        s.push('Z');
        s
    }

    /// RFC 3339 with all nine fractional digits (`docker logs -t` pads them).
    pub fn rfc3339_nano_fixed(self) -> String {
        let c = self.civil();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:09}Z",
            c.year, c.month, c.day, c.hour, c.minute, c.second, c.nanos
        )
    }

    /// Go's default `time.Time.String()` layout in UTC, used by `docker ps --format
    /// '{{.CreatedAt}}'`: `2026-03-02 12:00:00 +0000 UTC`.
    pub fn go_string(self) -> String {
        let c = self.civil();
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02} +0000 UTC",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        )
    }
}

/// A broken-down UTC date and time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub nanos: u32,
    /// 0 = Sunday.
    pub weekday: u32,
}

impl Civil {
    pub fn weekday_abbrev(&self) -> &'static str {
        ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][self.weekday as usize % 7]
    }
    pub fn month_abbrev(&self) -> &'static str {
        [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ][(self.month as usize).saturating_sub(1) % 12]
    }
}

/// Howard Hinnant's `days_from_civil`: (year, month, day) to days since 1970-01-01.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to (year, month, day).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The world's clock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    now: Time,
}

impl Default for Clock {
    fn default() -> Self {
        Clock { now: Time::START }
    }
}

impl Clock {
    pub fn now(&self) -> Time {
        self.now
    }

    /// Moves time forward by `span`.
    pub fn advance(&mut self, span: Span) {
        self.now = self.now + span;
    }

    /// Moves time forward to `t` if `t` is later than now.
    pub fn advance_to(&mut self, t: Time) {
        if t > self.now {
            self.now = t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_is_a_monday_in_march_2026() {
        let c = Time::START.civil();
        assert_eq!((c.year, c.month, c.day, c.hour), (2026, 3, 2, 12));
        assert_eq!(c.weekday_abbrev(), "Mon");
        assert_eq!(Time::START.rfc3339_nano(), "2026-03-02T12:00:00Z");
    }

    #[test]
    fn nanos_are_trimmed_like_go() {
        let t = Time::START + Span::millis(500);
        assert_eq!(t.rfc3339_nano(), "2026-03-02T12:00:00.5Z");
        assert_eq!(t.rfc3339_nano_fixed(), "2026-03-02T12:00:00.500000000Z");
    }

    #[test]
    fn parses_rfc3339() {
        assert_eq!(Time::parse_rfc3339("2026-03-02T12:00:00Z"), Some(Time::START));
        let t = Time::parse_rfc3339("2025-05-30T17:05:30.123Z").unwrap();
        assert_eq!(t.rfc3339_nano(), "2025-05-30T17:05:30.123Z");
        assert_eq!(Time::parse_rfc3339("2025-13-01T00:00:00Z"), None);
    }

    #[test]
    fn leap_years() {
        // 2028-02-29
        let t = Time(1_835_395_200 * 1_000_000_000);
        let c = t.civil();
        assert_eq!((c.year, c.month, c.day), (2028, 2, 29));
    }
}
