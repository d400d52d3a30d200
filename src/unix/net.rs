//! What a program can ask of the network through [`crate::unix::process::Sys`]: resolve a
//! name, ping an address, send a request to a port (HTTP, a Redis command, raw text) and get
//! the answer. The embedder (the engine, for containers and the learner's host) decides
//! what is reachable and who answers.
//!
//! Invariant: plain data; every failure is a [`NetError`] value.

/// Where a name came from, and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The address, if the name exists.
    pub addr: Option<String>,
    /// The DNS server asked (`127.0.0.11` on user-defined networks), or empty when the
    /// answer came from `/etc/hosts` or no server could be asked.
    pub server: String,
}

/// Why traffic got nowhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetError {
    /// Nothing listens on that port (`Connection refused`).
    Refused,
    /// No route (`Network unreachable`): an internal network, `--network none`.
    Unreachable,
    /// The address does not answer (`Host is unreachable` after a wait).
    HostUnreachable,
    /// Packets are dropped on the way (another network): the client waits, then gives up.
    Timeout,
}

/// An HTTP request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: String,
    /// The path with its query (`/index.html`).
    pub path: String,
    /// The `Host` header (`localhost:8080`).
    pub host: String,
    pub user_agent: String,
}

/// An HTTP response.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub reason: String,
    /// Headers in order.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// What is sent to a port.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Payload {
    Http(HttpRequest),
    /// One Redis command (its arguments), with the password the client authenticates with.
    Redis { args: Vec<String>, password: Option<String> },
    /// Raw text (`nc`).
    Raw(String),
}

/// What comes back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    Http(HttpResponse),
    /// A Redis reply, already formatted the way `redis-cli` prints it on a terminal
    /// (`raw` is the pipe form).
    Redis { tty: String, raw: String },
    /// Raw text back (possibly empty), then the server closed.
    Raw(String),
}

/// One ping's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pong {
    pub ttl: u8,
    /// Round trip in microseconds.
    pub micros: u32,
}

/// A dotted IPv4 address (`172.17.0.2`).
pub fn is_ipv4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok_and(|n| n <= 255))
}
