//! `GET /containers/json`: which containers a list shows (`all`, `limit`, and every
//! filter `docker ps` accepts, with moby's validation and texts).
//!
//! Invariant: read-only; newest first, as moby lists them.

use super::containers::ListOptions;
use super::lookup;
use super::{Api, ApiError, ApiResult};
use crate::engine::model::container::{Container, Status};

/// The request path of a listing (`/containers/json?all=1&limit=N&size=1`).
pub(super) fn list_path(opts: &ListOptions) -> String {
    let mut q = Vec::new();
    if opts.all {
        q.push("all=1".to_string());
    }
    if opts.limit > 0 {
        q.push(format!("limit={}", opts.limit));
    }
    if opts.size {
        q.push("size=1".to_string());
    }
    if q.is_empty() { "/containers/json".to_string() } else { format!("/containers/json?{}", q.join("&")) }
}

const CONTAINER_FILTERS: &[&str] = &[
    "ancestor", "before", "expose", "exited", "health", "id", "label", "name", "network",
    "publish", "since", "status", "volume", "is-task",
];

impl Api<'_> {
    /// `GET /containers/json`.
    pub fn container_list(&mut self, opts: &ListOptions) -> ApiResult<Vec<Container>> {
        let path = list_path(opts);
        self.serve("GET", &path, 200, |api| {
            let ids = api.containers_list_inner(opts)?;
            let d = api.daemon();
            Ok(ids.iter().filter_map(|id| d.containers.get(id).cloned()).collect())
        })
    }

    /// The IDs of the containers `opts` selects, newest first (no container is cloned: a
    /// listing of a thousand containers stays cheap).
    pub(super) fn containers_list_inner(&mut self, opts: &ListOptions) -> ApiResult<Vec<String>> {
        Ok(matching_containers(self.daemon(), opts)?.into_iter().map(|c| c.id.clone()).collect())
    }
}

/// The containers `GET /containers/json` lists for `opts`, newest first.
pub(super) fn matching_containers<'d>(d: &'d crate::engine::model::daemon::Daemon, opts: &ListOptions) -> ApiResult<Vec<&'d crate::engine::model::container::Container>> {
    {
        super::images::validate_filters(&opts.filters, CONTAINER_FILTERS)?;
        let f = &opts.filters;
        let mut exited_codes = Vec::new();
        for v in f.get("exited").into_iter().flatten() {
            match atoi(v) {
                Ok(code) => exited_codes.push(code),
                Err(why) => {
                    return Err(ApiError::bad_request(format!(
                        "invalid filter 'exited={v}': strconv.Atoi: parsing {}: {why}",
                        go_quote(v)
                    )));
                }
            }
        }
        for s in f.get("status").into_iter().flatten() {
            if Status::parse(s).is_none() {
                let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
                return Err(ApiError::bad_request(format!(
                    "invalid filter 'status={s}': invalid value for state ({s}): must be one of {}",
                    all.join(", ")
                )));
            }
        }
        let mut ancestors = Vec::new();
        for a in f.get("ancestor").into_iter().flatten() {
            if let Ok(id) = lookup::image_id(d, a) {
                ancestors.push(id);
            }
        }
        let before_seq = match f.get("before").and_then(|v| v.first()) {
            Some(b) => Some(d.containers[&lookup::container_id(d, b)?].seq),
            None => None,
        };
        let since_seq = match f.get("since").and_then(|v| v.first()) {
            Some(s) => Some(d.containers[&lookup::container_id(d, s)?].seq),
            None => None,
        };
        // `-a` is implied by filters that can only match stopped containers.
        let all = opts.all || f.contains_key("status") || f.contains_key("exited") || opts.limit > 0 || before_seq.is_some() || since_seq.is_some();
        let mut out = Vec::new();
        for c in d.containers_newest_first() {
            let status = c.state.status();
            if !all && status != Status::Running && status != Status::Paused && status != Status::Restarting {
                continue;
            }
            if let Some(statuses) = f.get("status") {
                if !statuses.iter().any(|s| s == status.as_str()) {
                    continue;
                }
            }
            if !exited_codes.is_empty() && (status != Status::Exited || !exited_codes.contains(&i64::from(c.state.exit_code))) {
                continue;
            }
            if let Some(names) = f.get("name") {
                if !names.iter().any(|n| regex_lite_match(n, &format!("/{}", c.name))) {
                    continue;
                }
            }
            if let Some(ids) = f.get("id") {
                if !ids.iter().any(|p| c.id.starts_with(p.as_str())) {
                    continue;
                }
            }
            if f.contains_key("ancestor") && !ancestors.iter().any(|a| is_ancestor(d, a, &c.image)) {
                continue;
            }
            if let Some(labels) = f.get("label") {
                if !labels.iter().all(|l| match l.split_once('=') {
                    Some((k, v)) => c.config.labels.get(k).is_some_and(|x| x == v),
                    None => c.config.labels.contains_key(l),
                }) {
                    continue;
                }
            }
            if before_seq.is_some_and(|b| c.seq >= b) || since_seq.is_some_and(|s| c.seq <= s) {
                continue;
            }
            out.push(c);
        }
        if opts.limit > 0 {
            out.truncate(opts.limit as usize);
        }
        Ok(out)
    }
}

/// Is image `ancestor` the image `image` or one it was built from?
fn is_ancestor(d: &crate::engine::model::daemon::Daemon, ancestor: &str, image: &str) -> bool {
    let mut cur = Some(image.to_string());
    let mut hops = 0;
    while let Some(id) = cur {
        if id == ancestor {
            return true;
        }
        hops += 1;
        if hops > 1000 {
            return false;
        }
        cur = d.images.get(&id).map(|i| i.parent.clone()).filter(|p| !p.is_empty());
    }
    false
}

/// The `name` filter is a regular expression in Docker; learners use plain substrings and
/// `^`/`$` anchors, which is what this matches.
fn regex_lite_match(pattern: &str, name: &str) -> bool {
    let (anchored_start, p) = match pattern.strip_prefix('^') {
        Some(rest) => (true, rest),
        None => (false, pattern),
    };
    let (anchored_end, p) = match p.strip_suffix('$') {
        Some(rest) => (true, rest),
        None => (false, p),
    };
    // The name is matched with its leading '/'; "^web" must match "/web".
    let candidates = [name, name.strip_prefix('/').unwrap_or(name)];
    candidates.iter().any(|n| match (anchored_start, anchored_end) {
        (true, true) => *n == p,
        (true, false) => n.starts_with(p),
        (false, true) => n.ends_with(p),
        (false, false) => n.contains(p),
    })
}

/// Go's `strconv.Atoi` on a 64-bit platform: the number, or why it is not one.
fn atoi(s: &str) -> Result<i64, &'static str> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("invalid syntax");
    }
    s.parse::<i64>().map_err(|_| "value out of range")
}

/// Go's `strconv.Quote` for the texts of daemon errors.
fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
