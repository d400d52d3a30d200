//! The volume endpoints (moby's `volume/service`, local driver): `POST /volumes/create`,
//! `GET /volumes`, `GET /volumes/{name}`, `DELETE /volumes/{name}`, `POST /volumes/prune`,
//! with the daemon's texts (`get x: no such volume`, `remove x: volume is in use - [id]`,
//! the name rules of `volume/local`).
//!
//! Invariant: a volume some container mounts (running or not) is never removed; creating a
//! volume that exists returns it unchanged.

use std::collections::BTreeMap;

use super::images::{filter_bool, validate_filters};
use super::prune::{filters_query, match_labels};
use super::{Api, ApiError, ApiResult, query_escape};
use crate::engine::event::{Actor, EventKind};
use crate::engine::model::volume::{ANONYMOUS_LABEL, Volume};

const LIST_FILTERS: &[&str] = &["dangling", "name", "driver", "label"];
const PRUNE_FILTERS: &[&str] = &["label", "label!", "all"];

/// `POST /volumes/create` body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VolumeCreate {
    /// Empty: the daemon names it (an anonymous volume).
    pub name: String,
    /// Empty means `local`.
    pub driver: String,
    pub labels: BTreeMap<String, String>,
    pub options: BTreeMap<String, String>,
}

/// `volume/local` `validateName`: at least two characters of `[a-zA-Z0-9][a-zA-Z0-9_.-]`.
pub fn validate_name(name: &str) -> Result<(), String> {
    if name.chars().count() < 2 {
        return Err("volume name is too short, names should be at least two alphanumeric characters".into());
    }
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric());
    if !first_ok || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')) {
        return Err(format!(
            "\"{name}\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path"
        ));
    }
    Ok(())
}

/// `Args.Match`: an exact value, or a regular expression found in `source`.
fn filter_match(values: &[String], source: &str) -> bool {
    values.iter().any(|v| {
        v == source
            || crate::unix::programs::regex::Regex::new(v, true, false).is_ok_and(|r| r.is_match(source))
    })
}

