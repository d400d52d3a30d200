//! Delivering traffic to where [`super::route`] sent it: the answering container's
//! servers ([`crate::unix::programs::net::serve`]) reply from its own files and log the
//! request in its log, or nothing listens; pings come back from any running host. Each hop
//! is recorded: sender → (docker-proxy on the host, for a published port) → container, and
//! the reply back.
//!
//! Invariant: a reply only comes from a running container whose server listens on the
//! port asked.

use super::NetCtx;
use super::route::Target;
use crate::engine::event::{Actor, EventKind};
use crate::engine::model::container::{LogEntry, LogStream};
use crate::unix::net::{NetError, Payload, Pong, Reply};
use crate::unix::programs::net::serve::{self, LogLine};
use crate::unix::process::Stream;

/// A short label of what travels.
pub fn describe(payload: &Payload) -> String {
    match payload {
        Payload::Http(r) => format!("{} {}", r.method, r.path),
        Payload::Redis { args, .. } => format!("redis: {}", args.join(" ")),
        Payload::Raw(_) => "tcp".to_string(),
    }
}

/// A short label of the answer.
pub fn describe_reply(reply: &Reply) -> String {
    match reply {
        Reply::Http(r) => format!("HTTP {} {}", r.status, r.reason),
        Reply::Redis { raw, .. } => format!("redis: {}", raw.lines().next().unwrap_or("")),
        Reply::Raw(_) => "tcp".to_string(),
    }
}

/// Appends a server's log lines to a container log.
pub fn write_logs(log: &mut Vec<LogEntry>, at: crate::engine::clock::Time, lines: Vec<LogLine>) {
    for (stream, text) in lines {
        let stream = match stream {
            Stream::Stdout => LogStream::Stdout,
            Stream::Stderr => LogStream::Stderr,
        };
        log.push(LogEntry { at, stream, text });
    }
}

/// A deterministic round-trip time in microseconds for a hop at this moment.
pub fn rtt(now: crate::engine::clock::Time, addr: &str, seq: u32) -> u32 {
    let h = crate::unix::programs::image::util::stable_hash(&format!("{}/{addr}/{seq}", now.0));
    40 + (h % 160) as u32
}

impl NetCtx<'_> {
    fn target_actor(&self, t: &Target) -> Actor {
        match t {
            Target::Container { daemon, id, .. } => Actor::Container { daemon: *daemon, container: id.clone() },
            Target::Own { .. } => self.actor(),
            Target::Host => Actor::Host { host: self.host_id() },
        }
    }

    /// Records the way there: through docker-proxy for a published port, then to the
    /// container.
    pub fn record_request(&mut self, t: &Target, addr: &str, port: u16, what: &str) {
        let from = self.actor();
        let to = self.target_actor(t);
        if let Target::Container { daemon, ip, port: cport, network, published: Some(hp), .. } = t {
            let net = self.world.daemon(*daemon).network_by_name(network).map(|n| n.id.clone()).unwrap_or_default();
            let via = Actor::Network { daemon: *daemon, network: net };
            let first = format!("{what} (docker-proxy :{hp})");
            self.emit(from, via.clone(), EventKind::PacketSent { proto: "tcp".into(), dst: addr.to_string(), port: *hp, what: first });
            self.emit(via, to, EventKind::PacketSent { proto: "tcp".into(), dst: ip.clone(), port: *cport, what: what.to_string() });
            return;
        }
        self.emit(from, to, EventKind::PacketSent { proto: "tcp".into(), dst: addr.to_string(), port, what: what.to_string() });
    }

    /// Records traffic that got nowhere.
    pub fn record_drop(&mut self, addr: &str, port: u16, err: NetError) {
        let why = match err {
            NetError::Refused => "refused",
            NetError::Unreachable => "unreachable",
            NetError::HostUnreachable => "unreachable",
            NetError::Timeout => {
                let internal = matches!(&self.from, super::Vantage::Container { networks, daemon, .. }
                    if networks.keys().all(|n| self.world.daemon(*daemon).network_by_name(n).is_some_and(|n| n.internal)));
                if internal { "internal" } else { "timeout" }
            }
        };
        let from = self.actor();
        self.emit(from.clone(), from, EventKind::PacketDropped { dst: addr.to_string(), port, why: why.into() });
    }

    /// Records the answer coming back.
    pub fn record_reply(&mut self, t: &Target, addr: &str, port: u16, what: &str) {
        let from = self.target_actor(t);
        let to = self.actor();
        self.emit(from, to, EventKind::PacketSent { proto: "tcp".into(), dst: addr.to_string(), port, what: what.to_string() });
    }

    /// Sends `payload` to a container `route` found, and returns what its server answers.
    pub fn deliver(&mut self, t: &Target, addr: &str, port: u16, payload: &Payload) -> Result<Reply, NetError> {
        let Target::Container { daemon, id, port: cport, remote, .. } = t else { return Err(NetError::Refused) };
        let now = self.world.now();
        let (daemon, cport, remote) = (*daemon, *cport, remote.clone());
        self.record_request(t, addr, port, &describe(payload));
        let answer = crate::engine::rootfs::with_container(self.world, daemon, id, |_, fs, c| {
            let task = c.task.as_ref().ok_or(NetError::Refused)?;
            let procs = crate::engine::procctx::process_list(task);
            let (_, service) = serve::listeners(&procs, fs).into_iter().find(|(p, _)| *p == cport).ok_or(NetError::Refused)?;
            c.connections += 1;
            let (reply, lines) = serve::serve(&service, fs, now, &remote, payload, c.connections)?;
            write_logs(&mut c.logs, now, lines);
            Ok(reply)
        })
        .unwrap_or(Err(NetError::Refused));
        match &answer {
            Ok(reply) => self.record_reply(t, addr, port, &describe_reply(reply)),
            Err(e) => self.record_drop(addr, port, *e),
        }
        answer
    }

    /// One ping to `addr`.
    pub fn ping(&mut self, addr: &str, seq: u32) -> Result<Pong, NetError> {
        let now = self.world.now();
        match self.route(addr, 0) {
            Ok(t) => {
                let from = self.actor();
                let to = self.target_actor(&t);
                self.emit(from.clone(), to.clone(), EventKind::PacketSent { proto: "icmp".into(), dst: addr.to_string(), port: 0, what: "echo request".into() });
                self.emit(to, from, EventKind::PacketSent { proto: "icmp".into(), dst: addr.to_string(), port: 0, what: "echo reply".into() });
                Ok(Pong { ttl: 64, micros: rtt(now, addr, seq) })
            }
            Err(e) => {
                self.record_drop(addr, 0, e);
                Err(e)
            }
        }
    }
}
