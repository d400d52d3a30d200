//! `redis-cli` 8.0.2 against the server of the same container (the dataset in
//! [`super::keyspace`]). With a command on the command line it prints one reply: in the
//! terminal format (`(integer) 1`, `"bar"`, `(nil)`, `1) "a"`) when stdout is a terminal,
//! raw otherwise (`docker exec r redis-cli get k` prints `bar`). Without a command it
//! reads commands: with a prompt (`127.0.0.1:6379> `) on a terminal, line by line from a
//! pipe otherwise. No server: `Could not connect to Redis at 127.0.0.1:6379: Connection
//! refused`, exit 1. Other hosts need the simulated network, not modelled yet.
//!
//! Texts: redis/redis `src/redis-cli.c` (`cliFormatReplyTTY`, `cliFormatReplyRaw`,
//! `cliConnect`, `repl`), `sdssplitargs` and `sdscatrepr` of `src/sds.c`.
//!
//! Invariant: each input line runs at most one command; the prompt is written once per
//! line read.

use super::keyspace::{self, Memory, Reply};
use super::redis::{VERSION, server_alive};
use super::util;
use crate::unix::process::io::{Io, Read};
use crate::unix::programs::{Program, Step};

/// `sdssplitargs`: words, `"…"` with escapes, `'…'`; `None` on unbalanced quotes.
pub fn split_args(line: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let Some(&first) = chars.peek() else { return Some(out) };
        let mut cur = String::new();
        if first == '"' || first == '\'' {
            chars.next();
            let mut closed = false;
            while let Some(c) = chars.next() {
                if c == first {
                    closed = true;
                    break;
                }
                if c == '\\' && first == '"' {
                    match chars.next() {
                        Some('n') => cur.push('\n'),
                        Some('r') => cur.push('\r'),
                        Some('t') => cur.push('\t'),
                        Some('a') => cur.push('\x07'),
                        Some('b') => cur.push('\x08'),
                        Some(o) => cur.push(o),
                        None => return None,
                    }
                } else if c == '\\' && chars.peek() == Some(&'\'') {
                    cur.push('\'');
                    chars.next();
                } else {
                    cur.push(c);
                }
            }
            if !closed || chars.peek().is_some_and(|c| !c.is_whitespace()) {
                return None;
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                cur.push(c);
                chars.next();
            }
        }
        out.push(cur);
    }
}

/// `sdscatrepr`: a quoted string with C escapes.
pub fn repr(s: &str) -> String {
    let mut out = String::from("\"");
    for b in s.bytes() {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'"' => out.push_str("\\\""),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            7 => out.push_str("\\a"),
            8 => out.push_str("\\b"),
            0x20..=0x7e => out.push(b as char),
            other => out.push_str(&format!("\\x{other:02x}")),
        }
    }
    out.push('"');
    out
}

/// `cliFormatReplyTTY`.
pub fn format_tty(r: &Reply, prefix: &str) -> String {
    match r {
        Reply::Error(e) => format!("(error) {e}\n"),
        Reply::Status(s) => format!("{s}\n"),
        Reply::Int(n) => format!("(integer) {n}\n"),
        Reply::Bulk(Some(s)) => format!("{}\n", repr(s)),
        Reply::Bulk(None) => "(nil)\n".into(),
        Reply::Array(items) if items.is_empty() => "(empty array)\n".into(),
        Reply::Array(items) => {
            let width = items.len().to_string().len();
            let inner_prefix = format!("{prefix}{}", " ".repeat(width + 2));
            let mut out = String::new();
            for (i, it) in items.iter().enumerate() {
                let head = format!("{:>width$}) ", i + 1);
                out.push_str(if i == 0 { "" } else { prefix });
                out.push_str(&head);
                out.push_str(&format_tty(it, &inner_prefix));
            }
            out
        }
    }
}

