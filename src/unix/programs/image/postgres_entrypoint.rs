//! The postgres image's `docker-entrypoint.sh` (`entrypoint:postgres`; also
//! `docker-ensure-initdb.sh`). For `postgres …` it reads `POSTGRES_*`, creates `$PGDATA`,
//! and on an empty data directory refuses to go on without `POSTGRES_PASSWORD` (the
//! `Error: Database is uninitialized…` block on stderr, exit 1), or runs `initdb`,
//! appends the host rule to `pg_hba.conf`, starts a temporary socket-only server, creates
//! `POSTGRES_DB`, runs `/docker-entrypoint-initdb.d/*` (`*.sql` through psql, `*.sh` as
//! scripts), stops the temporary server and execs `postgres`. A data directory with
//! `PG_VERSION` skips all that. Other commands are exec'd as they are.
//!
//! Texts: docker-library/postgres `17/bookworm/docker-entrypoint.sh` (the version of the
//! 17.5 image: `exec "$@"` is line 354), `pg_ctl` and the server as in [`super::postgres`].
//!
//! Invariant: initialization runs at most once per data directory (it ends by creating
//! `PG_VERSION`), and the final exec happens once.

use super::exec::{Child, Launch};
use super::logtime;
use super::pg::{self, Catalog};
use super::postgres::{self, TEMP_PIDS};
use super::psql;
use super::sql::{self, Outcome, Session};
use super::util;
use crate::engine::clock::Time;
use crate::unix::fs::Cred;
use crate::unix::process::Signal;
use crate::unix::process::io::Io;
use crate::unix::programs::{Program, Step};
use crate::unix::sh::Dialect;

const SCRIPT: &str = "/usr/local/bin/docker-entrypoint.sh";
const EXEC_LINE: u32 = 354;
const INITDB_DIR: &str = "/docker-entrypoint-initdb.d";

const NO_PASSWORD: &str = "Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".

       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about \"trust\":
       https://www.postgresql.org/docs/current/auth-trust.html
";

const TRUST_WARNING: &str = "********************************************************************************
WARNING: POSTGRES_HOST_AUTH_METHOD has been set to \"trust\". This will allow
         anyone with access to the Postgres port to access your database without
         a password, even if POSTGRES_PASSWORD is set. See PostgreSQL
         documentation about \"trust\":
         https://www.postgresql.org/docs/current/auth-trust.html
         In Docker's default configuration, this is effectively any other
         container on the same system.

         It is not recommended to use POSTGRES_HOST_AUTH_METHOD=trust. Replace
         it with \"-e POSTGRES_PASSWORD=password\" instead to set a password in
         \"docker run\".
********************************************************************************
";

/// Values of `docker_setup_env`.
#[derive(Clone, Debug, Default)]
struct Setup {
    user: String,
    db: String,
    auth: String,
    dir: String,
}

#[derive(Clone, Debug)]
enum Phase {
    Start,
    /// Running `/docker-entrypoint-initdb.d` files from `next`; `child` is a script.
    InitFiles { setup: Setup, files: Vec<String>, next: usize, child: Option<Box<Child>> },
}

/// The postgres image's entrypoint.
#[derive(Clone, Debug)]
pub struct Entrypoint {
    argv: Vec<String>,
    phase: Phase,
    /// The instant initialization work has reached (it takes a second or so).
    clock: Time,
}

impl Entrypoint {
    pub fn new(argv: &[String]) -> Entrypoint {
        Entrypoint { argv: argv.to_vec(), phase: Phase::Start, clock: Time(0) }
    }

    fn args(&self) -> Vec<String> {
        let mut args: Vec<String> = self.argv.iter().skip(1).cloned().collect();
        if args.first().is_some_and(|a| a.starts_with('-')) {
            args.insert(0, "postgres".into());
        }
        args
    }

    fn exec(&self, io: &mut Io<'_>, home: Option<&str>) -> Step {
        let mut env = io.env.to_vec();
        if let Some(h) = home {
            env.retain(|(k, _)| k != "HOME");
            env.push(("HOME".into(), h.into()));
        }
        super::exec::exec(io, self.args(), env, SCRIPT, EXEC_LINE, Dialect::Bash)
    }

    /// `file_env`: the variable or the content of `VAR_FILE`.
    fn file_env(io: &mut Io<'_>, var: &str, default: &str) -> Result<String, String> {
        let value = io.getenv(var).filter(|v| !v.is_empty()).map(String::from);
        let file = io.getenv(&format!("{var}_FILE")).filter(|v| !v.is_empty()).map(String::from);
        match (value, file) {
            (Some(_), Some(_)) => Err(format!("error: both {var} and {var}_FILE are set (but are exclusive)\n")),
            (Some(v), None) => Ok(v),
            (None, Some(f)) => Ok(util::read_text(io, &f).unwrap_or_default().trim_end_matches('\n').to_string()),
            (None, None) => Ok(default.to_string()),
        }
    }

