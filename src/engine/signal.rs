//! Linux signals by name and number, parsed like Docker's `signal.ParseSignal`
//! (`TERM`, `SIGTERM`, `sigterm`, `15`).
//!
//! Invariant: `parse` accepts exactly what Docker accepts on Linux.

/// Linux signal names (without `SIG`) and numbers.
pub const SIGNALS: &[(&str, u8)] = &[
    ("ABRT", 6), ("ALRM", 14), ("BUS", 7), ("CHLD", 17), ("CLD", 17), ("CONT", 18),
    ("FPE", 8), ("HUP", 1), ("ILL", 4), ("INT", 2), ("IO", 29), ("IOT", 6), ("KILL", 9),
    ("PIPE", 13), ("POLL", 29), ("PROF", 27), ("PWR", 30), ("QUIT", 3), ("SEGV", 11),
    ("STKFLT", 16), ("STOP", 19), ("SYS", 31), ("TERM", 15), ("TRAP", 5), ("TSTP", 20),
    ("TTIN", 21), ("TTOU", 22), ("URG", 23), ("USR1", 10), ("USR2", 12), ("VTALRM", 26),
    ("WINCH", 28), ("XCPU", 24), ("XFSZ", 25),
];

pub const SIGKILL: u8 = 9;
pub const SIGTERM: u8 = 15;
pub const SIGINT: u8 = 2;

/// Parses a signal the way Docker does (`signal.ParseSignal`, then
/// `ValidSignalForPlatform`); the error texts are Docker 28's.
pub fn parse(raw: &str) -> Result<u8, String> {
    let digits = raw.strip_prefix(['+', '-']).unwrap_or(raw);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = raw.parse().map_err(|_| format!("invalid signal: {raw}"))?;
        if n == 0 {
            return Err(format!("invalid signal: {raw}"));
        }
        // Linux knows 1–31 and the real-time signals 34–64.
        if (1..=31).contains(&n) || (34..=64).contains(&n) {
            return Ok(n as u8);
        }
        return Err(format!("the linux daemon does not support signal {n}"));
    }
    let upper = raw.to_ascii_uppercase();
    let name = upper.strip_prefix("SIG").unwrap_or(&upper);
    if let Some(rt) = name.strip_prefix("RTMIN") {
        let off = if rt.is_empty() { Some(0) } else { rt.strip_prefix('+').and_then(|n| n.parse::<u8>().ok()) };
        if let Some(o) = off.filter(|o| (1..=15).contains(o) || *o == 0) {
            return Ok(34 + o);
        }
    }
    if let Some(rt) = name.strip_prefix("RTMAX") {
        let off = if rt.is_empty() { Some(0) } else { rt.strip_prefix('-').and_then(|n| n.parse::<u8>().ok()) };
        if let Some(o) = off.filter(|o| *o <= 14) {
            return Ok(64 - o);
        }
    }
    SIGNALS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
        .ok_or_else(|| format!("invalid signal: {raw}"))
}

/// `SIGTERM` for 15 (the first name listed for a number).
pub fn name(n: u8) -> String {
    match SIGNALS.iter().find(|(_, v)| *v == n) {
        Some((name, _)) => format!("SIG{name}"),
        None => format!("signal {n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_docker() {
        assert_eq!(parse("SIGTERM"), Ok(15));
        assert_eq!(parse("term"), Ok(15));
        assert_eq!(parse("9"), Ok(9));
        assert_eq!(parse("SIGQUIT"), Ok(3));
        assert_eq!(parse("0"), Err("invalid signal: 0".into()));
        assert_eq!(parse("FOO"), Err("invalid signal: FOO".into()));
        assert_eq!(parse("32"), Err("the linux daemon does not support signal 32".into()));
        assert_eq!(parse("RTMIN+3"), Ok(37));
        assert_eq!(parse("SIGRTMAX"), Ok(64));
        assert_eq!(name(9), "SIGKILL");
    }
}
