//! MySQL 9.3.0 / 8.4.5 of the `mysql` image: the entrypoint (`entrypoint:mysql`), the
//! server `mysqld` and the `mysql` client. The entrypoint notes each step on stdout
//! (`2026-03-02 12:00:00+00:00 [Note] [Entrypoint]: …`), switches to the `mysql` user
//! (running itself again: the first note appears twice), and refuses an uninitialized
//! data directory without `MYSQL_ROOT_PASSWORD`, `MYSQL_ALLOW_EMPTY_PASSWORD` or
//! `MYSQL_RANDOM_ROOT_PASSWORD` (`[ERROR] [Entrypoint]: …` on stderr, exit 1). Otherwise
//! it initializes (`mysqld --initialize-insecure`, a temporary server, time zones, root
//! password, `MYSQL_DATABASE`/`MYSQL_USER`) and execs `mysqld`, which logs on stderr
//! (`2026-03-02T12:00:00.000000Z 0 [System] [MY-010931] [Server] …`). SIGTERM: a clean
//! shutdown, exit 0.
//!
//! Texts: docker-library/mysql `innovation/docker-entrypoint.sh` (its `exec "$@"` is line
//! 414); server messages from MySQL's `share/messages_to_error_log.txt` as real logs show
//! them; the start-up is abbreviated (no InnoDB buffer pool or TLS certificate lines
//! beyond the common ones).
//!
//! Invariant: the data directory holds `mysql.ibd` (here the dictionary, as JSON: root
//! password, databases, users) exactly when it was initialized.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::logtime;
use super::util;
use crate::engine::clock::Time;
use crate::unix::fs::Cred;
use crate::unix::process::Signal;
use crate::unix::process::io::Io;
use crate::unix::programs::{Program, Step};
use crate::unix::sh::Dialect;

const DATADIR: &str = "/var/lib/mysql";
const SOCKET: &str = "/var/run/mysqld/mysqld.sock";
const SCRIPT: &str = "/usr/local/bin/docker-entrypoint.sh";

/// (`9.3.0`, `9.3.0-1.el9`) from `MYSQL_VERSION`.
fn versions(io: &Io<'_>) -> (String, String) {
    let pkg = io.getenv("MYSQL_VERSION").unwrap_or("9.3.0-1.el9").to_string();
    (pkg.split('-').next().unwrap_or("9.3.0").to_string(), pkg)
}

/// The server's dictionary as this simulation keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dictionary {
    pub root_password: String,
    pub databases: Vec<String>,
    pub users: BTreeMap<String, String>,
}

impl Dictionary {
    pub fn load(io: &mut Io<'_>) -> Option<Dictionary> {
        serde_json::from_str(&util::read_text(io, &format!("{DATADIR}/mysql.ibd"))?).ok()
    }
    pub fn store(&self, io: &mut Io<'_>, owner: Cred) {
        let text = serde_json::to_string(self).unwrap_or_default();
        util::write_file(io, &format!("{DATADIR}/mysql.ibd"), &text, owner, true);
    }
}

fn note(io: &mut Io<'_>, msg: &str) {
    let line = format!("{} [Note] [Entrypoint]: {msg}\n", logtime::rfc3339_seconds_space(io.now));
    io.out(&line);
}

fn server_line(at: Time, thread: u32, level: &str, code: &str, subsystem: &str, msg: &str) -> String {
    format!("{} {thread} [{level}] [{code}] [{subsystem}] {msg}\n", logtime::mysqld(at))
}

fn owner(io: &mut Io<'_>) -> Cred {
    if io.cred.uid != 0 {
        return io.cred;
    }
    util::user(io, "mysql").map_or(Cred { uid: 999, gid: 999 }, |u| u.cred())
}

