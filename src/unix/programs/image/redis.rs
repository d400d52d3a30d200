//! `redis-server` 8.0.2 and the image's `docker-entrypoint.sh` (`entrypoint:redis`).
//!
//! The entrypoint prepends `redis-server` to option-only commands, drops to the `redis`
//! user, prints `Starting Redis Server` and adds a `--loadmodule` for each bundled module
//! (`/usr/local/lib/redis/modules//*.so`, double slash included), then execs. The server
//! logs its start-up on stdout (`PID:ROLE DATE LEVEL message`, role `C` before the server
//! is initialized, `M` after), loads `dump.rdb` if there is one, and waits. SIGTERM or
//! SIGINT: it saves `dump.rdb` and exits 0. Its dataset lives in [`super::keyspace`].
//!
//! Texts: redis/redis `src/server.c` (start-up, `sigShutdownHandler`, `prepareForShutdown`,
//! `serverLogRaw`), `src/rdb.c`, `src/module.c` (`Module '%s' loaded from %s`), the ASCII
//! logo of `src/asciilogo.h` (shown instead of `Running mode=…` when stdout is a
//! terminal); the entrypoint is redis/docker-library-redis `debian/docker-entrypoint.sh`.
//! The bundled modules print many more lines than the abbreviated block here.
//!
//! Invariant: the memory file exists exactly while the server runs (until SIGKILL).

use super::keyspace::Memory;
use super::logtime;
use super::util;
use crate::engine::clock::Time;
use crate::unix::fs::{Cred, Data, Kind};
use crate::unix::process::Signal;
use crate::unix::process::io::Io;
use crate::unix::programs::{Program, Step};
use crate::unix::sh::Dialect;

pub const VERSION: &str = "8.0.2";
/// Line of the final `exec "$@"` in the image's `docker-entrypoint.sh`.
const EXEC_LINE: u32 = 194;
const MODULES_DIR: &str = "/usr/local/lib/redis/modules/";

/// One log line (`1:M 02 Mar 2026 12:00:00.000 * msg`).
fn log(io: &mut Io<'_>, role: char, level: char, at: Time, msg: &str) {
    let line = format!("1:{role} {} {level} {msg}\n", logtime::redis(at));
    io.out(&line);
}

/// `checkOvercommit` (`src/syscheck.c`): a stock Linux host has `vm.overcommit_memory = 0`
/// (Docker Desktop's VM, kernel `…-linuxkit`, sets 1).
const OVERCOMMIT: &str = "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";

/// Options the server understands (anything else is a fatal configuration error).
const KNOWN: &[&str] = &[
    "port", "requirepass", "save", "appendonly", "loadmodule", "dir", "protected-mode", "bind", "maxmemory",
    "maxmemory-policy", "loglevel", "databases", "dbfilename", "appendfsync", "daemonize", "logfile", "tcp-backlog",
    "timeout", "io-threads", "sentinel",
];

/// The server configuration from its command line and configuration file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Config {
    port: u32,
    requirepass: Option<String>,
    modules: Vec<String>,
    dir: Option<String>,
    has_args: bool,
}

fn parse(io: &mut Io<'_>, argv: &[String]) -> Result<Config, String> {
    let mut c = Config { port: 6379, has_args: argv.len() > 1, ..Config::default() };
    let mut directives: Vec<(String, Vec<String>)> = Vec::new();
    let mut i = 1;
    if let Some(file) = argv.get(1).filter(|a| !a.starts_with("--")) {
        i = 2;
        let Some(text) = util::read_text(io, file) else {
            return Err(format!("Fatal error, can't open config file '{}': No such file or directory", io.abs(file)));
        };
        for line in text.lines() {
            let mut w = line.split_whitespace();
            if let Some(k) = w.next().filter(|k| !k.starts_with('#')) {
                directives.push((k.to_ascii_lowercase(), w.map(String::from).collect()));
            }
        }
    }
    while i < argv.len() {
        let Some(key) = argv[i].strip_prefix("--") else { return Err(fatal(&argv[i])) };
        let mut vals = Vec::new();
        i += 1;
        while i < argv.len() && !argv[i].starts_with("--") {
            vals.push(argv[i].clone());
            i += 1;
        }
        directives.push((key.to_ascii_lowercase(), vals));
    }
    for (k, v) in directives {
        if !KNOWN.contains(&k.as_str()) {
            return Err(fatal(&k));
        }
        match k.as_str() {
            "port" => c.port = v.first().and_then(|p| p.parse().ok()).ok_or_else(|| fatal(&k))?,
            "requirepass" => c.requirepass = v.first().cloned().filter(|p| !p.is_empty()),
            "loadmodule" => c.modules.extend(v.first().cloned()),
            "dir" => c.dir = v.first().cloned(),
            _ => {}
        }
    }
    Ok(c)
}