    fn tick(&mut self, ms: u64) -> Time {
        self.clock = logtime::ms(self.clock, ms);
        self.clock
    }

    /// Everything up to the init files; `Err` is the step to return (an exit).
    fn initialize(&mut self, io: &mut Io<'_>, password: &str, setup: &Setup) -> Result<(), Step> {
        if password.is_empty() && setup.auth != "trust" {
            io.err(NO_PASSWORD);
            return Err(Step::Exit(1));
        }
        if setup.auth == "trust" {
            io.err(TRUST_WARNING);
        }
        let owner = pg::owner(io);
        io.out(&postgres::initdb_stdout(io, &setup.dir, "postgres"));
        pg::create_cluster(io, &setup.dir, &setup.user, owner);
        io.err(postgres::INITDB_TRUST_WARNING);
        let method = if setup.auth.is_empty() { "scram-sha-256" } else { setup.auth.as_str() };
        let mut rule = String::from("\n");
        if method == "trust" {
            rule.push_str("# warning trust is enabled for all connections\n");
            rule.push_str(&format!("# see https://www.postgresql.org/docs/{}/auth-trust.html\n", pg::major(io)));
        }
        rule.push_str(&format!("host all all all {method}\n"));
        let hba = format!("{}/pg_hba.conf", setup.dir);
        let now = io.now;
        let _ = io.fs().write(&hba, rule.as_bytes(), true, owner, now);
        let t = self.tick(600);
        let start = postgres::start_lines(io, &setup.dir, TEMP_PIDS, false, 5432, t);
        io.out(&format!("waiting for server to start....{start} done\nserver started\n"));
        postgres::mark_running(io, &setup.dir, TEMP_PIDS.postmaster, 5432, owner, t);
        self.tick(20);
        if setup.db != "postgres" {
            let created = Catalog::load(io, &setup.dir).is_some_and(|c| c.databases.contains_key(&setup.db));
            if !created {
                let sql = format!("CREATE DATABASE \"{}\" ;", setup.db);
                self.sql(io, setup, &sql, None);
                io.out("\n");
            }
        }
        io.out("\n");
        Ok(())
    }

    /// Runs SQL like `docker_process_sql`; prints what psql prints; `false` on error.
    fn sql(&self, io: &mut Io<'_>, setup: &Setup, text: &str, file: Option<&str>) -> bool {
        let in_db = file.is_some();
        let Some(mut catalog) = Catalog::load(io, &setup.dir) else { return false };
        let version = pg::version_string(io);
        let now = format!("{}+00", logtime::postgres(io.now).trim_end_matches(" UTC"));
        let db = if in_db { setup.db.clone() } else { "postgres".to_string() };
        let session = Session { user: &setup.user, db: &db, version: &version, now: &now };
        let owner = pg::owner(io);
        for (line, stmt) in split_sql(text) {
            match sql::run(&mut catalog, &session, &stmt) {
                Ok(Outcome::Tag(tag)) => io.out(&format!("{tag}\n")),
                Ok(Outcome::Rows { columns, rows }) => io.out(&psql::aligned(&columns, &rows, None, true)),
                Err(e) => {
                    let prefix = file.map(|f| format!("psql:{f}:{line}: ")).unwrap_or_default();
                    io.err(&format!("{prefix}{}", psql::error_text(&e, stmt.trim())));
                    catalog.store(io, &setup.dir, owner);
                    return false;
                }
            }
        }
        catalog.store(io, &setup.dir, owner);
        true
    }

    /// Runs init files from `next`; returns when a script must be waited for.
    fn init_files(&mut self, io: &mut Io<'_>, setup: Setup, files: Vec<String>, mut next: usize) -> Step {
        while next < files.len() {
            let f = files[next].clone();
            next += 1;
            if f.ends_with(".sh") {
                let exec = io.fs().stat(&f).map(|s| s.meta.mode & 0o111 != 0).unwrap_or(false);
                io.out(&format!("{SCRIPT}: {} {f}\n", if exec { "running" } else { "sourcing" }));
                let argv = if exec { vec![f.clone()] } else { vec!["bash".to_string(), f.clone()] };
                let owner = pg::owner(io);
                match Child::spawn(io, &argv, Launch { env: None, cred: Some(owner) }) {
                    Ok(child) => {
                        self.phase = Phase::InitFiles { setup, files, next, child: Some(Box::new(child)) };
                        return Step::Yield;
                    }
                    Err(_) => return Step::Exit(127),
                }
            } else if f.ends_with(".sql") {
                io.out(&format!("{SCRIPT}: running {f}\n"));
                let text = util::read_text(io, &f).unwrap_or_default();
                if !self.sql(io, &setup, &text, Some(&f)) {
                    return Step::Exit(3);
                }
                io.out("\n");
            } else {
                io.out(&format!("{SCRIPT}: ignoring {f}\n"));
            }
            io.out("\n");
        }
        self.finish(io, &setup)
    }

