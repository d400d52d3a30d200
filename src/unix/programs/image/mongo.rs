//! MongoDB 8.0.9 of the `mongo` image: the entrypoint (`entrypoint:mongo`), `mongod` and
//! `mongosh`. The entrypoint adds `--bind_ip_all` when no bind address is given, drops to
//! the `mongodb` user and, with `MONGO_INITDB_ROOT_USERNAME`/`_PASSWORD` on an empty
//! `/data/db`, runs a short initialization. `mongod` writes its structured JSON log on
//! stdout (fields padded as the real logger pads them) and creates its socket
//! `/tmp/mongodb-27017.sock`; SIGTERM shuts it down with exit 0. `mongosh` knows
//! `--version`, `--eval` of `db.version()` and pings, and the connection error.
//!
//! Texts: docker-library/mongo `8.0/docker-entrypoint.sh` (`exec "$@"` at line 420);
//! log ids and messages from mongodb/mongo `src/mongo` as real `docker logs` show them
//! (an abbreviated start-up: about a third of the real lines).
//!
//! Invariant: the socket exists exactly while a server runs (until SIGKILL).

use super::logtime;
use super::util;
use crate::engine::clock::Time;
use crate::unix::fs::Cred;
use crate::unix::process::Signal;
use crate::unix::process::io::{Io, Read};
use crate::unix::programs::{Program, Step};
use crate::unix::sh::Dialect;

const SOCKET: &str = "/tmp/mongodb-27017.sock";
const MONGOSH: &str = "2.5.1";

fn version(io: &Io<'_>) -> String {
    io.getenv("MONGO_VERSION").unwrap_or("8.0.9").to_string()
}

/// One line of mongod's JSON log, padded like `logv2`'s plain JSON formatter.
pub fn log_line(at: Time, sev: &str, component: &str, id: u32, ctx: &str, msg: &str, rest: &str) -> String {
    let s = format!("\"{sev}\",");
    let c = format!("\"{component}\",");
    let i = format!("{id},");
    format!(
        "{{\"t\":{{\"$date\":\"{}\"}},\"s\":{s:<6}\"c\":{c:<12}\"id\":{i:<9}\"ctx\":\"{ctx}\",\"msg\":\"{msg}\"{rest}}}\n",
        logtime::mongo(at)
    )
}

fn owner(io: &mut Io<'_>) -> Cred {
    if io.cred.uid != 0 {
        return io.cred;
    }
    util::user(io, "mongodb").map_or(Cred { uid: 999, gid: 999 }, |u| u.cred())
}

/// The mongo image's entrypoint.
#[derive(Clone, Debug)]
pub struct Entrypoint {
    argv: Vec<String>,
}

impl Entrypoint {
    pub fn new(argv: &[String]) -> Entrypoint {
        Entrypoint { argv: argv.to_vec() }
    }
}

impl Program for Entrypoint {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        let mut args: Vec<String> = self.argv.iter().skip(1).cloned().collect();
        if args.first().is_some_and(|a| a.starts_with('-')) {
            args.insert(0, "mongod".into());
        }
        let script = "/usr/local/bin/docker-entrypoint.sh";
        if args.first().map(String::as_str) == Some("mongod") && !args.iter().any(|a| matches!(a.as_str(), "--help" | "-h" | "--version")) {
            let user = io.getenv("MONGO_INITDB_ROOT_USERNAME").filter(|v| !v.is_empty()).map(String::from);
            let pass = io.getenv("MONGO_INITDB_ROOT_PASSWORD").filter(|v| !v.is_empty()).map(String::from);
            match (&user, &pass) {
                (Some(_), None) | (None, Some(_)) => {
                    io.err("error: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'\n       both must be specified for a user to be created\n");
                    return Step::Exit(1);
                }
                (Some(u), Some(_)) if util::list_dir(io, "/data/db").is_empty() => {
                    let t = io.now;
                    io.out("about to fork child process, waiting until server is ready for connections.\nforked process: 40\n");
                    io.out(&log_line(logtime::ms(t, 300), "I", "CONTROL", 20698, "-", "***** SERVER RESTARTED *****", ""));
                    io.out("child process started successfully, parent exiting\n");
                    io.out(&format!("{{\n  ok: 1,\n  user: '{u}',\n  roles: [ {{ role: 'root', db: 'admin' }} ]\n}}\n"));
                    io.out("\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n\n");
                    let owner = owner(io);
                    util::write_blob(io, "/data/db/WiredTiger", 50, owner);
                    util::write_blob(io, "/data/db/mongod.lock", 0, owner);
                    io.out("\nMongoDB init process complete; ready for start up.\n\n");
                }
                _ => {}
            }
            if !args.iter().any(|a| a.starts_with("--bind_ip")) {
                args.push("--bind_ip_all".into());
            }
        }
        let mut env = io.env.to_vec();
        env.retain(|(k, _)| !k.starts_with("MONGO_INITDB_"));
        super::exec::exec(io, args, env, script, 420, Dialect::Bash)
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// `mongod`.
#[derive(Clone, Debug)]
pub struct Mongod {
    argv: Vec<String>,
    running: bool,
}

impl Mongod {
    pub fn new(argv: &[String]) -> Mongod {
        Mongod { argv: argv.to_vec(), running: false }
    }