fn fatal(directive: &str) -> String {
    format!(
        "\n*** FATAL CONFIG FILE ERROR (Redis {VERSION}) ***\nReading the configuration file, at line 2\n>>> '{directive}'\nBad directive or wrong number of arguments"
    )
}

/// Module short names and what each prints while loading (abbreviated).
fn module_lines(path: &str) -> (String, Vec<String>) {
    let file = path.rsplit('/').next().unwrap_or(path);
    match file {
        "redisbloom.so" => (
            "bf".into(),
            vec![
                "<bf> RedisBloom version 8.0.1 (Git=unknown)".into(),
                "<bf> Registering configuration options: [".into(),
                "<bf> \t{ bf-error-rate       :      0.01 }".into(),
                "<bf> \t{ bf-initial-size     :       100 }".into(),
                "<bf> \t{ bf-expansion-factor :         2 }".into(),
                "<bf> \t{ cf-bucket-size      :         2 }".into(),
                "<bf> \t{ cf-initial-size     :      1024 }".into(),
                "<bf> \t{ cf-max-iterations   :        20 }".into(),
                "<bf> \t{ cf-expansion-factor :         1 }".into(),
                "<bf> \t{ cf-max-expansions   :        32 }".into(),
                "<bf> ]".into(),
            ],
        ),
        "redisearch.so" => (
            "search".into(),
            vec![
                format!("<search> Redis version found by RedisSearch : {VERSION} - oss"),
                "<search> RediSearch version 8.0.1 (Git=5688fcc)".into(),
                "<search> Low level api version 1 initialized successfully".into(),
            ],
        ),
        "redistimeseries.so" => (
            "timeseries".into(),
            vec![
                "<timeseries> RedisTimeSeries version 80001, git_sha=unknown".into(),
                format!("<timeseries> Redis version found by RedisTimeSeries : {VERSION} - oss"),
            ],
        ),
        "rejson.so" => (
            "ReJSON".into(),
            vec![
                "<ReJSON> Created new data type 'ReJSON-RL'".into(),
                "<ReJSON> version: 80001 git sha: unknown branch: unknown".into(),
                "<ReJSON> Exported RedisJSON_V1 API".into(),
            ],
        ),
        other => (other.trim_end_matches(".so").to_string(), Vec::new()),
    }
}

