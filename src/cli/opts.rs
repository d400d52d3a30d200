//! docker/cli's structured option values (`opts.MountOpt`, `NetworkOpt`, `GpuOpts`,
//! `UlimitOpt`, blkio device options) and the small `encoding/csv` reader they use. Each
//! parser returns Docker's own error text; handlers call the same parsers to get the
//! structured value of an already validated flag.
//!
//! Invariant: pure; loops are bounded by the input length.

use std::collections::BTreeMap;

use super::gostr::{parse_bool, parse_int_base, parse_uint_base};
use super::units::ram_in_bytes;

/// `encoding/csv` reading one record with the default settings.
pub fn csv_record(s: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let b: Vec<char> = s.chars().collect();
    let mut i = 0;
    loop {
        let mut field = String::new();
        let start_col = i + 1;
        if i < b.len() && b[i] == '"' {
            i += 1;
            loop {
                if i >= b.len() {
                    return Err(format!(
                        "parse error on line 1, column {}: extraneous or missing \" in quoted-field",
                        b.len() + 1
                    ));
                }
                if b[i] == '"' {
                    if i + 1 < b.len() && b[i + 1] == '"' {
                        field.push('"');
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                field.push(b[i]);
                i += 1;
            }
            if i < b.len() && b[i] != ',' {
                return Err(format!(
                    "parse error on line 1, column {}: extraneous or missing \" in quoted-field",
                    i + 1
                ));
            }
        } else {
            while i < b.len() && b[i] != ',' {
                if b[i] == '"' {
                    return Err(format!(
                        "parse error on line 1, column {}: bare \" in non-quoted-field",
                        i + 1
                    ));
                }
                field.push(b[i]);
                i += 1;
            }
        }
        let _ = start_col;
        fields.push(field);
        if i >= b.len() {
            break;
        }
        i += 1; // the comma
    }
    Ok(fields)
}

/// A parsed `--mount`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mount {
    pub kind: String,
    pub source: String,
    pub target: String,
    pub read_only: bool,
    pub consistency: String,
    pub bind_propagation: String,
    pub bind_nonrecursive: bool,
    pub volume_nocopy: bool,
    pub volume_subpath: String,
    pub volume_labels: BTreeMap<String, String>,
    pub volume_driver: String,
    pub volume_opts: BTreeMap<String, String>,
    pub tmpfs_size: i64,
    pub tmpfs_mode: u32,
}

/// `opts.MountOpt.Set`.
pub fn parse_mount(value: &str) -> Result<Mount, String> {
    let fields = csv_record(value)?;
    let mut m = Mount {
        kind: "volume".into(),
        ..Mount::default()
    };
    let (mut vol, mut bind, mut tmpfs, mut image) = (false, false, false, false);
    let (mut ro_nonrec, mut ro_force) = (false, false);
    for field in &fields {
        let (key, val, ok) = match field.split_once('=') {
            Some((k, v)) => (k.to_lowercase(), v.to_string(), true),
            None => (field.to_lowercase(), String::new(), false),
        };
        let bad = |k: &str| format!("invalid value for {k}: {val}");
        if !ok {
            match key.as_str() {
                "readonly" | "ro" => m.read_only = true,
                "volume-nocopy" => {
                    vol = true;
                    m.volume_nocopy = true
                }
                "bind-nonrecursive" => {
                    bind = true;
                    m.bind_nonrecursive = true
                }
                _ => return Err(format!("invalid field '{field}' must be a key=value pair")),
            }
            continue;
        }
        match key.as_str() {
            "type" => m.kind = val.to_lowercase(),
            "source" | "src" => m.source = val,
            "target" | "dst" | "destination" => m.target = val,
            "readonly" | "ro" => m.read_only = parse_bool(&val).map_err(|_| bad(&key))?,
            "consistency" => m.consistency = val.to_lowercase(),
            "bind-propagation" => {
                bind = true;
                m.bind_propagation = val.to_lowercase()
            }
            "bind-nonrecursive" => {
                bind = true;
                m.bind_nonrecursive = parse_bool(&val).map_err(|_| bad(&key))?
            }
            "bind-recursive" => {
                bind = true;
                match val.as_str() {
                    "enabled" => {}
                    "disabled" => m.bind_nonrecursive = true,
                    "writable" => ro_nonrec = true,
                    "readonly" => ro_force = true,
                    _ => {
                        return Err(format!(
                            "invalid value for {key}: {val} (must be \"enabled\", \"disabled\", \"writable\", or \"readonly\")"
                        ));
                    }
                }
            }
            "volume-subpath" => {
                vol = true;
                m.volume_subpath = val
            }
            "volume-nocopy" => {
                vol = true;
                m.volume_nocopy = parse_bool(&val)
                    .map_err(|_| format!("invalid value for volume-nocopy: {val}"))?
            }
            "volume-label" | "volume-opt" => {
                vol = true;
                let (k, v) = val.split_once('=').unwrap_or((val.as_str(), ""));
                if !k.is_empty() {
                    let map = if key == "volume-label" {
                        &mut m.volume_labels
                    } else {
                        &mut m.volume_opts
                    };
                    map.insert(k.to_string(), v.to_string());
                }
            }
            "volume-driver" => {
                vol = true;
                m.volume_driver = val
            }
            "image-subpath" => image = true,
            "tmpfs-size" => {
                tmpfs = true;
                m.tmpfs_size = ram_in_bytes(&val).map_err(|_| bad(&key))?
            }
            "tmpfs-mode" => {
                tmpfs = true;
                let ok = !val.is_empty() && val.bytes().all(|c| (b'0'..=b'7').contains(&c));
                let mode = if ok {
                    u32::from_str_radix(&val, 8).ok()
                } else {
                    None
                };
                m.tmpfs_mode = mode.ok_or_else(|| bad(&key))?
            }
            _ => return Err(format!("unexpected key '{key}' in '{field}'")),
        }
    }
    if m.kind.is_empty() {
        return Err("type is required".into());
    }
    if m.target.is_empty() {
        return Err("target is required".into());
    }
    for (used, kind, prefix) in [
        (vol, "volume", "volume"),
        (image, "image", "image"),
        (bind, "bind", "bind"),
        (tmpfs, "tmpfs", "tmpfs"),
    ] {
        if used && m.kind != kind {
            return Err(format!(
                "cannot mix '{prefix}-*' options with mount type '{}'",
                m.kind
            ));
        }
    }
    if ro_nonrec && !m.read_only {
        return Err(
            "option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction"
                .into(),
        );
    }
    if ro_force {
        if !m.read_only {
            return Err("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction".into());
        }
        if m.bind_propagation != "rprivate" {
            return Err("option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction".into());
        }
    }
    Ok(m)
}

/// A parsed `--network` (`name` or `name=net,alias=a,ip=…`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkAttachment {
    pub target: String,
    pub aliases: Vec<String>,
    pub ipv4_address: String,
    pub ipv6_address: String,
    pub mac_address: String,
    pub link_local_ips: Vec<String>,
    pub driver_opts: BTreeMap<String, String>,
    pub gw_priority: i64,
}