    /// Stops the temporary server and execs the real one.
    fn finish(&mut self, io: &mut Io<'_>, setup: &Setup) -> Step {
        let owner = pg::owner(io);
        let t = self.tick(300);
        let stop = postgres::stop_lines(TEMP_PIDS, t, false);
        let (first, rest) = stop.split_at(stop.find('\n').map_or(stop.len(), |i| i + 1));
        io.out(&format!("waiting for server to shut down...{first}.{rest} done\nserver stopped\n"));
        let at = logtime::ms(t, 10);
        postgres::mark_stopped(io, &setup.dir, 5432, owner, at);
        io.out("\nPostgreSQL init process complete; ready for start up.\n\n");
        self.exec(io, Some("/var/lib/postgresql"))
    }
}

/// Splits SQL text into statements at top-level `;`, with the line each starts on.
fn split_sql(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut line, mut start) = (1, 1);
    let mut quote = false;
    for c in text.chars() {
        if cur.trim().is_empty() {
            start = line;
        }
        cur.push(c);
        if c == '\n' {
            line += 1;
        } else if c == '\'' {
            quote = !quote;
        } else if c == ';' && !quote {
            out.push((start, std::mem::take(&mut cur)));
        }
    }
    if !cur.trim().is_empty() {
        out.push((start, cur));
    }
    out.retain(|(_, s)| {
        let code: Vec<&str> = s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("--")).collect();
        !code.is_empty() && code.join("").trim_end_matches(';').trim() != ""
    });
    out
}

impl Program for Entrypoint {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        match std::mem::replace(&mut self.phase, Phase::Start) {
            Phase::Start => {
                let args = self.args();
                let wants_help = args.iter().any(|a| matches!(a.as_str(), "-?" | "--help" | "--describe-config" | "-V" | "--version"));
                if args.first().map(String::as_str) != Some("postgres") || wants_help {
                    return self.exec(io, None);
                }
                self.clock = io.now;
                let password = match Self::file_env(io, "POSTGRES_PASSWORD", "") {
                    Ok(p) => p,
                    Err(e) => {
                        io.err(&e);
                        return Step::Exit(1);
                    }
                };
                let user = match Self::file_env(io, "POSTGRES_USER", "postgres") {
                    Ok(u) => u,
                    Err(e) => {
                        io.err(&e);
                        return Step::Exit(1);
                    }
                };
                let db = Self::file_env(io, "POSTGRES_DB", &user).unwrap_or_else(|_| user.clone());
                let auth = io.getenv("POSTGRES_HOST_AUTH_METHOD").unwrap_or("").to_string();
                let dir = io.getenv("PGDATA").unwrap_or("/var/lib/postgresql/data").to_string();
                let exists = pg::initialized(io, &dir);
                let owner = pg::owner(io);
                util::mkdir_owned(io, &dir, owner, 0o700);
                let _ = io.fs().set_meta(&dir, true, Cred::ROOT, &mut |m| {
                    m.mode = 0o700;
                    m.uid = owner.uid;
                    m.gid = owner.gid;
                });
                if exists {
                    io.out("\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n");
                    return self.exec(io, Some("/var/lib/postgresql"));
                }
                let setup = Setup { user, db, auth, dir };
                if let Err(step) = self.initialize(io, &password, &setup) {
                    return step;
                }
                let mut files: Vec<String> = util::list_dir(io, INITDB_DIR).into_iter().map(|n| format!("{INITDB_DIR}/{n}")).collect();
                if files.is_empty() {
                    files.push(format!("{INITDB_DIR}/*"));
                }
                self.init_files(io, setup, files, 0)
            }
            Phase::InitFiles { setup, files, next, child: Some(mut child) } => match child.step(io) {
                Step::Exit(0) => {
                    io.out("\n");
                    self.init_files(io, setup, files, next)
                }
                Step::Exit(c) => Step::Exit(c),
                other => {
                    self.phase = Phase::InitFiles { setup, files, next, child: Some(child) };
                    other
                }
            },
            Phase::InitFiles { setup, files, next, child: None } => self.init_files(io, setup, files, next),
        }
    }

    fn signal(&mut self, sig: Signal, io: &mut Io<'_>) -> Option<Step> {
        match &mut self.phase {
            Phase::InitFiles { child: Some(child), .. } => child.signal(sig, io),
            _ => None,
        }
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}