const LOGO: &str = "                _._                                                  
           _.-``__ ''-._                                             
      _.-``    `.  `_.  ''-._           Redis Community Edition      
  .-`` .-```.  ```\\/    _.,_ ''-._      {VERSION} (00000000/1) 64 bit
 (    '      ,       .-`  | `,    )     Running in standalone mode
 |`-._`-...-` __...-.``-._|'` _.-'|     Port: {PORT}
 |    `-._   `._    /     _.-'    |     PID: 1
  `-._    `-._  `-./  _.-'    _.-'                                   
 |`-._`-._    `-.__.-'    _.-'_.-'|                                  
 |    `-._`-._        _.-'_.-'    |           https://redis.io       
  `-._    `-._`-.__.-'_.-'    _.-'                                   
 |`-._`-._    `-.__.-'    _.-'_.-'|                                  
 |    `-._`-._        _.-'_.-'    |                                  
  `-._    `-._`-.__.-'_.-'    _.-'                                   
      `-._    `-.__.-'    _.-'                                       
          `-._        _.-'                                           
              `-.__.-'                                               

";

/// Whether a `redis-server` is among the container's processes (unknown list: yes).
pub fn server_alive(io: &Io<'_>) -> bool {
    let procs = io.sys.processes();
    procs.is_empty() || procs.iter().any(|p| p.command.contains("redis-server"))
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum State {
    Start,
    Running { port: u32, owner: Cred },
}

/// `redis-server` (and its links `redis-sentinel`, `redis-check-*`).
#[derive(Clone, Debug)]
pub struct RedisServer {
    argv: Vec<String>,
    state: State,
}

impl RedisServer {
    pub fn new(argv: &[String]) -> RedisServer {
        RedisServer { argv: argv.to_vec(), state: State::Start }
    }

    fn start(&mut self, io: &mut Io<'_>) -> Step {
        let cfg = match parse(io, &self.argv) {
            Ok(c) => c,
            Err(e) => {
                io.err(&format!("{e}\n"));
                return Step::Exit(1);
            }
        };
        let t = io.now;
        if !io.sys.kernel().release.contains("linuxkit") {
            log(io, 'C', '#', t, OVERCOMMIT);
        }
        log(io, 'C', '*', t, "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
        log(io, 'C', '*', t, &format!("Redis version={VERSION}, bits=64, commit=00000000, modified=1, pid=1, just started"));
        if cfg.has_args {
            log(io, 'C', '*', t, "Configuration loaded");
        } else {
            let a0 = self.argv.first().cloned().unwrap_or_default();
            log(io, 'C', '#', t, &format!("Warning: no config file specified, using the default config. In order to specify a config file use {a0} /path/to/redis.conf"));
        }
        let t1 = logtime::ms(t, 1);
        log(io, 'M', '*', t1, "monotonic clock: POSIX clock_gettime");
        if Memory::load(io, cfg.port).is_some() && server_alive(io) {
            let port = cfg.port;
            log(io, 'M', '#', t1, &format!("Warning: Could not create server TCP listening socket *:{port}: bind: Address already in use"));
            log(io, 'M', '#', t1, &format!("Failed listening on port {port} (tcp), aborting."));
            return Step::Exit(1);
        }
        if io.tty {
            io.out(&LOGO.replace("{VERSION}", VERSION).replace("{PORT}", &cfg.port.to_string()));
        } else {
            log(io, 'M', '*', t1, &format!("Running mode=standalone, port={}.", cfg.port));
        }
        let t2 = logtime::ms(t, 5);
        for m in &cfg.modules {
            let (name, lines) = module_lines(m);
            for l in lines {
                log(io, 'M', '*', t2, &l);
            }
            log(io, 'M', '*', t2, &format!("Module '{name}' loaded from {m}"));
        }
        let t3 = logtime::ms(t, 9);
        log(io, 'M', '*', t3, "Server initialized");
        let dir = cfg.dir.clone().unwrap_or_else(|| io.cwd.to_string());
        let mut mem = Memory { port: cfg.port, requirepass: cfg.requirepass.clone(), dir: dir.clone(), dirty: 0, keys: Default::default() };
        if let Some(keys) = Memory::read_dump(io, &dir) {
            let age = util::exists(io, &format!("{dir}/dump.rdb"), Some(Kind::File))
                .then(|| io.fs().stat(&format!("{dir}/dump.rdb")).ok())
                .flatten()
                .map_or(0, |st| io.now.since(st.meta.mtime).as_secs());
            log(io, 'M', '*', t3, &format!("Loading RDB produced by version {VERSION}"));
            log(io, 'M', '*', t3, &format!("RDB age {age} seconds"));
            log(io, 'M', '*', t3, "RDB memory usage when created 0.90 Mb");
            log(io, 'M', '*', t3, &format!("Done loading RDB, keys loaded: {}, keys expired: 0.", keys.len()));
            log(io, 'M', '*', t3, "DB loaded from disk: 0.000 seconds");
            mem.keys = keys;
        }
        log(io, 'M', '*', t3, "Ready to accept connections tcp");
        mem.store(io);
        let owner = match (io.cred, util::user(io, "redis")) {
            (c, Some(u)) if c.uid == 0 => u.cred(),
            (c, _) => c,
        };
        self.state = State::Running { port: cfg.port, owner };
        Step::Block
    }

    fn shutdown(&mut self, io: &mut Io<'_>, sig: Signal, port: u32, owner: Cred) -> Step {
        let msg = match sig.0 {
            2 => "Received SIGINT scheduling shutdown...",
            _ => "Received SIGTERM scheduling shutdown...",
        };
        io.out(&format!("1:signal-handler ({}) {msg}\n", io.now.unix_secs()));
        let t = logtime::ms(io.now, 100);
        log(io, 'M', '*', t, "User requested shutdown...");
        log(io, 'M', '*', t, "Saving the final RDB snapshot before exiting.");
        if let Some(mut mem) = Memory::load(io, port) {
            mem.save(io, owner);
        }
        log(io, 'M', '*', t, "DB saved on disk");
        log(io, 'M', '#', t, "Redis is now ready to exit, bye bye...");
        Memory::forget(io, port);
        Step::Exit(0)
    }
}

impl Program for RedisServer {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if let State::Running { .. } = self.state {
            return Step::Block;
        }
        match self.argv.get(1).map(String::as_str) {
            Some("-v" | "--version") => {
                io.out(&format!("Redis server v={VERSION} sha=00000000:1 malloc=jemalloc-5.3.0 bits=64 build=c4ee4c22ab0e4bd1\n"));
                Step::Exit(0)
            }
            Some("-h" | "--help") => {
                io.err(&String::from("Usage: ./redis-server [/path/to/redis.conf] [options] [-]\n       ./redis-server - (read config from stdin)\n       ./redis-server -v or --version\n       ./redis-server -h or --help\n       ./redis-server --test-memory <megabytes>\n       ./redis-server --check-system\n\nExamples:\n       ./redis-server (run the server with default conf)\n       echo 'maxmemory 128mb' | ./redis-server -\n       ./redis-server /etc/redis/6379.conf\n       ./redis-server --port 7777\n       ./redis-server --port 7777 --replicaof 127.0.0.1 8888\n       ./redis-server /etc/myredis.conf --loglevel verbose -\n       ./redis-server /etc/myredis.conf --loglevel verbose\n\nSentinel mode:\n       ./redis-server /path/to/sentinel.conf --sentinel\n"));
                Step::Exit(1)
            }
            _ => self.start(io),
        }
    }

    fn signal(&mut self, sig: Signal, io: &mut Io<'_>) -> Option<Step> {
        match self.state.clone() {
            State::Running { port, owner } if sig == Signal::TERM || sig == Signal::INT => Some(self.shutdown(io, sig, port, owner)),
            _ => None,
        }
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// The redis image's `docker-entrypoint.sh`.
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
        let script = "/usr/local/bin/docker-entrypoint.sh";
        let mut args: Vec<String> = self.argv.iter().skip(1).cloned().collect();
        if args.first().is_some_and(|a| a.starts_with('-') || a.ends_with(".conf")) {
            args.insert(0, "redis-server".into());
        }
        let Some(first) = args.first().cloned() else { return Step::Exit(0) };
        let path_var = io.getenv("PATH").unwrap_or("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").to_string();
        let cwd = io.cwd.to_string();
        let resolved = crate::unix::process::launch::resolve(&*io.sys.fs(), &first, &path_var, &cwd, io.cred).ok();
        let is_server = resolved
            .as_ref()
            .is_some_and(|(p, _)| io.fs().realpath(p).is_ok_and(|r| r == "/usr/local/bin/redis-server"));
        let sentinel = args.iter().any(|a| a == "--sentinel");
        if is_server && !sentinel {
            io.out("Starting Redis Server\n");
            if !util::exists(io, MODULES_DIR, Some(Kind::Dir)) {
                io.out(&format!("Warning: Default Redis modules directory {MODULES_DIR} does not exist.\n"));
            } else {
                for name in util::list_dir(io, MODULES_DIR).into_iter().filter(|n| n.ends_with(".so")) {
                    let module = format!("{MODULES_DIR}/{name}");
                    let size = io.fs().stat(&module).map(|s| s.size).unwrap_or(0);
                    if size == 0 {
                        io.out(&format!("Skipping module {module}: file has no size.\n"));
                        continue;
                    }
                    if util::exists(io, &module, Some(Kind::Dir)) {
                        io.out(&format!("Skipping module {module}: is a directory.\n"));
                        continue;
                    }
                    let cred = io.cred;
                    if !matches!(io.fs().read(&module, cred), Ok(Data::Blob(_) | Data::Bytes(_) | Data::Program(_))) {
                        io.out(&format!("Skipping module {module}: file is not readable.\n"));
                        continue;
                    }
                    args.push("--loadmodule".into());
                    args.push(module);
                }
            }
        }
        let env = io.env.to_vec();
        super::exec::exec(io, args, env, script, EXEC_LINE, Dialect::Bash)
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}
