//! The network calls of a process inside a container (its [`crate::unix::process::Sys`]):
//! name resolution reads the container's own `/etc/hosts` and `/etc/resolv.conf` first, as
//! the C library does; traffic to the container itself is answered by its own servers
//! from its own files.
//!
//! Invariant: nothing here panics; without a network context only loopback and literal
//! addresses work.

use super::NetCtx;
use super::deliver::{describe, describe_reply, rtt, write_logs};
use super::route::Target;
use crate::engine::clock::Time;
use crate::engine::model::container::LogEntry;
use crate::unix::fs::{Cred, Fs};
use crate::unix::net::{NetError, Payload, Pong, Reply, Resolved, is_ipv4};
use crate::unix::process::ProcInfo;
use crate::unix::programs::net::serve;

fn read(fs: &dyn Fs, p: &str) -> String {
    fs.read(p, Cred::ROOT).map(|d| String::from_utf8_lossy(&d.bytes()).into_owned()).unwrap_or_default()
}

/// The address `/etc/hosts` gives `name`, if any.
pub fn hosts_lookup(hosts: &str, name: &str) -> Option<String> {
    hosts.lines().find_map(|line| {
        let line = line.split('#').next().unwrap_or("");
        let mut words = line.split_whitespace();
        let addr = words.next()?;
        (is_ipv4(addr) && words.any(|w| w.eq_ignore_ascii_case(name))).then(|| addr.to_string())
    })
}

/// The first `nameserver` of a `resolv.conf`.
pub fn nameserver(resolv: &str) -> String {
    resolv.lines().find_map(|l| l.strip_prefix("nameserver").map(|s| s.trim().to_string())).unwrap_or_default()
}

/// `getaddrinfo` inside a container.
pub fn resolve(fs: &dyn Fs, net: &mut Option<NetCtx<'_>>, name: &str) -> Resolved {
    if is_ipv4(name) {
        return Resolved { addr: Some(name.to_string()), server: String::new() };
    }
    if let Some(addr) = hosts_lookup(&read(fs, "/etc/hosts"), name) {
        if let Some(n) = net.as_mut() {
            n.hosts_file_hit(name, &addr);
        }
        return Resolved { addr: Some(addr), server: String::new() };
    }
    let server = nameserver(&read(fs, "/etc/resolv.conf"));
    let Some(n) = net.as_mut() else { return Resolved { addr: None, server } };
    if server == super::dns::EMBEDDED {
        let addr = n.embedded_dns(name);
        return Resolved { addr, server };
    }
    n.unknown_name(name, &server);
    Resolved { addr: None, server }
}

/// One ping from inside a container.
pub fn ping(net: &mut Option<NetCtx<'_>>, now: Time, addr: &str, seq: u32) -> Result<Pong, NetError> {
    match net.as_mut() {
        Some(n) => n.ping(addr, seq),
        None if addr.starts_with("127.") => Ok(Pong { ttl: 64, micros: rtt(now, addr, seq) }),
        None => Err(NetError::Unreachable),
    }
}

/// Sends `payload` to `addr:port` from inside a container: its own servers answer when
/// the address is its own.
pub fn exchange(
    fs: &mut dyn Fs,
    net: &mut Option<NetCtx<'_>>,
    processes: &[ProcInfo],
    main_log: &mut Vec<LogEntry>,
    now: Time,
    addr: &str,
    port: u16,
    payload: Payload,
) -> Result<Reply, NetError> {
    let target = match net.as_ref() {
        Some(n) => n.route(addr, port),
        None if addr.starts_with("127.") || addr == "localhost" => Ok(Target::Own { remote: "127.0.0.1".into() }),
        None => Err(NetError::Unreachable),
    };
    let target = match target {
        Ok(t) => t,
        Err(e) => {
            if let Some(n) = net.as_mut() {
                n.record_drop(addr, port, e);
            }
            return Err(e);
        }
    };
    let Target::Own { remote } = &target else {
        return match net.as_mut() {
            Some(n) => n.deliver(&target, addr, port, &payload),
            None => Err(NetError::Unreachable),
        };
    };
    if let Some(n) = net.as_mut() {
        n.record_request(&target, addr, port, &describe(&payload));
    }
    let answer = match serve::listeners(processes, fs).into_iter().find(|(p, _)| *p == port) {
        None => Err(NetError::Refused),
        Some((_, service)) => {
            let conn = 1 + main_log.iter().filter(|e| e.text.contains(" HTTP/1.1\" ")).count() as u32;
            serve::serve(&service, fs, now, remote, &payload, conn).map(|(reply, lines)| {
                let log = match net.as_mut().and_then(|n| n.own_logs.as_deref_mut()) {
                    Some(own) => own,
                    None => main_log,
                };
                write_logs(log, now, lines);
                reply
            })
        }
    };
    if let Some(n) = net.as_mut() {
        match &answer {
            Ok(r) => n.record_reply(&target, addr, port, &describe_reply(r)),
            Err(e) => n.record_drop(addr, port, *e),
        }
    }
    answer
}
