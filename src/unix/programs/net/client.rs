//! The network clients a learner reaches for: busybox `wget`, `ping` and `nslookup` (alpine,
//! busybox) and `curl` (the learner's host, Debian-based images such as nginx). Each asks the
//! network through [`crate::unix::process::Sys`] (`resolve`, `ping`, `exchange`), so what
//! answers, and whether anything does, is the simulated network's decision.
//!
//! Invariant: every failure is the tool's own message and exit status; nothing here loops
//! without bound (`ping` without `-c` sleeps a second between echoes until interrupted).

use super::super::applets::{Ctx, getopt};
use crate::unix::net::{HttpRequest, NetError, Payload, Reply};
use crate::unix::process::io::Io;
use crate::unix::programs::{Program, Step};

/// `http://host:port/path` split up (the scheme is optional; only http is simulated).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Url {
    pub host: String,
    pub port: u16,
    pub path: String,
}

/// Parses a URL the way the clients need it; `Err` holds the scheme that is not http.
pub fn parse_url(url: &str) -> Result<Url, String> {
    let rest = match url.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => rest,
        Some((scheme, _)) => return Err(scheme.to_string()),
        None => url,
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, "/".to_string()),
    };
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, p.parse().unwrap_or(80)),
        None => (authority, 80),
    };
    Ok(Url { host: host.to_string(), port, path })
}

/// One HTTP GET through the simulated network: the resolved address and the reply.
fn get(io: &mut Io<'_>, url: &Url, agent: &str) -> Result<(String, crate::unix::net::HttpResponse), (String, Option<NetError>)> {
    let Some(addr) = io.sys.resolve(&url.host).addr else { return Err((String::new(), None)) };
    let host = if url.port == 80 { url.host.clone() } else { format!("{}:{}", url.host, url.port) };
    let req = HttpRequest { method: "GET".into(), path: url.path.clone(), host, user_agent: agent.into() };
    match io.sys.exchange(&addr, url.port, Payload::Http(req)) {
        Ok(Reply::Http(r)) => Ok((addr, r)),
        Ok(_) => Err((addr, Some(NetError::Refused))),
        Err(e) => Err((addr, Some(e))),
    }
}

fn errno_text(e: NetError) -> &'static str {
    match e {
        NetError::Refused => "Connection refused",
        NetError::Unreachable => "Network unreachable",
        NetError::HostUnreachable => "Host is unreachable",
        NetError::Timeout => "Connection timed out",
    }
}

/// busybox `wget [-q] [-O FILE] URL`.
pub fn wget(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "qsS", "OTUY") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let Some(raw) = o.operands.first().cloned() else {
        c.io.err(&format!("{}\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n", super::super::applets::BANNER));
        return Some(1);
    };
    let quiet = o.flags.contains(&'q');
    let url = match parse_url(&raw) {
        Ok(u) => u,
        Err(scheme) => {
            c.fail(&format!("not an http or ftp url: {scheme}://"));
            return Some(1);
        }
    };
    let file = o.values.iter().rev().find(|(k, _)| *k == 'O').map(|(_, v)| v.clone()).unwrap_or_else(|| {
        let last = url.path.rsplit('/').next().unwrap_or("");
        if last.is_empty() { "index.html".into() } else { last.to_string() }
    });
    // `Connecting to web (172.18.0.3:80)`; a port given in the URL shows in the name too.
    let shown = if raw.trim_start_matches("http://").split('/').next().is_some_and(|a| a.contains(':')) { format!("{}:{}", url.host, url.port) } else { url.host.clone() };
    let (addr, resp) = match get(c.io, &url, "Wget") {
        Ok(r) => r,
        Err((_, None)) => {
            c.fail(&format!("bad address '{}'", url.host));
            return Some(1);
        }
        Err((addr, Some(NetError::Timeout))) => {
            if !quiet {
                c.io.err(&format!("Connecting to {shown} ({addr}:{})\n", url.port));
            }
            c.fail("download timed out");
            return Some(1);
        }
        Err((addr, Some(e))) => {
            if !quiet {
                c.io.err(&format!("Connecting to {shown} ({addr}:{})\n", url.port));
            }
            c.fail(&format!("can't connect to remote host ({addr}): {}", errno_text(e)));
            return Some(1);
        }
    };
    if !quiet {
        c.io.err(&format!("Connecting to {shown} ({addr}:{})\n", url.port));
    }
    if resp.status >= 400 {
        c.fail(&format!("server returned error: HTTP/1.1 {} {}", resp.status, resp.reason));
        return Some(1);
    }
    let size = resp.body.len();
    let bar = format!("100% |********************************| {size:>5}  0:00:00 ETA");
    if file == "-" {
        if !quiet {
            c.io.err("writing to stdout\n");
        }
        c.out(&resp.body);
        if !quiet {
            c.io.err(&format!("{:<20.20}{bar}\nwritten to stdout\n", "-"));
        }
        return Some(0);
    }
    if !quiet {
        c.io.err(&format!("saving to '{file}'\n"));
    }
    let (abs, cred, now) = (c.io.abs(&file), c.io.cred, c.io.now);
    if let Err(e) = c.io.fs().write(&abs, resp.body.as_bytes(), false, cred, now) {
        c.fail(&format!("can't open '{file}': {}", e.message()));
        return Some(1);
    }
    if !quiet {
        c.io.err(&format!("{:<20.20}{bar}\n'{file}' saved\n", file));
    }
    Some(0)
}

