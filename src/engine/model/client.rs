//! Docker clients: a `docker` CLI on some host, with its contexts (which daemon it talks to)
//! and its registry logins (`~/.docker/config.json`).
//!
//! Invariant: `current_context` names one of `contexts`.

use std::collections::BTreeMap;

use crate::engine::event::{ClientId, DaemonId, HostId};

/// A `docker context`: a name and the daemon endpoint it points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    pub name: String,
    pub description: String,
    /// `unix:///var/run/docker.sock`, `tcp://10.0.0.2:2376`, `ssh://user@host`.
    pub endpoint: String,
    pub daemon: DaemonId,
}

/// A `docker` CLI.
#[derive(Clone, Debug)]
pub struct Client {
    pub id: ClientId,
    pub host: HostId,
    pub contexts: Vec<Context>,
    pub current_context: String,
    /// Registry host → username of a successful `docker login`.
    pub logins: BTreeMap<String, String>,
}

impl Client {
    /// The context in use.
    pub fn context(&self) -> &Context {
        self.contexts
            .iter()
            .find(|c| c.name == self.current_context)
            .unwrap_or(&self.contexts[0])
    }
}
