//! The prune endpoints `docker image prune` and `docker system prune` call:
//! `POST /images/prune` (moby's `ImagesPrune`, one `ImageDelete` per candidate, conflicts
//! skipped), and `POST /networks/prune`, `/volumes/prune`, `/build/prune` for the objects
//! doca's daemons do not hold yet (they answer with nothing deleted). Filters: `dangling`,
//! `label`, `label!`, `until` (a duration, an RFC 3339 time, a date or a Unix timestamp).
//!
//! Invariant: a prune never removes an image a container uses, and reports exactly what
//! it deleted.

use std::collections::BTreeMap;

use crate::engine::model::build_cache::{BuildRecord, RecordKind};
use super::images::{DeleteItem, PruneReport, filter_bool, validate_filters};
use super::{Api, ApiError, ApiResult, query_escape};
use crate::engine::clock::Time;
use crate::engine::model::image::Image;

const IMAGE_PRUNE_FILTERS: &[&str] = &["dangling", "label", "label!", "until"];

/// The `filters` query value: Go's JSON of `filters.Args` (`{"dangling":{"true":true}}`).
pub fn filters_query(filters: &BTreeMap<String, Vec<String>>) -> String {
    let body: Vec<String> = filters
        .iter()
        .map(|(k, vs)| {
            let mut vs = vs.clone();
            vs.sort();
            vs.dedup();
            let inner: Vec<String> = vs.iter().map(|v| format!("{}:true", json_str(v))).collect();
            format!("{}:{{{}}}", json_str(k), inner.join(","))
        })
        .collect();
    format!("{{{}}}", body.join(","))
}