/// The unanchored `\w+=\w+(,\w+=\w+)*` test docker uses to spot the long syntax.
fn looks_long(value: &str) -> bool {
    let b = value.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    (1..b.len()).any(|i| b[i] == b'=' && word(b[i - 1]) && i + 1 < b.len() && word(b[i + 1]))
}

/// `opts.NetworkOpt.Set`.
pub fn parse_network(value: &str) -> Result<NetworkAttachment, String> {
    let mut n = NetworkAttachment::default();
    if !looks_long(value) {
        n.target = value.to_string();
        return Ok(n);
    }
    for field in csv_record(value)? {
        let lower = field.to_lowercase();
        let Some((key, val)) = lower.split_once('=').filter(|(k, _)| !k.is_empty()) else {
            return Err(format!("invalid field {field}"));
        };
        let (key, val) = (key.trim(), val.trim().to_string());
        match key {
            "name" => n.target = val,
            "alias" => n.aliases.push(val),
            "ip" => n.ipv4_address = val,
            "ip6" => n.ipv6_address = val,
            "mac-address" => n.mac_address = val,
            "link-local-ip" => n.link_local_ips.push(val),
            "driver-opt" => {
                let Some((k, v)) = val.split_once('=').filter(|(k, _)| !k.is_empty()) else {
                    return Err("invalid key value pair format in driver options".into());
                };
                n.driver_opts
                    .insert(k.trim().to_string(), v.trim().to_string());
            }
            "gw-priority" => {
                n.gw_priority = parse_int_base(&val, 10, 64).map_err(|e| {
                    let why = e
                        .rsplit(": ")
                        .next()
                        .unwrap_or("invalid syntax")
                        .to_string();
                    format!("invalid gw-priority ({val}): {why}")
                })?
            }
            _ => return Err(format!("invalid field key {key}")),
        }
    }
    if n.target.is_empty() {
        return Err("network name/id is not specified".into());
    }
    Ok(n)
}

