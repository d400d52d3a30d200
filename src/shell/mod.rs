//! The learner's shell: the one place a typed line enters doca. It owns the shell state
//! (variables, history, working directory) and the world, runs the line and returns an
//! [`Outcome`]. The browser terminal and the native REPL both drive a [`Session`].
//!
//! Invariant: `submit` never panics and always returns; whatever the line, the world is
//! left in a consistent state.

pub mod outcome;

pub use outcome::{Attachment, Chunk, Outcome, Stream};

use crate::engine::World;

/// A terminal session: a world plus the shell around it.
#[derive(Clone, Debug)]
pub struct Session {
    world: World,
    history: Vec<String>,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

impl Session {
    /// A fresh world (one Linux host with its daemon, one client, Docker Hub) and an empty shell.
    pub fn new() -> Session {
        Session { world: World::new(), history: Vec::new() }
    }

    /// The world, read-only (for the diagram, the inspector and lesson goals).
    pub fn world(&self) -> &World {
        &self.world
    }

    /// The prompt to show before the next line.
    pub fn prompt(&self) -> String {
        "aluno@doca:~$ ".to_string()
    }

    /// Lines submitted so far, oldest first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// Runs one typed line.
    pub fn submit(&mut self, line: &str) -> Outcome {
        self.history.push(line.to_string());
        let mut out = Outcome { line: line.to_string(), ..Outcome::default() };
        let word = line.split_whitespace().next().unwrap_or("");
        if !word.is_empty() {
            out.write(Stream::Stderr, &format!("bash: {word}: command not found\n"));
            out.exit = 127;
        }
        out
    }

    /// Lets simulated time pass (the browser calls this with real elapsed time); returns what
    /// a process the terminal is attached to wrote meanwhile.
    pub fn tick(&mut self, span: crate::engine::clock::Span) -> Outcome {
        self.world.advance(span);
        Outcome::default()
    }

    /// The prompt of the process the terminal is attached to, if it reads input.
    pub fn attached_prompt(&self) -> Option<String> {
        None
    }

    /// Tab completion: the candidates for the word that ends at `cursor` (a byte offset on
    /// a char boundary of `line`). A word is the text after the last blank (space or tab)
    /// before the cursor; each candidate is the whole word that would replace it. Empty when
    /// nothing completes. The terminal decides how to show them (bash's readline rules).
    ///
    /// Stub: completes the first word from the commands the shell will know.
    pub fn complete(&self, line: &str, cursor: usize) -> Vec<String> {
        const COMMANDS: [&str; 8] = ["cat", "clear", "curl", "docker", "echo", "help", "history", "ls"];
        let Some(before) = line.get(..cursor) else {
            return Vec::new();
        };
        if before.contains([' ', '\t']) {
            return Vec::new();
        }
        COMMANDS.iter().filter(|c| c.starts_with(before)).map(|c| c.to_string()).collect()
    }

    /// Ctrl+C: interrupts whatever the terminal is attached to.
    pub fn interrupt(&mut self) -> Outcome {
        Outcome { line: "^C".to_string(), exit: 130, ..Outcome::default() }
    }
}
