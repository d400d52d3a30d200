//! Setting a flag's value: what each flag type (pflag's and docker's `opts.*`) accepts,
//! how it normalizes the text, and the error it returns (the part after
//! `invalid argument "x" for "--flag" flag: `).
//!
//! Invariant: a value that `set` accepts is stored normalized, so the typed accessors in
//! [`super::flags`] never fail on it.

use super::gostr::{parse_bool, parse_duration, parse_float, parse_int, parse_uint};
use super::opts;
use super::spec::{Check, Kind};
use super::units::ram_in_bytes;

/// What one `Set` call stores.
pub enum Stored {
    /// The flag now holds exactly this (scalars).
    Replace(String),
    /// Appended to the flag's values (lists, maps, filters, …).
    Append(Vec<String>),
}

/// pflag/docker `Value.Set` for one occurrence of a flag.
pub fn set(kind: Kind, raw: &str) -> Result<Stored, String> {
    use Stored::{Append, Replace};
    Ok(match kind {
        Kind::Bool => Replace(parse_bool(raw)?.to_string()),
        Kind::Str => Replace(raw.to_string()),
        Kind::Int => Replace(parse_int(raw, 64)?.to_string()),
        Kind::Uint => Replace(parse_uint(raw, 64)?.to_string()),
        Kind::Uint16 => Replace(parse_uint(raw, 16)?.to_string()),
        Kind::Uint32 => Replace(parse_uint(raw, 32)?.to_string()),
        Kind::Float => Replace(parse_float(raw)?.to_string()),
        Kind::Duration => Replace(parse_duration(raw)?.to_string()),
        Kind::Bytes => Replace(ram_in_bytes(raw)?.to_string()),
        Kind::MemSwap if raw == "-1" => Replace("-1".into()),
        Kind::MemSwap => Replace(ram_in_bytes(raw)?.to_string()),
        Kind::NanoCpus => Replace(parse_cpus(raw)?.to_string()),
        Kind::List(check) => Append(vec![validate(check, raw)?]),
        Kind::Map(check) => Append(vec![validate(check, raw)?]),
        Kind::Strings => {
            Append(opts::csv_record(raw).map(|v| if raw.is_empty() { Vec::new() } else { v })?)
        }
        Kind::StringToString => {
            let fields = if raw.is_empty() {
                Vec::new()
            } else {
                opts::csv_record(raw)?
            };
            for f in &fields {
                if !f.contains('=') {
                    return Err(format!("{f} must be formatted as key=value"));
                }
            }
            Append(fields)
        }
        Kind::Filter => {
            if raw.is_empty() {
                return Ok(Append(Vec::new()));
            }
            let Some((name, val)) = raw.split_once('=') else {
                return Err("bad format of filter (expected name=value)".into());
            };
            Append(vec![format!(
                "{}={}",
                name.trim().to_lowercase(),
                val.trim()
            )])
        }
        Kind::Ulimit => Append(vec![opts::parse_ulimit(raw).map(|_| raw.to_string())?]),
        Kind::Mount => Append(vec![opts::parse_mount(raw).map(|_| raw.to_string())?]),
        Kind::Network => Append(vec![opts::parse_network(raw).map(|_| raw.to_string())?]),
        Kind::Gpus => Append(vec![opts::check_gpus(raw).map(|_| raw.to_string())?]),
        Kind::IpNetSlice => Append(opts::csv_record(raw)?),
        Kind::Port | Kind::Pref | Kind::ExternalCa | Kind::Secret | Kind::Config => {
            Append(vec![raw.to_string()])
        }
        Kind::Command | Kind::CredentialSpec | Kind::PemFile | Kind::NodeAddr => {
            Replace(raw.to_string())
        }
    })
}

