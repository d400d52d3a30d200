//! `POST /containers/prune` with its filters (`until`, `label`, `label!`), as moby's
//! `ContainersPrune`: every container that does not run and matches is removed, and the
//! size of their writable layers is reported.
//!
//! Invariant: running (and paused, restarting) containers are never removed.

use std::collections::BTreeMap;

use super::{Api, ApiError, ApiResult};
use crate::engine::clock::Time;

/// `container.PruneReport`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PruneReport {
    pub deleted: Vec<String>,
    pub space_reclaimed: u64,
}

/// `filters.MatchKVList`: every `key` or `key=value` of the filter matches the labels.
fn match_kv_list(wanted: Option<&Vec<String>>, labels: &BTreeMap<String, String>) -> bool {
    wanted.is_none_or(|ws| {
        ws.iter().all(|w| match w.split_once('=') {
            Some((k, v)) => labels.get(k).is_some_and(|x| x == v),
            None => labels.contains_key(w),
        })
    })
}

impl Api<'_> {
    /// Prunes stopped containers. `filters` as sent; `until` is its `until` value already
    /// read as a time (docker's `GetTimestamp`, which needs Go's duration syntax).
    pub fn container_prune_filtered(
        &mut self,
        filters: &BTreeMap<String, Vec<String>>,
        until: Option<Time>,
    ) -> ApiResult<PruneReport> {
        let q: Vec<String> = filters.iter().flat_map(|(k, vs)| vs.iter().map(move |v| format!("{k}={v}"))).collect();
        let path = if q.is_empty() {
            "/containers/prune".to_string()
        } else {
            format!("/containers/prune?filters={}", super::query_escape(&q.join(",")))
        };
        self.serve("POST", &path, 200, |api| {
            super::images::validate_filters(filters, &["label", "label!", "until"])?;
            if filters.get("until").is_some_and(|u| u.len() > 1) {
                return Err(ApiError::bad_request("more than one until filter specified"));
            }
            let mut report = PruneReport::default();
            let ids: Vec<String> = api
                .daemon()
                .containers_newest_first()
                .into_iter()
                .filter(|c| !c.state.running)
                .filter(|c| until.is_none_or(|u| c.created <= u))
                .filter(|c| match_kv_list(filters.get("label"), &c.config.labels))
                .filter(|c| !filters.contains_key("label!") || !match_kv_list(filters.get("label!"), &c.config.labels))
                .map(|c| c.id.clone())
                .collect();
            for id in ids {
                report.space_reclaimed += api.daemon().containers[&id].rw.size();
                api.destroy(&id);
                report.deleted.push(id);
            }
            Ok(report)
        })
    }
}
