//! The PostgreSQL server (`postgres`) and `initdb` of the `postgres` image (17.5 and
//! 16.9, versions from `PG_VERSION`). The server logs on stderr with the image's prefix
//! (`2026-03-02 12:00:00.000 UTC [1] LOG:  …`), says whether the last shutdown was clean
//! (a leftover `postmaster.pid` means it was not, and recovery runs), creates its socket
//! (`/var/run/postgresql/.s.PGSQL.5432`, which is how `psql` finds it) and waits. The
//! image's stop signal SIGINT is a fast shutdown, SIGTERM a smart one, SIGQUIT an
//! immediate one; all exit 0.
//!
//! Texts: `src/backend/postmaster/postmaster.c` (`pmdie`, start-up), `xlog.c`
//! (`StartupXLOG`, checkpoints), `src/bin/initdb/initdb.c`; checked against PostgreSQL 15
//! on Debian 12. Checkpoint statistics and LSNs are plausible constants.
//!
//! Invariant: the socket and `postmaster.pid` exist exactly while the server runs (until
//! SIGKILL, which leaves `postmaster.pid` behind like a real crash).

use super::logtime;
use super::pg::{self, Catalog};
use super::util;
use crate::engine::clock::Time;
use crate::unix::fs::Cred;
use crate::unix::process::Signal;
use crate::unix::process::io::Io;
use crate::unix::programs::{Program, Step};

/// PIDs of the postmaster and its helpers: the container's server, or the temporary
/// one the entrypoint starts during initialization.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pids {
    pub postmaster: u32,
    pub checkpointer: u32,
    pub startup: u32,
    pub launcher: u32,
}

pub const MAIN_PIDS: Pids = Pids { postmaster: 1, checkpointer: 27, startup: 29, launcher: 32 };
pub const TEMP_PIDS: Pids = Pids { postmaster: 48, checkpointer: 49, startup: 51, launcher: 54 };

/// The lines a postmaster logs from `starting` to `ready to accept connections`.
pub fn start_lines(io: &mut Io<'_>, dir: &str, pids: Pids, listen: bool, port: u32, t: Time) -> String {
    let version = pg::version_string(io);
    let catalog = Catalog::load(io, dir).unwrap_or_default();
    let mut out = pg::log_line(t, pids.postmaster, "LOG", &format!("starting {version}"));
    if listen {
        out += &pg::log_line(t, pids.postmaster, "LOG", &format!("listening on IPv4 address \"0.0.0.0\", port {port}"));
        out += &pg::log_line(t, pids.postmaster, "LOG", &format!("listening on IPv6 address \"::\", port {port}"));
    }
    out += &pg::log_line(t, pids.postmaster, "LOG", &format!("listening on Unix socket \"{}\"", pg::socket_path(port)));
    let t1 = logtime::ms(t, 4);
    let crashed = util::exists(io, &format!("{dir}/postmaster.pid"), None);
    match catalog.shut_down_at {
        Some(s) if !crashed => {
            let at = logtime::postgres_secs(Time(s * 1_000_000));
            out += &pg::log_line(t1, pids.startup, "LOG", &format!("database system was shut down at {at}"));
        }
        _ => {
            let at = logtime::postgres_secs(Time(catalog.last_up_at * 1_000_000));
            out += &pg::log_line(t1, pids.startup, "LOG", &format!("database system was interrupted; last known up at {at}"));
            out += &pg::log_line(t1, pids.startup, "LOG", "database system was not properly shut down; automatic recovery in progress");
            out += &pg::log_line(t1, pids.startup, "LOG", "redo starts at 0/1911718");
            out += &pg::log_line(t1, pids.startup, "LOG", "invalid record length at 0/1911800: expected at least 24, got 0");
            out += &pg::log_line(t1, pids.startup, "LOG", "redo done at 0/19117C8 system usage: CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.00 s");
            out += &pg::log_line(t1, pids.checkpointer, "LOG", "checkpoint starting: end-of-recovery immediate wait");
            out += &pg::log_line(t1, pids.checkpointer, "LOG", &checkpoint_complete(3, "0/1911800"));
        }
    }
    out += &pg::log_line(logtime::ms(t, 9), pids.postmaster, "LOG", "database system is ready to accept connections");
    out
}