/// The lines from `MySQL Server - start.` to `ready for connections`.
fn start_lines(version: &str, pid: u32, port: u32, t: Time) -> String {
    let ms = |n| logtime::ms(t, n);
    let mut s = server_line(ms(0), 0, "System", "MY-015015", "Server", "MySQL Server - start.");
    s += &server_line(ms(1), 0, "System", "MY-010116", "Server", &format!("/usr/sbin/mysqld (mysqld {version}) starting as process {pid}"));
    s += &server_line(ms(8), 1, "System", "MY-013576", "InnoDB", "InnoDB initialization has started.");
    s += &server_line(ms(180), 1, "System", "MY-013577", "InnoDB", "InnoDB initialization has ended.");
    s += &server_line(ms(400), 0, "Warning", "MY-010068", "Server", "CA certificate ca.pem is self signed.");
    s += &server_line(ms(400), 0, "System", "MY-013602", "Server", "Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.");
    s += &server_line(ms(402), 0, "Warning", "MY-011810", "Server", "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.");
    if port == 0 {
        s += &server_line(ms(420), 0, "System", "MY-011323", "Server", "X Plugin ready for connections. Socket: /var/run/mysqld/mysqlx.sock");
    } else {
        s += &server_line(ms(420), 0, "System", "MY-011323", "Server", "X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock");
    }
    s += &server_line(
        ms(421),
        0,
        "System",
        "MY-010931",
        "Server",
        &format!("/usr/sbin/mysqld: ready for connections. Version: '{version}'  socket: '{SOCKET}'  port: {port}  MySQL Community Server - GPL."),
    );
    s
}

fn stop_lines(version: &str, by: &str, thread: u32, t: Time) -> String {
    let mut s = server_line(t, thread, "System", "MY-013172", "Server", &format!("Received SHUTDOWN from user {by}. Shutting down mysqld (Version: {version})."));
    s += &server_line(logtime::ms(t, 900), 0, "System", "MY-010910", "Server", &format!("/usr/sbin/mysqld: Shutdown complete (mysqld {version})  MySQL Community Server - GPL."));
    s += &server_line(logtime::ms(t, 901), 0, "System", "MY-015016", "Server", "MySQL Server - end.");
    s
}

