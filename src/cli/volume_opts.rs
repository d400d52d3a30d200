//! The client's half of mounts and network endpoints for `docker run`/`create`
//! (docker/cli `container/opts.go`): `-v` specs are parsed with the compose loader's
//! `ParseVolume` (its errors: `invalid spec: …: empty section between colons`); those with
//! a source become `Binds` (a relative `./dir` made absolute from the working directory),
//! the others anonymous `Volumes`; `--mount`, `--tmpfs` and the per-network aliases and
//! addresses go as they are.
//!
//! Invariant: pure functions of the flags and the working directory.

use std::collections::{BTreeMap, BTreeSet};

use super::opts::{NetworkAttachment, parse_mount};
use crate::engine::model::config::{EndpointRequest, MountSpec};

/// A `-v` spec as `ParseVolume` reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VolumeSpec {
    pub source: String,
    pub target: String,
    pub read_only: bool,
}

/// `loader.ParseVolume` (platform-neutral: Windows drive letters are not special here).
pub fn parse_volume(spec: &str) -> Result<VolumeSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    match chars.len() {
        0 => return Err("invalid empty volume spec".into()),
        1 | 2 => return Ok(VolumeSpec { target: spec.to_string(), ..Default::default() }),
        _ => {}
    }
    let mut v = VolumeSpec::default();
    let mut buffer = String::new();
    let mut fields_done = 0u8;
    let n = chars.len();
    for (i, c) in chars.iter().copied().chain(std::iter::once('\0')).enumerate() {
        let end = i == n;
        // `isWindowsDrive`: `c:` at the start of a section is a drive letter.
        if c == ':' && buffer.chars().count() == 1 && buffer.chars().all(char::is_alphabetic) {
            buffer.push(c);
            continue;
        }
        if c == ':' || end {
            let err = |m: &str| Err(format!("invalid spec: {spec}: {m}"));
            if buffer.is_empty() {
                return err("empty section between colons");
            }
            if v.source.is_empty() && fields_done == 0 && end {
                v.target = buffer.clone();
            } else if fields_done == 0 {
                v.source = buffer.clone();
                fields_done = 1;
            } else if fields_done == 1 {
                v.target = buffer.clone();
                fields_done = 2;
            } else if c == ':' {
                return err("too many colons");
            } else {
                for option in buffer.split(',') {
                    match option {
                        "ro" => v.read_only = true,
                        "rw" => v.read_only = false,
                        _ => {}
                    }
                }
            }
            buffer.clear();
        } else {
            buffer.push(c);
        }
    }
    Ok(v)
}

/// `-v` values split into `Binds` and anonymous `Volumes`; relative bind sources starting
/// with `.` are made absolute from `cwd`.
pub fn split_volumes(specs: &[String], cwd: &str) -> Result<(Vec<String>, BTreeSet<String>), String> {
    let mut binds = Vec::new();
    let mut anonymous = BTreeSet::new();
    for spec in specs {
        let parsed = parse_volume(spec)?;
        if parsed.source.is_empty() {
            anonymous.insert(spec.clone());
            continue;
        }
        let mut bind = spec.clone();
        if let Some((host, rest)) = spec.split_once(':')
            && host.starts_with('.')
        {
            bind = format!("{}:{rest}", crate::unix::fs::path::normalize(cwd, host));
        }
        binds.push(bind);
    }
    Ok((binds, anonymous))
}

/// `--mount` values as the API's `Mounts` (each was checked when the flag was parsed).
pub fn mounts(values: &[String], cwd: &str) -> Vec<MountSpec> {
    values
        .iter()
        .filter_map(|v| parse_mount(v).ok())
        .map(|m| MountSpec {
            source: if m.source.starts_with('.') { crate::unix::fs::path::normalize(cwd, &m.source) } else { m.source },
            kind: m.kind,
            target: m.target,
            read_only: m.read_only,
            volume_no_copy: m.volume_nocopy,
            volume_labels: m.volume_labels,
            bind_propagation: m.bind_propagation,
        })
        .collect()
}

/// `--tmpfs /path[:options]` values.
pub fn tmpfs(values: &[String]) -> BTreeMap<String, String> {
    values
        .iter()
        .map(|t| match t.split_once(':') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (t.clone(), String::new()),
        })
        .collect()
}

/// The `NetworkingConfig` endpoints: every network with its aliases and address.
pub fn networking(networks: &[NetworkAttachment]) -> Vec<EndpointRequest> {
    networks
        .iter()
        .filter(|n| !n.aliases.is_empty() || !n.ipv4_address.is_empty() || networks.len() > 1)
        .map(|n| EndpointRequest { network: n.target.clone(), aliases: n.aliases.clone(), ipv4_address: n.ipv4_address.clone() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_volume_like_the_compose_loader() {
        assert_eq!(parse_volume("/data").unwrap().target, "/data");
        let v = parse_volume("dados:/data:ro").unwrap();
        assert_eq!((v.source.as_str(), v.target.as_str(), v.read_only), ("dados", "/data", true));
        assert_eq!(parse_volume(":/x").unwrap_err(), "invalid spec: :/x: empty section between colons");
        assert_eq!(parse_volume("ab:/b:cd:e").unwrap_err(), "invalid spec: ab:/b:cd:e: too many colons");
        assert!(parse_volume("ab:/b:c:d").is_ok(), "`c:` is a drive letter to the loader");
        assert!(parse_volume("a:b:c:d").is_ok(), "a drive letter, then the daemon refuses it");
        assert_eq!(parse_volume("").unwrap_err(), "invalid empty volume spec");
    }

    #[test]
    fn relative_binds_become_absolute() {
        let (binds, anon) = split_volumes(&["./site:/usr/share/nginx/html".into(), "/cache".into()], "/home/aluno").unwrap();
        assert_eq!(binds, vec!["/home/aluno/site:/usr/share/nginx/html"]);
        assert!(anon.contains("/cache"));
    }
}
