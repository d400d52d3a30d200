//! The pt-BR course: lessons written in Markdown (`lessons/NN-slug.md`, compiled into the
//! app), their steps and goals, and the learner's progress.
//!
//! Invariant: nothing here does I/O or touches the browser; the web UI and the tests drive
//! the same types.

pub mod goal;
pub mod frontmatter;
pub mod lesson;
pub mod markdown;
pub mod parse;
pub mod progress;
pub mod setup;
pub mod tutor;
pub mod catalog;
pub mod extract;