impl Api<'_> {
    /// IDs of the containers mounting volume `name`, sorted.
    pub(crate) fn volume_refs(&self, name: &str) -> Vec<String> {
        self.daemon()
            .containers
            .values()
            .filter(|c| c.mounts.iter().any(|m| m.name == name))
            .map(|c| c.id.clone())
            .collect()
    }

    /// Creates (or finds) a volume without an API call of its own: `docker run -v`,
    /// `--mount`, an image's `VOLUME`. `name` empty makes an anonymous one.
    pub(crate) fn ensure_volume(&mut self, req: VolumeCreate) -> ApiResult<Volume> {
        let driver = if req.driver.is_empty() { "local".to_string() } else { req.driver.clone() };
        let anonymous = req.name.is_empty();
        let name = if anonymous { self.world.ids.fresh("volume") } else { req.name.clone() };
        if let Some(v) = self.daemon().volumes.get(&name) {
            if v.driver != driver {
                return Err(ApiError::conflict(format!("create {name}: volume name must be unique")));
            }
            return Ok(v.clone());
        }
        if driver != "local" {
            return Err(ApiError::not_found(format!(
                "create {name}: error looking up volume plugin {driver}: plugin \"{driver}\" not found"
            )));
        }
        validate_name(&name).map_err(|e| ApiError::bad_request(format!("create {name}: {e}")))?;
        let mut labels = req.labels;
        if anonymous {
            labels.insert(ANONYMOUS_LABEL.to_string(), String::new());
        }
        let v = Volume {
            name: name.clone(),
            driver,
            created: self.world.now(),
            labels,
            options: req.options,
            content: Default::default(),
        };
        self.daemon_mut().volumes.insert(name.clone(), v.clone());
        let to = Actor::Volume { daemon: self.daemon, volume: name.clone() };
        self.emit_from_daemon(to, EventKind::VolumeCreated { volume: name, anonymous });
        Ok(v)
    }

    /// `POST /volumes/create`.
    pub fn volume_create(&mut self, req: VolumeCreate) -> ApiResult<Volume> {
        self.serve("POST", "/volumes/create", 201, |api| api.ensure_volume(req))
    }

    /// `GET /volumes` with filters `dangling`, `name`, `driver`, `label`; sorted by name.
    pub fn volume_list(&mut self, filters: &BTreeMap<String, Vec<String>>) -> ApiResult<Vec<Volume>> {
        let path = if filters.is_empty() {
            "/volumes".to_string()
        } else {
            format!("/volumes?filters={}", query_escape(&filters_query(filters)))
        };
        self.serve("GET", &path, 200, |api| {
            validate_filters(filters, LIST_FILTERS)?;
            let dangling = filter_bool(filters, "dangling")?;
            let d = api.daemon();
            let mut out = Vec::new();
            for v in d.volumes.values() {
                if let Some(names) = filters.get("name")
                    && !filter_match(names, &v.name)
                {
                    continue;
                }
                if let Some(drivers) = filters.get("driver")
                    && !drivers.contains(&v.driver)
                {
                    continue;
                }
                if !match_labels(filters, &v.labels) {
                    continue;
                }
                if let Some(dangling) = dangling {
                    let used = d.containers.values().any(|c| c.mounts.iter().any(|m| m.name == v.name));
                    if used == dangling {
                        continue;
                    }
                }
                out.push(v.clone());
            }
            Ok(out)
        })
    }

    /// `GET /volumes/{name}`.
    pub fn volume_inspect(&mut self, name: &str) -> ApiResult<Volume> {
        let path = format!("/volumes/{}", query_escape(name));
        self.serve("GET", &path, 200, |api| {
            api.daemon().volumes.get(name).cloned().ok_or_else(|| ApiError::not_found(format!("get {name}: no such volume")))
        })
    }

    /// `DELETE /volumes/{name}` (`force`: a missing volume is no error).
    pub fn volume_remove(&mut self, name: &str, force: bool) -> ApiResult<()> {
        let mut path = format!("/volumes/{}", query_escape(name));
        if force {
            path.push_str("?force=1");
        }
        self.serve("DELETE", &path, 204, |api| {
            if !api.daemon().volumes.contains_key(name) {
                if force {
                    return Ok(());
                }
                return Err(ApiError::not_found(format!("get {name}: no such volume")));
            }
            let refs = api.volume_refs(name);
            if !refs.is_empty() {
                return Err(ApiError::conflict(format!("remove {name}: volume is in use - [{}]", refs.join(", "))));
            }
            api.delete_volume(name);
            Ok(())
        })
    }

    /// Deletes a volume no container uses, with its files.
    pub(crate) fn delete_volume(&mut self, name: &str) -> u64 {
        match self.daemon_mut().volumes.remove(name) {
            Some(v) => {
                let to = Actor::Volume { daemon: self.daemon, volume: name.to_string() };
                self.emit_from_daemon(to, EventKind::VolumeRemoved { volume: name.to_string() });
                v.content.size()
            }
            None => 0,
        }
    }

    /// `POST /volumes/prune`: unused volumes, only anonymous ones unless `all=true`
    /// (moby 28); returns the names deleted and the space reclaimed.
    pub fn volume_prune(&mut self, filters: &BTreeMap<String, Vec<String>>) -> ApiResult<(Vec<String>, u64)> {
        let path = if filters.is_empty() {
            "/volumes/prune".to_string()
        } else {
            format!("/volumes/prune?filters={}", query_escape(&filters_query(filters)))
        };
        self.serve("POST", &path, 200, |api| {
            validate_filters(filters, PRUNE_FILTERS)?;
            let all = match filters.get("all").map(Vec::as_slice) {
                None => false,
                Some([one]) => match one.as_str() {
                    "1" | "t" | "T" | "true" | "TRUE" | "True" => true,
                    "0" | "f" | "F" | "false" | "FALSE" | "False" => false,
                    other => {
                        return Err(ApiError::bad_request(format!(
                            "invalid filter 'all': strconv.ParseBool: parsing \"{other}\": invalid syntax"
                        )));
                    }
                },
                Some(many) => {
                    return Err(ApiError::bad_request(format!("invalid filter 'all=[{}]': only one value is expected", many.join(" "))));
                }
            };
            let names: Vec<String> = api
                .daemon()
                .volumes
                .values()
                .filter(|v| v.driver == "local" && v.options.is_empty())
                .filter(|v| all || v.anonymous())
                .filter(|v| match_labels(filters, &v.labels))
                .map(|v| v.name.clone())
                .collect();
            let mut deleted = Vec::new();
            let mut space = 0;
            for n in names {
                if api.volume_refs(&n).is_empty() {
                    space += api.delete_volume(&n);
                    deleted.push(n);
                }
            }
            Ok((deleted, space))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(validate_name("dados").is_ok());
        assert!(validate_name("a.b_c-1").is_ok());
        assert!(validate_name("a").unwrap_err().contains("too short"));
        assert!(validate_name("_x").unwrap_err().contains("invalid characters"));
        assert!(validate_name("bad/name").unwrap_err().contains("use absolute path"));
    }
}