/// curl 8 (`curl [-s] [-i] [-o FILE] URL`): the body on stdout, curl's numbered errors.
pub fn curl(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "sSfiIvLk", "oHXAmdw") {
        Ok(o) => o,
        Err(x) => {
            c.io.err(&format!("curl: option -{x}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n"));
            return Some(2);
        }
    };
    let silent = o.flags.contains(&'s') && !o.flags.contains(&'S');
    let Some(raw) = o.operands.first().cloned() else {
        c.io.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
        return Some(2);
    };
    let url = match parse_url(&raw) {
        Ok(u) => u,
        Err(scheme) => {
            if !silent {
                c.io.err(&format!("curl: (1) Protocol \"{scheme}\" not supported\n"));
            }
            return Some(1);
        }
    };
    let (_, resp) = match get(c.io, &url, "curl/8.5.0") {
        Ok(r) => r,
        Err((_, None)) => {
            if !silent {
                c.io.err(&format!("curl: (6) Could not resolve host: {}\n", url.host));
            }
            return Some(6);
        }
        Err((_, Some(NetError::Timeout))) => {
            if !silent {
                c.io.err(&format!("curl: (28) Failed to connect to {} port {} after 134023 ms: Couldn't connect to server\n", url.host, url.port));
            }
            return Some(28);
        }
        Err((_, Some(_))) => {
            if !silent {
                c.io.err(&format!("curl: (7) Failed to connect to {} port {} after 0 ms: Couldn't connect to server\n", url.host, url.port));
            }
            return Some(7);
        }
    };
    if o.flags.contains(&'f') && resp.status >= 400 {
        if !silent {
            c.io.err(&format!("curl: (22) The requested URL returned error: {}\n", resp.status));
        }
        return Some(22);
    }
    let mut text = String::new();
    if o.flags.contains(&'i') || o.flags.contains(&'I') {
        text.push_str(&format!("HTTP/1.1 {} {}\r\n", resp.status, resp.reason));
        for (k, v) in &resp.headers {
            text.push_str(&format!("{k}: {v}\r\n"));
        }
        text.push_str("\r\n");
    }
    if !o.flags.contains(&'I') {
        text.push_str(&resp.body);
    }
    match o.values.iter().rev().find(|(k, _)| *k == 'o').map(|(_, v)| v.clone()) {
        Some(file) if file == "/dev/null" => {}
        Some(file) if file != "-" => {
            let (abs, cred, now) = (c.io.abs(&file), c.io.cred, c.io.now);
            if c.io.fs().write(&abs, text.as_bytes(), false, cred, now).is_err() {
                if !silent {
                    c.io.err(&format!("curl: (23) Failure writing output to destination, passed {} returned 0\n", text.len()));
                }
                return Some(23);
            }
        }
        _ => c.out(&text),
    }
    // `-w`: the write-out after the transfer (`%{http_code}`, `\n`).
    if let Some(fmt) = o.values.iter().rev().find(|(k, _)| *k == 'w').map(|(_, v)| v.clone()) {
        let text = fmt
            .replace("%{http_code}", &resp.status.to_string())
            .replace("%{response_code}", &resp.status.to_string())
            .replace("%{size_download}", &resp.body.len().to_string())
            .replace("\\n", "\n")
            .replace("\\t", "\t");
        c.out(&text);
    }
    Some(0)
}

/// busybox `nslookup NAME`.
pub fn nslookup(c: &mut Ctx) -> Option<i32> {
    let Some(name) = c.args().iter().find(|a| !a.starts_with('-')).cloned() else {
        c.io.err(&format!("{}\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n", super::super::applets::BANNER));
        return Some(1);
    };
    let r = c.io.sys.resolve(&name);
    let server = if r.server.is_empty() { "127.0.0.11".to_string() } else { r.server.clone() };
    c.out(&format!("Server:\t\t{server}\nAddress:\t{server}:53\n\n"));
    match r.addr {
        Some(addr) => {
            c.out(&format!("Non-authoritative answer:\nName:\t{name}\nAddress: {addr}\n\n"));
            Some(0)
        }
        None => {
            c.out(&format!("** server can't find {name}: NXDOMAIN\n\n"));
            Some(1)
        }
    }
}

/// busybox `ping [-c N] HOST`: one echo a second, statistics at the end.
#[derive(Clone, Debug)]
pub struct Ping {
    argv: Vec<String>,
    started: bool,
    addr: String,
    host: String,
    count: Option<u32>,
    sent: u32,
    times: Vec<u32>,
}

