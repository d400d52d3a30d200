//! What one line typed in the terminal produced: the output chunks in the order they were
//! written (stdout and stderr interleaved as a terminal shows them), the exit status, the
//! events the diagram animates, and pt-BR notes that are *not* part of the output.
//!
//! Invariant: `output` holds only what real programs would write (Docker's English); doca's
//! own explanations live in `notes` and never reach stdout/stderr.

use serde::Serialize;

use crate::engine::event::Event;

/// Which standard stream a chunk was written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stream {
    Stdout,
    Stderr,
}

/// A piece of output on one stream.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Chunk {
    pub stream: Stream,
    pub text: String,
}

/// The terminal stays connected to a process after the line ran (`docker run` without
/// `-d` of a server, `docker logs -f`, `docker run -it … sh`). Ctrl+C interrupts it; with
/// `stdin` the lines typed next go to the process, under `prompt`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attachment {
    /// Full ID of the container the terminal is attached to.
    pub container: String,
    /// Lines typed go to the process (`-i`).
    pub stdin: bool,
    /// The prompt to show while attached (a container shell's `/ # `), if any.
    pub prompt: Option<String>,
}

/// Everything one submitted line produced.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The line as typed.
    pub line: String,
    /// Output in the order it was written.
    pub output: Vec<Chunk>,
    /// Exit status of the line (`$?` afterwards).
    pub exit: i32,
    /// What happened in the world, in order.
    pub events: Vec<Event>,
    /// pt-BR explanations doca adds (shown apart from the output).
    pub notes: Vec<String>,
    /// The terminal should be cleared before showing this outcome (`clear`).
    pub clear: bool,
    /// The terminal is now attached to a process.
    pub attached: Option<Attachment>,
}

impl Outcome {
    /// All stdout text, concatenated.
    pub fn stdout(&self) -> String {
        self.stream(Stream::Stdout)
    }

    /// All stderr text, concatenated.
    pub fn stderr(&self) -> String {
        self.stream(Stream::Stderr)
    }

    fn stream(&self, which: Stream) -> String {
        self.output
            .iter()
            .filter(|c| c.stream == which)
            .map(|c| c.text.as_str())
            .collect()
    }

    /// Appends text to a stream, merging with the previous chunk when it is the same stream.
    pub fn write(&mut self, stream: Stream, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.output.last_mut() {
            Some(last) if last.stream == stream => last.text.push_str(text),
            _ => self.output.push(Chunk { stream, text: text.to_string() }),
        }
    }
}