/// docker's `opts.ParseCPUs`: a rational number of CPUs to nano-CPUs.
pub fn parse_cpus(value: &str) -> Result<i64, String> {
    let bad = || format!("failed to parse {value} as a rational number");
    let (num, den) = match value.split_once('/') {
        Some((n, d)) => (n, Some(d)),
        None => (value, None),
    };
    let (neg, digits) = match num.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, num.strip_prefix('+').unwrap_or(num)),
    };
    if let Some(den) = den {
        let n: i128 = digits.parse().map_err(|_| bad())?;
        let d: i128 = den.parse().map_err(|_| bad())?;
        if d == 0 {
            return Err(bad());
        }
        let nano = n * 1_000_000_000;
        if nano % d != 0 {
            return Err("value is too precise".into());
        }
        let v = (nano / d) as i64;
        return Ok(if neg { -v } else { v });
    }
    let (mant, exp) = match digits.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().map_err(|_| bad())?),
        None => (digits, 0),
    };
    let (int_part, frac) = mant.split_once('.').unwrap_or((mant, ""));
    if (int_part.is_empty() && frac.is_empty())
        || !int_part.bytes().all(|c| c.is_ascii_digit())
        || !frac.bytes().all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    // value = int.frac * 10^exp, times 1e9
    let all = format!("{int_part}{frac}");
    let shift = 9 + exp - frac.len() as i32;
    let trimmed = all.trim_start_matches('0');
    let mut v: i128 = if trimmed.is_empty() {
        0
    } else {
        trimmed.parse().map_err(|_| bad())?
    };
    if shift >= 0 {
        for _ in 0..shift.min(40) {
            v = v.saturating_mul(10);
        }
    } else {
        let div = 10i128.checked_pow((-shift) as u32).unwrap_or(i128::MAX);
        if v % div != 0 {
            return Err("value is too precise".into());
        }
        v /= div;
    }
    let v = v.clamp(i64::MIN as i128, i64::MAX as i128) as i64;
    Ok(if neg { -v } else { v })
}

/// The `opts.Validate*` function a list or map flag applies to each value.
pub fn validate(check: Check, val: &str) -> Result<String, String> {
    match check {
        Check::None => Ok(val.to_string()),
        Check::Attach => {
            let s = val.to_lowercase();
            if ["stdin", "stdout", "stderr"].contains(&s.as_str()) {
                Ok(s)
            } else {
                Err("valid streams are STDIN, STDOUT and STDERR".into())
            }
        }
        Check::DeviceCgroupRule => check_cgroup_rule(val),
        Check::IpAddr => parse_ip(val.trim())
            .map(|ip| ip.to_string())
            .ok_or_else(|| format!("IP address is not correctly formatted: {val}")),
        Check::DnsSearch => check_dns_search(val),
        Check::Env => match val.split_once('=') {
            Some(("", _)) => Err(format!("invalid environment variable: {val}")),
            None if val.is_empty() => Err(format!("invalid environment variable: {val}")),
            _ => Ok(val.to_string()),
        },
        Check::ExtraHost => check_extra_host(val),
        Check::Label => {
            let key = val.split_once('=').map_or(val, |(k, _)| k);
            let key = key.trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
            if key.is_empty() {
                Err(format!("invalid label '{val}': empty name"))
            } else if key.contains([' ', '\t', '\n', '\x0b', '\x0c', '\r']) {
                Err(format!("label '{key}' contains whitespaces"))
            } else {
                Ok(val.to_string())
            }
        }
        Check::Link => {
            if val.is_empty() {
                Err("empty string specified for links".into())
            } else if val.splitn(3, ':').count() > 2 {
                Err(format!("bad format for links: {val}"))
            } else {
                Ok(val.to_string())
            }
        }
        Check::Sysctl => check_sysctl(val),
        Check::Tag => super::reference::parse_normalized(val).map(|_| val.to_string()),
        Check::GenericResource => {
            if val.contains('=') {
                Ok(val.to_string())
            } else {
                Err(format!(
                    "invalid generic-resource format `{val}` expected `name=value`"
                ))
            }
        }
        Check::WeightDevice => opts::check_weight_device(val).map(|_| val.to_string()),
        Check::ThrottleBps => opts::check_throttle_bps(val).map(|_| val.to_string()),
        Check::ThrottleIops => opts::check_throttle_iops(val).map(|_| val.to_string()),
    }
}

/// Go's `net.ParseIP` (IPv4 dotted quad or IPv6), canonical form via std.
pub fn parse_ip(s: &str) -> Option<std::net::IpAddr> {
    if let Ok(v4) = s.parse::<std::net::Ipv4Addr>() {
        return Some(v4.into());
    }
    let v6 = s.parse::<std::net::Ipv6Addr>().ok()?;
    Some(match v6.to_ipv4_mapped() {
        Some(v4) if s.contains('.') => v4.into(),
        _ => v6.into(),
    })
}

fn check_extra_host(val: &str) -> Result<String, String> {
    let (k, v) = match val.split_once('=') {
        Some(kv) => kv,
        None => val
            .split_once(':')
            .ok_or_else(|| format!("bad format for add-host: {}", super::gostr::quote(val)))?,
    };
    if k.is_empty() || k.contains(':') {
        return Err(format!(
            "bad format for add-host: {}",
            super::gostr::quote(val)
        ));
    }
    if v != "host-gateway" {
        let inner = if v.len() > 2 && v.starts_with('[') && v.ends_with(']') {
            &v[1..v.len() - 1]
        } else {
            v
        };
        if parse_ip(inner.trim()).is_none() {
            return Err(format!(
                "invalid IP address in add-host: {}",
                super::gostr::quote(inner)
            ));
        }
        return Ok(format!("{k}:{inner}"));
    }
    Ok(format!("{k}:{v}"))
}