impl Ping {
    pub fn create(argv: Vec<String>) -> Option<Box<dyn Program>> {
        Some(Box::new(Ping { argv, started: false, addr: String::new(), host: String::new(), count: None, sent: 0, times: Vec::new() }))
    }

    fn stats(&self, io: &mut Io<'_>) -> i32 {
        let got = self.times.len() as u32;
        let loss = if self.sent == 0 { 0 } else { (self.sent - got) * 100 / self.sent };
        io.out(&format!("\n--- {} ping statistics ---\n{} packets transmitted, {got} packets received, {loss}% packet loss\n", self.host, self.sent));
        if got > 0 {
            let ms = |us: u32| format!("{}.{:03}", us / 1000, us % 1000);
            let min = self.times.iter().copied().min().unwrap_or(0);
            let max = self.times.iter().copied().max().unwrap_or(0);
            let avg = self.times.iter().map(|&t| u64::from(t)).sum::<u64>() / u64::from(got);
            io.out(&format!("round-trip min/avg/max = {}/{}/{} ms\n", ms(min), ms(avg as u32), ms(max)));
        }
        if got == 0 { 1 } else { 0 }
    }
}

impl Program for Ping {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if !self.started {
            self.started = true;
            let args: Vec<String> = self.argv.get(1..).unwrap_or(&[]).to_vec();
            let o = match getopt(&args, "qn46", "cwWsIt") {
                Ok(o) => o,
                Err(x) => {
                    io.err(&format!("ping: invalid option -- '{x}'\n{}\n", super::super::applets::BANNER));
                    return Step::Exit(1);
                }
            };
            self.count = o.values.iter().rev().find(|(k, _)| *k == 'c').and_then(|(_, v)| v.parse().ok());
            let Some(host) = o.operands.first().cloned() else {
                io.err(&format!("{}\n\nUsage: ping [OPTIONS] HOST\n", super::super::applets::BANNER));
                return Step::Exit(1);
            };
            let Some(addr) = io.sys.resolve(&host).addr else {
                io.err(&format!("ping: bad address '{host}'\n"));
                return Step::Exit(1);
            };
            io.out(&format!("PING {host} ({addr}): 56 data bytes\n"));
            self.host = host;
            self.addr = addr;
        }
        if self.count.is_some_and(|n| self.sent >= n) {
            return Step::Exit(self.stats(io));
        }
        let seq = self.sent;
        self.sent += 1;
        match io.sys.ping(&self.addr) {
            Ok(p) => {
                self.times.push(p.micros);
                io.out(&format!("64 bytes from {}: seq={seq} ttl={} time={}.{:03} ms\n", self.addr, p.ttl, p.micros / 1000, p.micros % 1000));
            }
            Err(NetError::Unreachable) => {
                io.err("ping: sendto: Network unreachable\n");
                return Step::Exit(1);
            }
            Err(_) => {}
        }
        if self.count.is_some_and(|n| self.sent >= n) {
            return Step::Exit(self.stats(io));
        }
        Step::Sleep(io.now + crate::engine::clock::Span::secs(1))
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(parse_url("web").unwrap(), Url { host: "web".into(), port: 80, path: "/".into() });
        assert_eq!(parse_url("http://localhost:8080/a/b").unwrap(), Url { host: "localhost".into(), port: 8080, path: "/a/b".into() });
        assert_eq!(parse_url("https://x").unwrap_err(), "https");
    }
}

/// busybox `nc [-z] [-w SEC] HOST PORT`: sends standard input, prints what comes back;
/// `-z` only checks that something listens.
pub fn nc(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "zvnl", "wpsi") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let (Some(host), Some(port)) = (o.operands.first().cloned(), o.operands.get(1).cloned()) else {
        c.io.err(&format!("{}\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n", super::super::applets::BANNER));
        return Some(1);
    };
    let Ok(port) = port.parse::<u16>() else {
        c.fail(&format!("bad port '{port}'"));
        return Some(1);
    };
    let zero = o.flags.contains(&'z');
    let text = if zero {
        String::new()
    } else {
        c.stdin_all()?
    };
    let Some(addr) = c.io.sys.resolve(&host).addr else {
        c.fail(&format!("bad address '{host}'"));
        return Some(1);
    };
    match c.io.sys.exchange(&addr, port, Payload::Raw(text)) {
        Ok(reply) => {
            if !zero {
                let back = match reply {
                    Reply::Raw(t) => t,
                    Reply::Redis { raw, .. } => raw,
                    Reply::Http(r) => {
                        let mut t = format!("HTTP/1.1 {} {}\r\n", r.status, r.reason);
                        for (k, v) in &r.headers {
                            t.push_str(&format!("{k}: {v}\r\n"));
                        }
                        t.push_str("\r\n");
                        t.push_str(&r.body);
                        t
                    }
                };
                c.out(&back);
            }
            Some(0)
        }
        Err(NetError::Timeout) => {
            c.fail("timed out");
            Some(1)
        }
        Err(e) => {
            c.fail(&format!("can't connect to remote host ({addr}): {}", errno_text(e)));
            Some(1)
        }
    }
}
