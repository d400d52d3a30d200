//! The shell language: a POSIX `sh` subset with the bash additions learners meet, parsed
//! into an [`ast`]; errors worded like busybox ash, dash or bash ([`Dialect`]).
//!
//! Invariant: parsing never panics and never loops without consuming input; nesting is
//! bounded.

pub mod ast;
pub mod compound;
pub mod error;
pub mod lex;
pub mod parse;
pub mod subst;

pub use error::{Origin, ParseError, ParseErrorKind};
pub use parse::{Parser, parse};

/// Which shell is being imitated: texts of errors and a few behaviours differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dialect {
    /// busybox `sh` (alpine, busybox images).
    Ash,
    /// `/bin/sh` of debian and ubuntu.
    Dash,
    /// `bash` (debian/ubuntu images, the learner's host shell).
    Bash,
}

impl Dialect {
    /// `&>` is an operator (bash, ash); dash reads it as `&` then `>`.
    pub fn has_and_great(self) -> bool {
        !matches!(self, Dialect::Dash)
    }
}

#[cfg(test)]
mod tests;