/// `cliFormatReplyRaw` followed by the command delimiter.
pub fn format_raw(r: &Reply) -> String {
    fn raw(r: &Reply) -> String {
        match r {
            Reply::Bulk(None) => String::new(),
            Reply::Error(e) => format!("{e}\n"),
            Reply::Status(s) | Reply::Bulk(Some(s)) => s.clone(),
            Reply::Int(n) => n.to_string(),
            Reply::Array(items) => items.iter().map(raw).collect::<Vec<_>>().join("\n"),
        }
    }
    format!("{}\n", raw(r))
}

#[derive(Clone, Debug, Default)]
struct Opts {
    host: String,
    port: u32,
    pass: Option<String>,
    raw: Option<bool>,
    command: Vec<String>,
}

fn parse(argv: &[String]) -> Result<Opts, String> {
    let mut o = Opts { host: "127.0.0.1".into(), port: 6379, ..Opts::default() };
    let mut i = 1;
    while i < argv.len() {
        let a = argv[i].as_str();
        let value = |i: usize| argv.get(i + 1).cloned();
        match a {
            "-h" => o.host = value(i).ok_or("-h")?,
            "-p" => o.port = value(i).and_then(|v| v.parse().ok()).ok_or("-p")?,
            "-a" | "--pass" => o.pass = Some(value(i).ok_or("-a")?),
            "-n" => {
                value(i).ok_or("-n")?;
            }
            "--raw" => {
                o.raw = Some(true);
                i += 1;
                continue;
            }
            "--no-raw" => {
                o.raw = Some(false);
                i += 1;
                continue;
            }
            _ => {
                o.command = argv[i..].to_vec();
                return Ok(o);
            }
        }
        i += 2;
    }
    Ok(o)
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum State {
    Start,
    /// Interactive: waiting for a line (`connected` if the last attempt succeeded).
    Repl { connected: bool, prompted: bool },
    /// Commands piped on stdin.
    Pipe,
}

/// `redis-cli`.
#[derive(Clone, Debug)]
pub struct RedisCli {
    argv: Vec<String>,
    state: State,
    opts: Opts,
    authed: bool,
}

impl RedisCli {
    pub fn new(argv: &[String]) -> RedisCli {
        RedisCli { argv: argv.to_vec(), state: State::Start, opts: Opts::default(), authed: false }
    }

    fn local(&self, io: &Io<'_>) -> bool {
        let host = io.sys.hostname();
        matches!(self.opts.host.as_str(), "127.0.0.1" | "localhost" | "::1") || self.opts.host == host
    }

    /// A command sent to a server on another machine (`-h banco`) through the network:
    /// `None` when the server is this container's own; else what to print on a terminal
    /// and in a pipe, or the connection error text.
    fn remote(&self, io: &mut Io<'_>, args: &[String]) -> Option<Result<(String, String), String>> {
        if self.local(io) {
            return None;
        }
        let (host, port) = (&self.opts.host, self.opts.port);
        let Some(addr) = io.sys.resolve(host).addr else {
            return Some(Err(format!("Could not connect to Redis at {host}:{port}: Name or service not known\n")));
        };
        let payload = crate::unix::net::Payload::Redis { args: args.to_vec(), password: self.opts.pass.clone() };
        Some(match io.sys.exchange(&addr, u16::try_from(port).unwrap_or(0), payload) {
            Ok(crate::unix::net::Reply::Redis { tty, raw }) => Ok((tty, raw)),
            Ok(_) | Err(crate::unix::net::NetError::Refused) => Err(format!("Could not connect to Redis at {host}:{port}: Connection refused\n")),
            Err(crate::unix::net::NetError::Timeout) => Err(format!("Could not connect to Redis at {host}:{port}: Connection timed out\n")),
            Err(_) => Err(format!("Could not connect to Redis at {host}:{port}: No route to host\n")),
        })
    }

    /// The server's memory, or the connection error text.
    fn connect(&self, io: &mut Io<'_>) -> Result<Memory, String> {
        let (host, port) = (&self.opts.host, self.opts.port);
        if !self.local(io) {
            return Err(format!("Could not connect to Redis at {host}:{port}: Name or service not known\n"));
        }
        match Memory::load(io, port) {
            Some(m) if server_alive(io) => Ok(m),
            _ => Err(format!("Could not connect to Redis at {host}:{port}: Connection refused\n")),
        }
    }

    fn prompt(&self, connected: bool) -> String {
        if connected { format!("{}:{}> ", self.opts.host, self.opts.port) } else { "not connected> ".into() }
    }

    /// Runs one command against `mem` (auth, the commands the client itself handles).
    fn run(&mut self, io: &mut Io<'_>, mem: &mut Memory, args: &[String]) -> (Reply, bool) {
        let cmd = args.first().map(|a| a.to_ascii_uppercase()).unwrap_or_default();
        if cmd == "AUTH" {
            return match (&mem.requirepass, args.get(1)) {
                (None, _) => (Reply::Error("ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?".into()), false),
                (Some(p), Some(given)) if p == given => {
                    self.authed = true;
                    (Reply::Status("OK".into()), false)
                }
                _ => (Reply::Error("WRONGPASS invalid username-password pair or user is disabled.".into()), false),
            };
        }
        if mem.requirepass.is_some() && !self.authed {
            return (Reply::Error("NOAUTH Authentication required.".into()), false);
        }
        let now_ms = io.now.0 / 1_000_000;
        match cmd.as_str() {
            "SAVE" | "BGSAVE" => {
                let owner = util::user(io, "redis").map_or(io.cred, |u| u.cred());
                mem.save(io, owner);
                let msg = if cmd == "SAVE" { "OK" } else { "Background saving started" };
                (Reply::Status(msg.into()), true)
            }
            "SHUTDOWN" => {
                io.sys.kill(1, crate::unix::process::Signal::TERM);
                (Reply::Status(String::new()), false)
            }
            "INFO" => {
                let k = io.sys.kernel();
                let expires = mem.keys.values().filter(|e| e.expires.is_some()).count();
                let mut text = format!(
                    "# Server\r\nredis_version:{VERSION}\r\nredis_mode:standalone\r\nos:{} {} {}\r\narch_bits:64\r\nprocess_id:1\r\ntcp_port:{}\r\n\r\n# Keyspace\r\n",
                    k.sysname, k.release, k.machine, mem.port
                );
                if !mem.keys.is_empty() {
                    text.push_str(&format!("db0:keys={},expires={expires},avg_ttl=0,subexpiry=0\r\n", mem.keys.len()));
                }
                (Reply::Status(text), false)
            }
            _ => keyspace::execute(mem, args, now_ms),
        }
    }

    /// Authenticates with `-a`, warning as redis-cli does.
    fn auth_from_args(&mut self, io: &mut Io<'_>, mem: &mut Memory) {
        let Some(p) = self.opts.pass.clone() else { return };
        let args = vec!["AUTH".to_string(), p];
        if let (Reply::Error(e), _) = self.run(io, mem, &args) {
            io.err(&format!("AUTH failed: {e}\n"));
        }
    }

    fn print(&self, io: &mut Io<'_>, r: &Reply, tty: bool) {
        if matches!(r, Reply::Status(s) if s.is_empty()) {
            return;
        }
        let text = if tty { format_tty(r, "") } else { format_raw(r) };
        io.out(&text);
    }

    /// One line typed at the prompt (or piped); `None`: the client exits.
    fn line(&mut self, io: &mut Io<'_>, line: &str, tty: bool) -> Option<bool> {
        let Some(args) = split_args(line) else {
            io.out("Invalid argument(s)\n");
            return Some(true);
        };
        if args.is_empty() {
            return Some(true);
        }
        if matches!(args[0].to_ascii_lowercase().as_str(), "exit" | "quit") {
            return None;
        }
        match self.connect(io) {
            Ok(mut mem) => {
                let (reply, changed) = self.run(io, &mut mem, &args);
                if changed {
                    mem.dirty += 1;
                    mem.store(io);
                }
                self.print(io, &reply, tty);
                Some(true)
            }
            Err(e) => {
                io.err(&e);
                Some(false)
            }
        }
    }
}

impl Program for RedisCli {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        match self.state.clone() {
            State::Start => {
                if matches!(self.argv.get(1).map(String::as_str), Some("-v" | "--version")) {
                    io.out(&format!("redis-cli {VERSION}\n"));
                    return Step::Exit(0);
                }
                self.opts = match parse(&self.argv) {
                    Ok(o) => o,
                    Err(flag) => {
                        io.err(&format!("Unrecognized option or bad number of args for: '{flag}'\n"));
                        return Step::Exit(1);
                    }
                };
                if self.opts.pass.is_some() {
                    io.err("Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n");
                }
                let tty = self.opts.raw.map_or(io.tty, |r| !r);
                if !self.opts.command.is_empty() {
                    let args = self.opts.command.clone();
                    if let Some(answer) = self.remote(io, &args) {
                        return match answer {
                            Ok((on_tty, in_pipe)) => {
                                io.out(if tty { &on_tty } else { &in_pipe });
                                Step::Exit(0)
                            }
                            Err(e) => {
                                io.err(&e);
                                Step::Exit(1)
                            }
                        };
                    }
                    let mut mem = match self.connect(io) {
                        Ok(m) => m,
                        Err(e) => {
                            io.err(&e);
                            return Step::Exit(1);
                        }
                    };
                    self.auth_from_args(io, &mut mem);
                    let args = self.opts.command.clone();
                    let (reply, changed) = self.run(io, &mut mem, &args);
                    if changed {
                        mem.dirty += 1;
                        mem.store(io);
                    }
                    self.print(io, &reply, tty);
                    return Step::Exit(0);
                }
                let connected = match self.connect(io) {
                    Ok(mut mem) => {
                        self.auth_from_args(io, &mut mem);
                        true
                    }
                    Err(e) => {
                        io.err(&e);
                        false
                    }
                };
                self.state = if io.stdin_is_terminal() && io.tty { State::Repl { connected, prompted: false } } else { State::Pipe };
                Step::Yield
            }
            State::Repl { connected, prompted } => {
                if !prompted {
                    io.out(&self.prompt(connected));
                }
                match io.read_line() {
                    Read::Data(l) => match self.line(io, l.trim_end_matches('\n'), self.opts.raw.is_none_or(|r| !r)) {
                        None => Step::Exit(0),
                        Some(ok) => {
                            self.state = State::Repl { connected: ok, prompted: false };
                            Step::Yield
                        }
                    },
                    Read::Eof => Step::Exit(0),
                    Read::WouldBlock => {
                        self.state = State::Repl { connected, prompted: true };
                        Step::Read
                    }
                }
            }
            State::Pipe => {
                let Some(all) = io.read_all() else { return Step::Read };
                let tty = self.opts.raw.is_some_and(|r| !r);
                for l in all.lines().take(100_000) {
                    if self.line(io, l, tty).is_none() {
                        break;
                    }
                }
                Step::Exit(0)
            }
        }
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_formats() {
        let arr = Reply::Array((1..=10).map(|i| Reply::Bulk(Some(format!("k{i}")))).collect());
        let tty = format_tty(&arr, "");
        assert!(tty.starts_with(" 1) \"k1\"\n 2) \"k2\"\n"));
        assert!(tty.ends_with("10) \"k10\"\n"));
        assert_eq!(format_tty(&Reply::Bulk(Some("a\nb".into())), ""), "\"a\\nb\"\n");
        assert_eq!(format_raw(&Reply::Bulk(None)), "\n");
        assert_eq!(format_raw(&Reply::Error("ERR x".into())), "ERR x\n\n");
        assert_eq!(format_tty(&Reply::Array(vec![]), ""), "(empty array)\n");
        let nested = Reply::Array(vec![Reply::Int(1), Reply::Array(vec![Reply::Bulk(Some("a".into())), Reply::Bulk(Some("b".into()))])]);
        assert_eq!(format_tty(&nested, ""), "1) (integer) 1\n2) 1) \"a\"\n   2) \"b\"\n");
        assert_eq!(split_args("set k \"a b\" 'c'"), Some(vec!["set".into(), "k".into(), "a b".into(), "c".into()]));
        assert_eq!(split_args("set k \"a"), None);
    }
}
