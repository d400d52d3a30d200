//! What a docker client invocation printed and its exit status: stdout and stderr chunks
//! in write order, like a terminal shows them.
//!
//! Invariant: consecutive writes to the same stream are merged; empty writes are dropped.

use crate::shell::outcome::{Chunk, Stream};

/// Output of one `docker …` invocation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub chunks: Vec<Chunk>,
    pub exit: i32,
    /// pt-BR explanations from doca itself (never part of stdout/stderr).
    pub notes: Vec<String>,
    /// The client keeps running in the terminal's foreground (`docker run` of a server,
    /// `docker logs -f`, `docker exec -it … sh`); `exit` is meaningless until it ends.
    pub attach: Option<super::attach::Foreground>,
}

impl Output {
    pub fn write(&mut self, stream: Stream, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.chunks.last_mut() {
            Some(last) if last.stream == stream => last.text.push_str(text),
            _ => self.chunks.push(Chunk {
                stream,
                text: text.to_string(),
            }),
        }
    }

    /// Writes to stdout.
    pub fn out(&mut self, text: &str) {
        self.write(Stream::Stdout, text);
    }

    /// Writes to stderr.
    pub fn err(&mut self, text: &str) {
        self.write(Stream::Stderr, text);
    }

    /// Appends another output's chunks (keeping this exit code).
    pub fn extend(&mut self, other: &[Chunk]) {
        for c in other {
            self.write(c.stream, &c.text);
        }
    }

    fn stream(&self, which: Stream) -> String {
        self.chunks
            .iter()
            .filter(|c| c.stream == which)
            .map(|c| c.text.as_str())
            .collect()
    }

    pub fn stdout(&self) -> String {
        self.stream(Stream::Stdout)
    }

    pub fn stderr(&self) -> String {
        self.stream(Stream::Stderr)
    }

    /// Ends with an error the way docker's `main` does: the message and a newline on
    /// stderr, and the status.
    pub fn fail(mut self, message: &str, exit: i32) -> Output {
        if !message.is_empty() {
            self.err(message);
            self.err("\n");
        }
        self.exit = exit;
        self
    }
}
