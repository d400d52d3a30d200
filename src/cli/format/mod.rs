//! Output formatting shared by command handlers: docker's tables (`tabwriter`), Go
//! templates for `--format`, JSON as Go marshals it, and container status strings.
//!
//! Invariant: pure functions of their inputs; byte-for-byte docker's output.

pub mod buildkit;
pub mod context;
pub mod inspect;
pub mod json;
pub mod status;
pub mod tables;
pub mod tabwriter;
pub mod template;
pub mod typed;