/// The mysql image's entrypoint.
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
            args.insert(0, "mysqld".into());
        }
        let wants_help = args.iter().any(|a| matches!(a.as_str(), "-?" | "--help" | "-V" | "--version"));
        if args.first().map(String::as_str) != Some("mysqld") || wants_help {
            let env = io.env.to_vec();
            return super::exec::exec(io, args, env, SCRIPT, 414, Dialect::Bash);
        }
        let (version, pkg) = versions(io);
        note(io, &format!("Entrypoint script for MySQL Server {pkg} started."));
        if io.cred.uid == 0 {
            note(io, "Switching to dedicated user 'mysql'");
            note(io, &format!("Entrypoint script for MySQL Server {pkg} started."));
        }
        let owner = owner(io);
        util::mkdir_owned(io, DATADIR, owner, 0o750);
        if Dictionary::load(io).is_none() {
            let get = |k: &str| io.getenv(k).filter(|v| !v.is_empty()).map(String::from);
            let (root, empty, random) = (get("MYSQL_ROOT_PASSWORD"), get("MYSQL_ALLOW_EMPTY_PASSWORD"), get("MYSQL_RANDOM_ROOT_PASSWORD"));
            let (db, user, pass) = (get("MYSQL_DATABASE"), get("MYSQL_USER"), get("MYSQL_PASSWORD"));
            if root.is_none() && empty.is_none() && random.is_none() {
                let t = logtime::rfc3339_seconds_space(io.now);
                io.err(&format!(
                    "{t} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n"
                ));
                return Step::Exit(1);
            }
            if user.as_deref() == Some("root") {
                let t = logtime::rfc3339_seconds_space(io.now);
                io.err(&format!(
                    "{t} [ERROR] [Entrypoint]: MYSQL_USER=\"root\", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user\n    Remove MYSQL_USER=\"root\" and use one of the following to control the root user password:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n"
                ));
                return Step::Exit(1);
            }
            let t = io.now;
            note(io, "Initializing database files");
            let init = logtime::ms(t, 300);
            let mut log = server_line(init, 0, "System", "MY-015017", "Server", "MySQL Server Initialization - start.");
            log += &server_line(init, 0, "System", "MY-013169", "Server", &format!("/usr/sbin/mysqld (mysqld {version}) initializing of server in progress as process 80"));
            log += &server_line(logtime::ms(t, 310), 1, "System", "MY-013576", "InnoDB", "InnoDB initialization has started.");
            log += &server_line(logtime::ms(t, 700), 1, "System", "MY-013577", "InnoDB", "InnoDB initialization has ended.");
            log += &server_line(logtime::ms(t, 1900), 6, "Warning", "MY-010453", "Server", "root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.");
            log += &server_line(logtime::ms(t, 3500), 0, "System", "MY-015018", "Server", "MySQL Server Initialization - end.");
            io.err(&log);
            for (f, size) in [("ibdata1", 12_582_912u64), ("ib_buffer_pool", 3_000), ("undo_001", 16_777_216), ("undo_002", 16_777_216), ("auto.cnf", 56)] {
                util::write_blob(io, &format!("{DATADIR}/{f}"), size, owner);
            }
            note(io, "Database files initialized");
            note(io, "Starting temporary server");
            io.err(&start_lines(&version, 124, 0, logtime::ms(t, 3600)));
            note(io, "Temporary server started.");
            io.out(&format!("'/var/lib/mysql/mysql.sock' -> '{SOCKET}'\n"));
            for z in ["iso3166.tab", "leap-seconds.list", "leapseconds", "tzdata.zi", "zone.tab", "zone1970.tab"] {
                io.err(&format!("Warning: Unable to load '/usr/share/zoneinfo/{z}' as time zone. Skipping it.\n"));
            }
            let mut dict = Dictionary { root_password: root.unwrap_or_default(), ..Dictionary::default() };
            if random.is_some() {
                dict.root_password = format!("{:x}", util::stable_hash(&io.sys.hostname()));
                note(io, &format!("GENERATED ROOT PASSWORD: {}", dict.root_password));
            }
            if let Some(d) = db {
                note(io, &format!("Creating database {d}"));
                dict.databases.push(d.clone());
                if let (Some(u), Some(p)) = (user.clone(), pass.clone()) {
                    note(io, &format!("Creating user {u}"));
                    note(io, &format!("Giving user {u} access to schema {d}"));
                    dict.users.insert(u, p);
                }
            } else if let (Some(u), Some(p)) = (user, pass) {
                note(io, &format!("Creating user {u}"));
                dict.users.insert(u, p);
            }
            dict.store(io, owner);
            io.out("\n");
            note(io, "Stopping temporary server");
            io.err(&stop_lines(&version, "root", 10, logtime::ms(t, 4800)));
            note(io, "Temporary server stopped");
            io.out("\n");
            note(io, "MySQL init process done. Ready for start up.");
            io.out("\n");
        }
        let env = io.env.to_vec();
        super::exec::exec(io, args, env, SCRIPT, 414, Dialect::Bash)
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// `mysqld`.
#[derive(Clone, Debug)]
pub struct Mysqld {
    argv: Vec<String>,
    running: bool,
}

impl Mysqld {
    pub fn new(argv: &[String]) -> Mysqld {
        Mysqld { argv: argv.to_vec(), running: false }
    }
}

