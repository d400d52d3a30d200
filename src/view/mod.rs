//! Pure view-models for the web app and the native REPL: what the terminal shows and how it
//! is edited, computed without a browser so it can be tested natively.
//!
//! Invariant: nothing in `view` touches the DOM, a clock or randomness.

pub mod terminal;
pub mod terminal_ansi;
pub mod terminal_complete;
pub mod terminal_input;
pub mod terminal_model;
