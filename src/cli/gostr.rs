//! Go's `strconv`, reproduced for flag values: the same accepted syntax (`0x10`,
//! `1_000`, `0o17`) and the same error texts (`strconv.ParseInt: parsing "x": invalid
//! syntax`). Durations live in [`super::gotime`].
//!
//! Invariant: pure functions; every loop is bounded by the input length.

/// `strconv.Quote` for the strings found on command lines.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0b' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\x7f' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_control() => {
                if (c as u32) < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", c as u32))
                } else {
                    out.push_str(&format!("\\U{:08x}", c as u32))
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn num_error(func: &str, s: &str, what: &str) -> String {
    format!("strconv.{func}: parsing {}: {what}", quote(s))
}

/// `strconv.ParseBool`.
pub fn parse_bool(s: &str) -> Result<bool, String> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Ok(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Ok(false),
        _ => Err(num_error("ParseBool", s, "invalid syntax")),
    }
}

/// Go's `underscoreOK`: underscores only between digits (after an optional base prefix).
fn underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let mut saw = b'^';
    let mut i = 0;
    if !b.is_empty() && (b[0] == b'-' || b[0] == b'+') {
        i = 1;
    }
    let mut hex = false;
    if b.len() - i >= 2 && b[i] == b'0' {
        let c = b[i + 1] | 0x20;
        if c == b'b' || c == b'o' || c == b'x' {
            hex = c == b'x';
            i += 2;
            saw = b'0';
        }
    }
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() || (hex && (c | 0x20).is_ascii_hexdigit()) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

enum UintErr {
    Syntax,
    Range,
}

/// `strconv.ParseUint(s, base, bits)` (base 0 or 10) without the error wrapping.
fn parse_uint_raw(s0: &str, base0: u32, bits: u32) -> Result<u64, UintErr> {
    if s0.is_empty() {
        return Err(UintErr::Syntax);
    }
    let mut s = s0;
    let mut base = 10u64;
    if base0 == 0 && s.starts_with('0') {
        let b = s.as_bytes();
        if s.len() >= 3 && matches!(b[1] | 0x20, b'b' | b'o' | b'x') {
            base = match b[1] | 0x20 {
                b'b' => 2,
                b'o' => 8,
                _ => 16,
            };
            s = &s[2..];
        } else {
            base = 8;
            s = &s[1..];
            if s.is_empty() {
                return Ok(0);
            }
        }
    }
    let max: u64 = if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    let mut n: u64 = 0;
    let mut underscores = false;
    for c in s.bytes() {
        let d = match c {
            b'_' if base0 == 0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => u64::from(c - b'0'),
            b'a'..=b'z' => u64::from(c - b'a' + 10),
            b'A'..=b'Z' => u64::from(c - b'A' + 10),
            _ => return Err(UintErr::Syntax),
        };
        if d >= base {
            return Err(UintErr::Syntax);
        }
        n = match n.checked_mul(base).and_then(|v| v.checked_add(d)) {
            Some(v) if v <= max => v,
            _ => {
                // keep scanning for syntax errors like Go does? Go reports range at once.
                return Err(UintErr::Range);
            }
        };
    }
    if underscores && !underscore_ok(s0) {
        return Err(UintErr::Syntax);
    }
    Ok(n)
}

/// `strconv.ParseUint(s, 0, bits)`.
pub fn parse_uint(s: &str, bits: u32) -> Result<u64, String> {
    parse_uint_base(s, 0, bits)
}

/// `strconv.ParseUint(s, base, bits)` for base 0 or 10.
pub fn parse_uint_base(s: &str, base: u32, bits: u32) -> Result<u64, String> {
    parse_uint_raw(s, base, bits).map_err(|e| match e {
        UintErr::Syntax => num_error("ParseUint", s, "invalid syntax"),
        UintErr::Range => num_error("ParseUint", s, "value out of range"),
    })
}

/// `strconv.ParseInt(s, 0, bits)`.
pub fn parse_int(s: &str, bits: u32) -> Result<i64, String> {
    parse_int_base(s, 0, bits)
}

