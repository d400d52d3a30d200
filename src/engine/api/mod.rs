//! The Docker Engine API as the simulated daemons serve it. A client calls methods on an
//! [`Api`] bound to one daemon; each call records the HTTP request and response as events,
//! and returns Docker's result or Docker's error as a value.
//!
//! Invariant: every public method records exactly one `ApiRequest` event first and, when the
//! daemon was reachable, one `ApiResponse` event last; a failed call leaves the daemon's state
//! as it was (except where Docker itself keeps partial work, e.g. layers already pulled).

pub mod attach;
pub mod build;
pub mod commit;
pub mod container_list;
pub mod container_prune;
pub mod container_net;
pub mod containers;
pub mod exec;
pub mod image_delete;
pub mod images;
pub mod inspect_json;
pub mod lifecycle;
pub mod lookup;
pub mod mounts;
pub mod network_connect;
pub mod network_json;
pub mod networks;
pub mod observe;
pub mod prune;
pub mod ports;
pub mod pull;
pub mod summary;
pub mod push;
pub mod search;
pub mod system;
pub mod volumes;

use super::event::{Actor, ClientId, DaemonId, EventKind};
use super::world::World;

/// The API version doca's daemons speak (Docker Engine 28.2).
pub const API_VERSION: &str = "1.50";

/// What can go wrong with an API call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// The daemon could not be reached: the client prints its own connection error.
    Unreachable { endpoint: String },
    /// The daemon answered with an error status and message.
    Daemon { status: u16, message: String },
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::Daemon { status: 400, message: message.into() }
    }
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::Daemon { status: 404, message: message.into() }
    }
    pub fn conflict(message: impl Into<String>) -> ApiError {
        ApiError::Daemon { status: 409, message: message.into() }
    }
    pub fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError::Daemon { status: 403, message: message.into() }
    }
    pub fn server(message: impl Into<String>) -> ApiError {
        ApiError::Daemon { status: 500, message: message.into() }
    }
    /// The HTTP status (0 when unreachable).
    pub fn status(&self) -> u16 {
        match self {
            ApiError::Unreachable { .. } => 0,
            ApiError::Daemon { status, .. } => *status,
        }
    }
    /// The daemon's message (or the connection error text).
    pub fn message(&self) -> String {
        match self {
            ApiError::Unreachable { endpoint } => {
                let at = endpoint.strip_prefix("unix://").map_or(endpoint.clone(), |p| format!("unix://{p}"));
                format!("Cannot connect to the Docker daemon at {at}. Is the docker daemon running?")
            }
            ApiError::Daemon { message, .. } => message.clone(),
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// A client's connection to one daemon.
pub struct Api<'w> {
    pub world: &'w mut World,
    pub client: ClientId,
    pub daemon: DaemonId,
}

impl World {
    /// The API of the daemon `client`'s current context points at.
    pub fn api(&mut self, client: ClientId) -> Api<'_> {
        let daemon = self.client(client).context().daemon;
        Api { world: self, client, daemon }
    }

    /// The API of a given daemon (`docker -H …`).
    pub fn api_to(&mut self, client: ClientId, daemon: DaemonId) -> Api<'_> {
        Api { world: self, client, daemon }
    }
}

impl Api<'_> {
    fn client_actor(&self) -> Actor {
        Actor::Client { client: self.client }
    }

    fn daemon_actor(&self) -> Actor {
        Actor::Daemon { daemon: self.daemon }
    }

    /// Starts a call: records `METHOD /v1.50/path`; fails when the daemon is down.
    fn call(&mut self, method: &str, path: &str) -> ApiResult<()> {
        let (from, to) = (self.client_actor(), self.daemon_actor());
        self.world.emit(
            from,
            to,
            EventKind::ApiRequest { method: method.into(), path: format!("/v{API_VERSION}{path}") },
        );
        if !self.world.daemon(self.daemon).running {
            let endpoint = self.world.client(self.client).context().endpoint.clone();
            return Err(ApiError::Unreachable { endpoint });
        }
        Ok(())
    }

    /// Ends a call: records the response status (`ok` on success, the error's otherwise).
    fn reply<T>(&mut self, ok: u16, r: ApiResult<T>) -> ApiResult<T> {
        let status = match &r {
            Ok(_) => ok,
            Err(ApiError::Unreachable { .. }) => return r,
            Err(e) => e.status(),
        };
        self.world.sync_registries();
        let (from, to) = (self.daemon_actor(), self.client_actor());
        self.world.emit(from, to, EventKind::ApiResponse { status });
        r
    }

    /// Runs `body` as one API call: request, body, response.
    fn serve<T>(
        &mut self,
        method: &str,
        path: &str,
        ok: u16,
        body: impl FnOnce(&mut Self) -> ApiResult<T>,
    ) -> ApiResult<T> {
        self.call(method, path)?;
        let r = body(self);
        self.reply(ok, r)
    }

    /// Records an event from the daemon to some actor.
    fn emit_from_daemon(&mut self, to: Actor, kind: EventKind) {
        let from = self.daemon_actor();
        self.world.emit(from, to, kind);
    }

    fn daemon(&self) -> &super::model::daemon::Daemon {
        self.world.daemon(self.daemon)
    }

    fn daemon_mut(&mut self) -> &mut super::model::daemon::Daemon {
        self.world.daemon_mut(self.daemon)
    }
}

/// Percent-encodes a query value the way Go's `url.Values.Encode` does.
pub fn query_escape(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
