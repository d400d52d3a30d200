//! `psql`, the PostgreSQL client of the image, connected through the server's Unix
//! socket in the same container: `-c`, `-f`, scripts on a pipe, and an interactive
//! session (`psql (17.5 (Debian 17.5-1.pgdg120+1))`, prompt `postgres=# `). Results are
//! printed in psql's aligned format (centered headers, numbers right-aligned, `(1 row)`),
//! errors as `ERROR:  …` with the `LINE 1:` caret on stderr. The statements themselves are
//! [`super::sql`]'s. Remote hosts need the simulated network, not modelled yet.
//!
//! Texts: `src/bin/psql` (`describe.c`, `startup.c`), `src/fe_utils/print.c`,
//! `src/interfaces/libpq/fe-connect.c`, checked against psql 15 on Debian 12.
//!
//! Invariant: a statement is sent only when complete (ends with `;` interactively);
//! after an error `-c` and `-f` stop with status 1.

use super::logtime;
use super::pg::{self, Catalog};
use super::sql::{self, Outcome, Session};
use super::util;
use crate::unix::process::io::{Io, Read};
use crate::unix::programs::{Program, Step};

pub use super::psql_format::{aligned, error_text};

#[derive(Clone, Debug, Default)]
struct Opts {
    user: Option<String>,
    db: Option<String>,
    host: Option<String>,
    port: u32,
    commands: Vec<String>,
    file: Option<String>,
    tuples_only: bool,
    list: bool,
}

