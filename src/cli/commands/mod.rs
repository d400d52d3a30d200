//! Command handlers, one file per command family (`container_ls.rs`, `image_pull.rs`, …),
//! each exporting `HANDLERS: &[(&str, Handler)]` keyed by canonical path. See
//! [`crate::cli::dispatch`] for how to add one.
//!
//! Invariant: a canonical path appears in at most one family table.

pub mod container_commit;
pub mod container_common;
pub mod container_exec;
pub mod container_inspect;
pub mod container_lifecycle;
pub mod container_logs;
pub mod container_observe;
pub mod container_ls;
pub mod container_run;
pub mod image_build;
pub mod image_pull;
pub mod image_hints;
pub mod image_history;
pub mod image_ls;
pub mod image_rm;
pub mod inspect;
pub mod listing;
pub mod network;
pub mod prune;
pub mod registry;
pub mod system_df;
pub mod system_info;
pub mod system_version;
pub mod volume;

use super::dispatch::Handler;

/// Every family's handler table.
const FAMILIES: &[&[(&str, Handler)]] = &[
    container_run::HANDLERS,
    image_pull::HANDLERS,
    image_ls::HANDLERS,
    image_rm::HANDLERS,
    image_history::HANDLERS,
    inspect::HANDLERS,
    prune::HANDLERS,
    system_version::HANDLERS,
    system_info::HANDLERS,
    system_df::HANDLERS,
    container_ls::HANDLERS,
    container_lifecycle::HANDLERS,
    container_logs::HANDLERS,
    container_inspect::HANDLERS,
    container_observe::HANDLERS,
    container_commit::HANDLERS,
    container_exec::HANDLERS,
    image_build::HANDLERS,
    registry::HANDLERS,
    volume::HANDLERS,
    network::HANDLERS,
];

/// The handler for a canonical path (`"container ls"`).
pub fn find(path: &str) -> Option<Handler> {
    FAMILIES
        .iter()
        .flat_map(|f| f.iter())
        .find(|(p, _)| *p == path)
        .map(|(_, h)| *h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_unique_and_exist() {
        let mut seen: Vec<&str> = Vec::new();
        for (path, _) in FAMILIES.iter().flat_map(|f| f.iter()) {
            assert!(!seen.contains(path), "{path} registered twice");
            seen.push(path);
            let words: Vec<&str> = path.split(' ').collect();
            assert!(
                crate::cli::Cmd::find(&words).is_some(),
                "{path} is not a docker command"
            );
        }
    }
}
