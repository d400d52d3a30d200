//! `POST /containers/{id}/attach`: a client connects to a container's main process to read
//! what it writes (and, with `-i`, to write to its stdin). What the process writes while a
//! client is attached is kept for that client even if the container is removed (`--rm`).
//!
//! Invariant: a stream exists only between attach and detach, and delivers each line once.

use super::lookup;
use super::{Api, ApiResult, query_escape};
use crate::engine::model::container::LogEntry;
use crate::engine::model::daemon::AttachStream;
use crate::engine::runtime::{self, Which};

/// What an attached client receives.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttachChunk {
    pub output: Vec<LogEntry>,
    /// The main process ended with this code (and will not be restarted).
    pub exit: Option<i32>,
    /// The container no longer exists.
    pub removed: bool,
}

impl Api<'_> {
    /// Attaches to container `name` (stdout and stderr, from now on). Returns its full ID.
    pub fn container_attach(&mut self, name: &str, stdin: bool) -> ApiResult<String> {
        let mut path = format!("/containers/{}/attach?stderr=1&stdout=1&stream=1", query_escape(name));
        if stdin {
            path.push_str("&stdin=1");
        }
        self.serve("POST", &path, 101, |api| {
            let id = lookup::container_id(api.daemon(), name)?;
            let cursor = api.daemon().containers[&id].logs.len();
            api.daemon_mut().streams.insert(id.clone(), AttachStream { log_cursor: cursor, ..Default::default() });
            Ok(id)
        })
    }

    /// What the attached container wrote since the last call, and whether it ended.
    pub fn attach_take(&mut self, id: &str) -> AttachChunk {
        let removed = !self.daemon().containers.contains_key(id);
        let Some(s) = self.daemon_mut().streams.get_mut(id) else {
            return AttachChunk { removed, ..Default::default() };
        };
        AttachChunk { output: std::mem::take(&mut s.output), exit: s.exit, removed }
    }

    /// Writes a line to the attached container's stdin (`-i`), letting it run.
    pub fn attach_input(&mut self, id: &str, data: &str) {
        if self.daemon().containers.get(id).is_some_and(|c| c.state.running && !c.state.paused) {
            let d = self.daemon;
            runtime::feed(self.world, d, id, Which::Main, data);
        }
    }

    /// Closes the attached container's stdin: the client's input ended (`echo x | docker
    /// run -i …`).
    pub fn attach_close_stdin(&mut self, id: &str) {
        if self.daemon().containers.get(id).is_some_and(|c| c.state.running && !c.state.paused) {
            let d = self.daemon;
            runtime::close_stdin(self.world, d, id, Which::Main);
        }
    }

    /// Ctrl+D from a terminal attached with a tty (`-t`) to process `which`.
    pub fn attach_end_of_input(&mut self, id: &str, which: Which) {
        if self.daemon().containers.get(id).is_some_and(|c| c.state.running && !c.state.paused) {
            let d = self.daemon;
            runtime::end_of_input(self.world, d, id, which);
        }
    }

    /// Ctrl+C from a terminal attached with a tty (`-t`).
    pub fn attach_interrupt(&mut self, id: &str, which: Which) {
        if self.daemon().containers.get(id).is_some_and(|c| c.state.running && !c.state.paused) {
            let d = self.daemon;
            runtime::interrupt(self.world, d, id, which);
        }
    }

    /// The prompt of the interactive shell the terminal is attached to, when it waits for input.
    pub fn attach_prompt(&self, id: &str, which: Which) -> Option<String> {
        runtime::prompt(self.world, self.daemon, id, which)
    }

    /// Ends the attachment.
    pub fn attach_detach(&mut self, id: &str) {
        self.daemon_mut().streams.remove(id);
    }
}