fn parse(argv: &[String]) -> Result<Opts, String> {
    let mut o = Opts { port: 5432, ..Opts::default() };
    let mut positional = Vec::new();
    let mut i = 1;
    while i < argv.len() {
        let a = argv[i].as_str();
        let mut value = |short: &str, long: &str| -> Option<Result<String, String>> {
            if a == short || a == long {
                i += 1;
                return Some(argv.get(i).cloned().ok_or_else(|| format!("psql: error: option requires an argument -- '{}'\n", short.trim_start_matches('-'))));
            }
            if let Some(v) = a.strip_prefix(&format!("{long}=")) {
                return Some(Ok(v.to_string()));
            }
            a.strip_prefix(short).filter(|v| !v.is_empty() && short.len() == 2 && !a.starts_with("--")).map(|v| Ok(v.to_string()))
        };
        if let Some(v) = value("-U", "--username") {
            o.user = Some(v?);
        } else if let Some(v) = value("-d", "--dbname") {
            o.db = Some(v?);
        } else if let Some(v) = value("-h", "--host") {
            o.host = Some(v?);
        } else if let Some(v) = value("-p", "--port") {
            o.port = v?.parse().unwrap_or(5432);
        } else if let Some(v) = value("-c", "--command") {
            o.commands.push(v?);
        } else if let Some(v) = value("-f", "--file") {
            o.file = Some(v?);
        } else if let Some(v) = value("-v", "--set") {
            v?;
        } else if a == "-t" || a == "--tuples-only" {
            o.tuples_only = true;
        } else if a == "-l" || a == "--list" {
            o.list = true;
        } else if matches!(a, "-w" | "--no-password" | "-X" | "--no-psqlrc" | "-q" | "--quiet" | "-W" | "--password") {
        } else if a.starts_with('-') && a.len() > 1 {
            return Err(format!("psql: error: unrecognized option '{a}'\npsql: hint: Try \"psql --help\" for more information.\n"));
        } else {
            positional.push(a.to_string());
        }
        i += 1;
    }
    let mut pos = positional.into_iter();
    if o.db.is_none() {
        o.db = pos.next();
    }
    if o.user.is_none() {
        o.user = pos.next();
    }
    Ok(o)
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum State {
    Start,
    /// Interactive, with the text of an unfinished statement.
    Repl { pending: String, prompted: bool },
    Pipe,
}

/// `psql` (also `postgresql:psql`).
#[derive(Clone, Debug)]
pub struct Psql {
    argv: Vec<String>,
    state: State,
    user: String,
    db: String,
    dir: String,
    tuples_only: bool,
}

impl Psql {
    pub fn new(argv: &[String]) -> Psql {
        Psql { argv: argv.to_vec(), state: State::Start, user: String::new(), db: String::new(), dir: String::new(), tuples_only: false }
    }

    /// Finds the server; the libpq error otherwise.
    fn connect(&mut self, io: &mut Io<'_>, o: &Opts) -> Result<(), String> {
        let host = o.host.clone().or_else(|| io.getenv("PGHOST").map(String::from)).unwrap_or_default();
        let own = io.sys.hostname();
        let socket = pg::socket_path(o.port);
        let via = match host.as_str() {
            "" | pg::SOCKET_DIR | "/run/postgresql" => format!("on socket \"{socket}\""),
            "localhost" => format!("at \"localhost\" (127.0.0.1), port {}", o.port),
            "127.0.0.1" => format!("at \"127.0.0.1\", port {}", o.port),
            h if h == own => format!("at \"{h}\", port {}", o.port),
            h => return Err(format!("psql: error: could not translate host name \"{h}\" to address: Name or service not known\n")),
        };
        if !util::exists(io, &socket, None) {
            return Err(if via.starts_with("on socket") {
                format!("psql: error: connection to server {via} failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n")
            } else {
                format!("psql: error: connection to server {via} failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n")
            });
        }
        let login = util::user_by_uid(io, io.cred.uid).map(|u| u.name).unwrap_or_else(|| "root".into());
        self.user = o.user.clone().or_else(|| io.getenv("PGUSER").map(String::from)).unwrap_or(login);
        self.db = o.db.clone().or_else(|| io.getenv("PGDATABASE").map(String::from)).unwrap_or_else(|| self.user.clone());
        self.dir = io.getenv("PGDATA").unwrap_or("/var/lib/postgresql/data").to_string();
        let catalog = Catalog::load(io, &self.dir).unwrap_or_else(|| Catalog::new("postgres"));
        if !catalog.roles.contains(&self.user) {
            return Err(format!("psql: error: connection to server {via} failed: FATAL:  role \"{}\" does not exist\n", self.user));
        }
        if !catalog.databases.contains_key(&self.db) {
            return Err(format!("psql: error: connection to server {via} failed: FATAL:  database \"{}\" does not exist\n", self.db));
        }
        Ok(())
    }

    fn superuser(&self, io: &mut Io<'_>) -> bool {
        Catalog::load(io, &self.dir).is_some_and(|c| c.superuser == self.user)
    }

    /// Runs one statement or backslash command; `false` on error; `None` to quit.
    fn execute(&mut self, io: &mut Io<'_>, text: &str) -> Option<bool> {
        let t = text.trim();
        if let Some(meta) = t.strip_prefix('\\') {
            return self.meta(io, meta);
        }
        let Some(mut catalog) = Catalog::load(io, &self.dir) else {
            io.err("server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n");
            return Some(false);
        };
        let version = pg::version_string(io);
        let now = format!("{}+00", logtime::postgres(io.now).trim_end_matches(" UTC"));
        let session = Session { user: &self.user, db: &self.db, version: &version, now: &now };
        match sql::run(&mut catalog, &session, t) {
            Ok(Outcome::Tag(tag)) => {
                let owner = pg::owner(io);
                catalog.store(io, &self.dir, owner);
                io.out(&format!("{tag}\n"));
                Some(true)
            }
            Ok(Outcome::Rows { columns, rows }) => {
                let text = if self.tuples_only {
                    rows.iter().map(|r| format!(" {}\n", r.iter().map(|c| c.clone().unwrap_or_default()).collect::<Vec<_>>().join(" | "))).collect::<String>() + "\n"
                } else {
                    aligned(&columns, &rows, None, true)
                };
                io.out(&text);
                Some(true)
            }
            Err(e) => {
                io.err(&error_text(&e, t));
                Some(false)
            }
        }
    }

    fn meta(&mut self, io: &mut Io<'_>, meta: &str) -> Option<bool> {
        let mut words = meta.split_whitespace();
        let cmd = words.next().unwrap_or("");
        let catalog = Catalog::load(io, &self.dir).unwrap_or_default();
        match cmd {
            "q" | "quit" => None,
            "l" | "l+" | "list" => {
                io.out(&self.list(&catalog, io.getenv("LANG").unwrap_or("en_US.utf8")));
                Some(true)
            }
            "dt" | "d" => {
                let tables: Vec<Vec<Option<String>>> = catalog
                    .databases
                    .get(&self.db)
                    .map(|d| d.tables.keys().map(|t| vec![Some("public".into()), Some(t.clone()), Some("table".into()), Some(d.owner.clone())]).collect())
                    .unwrap_or_default();
                if tables.is_empty() {
                    io.err("Did not find any relations.\n");
                } else {
                    let cols: Vec<(String, bool)> = ["Schema", "Name", "Type", "Owner"].iter().map(|c| (c.to_string(), false)).collect();
                    io.out(&aligned(&cols, &tables, Some("List of relations"), true));
                }
                Some(true)
            }
            "du" => {
                let cols = vec![("Role name".to_string(), false), ("Attributes".to_string(), false)];
                let rows: Vec<Vec<Option<String>>> = catalog
                    .roles
                    .iter()
                    .map(|r| {
                        let attrs = if *r == catalog.superuser { "Superuser, Create role, Create DB, Replication, Bypass RLS" } else { "" };
                        vec![Some(r.clone()), Some(attrs.to_string())]
                    })
                    .collect();
                io.out(&aligned(&cols, &rows, Some("List of roles"), false));
                Some(true)
            }
            "conninfo" => {
                io.out(&format!(
                    "You are connected to database \"{}\" as user \"{}\" via socket in \"{}\" at port \"5432\".\n",
                    self.db,
                    self.user,
                    pg::SOCKET_DIR
                ));
                Some(true)
            }
            "c" | "connect" => {
                let db = words.next().unwrap_or(&self.db).to_string();
                if !catalog.databases.contains_key(&db) {
                    io.err(&format!(
                        "connection to server on socket \"{}\" failed: FATAL:  database \"{db}\" does not exist\nPrevious connection kept\n",
                        pg::socket_path(5432)
                    ));
                    return Some(false);
                }
                self.db = db;
                io.out(&format!("You are now connected to database \"{}\" as user \"{}\".\n", self.db, self.user));
                Some(true)
            }
            other => {
                io.err(&format!("invalid command \\{other}\nTry \\? for help.\n"));
                Some(false)
            }
        }
    }

    fn list(&self, catalog: &Catalog, lang: &str) -> String {
        let cols: Vec<(String, bool)> = ["Name", "Owner", "Encoding", "Locale Provider", "Collate", "Ctype", "Locale", "ICU Rules", "Access privileges"]
            .iter()
            .map(|c| (c.to_string(), false))
            .collect();
        let rows: Vec<Vec<Option<String>>> = catalog
            .databases
            .iter()
            .map(|(name, d)| {
                let acl = if name.starts_with("template") { format!("=c/{}\n{}=CTc/{}", d.owner, d.owner, d.owner) } else { String::new() };
                vec![
                    Some(name.clone()),
                    Some(d.owner.clone()),
                    Some("UTF8".into()),
                    Some("libc".into()),
                    Some(lang.into()),
                    Some(lang.into()),
                    Some(String::new()),
                    Some(String::new()),
                    Some(acl),
                ]
            })
            .collect();
        aligned(&cols, &rows, Some("List of databases"), true)
    }

    fn prompt(&self, io: &mut Io<'_>, continuation: bool) -> String {
        let sign = if self.superuser(io) { '#' } else { '>' };
        format!("{}{}{sign} ", self.db, if continuation { '-' } else { '=' })
    }

    /// Splits `text` into complete statements (ending with `;`) and backslash lines;
    /// returns them and the unfinished rest.
    fn statements(text: &str) -> (Vec<String>, String) {
        let mut done = Vec::new();
        let mut cur = String::new();
        for line in text.split_inclusive('\n') {
            if cur.trim().is_empty() && line.trim_start().starts_with('\\') {
                done.push(line.trim().to_string());
                cur.clear();
                continue;
            }
            let mut quote = false;
            for c in line.chars() {
                cur.push(c);
                if c == '\'' {
                    quote = !quote;
                } else if c == ';' && !quote {
                    done.push(std::mem::take(&mut cur));
                }
            }
        }
        (done, cur)
    }
}

impl Program for Psql {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        match self.state.clone() {
            State::Start => {
                if self.argv.iter().any(|a| a == "--version" || a == "-V") {
                    let (short, pkg) = pg::versions(io);
                    io.out(&format!("psql (PostgreSQL) {short} (Debian {pkg})\n"));
                    return Step::Exit(0);
                }
                let o = match parse(&self.argv) {
                    Ok(o) => o,
                    Err(e) => {
                        io.err(&e);
                        return Step::Exit(1);
                    }
                };
                self.tuples_only = o.tuples_only;
                if let Err(e) = self.connect(io, &o) {
                    io.err(&e);
                    return Step::Exit(2);
                }
                if o.list {
                    self.execute(io, "\\l");
                    return Step::Exit(0);
                }
                if !o.commands.is_empty() || o.file.is_some() {
                    let mut texts = o.commands.clone();
                    if let Some(f) = &o.file {
                        match util::read_text(io, f) {
                            Some(t) => texts.extend(Self::statements(&t).0),
                            None => {
                                io.err(&format!("psql: error: {f}: No such file or directory\n"));
                                return Step::Exit(1);
                            }
                        }
                    }
                    for t in texts.iter().take(10_000) {
                        match self.execute(io, t) {
                            None => return Step::Exit(0),
                            Some(false) => return Step::Exit(1),
                            Some(true) => {}
                        }
                    }
                    return Step::Exit(0);
                }
                if io.stdin_is_terminal() && io.tty {
                    let (short, pkg) = pg::versions(io);
                    io.out(&format!("psql ({short} (Debian {pkg}))\nType \"help\" for help.\n\n"));
                    self.state = State::Repl { pending: String::new(), prompted: false };
                } else {
                    self.state = State::Pipe;
                }
                Step::Yield
            }
            State::Repl { pending, prompted } => {
                if !prompted {
                    let p = self.prompt(io, !pending.trim().is_empty());
                    io.out(&p);
                }
                match io.read_line() {
                    Read::Data(line) => {
                        let (stmts, rest) = Self::statements(&format!("{pending}{line}"));
                        for s in stmts {
                            if self.execute(io, &s).is_none() {
                                return Step::Exit(0);
                            }
                        }
                        self.state = State::Repl { pending: rest, prompted: false };
                        Step::Yield
                    }
                    Read::Eof => {
                        io.out("\\q\n");
                        Step::Exit(0)
                    }
                    Read::WouldBlock => {
                        self.state = State::Repl { pending, prompted: true };
                        Step::Read
                    }
                }
            }
            State::Pipe => {
                let Some(all) = io.read_all() else { return Step::Read };
                let (stmts, _) = Self::statements(&all);
                for s in stmts.iter().take(10_000) {
                    if self.execute(io, s).is_none() {
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