fn json_str(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// Go's `time.ParseDuration` for the units prune filters use (`ns` … `h`, fractions).
fn parse_duration_nanos(s: &str) -> Option<i128> {
    let (neg, mut rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if rest.is_empty() {
        return None;
    }
    if rest == "0" {
        return Some(0);
    }
    let mut total: f64 = 0.0;
    while !rest.is_empty() {
        let num_len = rest.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
        if num_len == 0 {
            return None;
        }
        let n: f64 = rest[..num_len].parse().ok()?;
        rest = &rest[num_len..];
        let unit_len = rest.bytes().take_while(|b| !b.is_ascii_digit() && *b != b'.').count();
        let unit = match &rest[..unit_len] {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        rest = &rest[unit_len..];
        total += n * unit;
    }
    let v = total as i128;
    Some(if neg { -v } else { v })
}

/// `getUntilFromPruneFilters`: at most one `until`.
pub fn until_filter(filters: &BTreeMap<String, Vec<String>>, now: Time) -> ApiResult<Option<Time>> {
    let Some(values) = filters.get("until") else { return Ok(None) };
    if values.len() > 1 {
        return Err(ApiError::bad_request("more than one until filter specified"));
    }
    parse_until(&values[0], now).map(Some)
}

/// `timetypes.GetTimestamp` against `now`: a Go duration before now, an RFC 3339 time, a
/// date, or a Unix timestamp.
pub fn parse_until(value: &str, now: Time) -> ApiResult<Time> {
    if value != "0"
        && let Some(d) = parse_duration_nanos(value)
    {
        let t = (now.0 as i128 - d).max(0) as u64;
        return Ok(Time(t / 1_000_000_000 * 1_000_000_000));
    }
    let date = |v: &str| Time::parse_rfc3339(&format!("{v}T00:00:00Z"));
    let parsed = if value.contains('T') {
        Time::parse_rfc3339(value).or_else(|| Time::parse_rfc3339(&format!("{value}Z")))
    } else if value.contains('-') {
        date(value)
    } else {
        let (secs, frac) = value.split_once('.').unwrap_or((value, ""));
        match (secs.parse::<u64>(), frac.is_empty() || frac.bytes().all(|b| b.is_ascii_digit())) {
            (Ok(s), true) => Some(Time(s.saturating_mul(1_000_000_000))),
            _ => return Err(ApiError::bad_request(format!("failed to parse value as time or duration: \"{value}\""))),
        }
    };
    parsed.ok_or_else(|| {
        ApiError::bad_request(format!("parsing time \"{value}\" as \"2006-01-02\": cannot parse \"{value}\" as \"2006\""))
    })
}

/// `MatchKVList`: every `key` or `key=value` of the filter matches the labels.
fn match_kv(filters: &BTreeMap<String, Vec<String>>, key: &str, labels: &BTreeMap<String, String>) -> bool {
    filters.get(key).into_iter().flatten().all(|f| match f.split_once('=') {
        Some((k, v)) => labels.get(k).is_some_and(|x| x == v),
        None => labels.contains_key(f),
    })
}

/// `matchLabels` of the prune filters (`label` and `label!`).
pub fn match_labels(filters: &BTreeMap<String, Vec<String>>, labels: &BTreeMap<String, String>) -> bool {
    if !match_kv(filters, "label", labels) {
        return false;
    }
    !(filters.contains_key("label!") && match_kv(filters, "label!", labels))
}

impl Api<'_> {
    /// `POST /images/prune` with the client's filters (it always sends `dangling`).
    pub fn image_prune(&mut self, filters: &BTreeMap<String, Vec<String>>) -> ApiResult<PruneReport> {
        let path = format!("/images/prune?filters={}", query_escape(&filters_query(filters)));
        self.serve("POST", &path, 200, |api| api.image_prune_inner(filters))
    }

    fn image_prune_inner(&mut self, filters: &BTreeMap<String, Vec<String>>) -> ApiResult<PruneReport> {
        validate_filters(filters, IMAGE_PRUNE_FILTERS)?;
        let dangling_only = filter_bool(filters, "dangling")?.unwrap_or(true);
        let until = until_filter(filters, self.world.now())?;
        let d = self.daemon();
        let has_children = |id: &str| d.images.values().any(|i| i.parent == id);
        let candidates: Vec<Image> = d
            .images
            .values()
            .filter(|img| !(dangling_only && has_children(&img.id)))
            .filter(|img| !(d.references_to(&img.id).is_empty() && has_children(&img.id)))
            .filter(|img| until.is_none_or(|u| img.created <= u))
            .filter(|img| match_labels(filters, &img.config.labels))
            .cloned()
            .collect();
        let sizes: BTreeMap<String, u64> = d.layers.iter().map(|(k, l)| (k.clone(), l.size)).collect();
        let mut report = PruneReport::default();
        for img in candidates {
            if !self.daemon().images.contains_key(&img.id) {
                continue;
            }
            let refs: Vec<String> = self.daemon().references_to(&img.id).into_iter().map(String::from).collect();
            if refs.is_empty() {
                let hex = img.id.trim_start_matches("sha256:").to_string();
                if let Ok(items) = self.remove_inner(&hex, false, true) {
                    report.deleted.extend(items);
                }
                continue;
            }
            let should_delete = !dangling_only || refs.iter().all(|r| r.contains('@'));
            if !should_delete {
                continue;
            }
            for r in refs {
                if let Ok(items) = self.remove_inner(&r, false, true) {
                    report.deleted.extend(items);
                }
            }
        }
        for item in &report.deleted {
            if let DeleteItem::Deleted(id) = item {
                report.space_reclaimed += sizes.get(id).copied().unwrap_or(0);
            }
        }
        Ok(report)
    }

    /// `POST /build/prune`: removes BuildKit's cache records (without `all`, only the
    /// dangling ones: sources the client sent, and results no image uses any more), then
    /// the layers nothing keeps any more. Returns the records removed and their size.
    pub fn build_cache_prune(&mut self, all: bool, filters: &BTreeMap<String, Vec<String>>) -> ApiResult<(Vec<BuildRecord>, u64)> {
        let mut path = prune_path("/build/prune", filters);
        if all {
            path.push_str(if path.contains('?') { "&all=1" } else { "?all=1" });
        }
        self.serve("POST", &path, 200, |api| {
            let until = until_filter(filters, api.world.now())?;
            let d = api.daemon();
            let used: std::collections::BTreeSet<String> =
                d.images.values().chain(d.retained.values()).flat_map(|i| crate::engine::oci::chain_ids(&i.layers)).collect();
            let gone = api.daemon_mut().build_cache.remove(|r| {
                let old_enough = until.is_none_or(|t| r.last_used < t);
                let dangling = r.kind == RecordKind::SourceLocal || !r.chains.iter().any(|c| used.contains(c));
                old_enough && (all || dangling)
            });
            api.daemon_mut().delete_unneeded_layers();
            let reclaimed = gone.iter().map(|r| r.size).sum();
            Ok((gone, reclaimed))
        })
    }
}

fn prune_path(base: &str, filters: &BTreeMap<String, Vec<String>>) -> String {
    if filters.is_empty() {
        base.to_string()
    } else {
        format!("{base}?filters={}", query_escape(&filters_query(filters)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(pairs: &[(&str, &str)]) -> BTreeMap<String, Vec<String>> {
        let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (k, v) in pairs {
            m.entry(k.to_string()).or_default().push(v.to_string());
        }
        m
    }

    #[test]
    fn query_is_go_json() {
        assert_eq!(filters_query(&f(&[("dangling", "true")])), r#"{"dangling":{"true":true}}"#);
        assert_eq!(
            filters_query(&f(&[("label", "b"), ("dangling", "false"), ("label", "a=1")])),
            r#"{"dangling":{"false":true},"label":{"a=1":true,"b":true}}"#
        );
    }

    #[test]
    fn until_values() {
        let now = Time(1_772_452_800 * 1_000_000_000);
        assert_eq!(until_filter(&f(&[("until", "1h")]), now).unwrap(), Some(Time((1_772_452_800 - 3600) * 1_000_000_000)));
        assert_eq!(until_filter(&f(&[("until", "1h30m")]), now).unwrap(), Some(Time((1_772_452_800 - 5400) * 1_000_000_000)));
        assert_eq!(until_filter(&f(&[("until", "2026-01-01")]), now).unwrap(), Time::parse_rfc3339("2026-01-01T00:00:00Z"));
        assert_eq!(until_filter(&f(&[("until", "1700000000")]), now).unwrap(), Some(Time(1_700_000_000 * 1_000_000_000)));
        assert_eq!(
            until_filter(&f(&[("until", "soon")]), now).unwrap_err().message(),
            "failed to parse value as time or duration: \"soon\""
        );
        assert!(until_filter(&f(&[("until", "1h"), ("until", "2h")]), now).is_err());
    }

    #[test]
    fn labels() {
        let mut l = BTreeMap::new();
        l.insert("a".to_string(), "1".to_string());
        assert!(match_labels(&f(&[("label", "a")]), &l));
        assert!(match_labels(&f(&[("label", "a=1")]), &l));
        assert!(!match_labels(&f(&[("label", "a=2")]), &l));
        assert!(!match_labels(&f(&[("label!", "a")]), &l));
        assert!(match_labels(&f(&[("label!", "b")]), &l));
    }
}