/// `opts.GpuOpts.Set` (validation only).
pub fn check_gpus(value: &str) -> Result<(), String> {
    let count = |s: &str| -> Result<(), String> {
        if s == "all" || parse_int_base(s, 10, 64).is_ok() {
            return Ok(());
        }
        Err(format!(
            "invalid count ({s}): value must be either \"all\" or an integer: invalid syntax"
        ))
    };
    let mut seen: Vec<String> = Vec::new();
    for field in csv_record(value)? {
        let (key, val) = match field.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (field.clone(), None),
        };
        if seen.contains(&key) {
            return Err(format!(
                "gpu request key '{key}' can be specified only once"
            ));
        }
        seen.push(key.clone());
        match (key.as_str(), val) {
            (k, None) => {
                seen.push("count".into());
                count(k)?
            }
            ("count", Some(v)) => count(&v)?,
            ("driver" | "device" | "capabilities", Some(_)) => {}
            ("options", Some(v)) => {
                csv_record(&v).map_err(|e| format!("failed to read gpu options: {e}"))?;
            }
            (_, Some(_)) => return Err(format!("unexpected key '{key}' in '{field}'")),
        }
    }
    Ok(())
}

/// A parsed `--ulimit name=soft[:hard]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ulimit {
    pub name: String,
    pub soft: i64,
    pub hard: i64,
}

const ULIMITS: &[&str] = &[
    "core",
    "cpu",
    "data",
    "fsize",
    "locks",
    "memlock",
    "msgqueue",
    "nice",
    "nofile",
    "nproc",
    "rss",
    "rtprio",
    "rttime",
    "sigpending",
    "stack",
];

/// go-units `ParseUlimit`.
pub fn parse_ulimit(val: &str) -> Result<Ulimit, String> {
    let Some((name, limits)) = val.split_once('=') else {
        return Err(format!("invalid ulimit argument: {val}"));
    };
    if !ULIMITS.contains(&name) {
        return Err(format!("invalid ulimit type: {name}"));
    }
    let parts: Vec<&str> = limits.split(':').collect();
    let (soft, hard) = match parts.as_slice() {
        [s] => {
            let s = parse_int_base(s, 10, 64)?;
            (s, s)
        }
        [s, h] => {
            let h = parse_int_base(h, 10, 64)?;
            (parse_int_base(s, 10, 64)?, h)
        }
        _ => {
            return Err(format!(
                "too many limit value arguments - {limits}, can only have up to two, `soft[:hard]`"
            ));
        }
    };
    if hard != -1 && soft > hard {
        return Err(format!(
            "ulimit soft limit must be less than or equal to hard limit: {soft} > {hard}"
        ));
    }
    Ok(Ulimit {
        name: name.to_string(),
        soft,
        hard,
    })
}

