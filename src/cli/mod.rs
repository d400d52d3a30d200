//! The docker client (docker/cli 28.2.2): the command tree, flag parsing with
//! pflag/cobra semantics, usage errors, `--help`, and the formatting functions command
//! handlers use (tables, `--format` templates, sizes, durations, statuses, JSON).
//!
//! Flow: [`dispatch::run`] → [`parse::parse`] turns `docker …` words into an
//! [`Invocation`] (or the complete output of a usage error, `--help`, `--version`) → the
//! handler registered in [`commands`] for its canonical path runs it against the engine
//! and formats the result with [`format`](mod@format).
//!
//! Map: [`spec`] (the command table) · [`tree`] (a command with its ancestors) ·
//! [`flagset`] (pflag) · [`values`], [`opts`], [`ports`], [`reference`](mod@reference), [`gostr`],
//! [`gotime`], [`units`] (what flag values accept, with Go's errors) · [`flags`] (typed
//! accessors) · [`checks`] (argument rules, `isSupported`) · [`help`] · [`env`](mod@env) (daemon
//! info, terminal width) · [`run_opts`] (run/create client-side options) · [`errors`] ·
//! [`output`].
//!
//! Invariant: nothing here reads the engine's internals; parsing and formatting are pure
//! functions of their inputs and never panic on user input.

pub mod attach;
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
pub mod volume_opts;

pub use dispatch::{ClientCtx, Handler, HostFiles, NoFiles, run};
pub use env::{Env, ServerInfo, SwarmStatus};
pub use flags::ParsedFlags;
pub use output::Output;
pub use parse::{Invocation, UsageError, parse};
pub use tree::Cmd;
