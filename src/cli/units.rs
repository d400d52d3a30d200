//! docker/go-units v0.5.0: human sizes (`HumanSize`, `BytesSize`), size parsing
//! (`RAMInBytes`, `FromHumanSize`) and `HumanDuration`, plus Go's `%.Ng` they rely on.
//!
//! Invariant: byte-for-byte the strings go-units produces for the same inputs.

use super::gostr::parse_float;
use crate::engine::clock::Span;

const DECIMAL_ABBRS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
const BINARY_ABBRS: [&str; 9] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];

fn size_and_unit(mut size: f64, base: f64, map: &[&'static str]) -> (f64, &'static str) {
    let mut i = 0;
    while size >= base && i < map.len() - 1 {
        size /= base;
        i += 1;
    }
    (size, map[i])
}

/// Go's `fmt.Sprintf("%.*g", precision, v)` for finite, non-negative values.
pub fn format_g(v: f64, precision: usize) -> String {
    if v == 0.0 {
        return "0".into();
    }
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN".into()
        } else if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let p = precision.max(1);
    let sci = format!("{:.*e}", p - 1, v);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -4 || exp >= p as i32 {
        let mant = trim_zeros(mant);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mant}e{sign}{:02}", exp.abs());
    }
    let decimals = (p as i32 - 1 - exp).max(0) as usize;
    trim_zeros(&format!("{v:.decimals$}"))
}

fn trim_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// `units.HumanSizeWithPrecision`: decimal units, `precision` significant digits ("2.75MB").
pub fn human_size_with_precision(size: f64, precision: usize) -> String {
    let (s, unit) = size_and_unit(size, 1000.0, &DECIMAL_ABBRS);
    format!("{}{unit}", format_g(s, precision))
}

/// `units.HumanSize`: 4 significant digits, decimal units.
pub fn human_size(size: f64) -> String {
    human_size_with_precision(size, 4)
}

/// `units.BytesSize`: binary units ("1.5GiB").
pub fn bytes_size(size: f64) -> String {
    let (s, unit) = size_and_unit(size, 1024.0, &BINARY_ABBRS);
    format!("{}{unit}", format_g(s, 4))
}

/// `units.RAMInBytes`: "512m" → 536870912 (binary multiples, `b` suffix optional).
pub fn ram_in_bytes(s: &str) -> Result<i64, String> {
    parse_size(s, 1024)
}

/// `units.FromHumanSize`: "1kB" → 1000.
pub fn from_human_size(s: &str) -> Result<i64, String> {
    parse_size(s, 1000)
}

fn parse_size(size_str: &str, base: i64) -> Result<i64, String> {
    let sep = size_str.rfind(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    let Some(sep) = sep else {
        return Err(format!("invalid size: '{size_str}'"));
    };
    let (num, sfx) = if size_str.as_bytes()[sep] != b' ' {
        (&size_str[..sep + 1], &size_str[sep + 1..])
    } else {
        (&size_str[..sep], &size_str[sep + 1..])
    };
    let mut size = parse_float(num)?;
    if size < 0.0 {
        return Err(format!("invalid size: '{size_str}'"));
    }
    if sfx.is_empty() {
        return Ok(size as i64);
    }
    let bad = || format!("invalid suffix: '{}'", sfx.to_lowercase());
    if sfx.len() > 3 {
        return Err(format!("invalid suffix: '{sfx}'"));
    }
    let low = sfx.to_lowercase();
    let b = low.as_bytes();
    if b[0] == b'b' {
        return if b.len() > 1 {
            Err(bad())
        } else {
            Ok(size as i64)
        };
    }
    let power = match b[0] {
        b'k' => 1,
        b'm' => 2,
        b'g' => 3,
        b't' => 4,
        b'p' => 5,
        _ => return Err(bad()),
    };
    size *= (base as f64).powi(power);
    match b.len() {
        2 if b[1] != b'b' => return Err(bad()),
        3 if &low[1..] != "ib" => return Err(bad()),
        _ => {}
    }
    Ok(size as i64)
}

/// `units.HumanDuration`: "Less than a second", "3 seconds", "About a minute", "2 hours", …
pub fn human_duration(d: Span) -> String {
    let nanos = d.0 as f64;
    let seconds = (nanos / 1e9) as i64;
    if seconds < 1 {
        return "Less than a second".into();
    }
    if seconds == 1 {
        return "1 second".into();
    }
    if seconds < 60 {
        return format!("{seconds} seconds");
    }
    let minutes = (nanos / 6e10) as i64;
    if minutes == 1 {
        return "About a minute".into();
    }
    if minutes < 60 {
        return format!("{minutes} minutes");
    }
    let hours = (nanos / 3.6e12 + 0.5) as i64;
    if hours == 1 {
        return "About an hour".into();
    }
    if hours < 48 {
        return format!("{hours} hours");
    }
    if hours < 24 * 7 * 2 {
        return format!("{} days", hours / 24);
    }
    if hours < 24 * 30 * 2 {
        return format!("{} weeks", hours / 24 / 7);
    }
    if hours < 24 * 365 * 2 {
        return format!("{} months", hours / 24 / 30);
    }
    format!("{} years", (nanos / 3.6e12) as i64 / 24 / 365)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_size(0.0), "0B");
        assert_eq!(human_size(999.0), "999B");
        assert_eq!(human_size(1000.0), "1kB");
        assert_eq!(human_size(1234567.0), "1.235MB");
        assert_eq!(human_size(999999.0), "1000kB");
        assert_eq!(human_size(4_400_000.0), "4.4MB");
        assert_eq!(human_size_with_precision(7_812_345.0, 3), "7.81MB");
        assert_eq!(bytes_size(1536.0), "1.5KiB");
        assert_eq!(bytes_size(536_870_912.0), "512MiB");
        assert_eq!(format_g(0.00001, 4), "1e-05");
        assert_eq!(format_g(123456.0, 4), "1.235e+05");
    }

    #[test]
    fn parse_sizes() {
        assert_eq!(ram_in_bytes("512m"), Ok(536_870_912));
        assert_eq!(ram_in_bytes("1.5g"), Ok(1_610_612_736));
        assert_eq!(ram_in_bytes("10"), Ok(10));
        assert_eq!(ram_in_bytes("1 KiB"), Ok(1024));
        assert_eq!(ram_in_bytes("5zz").unwrap_err(), "invalid suffix: 'zz'");
        assert_eq!(ram_in_bytes("5q").unwrap_err(), "invalid suffix: 'q'");
        assert_eq!(ram_in_bytes("abc").unwrap_err(), "invalid size: 'abc'");
        assert_eq!(from_human_size("1kB"), Ok(1000));
        assert_eq!(ram_in_bytes("-1").unwrap_err(), "invalid size: '-1'");
    }

    #[test]
    fn durations() {
        assert_eq!(human_duration(Span::millis(500)), "Less than a second");
        assert_eq!(human_duration(Span::secs(1)), "1 second");
        assert_eq!(human_duration(Span::secs(59)), "59 seconds");
        assert_eq!(human_duration(Span::secs(60)), "About a minute");
        assert_eq!(human_duration(Span::secs(150)), "2 minutes");
        assert_eq!(human_duration(Span::secs(3600)), "About an hour");
        assert_eq!(human_duration(Span::secs(5400)), "2 hours");
        assert_eq!(human_duration(Span::secs(3 * 86400)), "3 days");
        assert_eq!(human_duration(Span::secs(20 * 86400)), "2 weeks");
        assert_eq!(human_duration(Span::secs(90 * 86400)), "3 months");
        assert_eq!(human_duration(Span::secs(800 * 86400)), "2 years");
    }
}
