//! The docker client (docker/cli 28.2.2): the command tree, flag parsing with
//! pflag/cobra semantics, usage errors, `--help`, and the formatting helpers command
//! handlers use (tables, `--format` templates, sizes, durations, statuses, JSON).
//!
//! Flow: [`parse::parse`] turns `docker …` words into an [`Invocation`] (or the complete
//! output of a usage error / `--help`); a handler registered in [`dispatch`] runs it
//! against the engine and formats the result.
//!
//! Invariant: nothing here reads the engine's internals; parsing and formatting are pure
//! functions of their inputs and never panic on user input.

pub mod checks;
pub mod commands;
pub mod dispatch;
pub mod env;
pub mod errors;
pub mod flags;
pub mod flagset;
pub mod format;
pub mod gostr;
pub mod gotime;
pub mod help;
pub mod opts;
pub mod output;
pub mod parse;
pub mod ports;
pub mod reference;
pub mod run_opts;
pub mod spec;
pub mod tree;
pub mod units;
pub mod values;

pub use dispatch::{ClientCtx, Handler, run};
pub use env::{Env, ServerInfo, SwarmStatus};
pub use flags::ParsedFlags;
pub use output::Output;
pub use parse::{Invocation, UsageError, parse};
pub use tree::Cmd;