fn checkpoint_complete(buffers: u32, lsn: &str) -> String {
    format!(
        "checkpoint complete: wrote {buffers} buffers ({:.1}%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.002 s, sync=0.001 s, total=0.004 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB; lsn={lsn}, redo lsn={lsn}",
        f64::from(buffers) * 100.0 / 16384.0
    )
}

/// The lines of a fast (`-m fast`, SIGINT) or smart (SIGTERM) shutdown.
pub fn stop_lines(pids: Pids, t: Time, smart: bool) -> String {
    let mut out = if smart {
        pg::log_line(t, pids.postmaster, "LOG", "received smart shutdown request")
    } else {
        pg::log_line(t, pids.postmaster, "LOG", "received fast shutdown request")
    };
    if !smart {
        out += &pg::log_line(t, pids.postmaster, "LOG", "aborting any active transactions");
    }
    out += &pg::log_line(
        t,
        pids.postmaster,
        "LOG",
        &format!("background worker \"logical replication launcher\" (PID {}) exited with exit code 1", pids.launcher),
    );
    let t1 = logtime::ms(t, 3);
    out += &pg::log_line(t1, pids.checkpointer, "LOG", "shutting down");
    out += &pg::log_line(t1, pids.checkpointer, "LOG", "checkpoint starting: shutdown immediate");
    out += &pg::log_line(logtime::ms(t, 7), pids.checkpointer, "LOG", &checkpoint_complete(3, "0/14E4FA0"));
    out += &pg::log_line(logtime::ms(t, 10), pids.postmaster, "LOG", "database system is shut down");
    out
}

/// Marks the server up: socket, lock file, `postmaster.pid`.
pub fn mark_running(io: &mut Io<'_>, dir: &str, pid: u32, port: u32, owner: Cred, at: Time) {
    util::mkdir_owned(io, pg::SOCKET_DIR, owner, 0o2775);
    util::write_file(io, &pg::socket_path(port), "", owner, false);
    let lock = format!("{}.lock", pg::socket_path(port));
    util::write_file(io, &lock, &format!("{pid}\n{dir}\n{}\n{port}\n", io.now.unix_secs()), owner, true);
    let pidfile = format!("{pid}\n{dir}\n{}\n{port}\n{}\n*\n  5432001         0\nready   \n", io.now.unix_secs(), pg::SOCKET_DIR);
    util::write_file(io, &format!("{dir}/postmaster.pid"), &pidfile, owner, true);
    util::write_file(io, &format!("{dir}/postmaster.opts"), "/usr/lib/postgresql/17/bin/postgres\n", owner, true);
    if let Some(mut c) = Catalog::load(io, dir) {
        c.shut_down_at = None;
        c.last_up_at = at.0 / 1_000_000;
        c.store(io, dir, owner);
    }
}

/// Marks a clean shutdown: removes the socket and `postmaster.pid`.
pub fn mark_stopped(io: &mut Io<'_>, dir: &str, port: u32, owner: Cred, at: Time) {
    util::remove(io, &pg::socket_path(port));
    util::remove(io, &format!("{}.lock", pg::socket_path(port)));
    util::remove(io, &format!("{dir}/postmaster.pid"));
    if let Some(mut c) = Catalog::load(io, dir) {
        c.shut_down_at = Some(at.0 / 1_000_000);
        c.store(io, dir, owner);
    }
}

