//! doca: an interactive simulator of Docker's architecture.
//!
//! A typed line flows through [`shell`] (the learner's shell) into [`cli`] (the `docker`
//! client), which calls the [`engine`] (daemons, registries, hosts) over its API; the result
//! comes back as an [`shell::Outcome`] with the events the diagram animates.

pub mod engine;
pub mod shell;
pub mod view;

pub use shell::{Outcome, Session};
