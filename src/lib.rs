//! doca: an interactive simulator of Docker's architecture.
//!
//! A typed line flows through [`shell`] (the learner's shell) into [`cli`] (the `docker`
//! client), which calls the [`engine`] (daemons, registries, hosts) over its API; the result
//! comes back as an [`shell::Outcome`] with the events the diagram animates. [`unix`] is the
//! userland that runs inside containers and on the learner's host. [`view`] turns outcomes
//! into what the screen shows (terminal, laid-out animated diagram); `ui` (WebAssembly only)
//! draws it in the browser.

pub mod cli;
pub mod course;
pub mod engine;
pub mod shell;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod unix;
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod native;

pub use shell::{Outcome, Session};