    fn options(&self) -> String {
        let mut parts = Vec::new();
        if self.argv.iter().any(|a| a == "--bind_ip_all") {
            parts.push("\"net\":{\"bindIp\":\"*\"}".to_string());
        }
        if self.argv.iter().any(|a| a == "--auth") {
            parts.push("\"security\":{\"authorization\":\"enabled\"}".to_string());
        }
        format!("{{{}}}", parts.join(","))
    }
}

impl Program for Mongod {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.running {
            return Step::Block;
        }
        let v = version(io);
        if self.argv.iter().any(|a| a == "--version") {
            io.out(&format!("db version v{v}\nBuild Info: {{\n    \"version\": \"{v}\",\n    \"openSSLVersion\": \"OpenSSL 3.0.13 30 Jan 2024\",\n    \"modules\": [],\n    \"allocator\": \"tcmalloc-google\",\n    \"environment\": {{\n        \"distmod\": \"ubuntu2404\",\n        \"distarch\": \"x86_64\",\n        \"target_arch\": \"x86_64\"\n    }}\n}}\n"));
            return Step::Exit(0);
        }
        let t = io.now;
        let host = io.sys.hostname();
        let auth = self.argv.iter().any(|a| a == "--auth");
        let mut out = log_line(t, "I", "CONTROL", 23285, "main", "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'", "");
        out += &log_line(t, "I", "CONTROL", 5945603, "main", "Multi threading initialized", "");
        out += &log_line(t, "I", "NETWORK", 4648601, "main", "Implicit TCP FastOpen unavailable. If TCP FastOpen is required, set at least one of the related parameters", ",\"attr\":{\"relatedParameters\":[\"tcpFastOpenServer\",\"tcpFastOpenClient\",\"tcpFastOpenQueueSize\"]}");
        let t1 = logtime::ms(t, 2);
        out += &log_line(t1, "I", "CONTROL", 4615611, "initandlisten", "MongoDB starting", &format!(",\"attr\":{{\"pid\":1,\"port\":27017,\"dbPath\":\"/data/db\",\"architecture\":\"64-bit\",\"host\":\"{host}\"}}"));
        out += &log_line(t1, "I", "CONTROL", 23403, "initandlisten", "Build Info", &format!(",\"attr\":{{\"buildInfo\":{{\"version\":\"{v}\",\"openSSLVersion\":\"OpenSSL 3.0.13 30 Jan 2024\",\"modules\":[],\"allocator\":\"tcmalloc-google\",\"environment\":{{\"distmod\":\"ubuntu2404\",\"distarch\":\"x86_64\",\"target_arch\":\"x86_64\"}}}}}}"));
        out += &log_line(t1, "I", "CONTROL", 51765, "initandlisten", "Operating System", ",\"attr\":{\"os\":{\"name\":\"Ubuntu\",\"version\":\"24.04\"}}");
        out += &log_line(t1, "I", "CONTROL", 21951, "initandlisten", "Options set by command line", &format!(",\"attr\":{{\"options\":{}}}", self.options()));
        out += &log_line(t1, "I", "STORAGE", 22297, "initandlisten", "Using the XFS filesystem is strongly recommended with the WiredTiger storage engine. See http://dochub.mongodb.org/core/prodnotes-filesystem", ",\"tags\":[\"startupWarnings\"]");
        out += &log_line(t1, "I", "STORAGE", 22315, "initandlisten", "Opening WiredTiger", "");
        let t2 = logtime::ms(t, 500);
        if !auth {
            out += &log_line(t2, "W", "CONTROL", 22120, "initandlisten", "Access control is not enabled for the database. Read and write access to data and configuration is unrestricted", ",\"tags\":[\"startupWarnings\"]");
        }
        out += &log_line(t2, "I", "NETWORK", 23015, "listener", "Listening on", &format!(",\"attr\":{{\"address\":\"{SOCKET}\"}}"));
        out += &log_line(t2, "I", "NETWORK", 23015, "listener", "Listening on", ",\"attr\":{\"address\":\"0.0.0.0\"}");
        out += &log_line(t2, "I", "NETWORK", 23016, "listener", "Waiting for connections", ",\"attr\":{\"port\":27017,\"ssl\":\"off\"}");
        io.out(&out);
        let owner = owner(io);
        util::write_blob(io, "/data/db/WiredTiger", 50, owner);
        util::write_file(io, "/data/db/mongod.lock", "1\n", owner, true);
        util::write_blob(io, SOCKET, 0, owner);
        self.running = true;
        Step::Block
    }