fn device_path(val: &str) -> Result<(&str, &str), String> {
    let Some((k, v)) = val.split_once(':').filter(|(k, _)| !k.is_empty()) else {
        return Err(format!("bad format: {val}"));
    };
    if !k.starts_with("/dev/") {
        return Err(format!("bad format for device path: {val}"));
    }
    Ok((k, v))
}

/// `opts.ValidateWeightDevice`.
pub fn check_weight_device(val: &str) -> Result<(), String> {
    let (_, v) = device_path(val)?;
    match parse_uint_base(v, 10, 16) {
        Ok(w) if w == 0 || (10..=1000).contains(&w) => Ok(()),
        _ => Err(format!("invalid weight for device: {val}")),
    }
}

/// `opts.ValidateThrottleBpsDevice`.
pub fn check_throttle_bps(val: &str) -> Result<(), String> {
    let (_, v) = device_path(val)?;
    match ram_in_bytes(v) {
        Ok(r) if r >= 0 => Ok(()),
        _ => Err(format!(
            "invalid rate for device: {val}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb"
        )),
    }
}

/// `opts.ValidateThrottleIOpsDevice`.
pub fn check_throttle_iops(val: &str) -> Result<(), String> {
    let (_, v) = device_path(val)?;
    parse_uint_base(v, 10, 64).map(|_| ()).map_err(|_| {
        format!("invalid rate for device: {val}. The correct format is <device-path>:<number>. Number must be a positive integer")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv() {
        assert_eq!(csv_record("a,b").unwrap(), vec!["a", "b"]);
        assert_eq!(csv_record("\"a,b\",c").unwrap(), vec!["a,b", "c"]);
        assert_eq!(csv_record("").unwrap(), vec![""]);
        assert!(csv_record("a\"b").is_err());
    }

    #[test]
    fn mounts() {
        let m = parse_mount("type=bind,src=/a,dst=/b,ro").unwrap();
        assert_eq!(
            (
                m.kind.as_str(),
                m.source.as_str(),
                m.target.as_str(),
                m.read_only
            ),
            ("bind", "/a", "/b", true)
        );
        assert_eq!(parse_mount("type=foo").unwrap_err(), "target is required");
        assert_eq!(
            parse_mount("x").unwrap_err(),
            "invalid field 'x' must be a key=value pair"
        );
        assert_eq!(
            parse_mount("type=tmpfs,dst=/x,volume-driver=a").unwrap_err(),
            "cannot mix 'volume-*' options with mount type 'tmpfs'"
        );
    }

    #[test]
    fn networks() {
        assert_eq!(parse_network("host").unwrap().target, "host");
        let n = parse_network("name=front,alias=web,ip=10.0.0.2").unwrap();
        assert_eq!(
            (
                n.target.as_str(),
                n.aliases.clone(),
                n.ipv4_address.as_str()
            ),
            ("front", vec!["web".to_string()], "10.0.0.2")
        );
        assert_eq!(
            parse_network("alias=a").unwrap_err(),
            "network name/id is not specified"
        );
    }

    #[test]
    fn ulimits_and_gpus() {
        assert_eq!(
            parse_ulimit("nofile=1024:2048").unwrap(),
            Ulimit {
                name: "nofile".into(),
                soft: 1024,
                hard: 2048
            }
        );
        assert_eq!(
            parse_ulimit("nofile").unwrap_err(),
            "invalid ulimit argument: nofile"
        );
        assert_eq!(
            parse_ulimit("foo=1").unwrap_err(),
            "invalid ulimit type: foo"
        );
        assert!(check_gpus("all").is_ok());
        assert_eq!(
            check_gpus("x").unwrap_err(),
            "invalid count (x): value must be either \"all\" or an integer: invalid syntax"
        );
    }
}