impl Program for Mysqld {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.running {
            return Step::Block;
        }
        let (version, _) = versions(io);
        if self.argv.iter().any(|a| a == "--version" || a == "-V") {
            io.out(&format!("/usr/sbin/mysqld  Ver {version} for Linux on x86_64 (MySQL Community Server - GPL)\n"));
            return Step::Exit(0);
        }
        if Dictionary::load(io).is_none() {
            let t = io.now;
            let mut s = server_line(t, 0, "System", "MY-015015", "Server", "MySQL Server - start.");
            s += &server_line(t, 0, "System", "MY-010116", "Server", &format!("/usr/sbin/mysqld (mysqld {version}) starting as process 1"));
            s += &server_line(t, 0, "ERROR", "MY-010338", "Server", "Can't find error-message file '/usr/share/mysql/english/errmsg.sys'. Check error-message file location and 'lc-messages-dir' configuration directive.");
            s += &server_line(t, 0, "ERROR", "MY-013276", "Server", "Failed to set datadir to '/var/lib/mysql/' (OS errno: 2 - No such file or directory)");
            s += &server_line(t, 0, "ERROR", "MY-010119", "Server", "Aborting");
            s += &server_line(t, 0, "System", "MY-015016", "Server", "MySQL Server - end.");
            io.err(&s);
            return Step::Exit(1);
        }
        let t = io.now;
        io.err(&start_lines(&version, 1, 3306, t));
        let owner = owner(io);
        util::mkdir_owned(io, "/var/run/mysqld", owner, 0o1777);
        util::write_file(io, SOCKET, "", owner, false);
        util::write_file(io, "/var/run/mysqld/mysqld.pid", "1\n", owner, false);
        self.running = true;
        Step::Block
    }

    fn signal(&mut self, sig: Signal, io: &mut Io<'_>) -> Option<Step> {
        if !self.running || !(sig == Signal::TERM || sig == Signal::INT) {
            return None;
        }
        let (version, _) = versions(io);
        io.err(&stop_lines(&version, "<via user signal>", 0, io.now));
        util::remove(io, SOCKET);
        util::remove(io, "/var/run/mysqld/mysqld.pid");
        Some(Step::Exit(0))
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// The `mysql` client: `--version`, `-e` with a few statements, its connection errors.
#[derive(Clone, Debug)]
pub struct MysqlClient {
    argv: Vec<String>,
}

impl MysqlClient {
    pub fn new(argv: &[String]) -> MysqlClient {
        MysqlClient { argv: argv.to_vec() }
    }
}

impl Program for MysqlClient {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        let (version, _) = versions(io);
        let mut user = "root".to_string();
        let mut password: Option<String> = None;
        let mut exec: Option<String> = None;
        let mut i = 1;
        while i < self.argv.len() {
            let a = self.argv[i].clone();
            if a == "--version" || a == "-V" {
                io.out(&format!("mysql  Ver {version} for Linux on x86_64 (MySQL Community Server - GPL)\n"));
                return Step::Exit(0);
            } else if let Some(u) = a.strip_prefix("-u").filter(|u| !u.is_empty()) {
                user = u.to_string();
            } else if a == "-u" || a == "--user" {
                i += 1;
                user = self.argv.get(i).cloned().unwrap_or_default();
            } else if let Some(p) = a.strip_prefix("-p").or_else(|| a.strip_prefix("--password=")) {
                password = Some(p.to_string());
            } else if a == "-e" || a == "--execute" {
                i += 1;
                exec = self.argv.get(i).cloned();
            }
            i += 1;
        }
        if password.as_deref().is_some_and(|p| !p.is_empty()) {
            io.err("mysql: [Warning] Using a password on the command line interface can be insecure.\n");
        }
        if !util::exists(io, SOCKET, None) {
            io.err(&format!("ERROR 2002 (HY000): Can't connect to local MySQL server through socket '{SOCKET}' (2)\n"));
            return Step::Exit(1);
        }
        let dict = Dictionary::load(io).unwrap_or_default();
        let expected = if user == "root" { Some(dict.root_password.clone()) } else { dict.users.get(&user).cloned() };
        let given = password.clone().unwrap_or_default();
        if expected.as_deref() != Some(given.as_str()) {
            let using = if given.is_empty() { "NO" } else { "YES" };
            io.err(&format!("ERROR 1045 (28000): Access denied for user '{user}'@'localhost' (using password: {using})\n"));
            return Step::Exit(1);
        }
        let Some(sql) = exec else {
            return Step::Exit(0);
        };
        let q = sql.trim().trim_end_matches(';').trim().to_ascii_lowercase();
        let (header, rows): (String, Vec<String>) = if q == "show databases" {
            let mut all: Vec<String> = ["information_schema", "mysql", "performance_schema", "sys"].iter().map(|s| s.to_string()).collect();
            all.extend(dict.databases.iter().cloned());
            all.sort();
            ("Database".into(), all)
        } else if q == "select version()" {
            ("version()".into(), vec![version])
        } else if let Some(v) = q.strip_prefix("select ").filter(|v| v.chars().all(|c| c.is_ascii_digit())) {
            (v.to_string(), vec![v.to_string()])
        } else {
            let near: String = sql.trim().chars().take(80).collect();
            io.err(&format!("ERROR 1064 (42000) at line 1: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '{near}' at line 1\n"));
            return Step::Exit(1);
        };
        if io.tty {
            let w = rows.iter().map(|r| r.len()).chain([header.len()]).max().unwrap_or(0);
            let rule = format!("+{}+\n", "-".repeat(w + 2));
            let mut out = format!("{rule}| {header:<w$} |\n{rule}");
            for r in &rows {
                out.push_str(&format!("| {r:<w$} |\n"));
            }
            out.push_str(&rule);
            io.out(&out);
        } else {
            io.out(&format!("{header}\n{}", rows.iter().map(|r| format!("{r}\n")).collect::<String>()));
        }
        Step::Exit(0)
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use crate::unix::fs::{Layer, UnionFs};
    use crate::unix::process::{RunStatus, Signal, SignalEffect, Stream};
    use crate::unix::testing::SimpleSys;

    fn image() -> Layer {
        let mut l = debian("mysql:x:999:999::/var/lib/mysql:/bin/bash\n");
        l.program("/usr/sbin/mysqld", "mysqld", T0)
            .program("/usr/bin/mysql", "mysql", T0)
            .program("/usr/local/bin/docker-entrypoint.sh", "entrypoint:mysql", T0);
        owned_dir(&mut l, "/var/lib/mysql", 999, 0o1777);
        owned_dir(&mut l, "/run/mysqld", 999, 0o1777);
        l
    }

    const ENV: &[(&str, &str)] = &[("MYSQL_MAJOR", "innovation"), ("MYSQL_VERSION", "9.3.0-1.el9")];

    #[test]
    fn refuses_without_a_root_password() {
        let image = image();
        let lowers = [&image];
        let mut up = Layer::new();
        let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
        let mut p = spawn(&mut sys, &["docker-entrypoint.sh", "mysqld"], ENV, false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(1));
        let n = "2026-03-02 12:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.3.0-1.el9 started.\n";
        assert_eq!(sys.stdout(), format!("{n}2026-03-02 12:00:00+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'\n{n}"));
        assert_eq!(
            sys.stderr(),
            "2026-03-02 12:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n"
        );
    }

    #[test]
    fn initializes_serves_and_stops() {
        let image = image();
        let lowers = [&image];
        let mut up = Layer::new();
        let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
        let mut env = ENV.to_vec();
        env.push(("MYSQL_ROOT_PASSWORD", "segredo"));
        env.push(("MYSQL_DATABASE", "loja"));
        let mut p = spawn(&mut sys, &["docker-entrypoint.sh", "mysqld"], &env, false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Blocked);
        assert!(sys.stdout().contains("[Note] [Entrypoint]: Creating database loja\n"));
        assert!(sys.stdout().ends_with("[Note] [Entrypoint]: MySQL init process done. Ready for start up.\n\n"));
        assert!(sys.stderr().ends_with("[Server] /usr/sbin/mysqld: ready for connections. Version: '9.3.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n"));
        let mark = sys.output.len();
        let mut c = spawn(&mut sys, &["mysql", "-uroot", "-psegredo", "-e", "show databases"], ENV, false);
        assert_eq!(c.run(&mut sys, T0), RunStatus::Exited(0));
        assert_eq!(text_since(&sys, Stream::Stdout, mark), "Database\ninformation_schema\nloja\nmysql\nperformance_schema\nsys\n");
        let mark = sys.output.len();
        let mut c = spawn(&mut sys, &["mysql", "-uroot", "-perrada"], ENV, false);
        assert_eq!(c.run(&mut sys, T0), RunStatus::Exited(1));
        assert!(text_since(&sys, Stream::Stderr, mark).ends_with("ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\n"));
        let mark = sys.output.len();
        assert_eq!(p.signal(Signal::TERM, &mut sys), SignalEffect::Exited(0));
        assert!(text_since(&sys, Stream::Stderr, mark).starts_with("2026-03-02T12:00:00.000000Z 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: 9.3.0).\n"));
    }
}
