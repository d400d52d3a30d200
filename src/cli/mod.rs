//! The docker client (docker/cli 28.2.2): command tree, flag parsing, help, and the
//! formatting helpers the command handlers use.
//!
//! Invariant: nothing here talks to the engine except through handlers; parsing and
//! formatting are pure functions of their inputs.

pub mod spec;