/// `strconv.ParseInt(s, base, bits)` for base 0 or 10 (`Atoi` is base 10, 64 bits).
pub fn parse_int_base(s: &str, base: u32, bits: u32) -> Result<i64, String> {
    if s.is_empty() {
        return Err(num_error("ParseInt", s, "invalid syntax"));
    }
    let (neg, body) = match s.as_bytes()[0] {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let un = parse_uint_raw(body, base, 64).map_err(|e| match e {
        UintErr::Syntax => num_error("ParseInt", s, "invalid syntax"),
        UintErr::Range => num_error("ParseInt", s, "value out of range"),
    })?;
    if base == 0 && body.contains('_') && !underscore_ok(s) {
        return Err(num_error("ParseInt", s, "invalid syntax"));
    }
    let cutoff = 1u64 << (bits - 1);
    if !neg && un >= cutoff {
        return Err(num_error("ParseInt", s, "value out of range"));
    }
    if neg && un > cutoff {
        return Err(num_error("ParseInt", s, "value out of range"));
    }
    Ok(if neg {
        (un as i64).wrapping_neg()
    } else {
        un as i64
    })
}

/// `strconv.ParseFloat(s, 64)` for decimal syntax, `inf` and `nan`.
pub fn parse_float(s: &str) -> Result<f64, String> {
    let err = || num_error("ParseFloat", s, "invalid syntax");
    let body = s.trim_start_matches(['+', '-']);
    if s.len() - body.len() > 1 {
        return Err(err());
    }
    let lower = body.to_ascii_lowercase();
    let neg = s.starts_with('-');
    if lower == "inf" || lower == "infinity" {
        return Ok(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" && s.len() == body.len() {
        return Ok(f64::NAN);
    }
    let valid = !body.is_empty()
        && body
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
        && body
            .bytes()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == b'.');
    if !valid {
        return Err(err());
    }
    match body.parse::<f64>() {
        Ok(v) if v.is_infinite() => Err(num_error("ParseFloat", s, "value out of range")),
        Ok(v) => Ok(if neg { -v } else { v }),
        Err(_) => Err(err()),
    }
}

pub use super::gotime::{duration_string, parse_duration};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints() {
        assert_eq!(parse_int("0x10", 64), Ok(16));
        assert_eq!(parse_int("010", 64), Ok(8));
        assert_eq!(parse_int("-1_000", 64), Ok(-1000));
        assert_eq!(parse_int("0", 64), Ok(0));
        assert_eq!(
            parse_int("x", 64).unwrap_err(),
            "strconv.ParseInt: parsing \"x\": invalid syntax"
        );
        assert_eq!(
            parse_int("99999999999999999999", 64).unwrap_err(),
            "strconv.ParseInt: parsing \"99999999999999999999\": value out of range"
        );
        assert_eq!(
            parse_int("1.5", 64).unwrap_err(),
            "strconv.ParseInt: parsing \"1.5\": invalid syntax"
        );
        assert!(parse_int("1__0", 64).is_err());
        assert_eq!(parse_int("-9223372036854775808", 64), Ok(i64::MIN));
        assert_eq!(
            parse_uint("70000", 16).unwrap_err(),
            "strconv.ParseUint: parsing \"70000\": value out of range"
        );
        assert_eq!(
            parse_uint("-1", 16).unwrap_err(),
            "strconv.ParseUint: parsing \"-1\": invalid syntax"
        );
    }

    #[test]
    fn bools_and_floats() {
        assert_eq!(parse_bool("True"), Ok(true));
        assert_eq!(
            parse_bool("maybe").unwrap_err(),
            "strconv.ParseBool: parsing \"maybe\": invalid syntax"
        );
        assert_eq!(parse_float("1.5"), Ok(1.5));
        assert_eq!(parse_float("1e3"), Ok(1000.0));
        assert!(parse_float("1.2.3").is_err());
    }
}