    fn signal(&mut self, sig: Signal, io: &mut Io<'_>) -> Option<Step> {
        if !self.running || !(sig == Signal::TERM || sig == Signal::INT) {
            return None;
        }
        let t = io.now;
        let (n, name) = if sig == Signal::TERM { (15, "Terminated") } else { (2, "Interrupt") };
        let mut out = log_line(t, "I", "CONTROL", 23377, "SignalHandler", "Received signal", &format!(",\"attr\":{{\"signal\":{n},\"error\":\"{name}\"}}"));
        out += &log_line(t, "I", "CONTROL", 23378, "SignalHandler", "Signal was sent by kill(2)", ",\"attr\":{\"pid\":0,\"uid\":0}");
        out += &log_line(t, "I", "CONTROL", 23381, "SignalHandler", "will terminate after current cmd ends", "");
        out += &log_line(logtime::ms(t, 1), "I", "NETWORK", 4784923, "SignalHandler", "Shutting down the ASIO transport SessionManager", "");
        out += &log_line(logtime::ms(t, 2), "I", "STORAGE", 4784931, "SignalHandler", "Dropping the scope cache for shutdown", "");
        out += &log_line(logtime::ms(t, 40), "I", "STORAGE", 22261, "SignalHandler", "Timestamp monitor shutting down", "");
        out += &log_line(logtime::ms(t, 80), "I", "CONTROL", 20565, "SignalHandler", "Now exiting", "");
        out += &log_line(logtime::ms(t, 80), "I", "CONTROL", 23138, "SignalHandler", "Shutting down", ",\"attr\":{\"exitCode\":0}");
        io.out(&out);
        util::remove(io, SOCKET);
        let o = owner(io);
        util::write_file(io, "/data/db/mongod.lock", "", o, true);
        Some(Step::Exit(0))
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// `mongosh`.
#[derive(Clone, Debug)]
pub struct Mongosh {
    argv: Vec<String>,
    started: bool,
}

impl Mongosh {
    pub fn new(argv: &[String]) -> Mongosh {
        Mongosh { argv: argv.to_vec(), started: false }
    }

    fn eval(io: &Io<'_>, code: &str) -> String {
        let c: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        match c.trim_end_matches(';') {
            "db.version()" => format!("{}\n", version(io)),
            "db.runCommand({ping:1})" | "db.adminCommand({ping:1})" | "db.adminCommand('ping')" | "db.adminCommand(\"ping\")" | "db.runCommand('ping')" => "{ ok: 1 }\n".into(),
            "db.getName()" | "db" => "test\n".into(),
            _ => format!("ReferenceError: {} is not defined\n", code.split(['.', '(']).next().unwrap_or(code).trim()),
        }
    }
}

impl Program for Mongosh {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if !self.started {
            self.started = true;
            if self.argv.iter().any(|a| a == "--version") {
                io.out(&format!("{MONGOSH}\n"));
                return Step::Exit(0);
            }
            if !util::exists(io, SOCKET, None) {
                io.err("MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017\n");
                return Step::Exit(1);
            }
            let quiet = self.argv.iter().any(|a| a == "--quiet");
            if !quiet {
                let id = format!("{:016x}{:08x}", util::stable_hash(&format!("{}", io.now.0)), io.now.unix_secs() as u32);
                io.out(&format!(
                    "Current Mongosh Log ID:\t{}\nConnecting to:\t\tmongodb://127.0.0.1:27017/?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh+{MONGOSH}\nUsing MongoDB:\t\t{}\nUsing Mongosh:\t\t{MONGOSH}\n\nFor mongosh info see: https://www.mongodb.com/docs/mongodb-shell/\n\n",
                    &id[..24],
                    version(io)
                ));
            }
            if let Some(i) = self.argv.iter().position(|a| a == "--eval") {
                let code = self.argv.get(i + 1).cloned().unwrap_or_default();
                io.out(&Self::eval(io, &code));
                return Step::Exit(0);
            }
            if !(io.stdin_is_terminal() && io.tty) {
                return Step::Exit(0);
            }
            io.out("test> ");
        }
        match io.read_line() {
            Read::Data(line) => {
                let l = line.trim();
                if matches!(l, "exit" | "quit" | "exit()" | ".exit") {
                    return Step::Exit(0);
                }
                if !l.is_empty() {
                    io.out(&Self::eval(io, l));
                }
                io.out("test> ");
                Step::Yield
            }
            Read::Eof => Step::Exit(0),
            Read::WouldBlock => Step::Read,
        }
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;
    use crate::unix::fs::{Layer, UnionFs};
    use crate::unix::process::{RunStatus, SignalEffect, Stream};
    use crate::unix::testing::SimpleSys;

    #[test]
    fn json_log_padding() {
        assert_eq!(
            log_line(T0, "I", "NETWORK", 23016, "listener", "Waiting for connections", ",\"attr\":{\"port\":27017,\"ssl\":\"off\"}"),
            "{\"t\":{\"$date\":\"2026-03-02T12:00:00.000+00:00\"},\"s\":\"I\",  \"c\":\"NETWORK\",  \"id\":23016,   \"ctx\":\"listener\",\"msg\":\"Waiting for connections\",\"attr\":{\"port\":27017,\"ssl\":\"off\"}}\n"
        );
        assert!(log_line(T0, "I", "-", 4915701, "main", "x", "").contains("\"s\":\"I\",  \"c\":\"-\",        \"id\":4915701, \"ctx\""));
    }

    #[test]
    fn mongod_through_the_entrypoint() {
        let mut image = debian("mongodb:x:999:999::/data/db:/bin/sh\n");
        image
            .program("/usr/bin/mongod", "mongod", T0)
            .program("/usr/bin/mongosh", "mongosh", T0)
            .program("/usr/local/bin/docker-entrypoint.sh", "entrypoint:mongo", T0)
            .dir("/data", T0);
        owned_dir(&mut image, "/data/db", 999, 0o755);
        let lowers = [&image];
        let mut up = Layer::new();
        let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
        let mut p = spawn(&mut sys, &["docker-entrypoint.sh", "mongod"], &[("MONGO_VERSION", "8.0.9")], false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Blocked);
        assert_eq!(p.command_line(), "mongod --bind_ip_all");
        let out = sys.stdout();
        assert!(out.contains("\"msg\":\"Options set by command line\",\"attr\":{\"options\":{\"net\":{\"bindIp\":\"*\"}}}}\n"));
        assert!(out.ends_with("\"msg\":\"Waiting for connections\",\"attr\":{\"port\":27017,\"ssl\":\"off\"}}\n"));
        let mark = sys.output.len();
        let mut c = spawn(&mut sys, &["mongosh", "--quiet", "--eval", "db.version()"], &[("MONGO_VERSION", "8.0.9")], false);
        assert_eq!(c.run(&mut sys, T0), RunStatus::Exited(0));
        assert_eq!(text_since(&sys, Stream::Stdout, mark), "8.0.9\n");
        assert_eq!(p.signal(Signal::TERM, &mut sys), SignalEffect::Exited(0));
        assert!(sys.stdout().ends_with("\"msg\":\"Shutting down\",\"attr\":{\"exitCode\":0}}\n"));
        let mark = sys.output.len();
        let mut c = spawn(&mut sys, &["mongosh", "--eval", "db.version()"], &[], false);
        assert_eq!(c.run(&mut sys, T0), RunStatus::Exited(1));
        assert_eq!(text_since(&sys, Stream::Stderr, mark), "MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017\n");
    }
}
