//! Human-readable durations and sizes exactly as Docker's `go-units` prints them. The
//! daemon uses them for `docker ps` STATUS; the client for CREATED and SIZE columns.
//!
//! Invariant: pure functions of their inputs.

use super::clock::Span;

/// `units.HumanDuration`: "Less than a second", "3 seconds", "About a minute", "2 hours"…
pub fn human_duration(d: Span) -> String {
    let secs = d.0 / 1_000_000_000;
    let minutes = secs / 60;
    // Go rounds hours as int(d.Hours() + 0.5).
    let hours_rounded = ((d.0 as f64 / 3.6e12) + 0.5) as u64;
    if secs < 1 {
        "Less than a second".into()
    } else if secs == 1 {
        "1 second".into()
    } else if secs < 60 {
        format!("{secs} seconds")
    } else if minutes == 1 {
        "About a minute".into()
    } else if minutes < 60 {
        format!("{minutes} minutes")
    } else if hours_rounded == 1 {
        "About an hour".into()
    } else if hours_rounded < 48 {
        format!("{hours_rounded} hours")
    } else if hours_rounded < 24 * 7 * 2 {
        format!("{} days", hours_rounded / 24)
    } else if hours_rounded < 24 * 30 * 2 {
        format!("{} weeks", hours_rounded / 24 / 7)
    } else if hours_rounded < 24 * 365 * 2 {
        format!("{} months", hours_rounded / 24 / 30)
    } else {
        format!("{} years", d.0 / 3_600_000_000_000 / 24 / 365)
    }
}

/// Go's `%.4g` for the magnitudes go-units produces (0 ≤ v < 1000 after scaling).
fn format_g4(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let digits_before = if v >= 1.0 { (v.log10().floor() as i32) + 1 } else { 0 };
    let decimals = (4 - digits_before).max(0) as usize;
    let mut s = format!("{v:.decimals$}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    // Rounding may carry into a fifth significant digit (999.95 → "1000"): Go would print
    // "1000" too, as %.4g of 999.95 is "1000".
    s
}

fn custom_size(size: f64, base: f64, units: &[&str]) -> String {
    let mut size = size;
    let mut i = 0;
    while size >= base && i < units.len() - 1 {
        size /= base;
        i += 1;
    }
    format!("{}{}", format_g4(size), units[i])
}

/// `units.HumanSize`: decimal units with 4 significant digits ("1.23kB", "192MB").
pub fn human_size(bytes: u64) -> String {
    custom_size(bytes as f64, 1000.0, &["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"])
}

/// `units.BytesSize`: binary units ("1.5MiB").
pub fn bytes_size(bytes: u64) -> String {
    custom_size(bytes as f64, 1024.0, &["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(human_duration(Span::millis(300)), "Less than a second");
        assert_eq!(human_duration(Span::secs(1)), "1 second");
        assert_eq!(human_duration(Span::secs(59)), "59 seconds");
        assert_eq!(human_duration(Span::secs(60)), "About a minute");
        assert_eq!(human_duration(Span::secs(119)), "About a minute");
        assert_eq!(human_duration(Span::secs(120)), "2 minutes");
        assert_eq!(human_duration(Span::secs(3599)), "59 minutes");
        assert_eq!(human_duration(Span::secs(3600)), "About an hour");
        assert_eq!(human_duration(Span::secs(5400)), "2 hours");
        assert_eq!(human_duration(Span::secs(86400 * 3)), "3 days");
        assert_eq!(human_duration(Span::secs(86400 * 20)), "2 weeks");
        assert_eq!(human_duration(Span::secs(86400 * 100)), "3 months");
    }

    #[test]
    fn sizes() {
        assert_eq!(human_size(0), "0B");
        assert_eq!(human_size(13_256), "13.26kB");
        assert_eq!(human_size(192_000_000), "192MB");
        assert_eq!(human_size(7_800_000), "7.8MB");
        assert_eq!(human_size(1_234_567_890), "1.235GB");
        assert_eq!(bytes_size(1_572_864), "1.5MiB");
        assert_eq!(human_size(999), "999B");
    }
}