/// What `initdb` prints on stdout for `dir` (the entrypoint's run, or a direct one).
pub fn initdb_stdout(io: &Io<'_>, dir: &str, user: &str) -> String {
    let quoted = |s: &str| if pg::major(io).parse::<u32>().unwrap_or(17) >= 16 { format!("\"{s}\"") } else { s.to_string() };
    let lang = io.getenv("LANG").unwrap_or("en_US.utf8").to_string();
    format!(
        "The files belonging to this database system will be owned by user \"{user}\".\n\
         This user must also own the server process.\n\n\
         The database cluster will be initialized with locale \"{lang}\".\n\
         The default database encoding has accordingly been set to \"UTF8\".\n\
         The default text search configuration will be set to \"english\".\n\n\
         Data page checksums are disabled.\n\n\
         fixing permissions on existing directory {dir} ... ok\n\
         creating subdirectories ... ok\n\
         selecting dynamic shared memory implementation ... posix\n\
         selecting default {} ... 100\n\
         selecting default {} ... 128MB\n\
         selecting default time zone ... Etc/UTC\n\
         creating configuration files ... ok\n\
         running bootstrap script ... ok\n\
         performing post-bootstrap initialization ... ok\n\
         syncing data to disk ... ok\n\n\n\
         Success. You can now start the database server using:\n\n    pg_ctl -D {dir} -l logfile start\n\n",
        quoted("max_connections"),
        quoted("shared_buffers"),
    )
}

/// `initdb`'s warning when local connections are left on trust.
pub const INITDB_TRUST_WARNING: &str = "initdb: warning: enabling \"trust\" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n";

/// `initdb` run by hand (`docker exec db initdb -D /tmp/x`).
#[derive(Clone, Debug)]
pub struct Initdb {
    argv: Vec<String>,
}

impl Initdb {
    pub fn new(argv: &[String]) -> Initdb {
        Initdb { argv: argv.to_vec() }
    }
}

impl Program for Initdb {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.argv.iter().any(|a| a == "--version" || a == "-V") {
            let (short, pkg) = pg::versions(io);
            io.out(&format!("initdb (PostgreSQL) {short} (Debian {pkg})\n"));
            return Step::Exit(0);
        }
        let user = util::user_by_uid(io, io.cred.uid).map(|u| u.name).unwrap_or_else(|| "postgres".into());
        if io.cred.uid == 0 {
            io.err("initdb: error: cannot be run as root\ninitdb: hint: Please log in (using, e.g., \"su\") as the (unprivileged) user that will own the server process.\n");
            return Step::Exit(1);
        }
        let dir = pg::data_dir(io, &self.argv);
        if !util::list_dir(io, &dir).is_empty() {
            io.err(&format!(
                "initdb: error: directory \"{dir}\" exists but is not empty\ninitdb: hint: If you want to create a new database system, either remove or empty the directory \"{dir}\" or run initdb with an argument other than \"{dir}\".\n"
            ));
            return Step::Exit(1);
        }
        let owner = io.cred;
        io.out(&initdb_stdout(io, &dir, &user));
        pg::create_cluster(io, &dir, &user, owner);
        io.err(INITDB_TRUST_WARNING);
        Step::Exit(0)
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum State {
    Start,
    Running { dir: String, port: u32, owner: Cred },
}

/// The `postgres` server binary.
#[derive(Clone, Debug)]
pub struct Postgres {
    argv: Vec<String>,
    state: State,
}

impl Postgres {
    pub fn new(argv: &[String]) -> Postgres {
        Postgres { argv: argv.to_vec(), state: State::Start }
    }

