//! Port specifications as docker parses them (go-connections `nat`): `-p 8080:80`,
//! `-p 127.0.0.1::53/udp`, ranges, `published=8080,target=80`, `--expose 7000-7001`.
//!
//! Invariant: errors are docker's texts (`invalid containerPort: abc`); ranges are
//! bounded by the 16-bit port space.

use std::collections::BTreeMap;

use super::gostr::parse_uint_base;

/// `nat.PortBinding`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PortBinding {
    pub host_ip: String,
    /// "" for a random port, "8080", or a range "8000-8010".
    pub host_port: String,
}

/// `nat.ParsePortRange`.
pub fn port_range(ports: &str) -> Result<(u64, u64), String> {
    if ports.is_empty() {
        return Err("empty string specified for ports".into());
    }
    let Some((a, b)) = ports.split_once('-') else {
        let p = parse_uint_base(ports, 10, 16)?;
        return Ok((p, p));
    };
    let b = b.split('-').next().unwrap_or(b);
    let start = parse_uint_base(a, 10, 16)?;
    let end = parse_uint_base(b, 10, 16)?;
    if end < start {
        return Err(format!("invalid range specified for port: {ports}"));
    }
    Ok((start, end))
}

/// `nat.SplitProtoPort`: "80/udp" → ("udp", "80"); default "tcp".
pub fn split_proto_port(raw: &str) -> (String, String) {
    let parts: Vec<&str> = raw.split('/').collect();
    if raw.is_empty() || parts.is_empty() || parts[0].is_empty() {
        return (String::new(), String::new());
    }
    if parts.len() == 1 {
        return ("tcp".into(), raw.to_string());
    }
    if parts[1].is_empty() {
        return ("tcp".into(), parts[0].to_string());
    }
    (parts[1].to_string(), parts[0].to_string())
}

/// `nat.ParsePortSpec` for one `-p` value (after `convertToStandardNotation`).
pub fn parse_port_spec(raw: &str) -> Result<Vec<(String, PortBinding)>, String> {
    let parts: Vec<&str> = raw.split(':').collect();
    let n = parts.len();
    let (mut ip, host_port, container) = match n {
        1 => (String::new(), "", parts[0]),
        2 => (String::new(), parts[0], parts[1]),
        3 => (parts[0].to_string(), parts[1], parts[2]),
        _ => (parts[..n - 2].join(":"), parts[n - 2], parts[n - 1]),
    };
    let (proto, container) = split_proto_port(container);
    if ip.starts_with('[') {
        match ip.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            Some(inner) if !inner.contains(['[', ']']) => ip = inner.to_string(),
            _ => {
                return Err(format!(
                    "invalid IP address {ip}: address {ip}:: missing port in address"
                ));
            }
        }
    }
    if !ip.is_empty() && super::values::parse_ip(&ip).is_none() {
        return Err(format!("invalid IP address: {ip}"));
    }
    if container.is_empty() {
        return Err(format!("no port specified: {raw}<empty>"));
    }
    let (start, end) =
        port_range(&container).map_err(|_| format!("invalid containerPort: {container}"))?;
    let (hstart, hend) = if host_port.is_empty() {
        (0, 0)
    } else {
        port_range(host_port).map_err(|_| format!("invalid hostPort: {host_port}"))?
    };
    if !host_port.is_empty() && end - start != hend.saturating_sub(hstart) && end != start {
        return Err(format!(
            "invalid ranges specified for container and host Ports: {container} and {host_port}"
        ));
    }
    let proto_l = proto.to_lowercase();
    if !["tcp", "udp", "sctp"].contains(&proto_l.as_str()) {
        return Err(format!("invalid proto: {proto}"));
    }
    let mut out = Vec::new();
    for i in 0..=(end - start) {
        let mut hp = if host_port.is_empty() {
            String::new()
        } else {
            (hstart + i).to_string()
        };
        if start == end && hstart != hend {
            hp = format!("{hp}-{hend}");
        }
        out.push((
            format!("{}/{proto_l}", start + i),
            PortBinding {
                host_ip: ip.clone(),
                host_port: hp,
            },
        ));
    }
    Ok(out)
}

/// `convertToStandardNotation`: `published=8080,target=80` → `8080:80/tcp`.
pub fn standard_notation(publish: &str) -> Result<String, String> {
    if !publish.contains('=') {
        return Ok(publish.to_string());
    }
    let mut params: BTreeMap<&str, &str> = BTreeMap::new();
    params.insert("protocol", "tcp");
    for param in publish.split(',') {
        match param.split_once('=') {
            Some((k, v)) if !k.is_empty() => {
                params.insert(k, v);
            }
            _ => {
                return Err(format!(
                    "invalid publish opts format (should be name=value but got '{param}')"
                ));
            }
        }
    }
    let get = |k: &str| params.get(k).copied().unwrap_or("");
    Ok(format!(
        "{}:{}/{}",
        get("published"),
        get("target"),
        get("protocol")
    ))
}