fn check_sysctl(val: &str) -> Result<String, String> {
    const EXACT: &[&str] = &[
        "kernel.msgmax",
        "kernel.msgmnb",
        "kernel.msgmni",
        "kernel.sem",
        "kernel.shmall",
        "kernel.shmmax",
        "kernel.shmmni",
        "kernel.shm_rmid_forced",
    ];
    match val.split_once('=') {
        Some((k, _))
            if !k.is_empty()
                && (EXACT.contains(&k) || k.starts_with("net.") || k.starts_with("fs.mqueue.")) =>
        {
            Ok(val.to_string())
        }
        _ => Err(format!("sysctl '{val}' is not allowed")),
    }
}

fn check_cgroup_rule(val: &str) -> Result<String, String> {
    let bad = || format!("invalid device cgroup format '{val}'");
    let parts: Vec<&str> = val.split(' ').collect();
    let [t, nums, mode] = parts.as_slice() else {
        return Err(bad());
    };
    let num_ok = |s: &str| s == "*" || (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()));
    let ok = matches!(*t, "a" | "b" | "c")
        && nums
            .split_once(':')
            .is_some_and(|(a, b)| num_ok(a) && num_ok(b))
        && (1..=3).contains(&mode.len())
        && mode.bytes().all(|c| matches!(c, b'r' | b'w' | b'm'));
    if ok { Ok(val.to_string()) } else { Err(bad()) }
}

fn check_dns_search(val: &str) -> Result<String, String> {
    let v = val.trim_matches(' ');
    if v == "." {
        return Ok(v.to_string());
    }
    let bad = || format!("{v} is not a valid domain");
    if !v.bytes().any(|c| c.is_ascii_alphabetic()) {
        return Err(bad());
    }
    // domainRegexp: ^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9]))(:?\.(:?…))*)\.?\s*$
    let body = v.trim_end_matches(char::is_whitespace);
    let body = body.strip_suffix('.').unwrap_or(body);
    let label_ok = |l: &str| {
        let b = l.as_bytes();
        !b.is_empty()
            && b[0].is_ascii_alphanumeric()
            && b[b.len() - 1].is_ascii_alphanumeric()
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
    };
    if body.split('.').all(label_ok) && body.len() < 255 {
        Ok(body.to_string())
    } else {
        Err(bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpus() {
        assert_eq!(parse_cpus("1.5"), Ok(1_500_000_000));
        assert_eq!(parse_cpus("2"), Ok(2_000_000_000));
        assert_eq!(parse_cpus("0.000000001"), Ok(1));
        assert_eq!(
            parse_cpus("0.0000000001").unwrap_err(),
            "value is too precise"
        );
        assert_eq!(
            parse_cpus("abc").unwrap_err(),
            "failed to parse abc as a rational number"
        );
        assert_eq!(parse_cpus("1/2"), Ok(500_000_000));
    }

    #[test]
    fn validators() {
        assert_eq!(
            validate(Check::Env, "=x").unwrap_err(),
            "invalid environment variable: =x"
        );
        assert_eq!(validate(Check::Env, "A=1"), Ok("A=1".into()));
        assert_eq!(
            validate(Check::Label, "=x").unwrap_err(),
            "invalid label '=x': empty name"
        );
        assert_eq!(
            validate(Check::ExtraHost, "foo").unwrap_err(),
            "bad format for add-host: \"foo\""
        );
        assert_eq!(
            validate(Check::ExtraHost, "db=10.0.0.1"),
            Ok("db:10.0.0.1".into())
        );
        assert_eq!(
            validate(Check::IpAddr, "1.2.3").unwrap_err(),
            "IP address is not correctly formatted: 1.2.3"
        );
        assert_eq!(
            validate(Check::Sysctl, "a").unwrap_err(),
            "sysctl 'a' is not allowed"
        );
        assert_eq!(
            validate(Check::Link, "a:b:c").unwrap_err(),
            "bad format for links: a:b:c"
        );
        assert_eq!(validate(Check::Attach, "STDOUT"), Ok("stdout".into()));
        assert!(validate(Check::DeviceCgroupRule, "c 1:3 rwm").is_ok());
        assert!(validate(Check::DnsSearch, "example.com").is_ok());
    }
}