    fn port(&self, io: &Io<'_>) -> u32 {
        let mut it = self.argv.iter();
        while let Some(a) = it.next() {
            if a == "-p" {
                if let Some(p) = it.next().and_then(|p| p.parse().ok()) {
                    return p;
                }
            }
        }
        io.getenv("PGPORT").and_then(|p| p.parse().ok()).unwrap_or(5432)
    }
}

impl Program for Postgres {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if let State::Running { .. } = self.state {
            return Step::Block;
        }
        let args: Vec<&str> = self.argv.iter().skip(1).map(String::as_str).collect();
        if args.contains(&"--version") || args.contains(&"-V") {
            let (short, pkg) = pg::versions(io);
            io.out(&format!("postgres (PostgreSQL) {short} (Debian {pkg})\n"));
            return Step::Exit(0);
        }
        if let Some(i) = args.iter().position(|a| *a == "-C") {
            let value = match args.get(i + 1).copied() {
                Some("password_encryption") => "scram-sha-256",
                Some("port") => "5432",
                Some("listen_addresses") => "*",
                Some("max_connections") => "100",
                Some("shared_buffers") => "16384",
                _ => "",
            };
            io.out(&format!("{value}\n"));
            return Step::Exit(0);
        }
        let dir = pg::data_dir(io, &self.argv);
        if !pg::initialized(io, &dir) {
            io.err(&format!("postgres: could not access the server configuration file \"{dir}/postgresql.conf\": No such file or directory\n"));
            return Step::Exit(2);
        }
        let port = self.port(io);
        if util::exists(io, &pg::socket_path(port), None) && util::exists(io, &format!("{dir}/postmaster.pid"), None) && io.sys.processes().iter().filter(|p| p.command.starts_with("postgres")).count() > 1 {
            let line = pg::log_line(io.now, 1, "FATAL", "lock file \"postmaster.pid\" already exists");
            io.err(&format!("{line}{}", pg::log_line(io.now, 1, "HINT", "Is another postmaster (PID 1) running in data directory \"/var/lib/postgresql/data\"?")));
            return Step::Exit(1);
        }
        let owner = pg::owner(io);
        // Right after the entrypoint's initialization the temporary server stopped a few
        // hundred milliseconds into this same instant: start after it.
        let after_stop = Catalog::load(io, &dir).and_then(|c| c.shut_down_at).map_or(Time(0), |ms| logtime::ms(Time(ms * 1_000_000), 15));
        let t = io.now.max(after_stop);
        let text = start_lines(io, &dir, MAIN_PIDS, true, port, t);
        io.err(&text);
        mark_running(io, &dir, 1, port, owner, t);
        self.state = State::Running { dir, port, owner };
        Step::Block
    }

    fn signal(&mut self, sig: Signal, io: &mut Io<'_>) -> Option<Step> {
        let State::Running { dir, port, owner } = self.state.clone() else { return None };
        match sig.0 {
            2 | 15 => {
                let text = stop_lines(MAIN_PIDS, io.now, sig.0 == 15);
                io.err(&text);
                let at = logtime::ms(io.now, 10);
                mark_stopped(io, &dir, port, owner, at);
                Some(Step::Exit(0))
            }
            3 => {
                let t = io.now;
                io.err(&pg::log_line(t, 1, "LOG", "received immediate shutdown request"));
                io.err(&pg::log_line(t, 1, "LOG", "database system is shut down"));
                util::remove(io, &pg::socket_path(port));
                util::remove(io, &format!("{}.lock", pg::socket_path(port)));
                Some(Step::Exit(0))
            }
            1 => {
                let t = io.now;
                io.err(&pg::log_line(t, 1, "LOG", "received SIGHUP, reloading configuration files"));
                Some(Step::Block)
            }
            _ => None,
        }
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// `pg_isready` (the health check of many compose files): `/var/run/postgresql:5432 -
/// accepting connections` (0) or `- no response` (2).
#[derive(Clone, Debug)]
pub struct PgIsReady {
    argv: Vec<String>,
}

impl PgIsReady {
    pub fn new(argv: &[String]) -> PgIsReady {
        PgIsReady { argv: argv.to_vec() }
    }
}

impl Program for PgIsReady {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        let mut host = pg::SOCKET_DIR.to_string();
        let mut port = 5432u32;
        let mut quiet = false;
        let mut it = self.argv.iter().skip(1);
        while let Some(a) = it.next() {
            match a.as_str() {
                "-h" | "--host" => host = it.next().cloned().unwrap_or(host),
                "-p" | "--port" => port = it.next().and_then(|p| p.parse().ok()).unwrap_or(port),
                "-q" | "--quiet" => quiet = true,
                "--version" | "-V" => {
                    let (short, pkg) = pg::versions(io);
                    io.out(&format!("pg_isready (PostgreSQL) {short} (Debian {pkg})\n"));
                    return Step::Exit(0);
                }
                _ => {}
            }
        }
        let up = util::exists(io, &pg::socket_path(port), None);
        if !quiet {
            io.out(&format!("{host}:{port} - {}\n", if up { "accepting connections" } else { "no response" }));
        }
        Step::Exit(if up { 0 } else { 2 })
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}
