//! The shape of a long-running server program (nginx, redis, postgres…): on start it
//! writes its startup log lines, then waits forever; on SIGTERM (or its own stop signal,
//! e.g. SIGQUIT for nginx) it writes its shutdown lines and exits 0. Image-specific
//! programs can use [`Server`] directly with their texts, or copy its shape.
//!
//! Invariant: the startup lines are written once; after the stop lines, the program exits.

use super::{Program, Step};
use crate::unix::process::Signal;
use crate::unix::process::io::Io;

/// A generic server: texts are written with `{time}`-free fixed content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Server {
    /// Written to stdout at start.
    pub startup_out: String,
    /// Written to stderr at start (nginx logs its notices there).
    pub startup_err: String,
    /// Signals that stop it gracefully.
    pub stop_signals: Vec<Signal>,
    /// Written to stdout (resp. stderr) on a graceful stop.
    pub shutdown_out: String,
    pub shutdown_err: String,
    started: bool,
}

impl Server {
    pub fn new(
        startup_out: &str,
        startup_err: &str,
        stop_signals: &[Signal],
        shutdown_out: &str,
        shutdown_err: &str,
    ) -> Server {
        Server {
            startup_out: startup_out.into(),
            startup_err: startup_err.into(),
            stop_signals: stop_signals.to_vec(),
            shutdown_out: shutdown_out.into(),
            shutdown_err: shutdown_err.into(),
            started: false,
        }
    }
}

impl Program for Server {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if !self.started {
            self.started = true;
            io.out(&self.startup_out);
            io.err(&self.startup_err);
        }
        Step::Block
    }
    fn signal(&mut self, sig: Signal, io: &mut Io<'_>) -> Option<Step> {
        if self.stop_signals.contains(&sig) {
            io.out(&self.shutdown_out);
            io.err(&self.shutdown_err);
            return Some(Step::Exit(0));
        }
        None
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}
