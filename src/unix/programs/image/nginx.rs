//! `nginx` (1.27.5, the nginx.org packages of the official image): `-v`, `-V`, `-t`,
//! `-h`, `-s SIGNAL`, and the server itself. With `-g 'daemon off;'` the master stays in
//! the foreground, logs its start-up notices on stderr (the image links
//! `/var/log/nginx/error.log` to `/dev/stderr`) and waits; SIGQUIT stops it gracefully,
//! SIGTERM/SIGINT fast, SIGHUP reloads, SIGUSR1 reopens the logs. Without `daemon off`
//! the master daemonizes: the process the container runs exits 0 right after the notices.
//!
//! Texts: nginx/nginx `release-1.27.5` (`src/core/nginx.c`, `src/os/unix/ngx_process.c`,
//! `ngx_process_cycle.c`, `ngx_posix_init.c`, `src/event/ngx_event.c`). The file-system
//! effects are what `docker diff` shows for a real nginx container: `/run/nginx.pid` and
//! the five `/var/cache/nginx/*_temp` directories.
//!
//! Invariant: the master writes its start-up notices once; after an exit step it never
//! runs again.

use super::logtime;
pub use super::nginx_text::access_log_line;
use super::nginx_text::{CONFIGURE, HELP, check_braces};
use super::util::{self, Distro};
use crate::unix::fs::{Cred, Kind};
use crate::unix::process::Signal;
use crate::unix::process::io::Io;
use crate::unix::programs::{Program, Step};

/// The version the official image ships (`NGINX_VERSION` in its environment).
pub const VERSION: &str = "1.27.5";
/// Worker processes `worker_processes auto;` starts: one per CPU of the simulated host.
pub const WORKERS: u32 = 2;
/// PID of the first worker when the entrypoint ran before (its hooks used the PIDs below).
pub const FIRST_WORKER_PID: u32 = 29;
const CONF: &str = "/etc/nginx/nginx.conf";
const PID_FILE: &str = "/var/run/nginx.pid";
const TEMP_DIRS: &[&str] = &["client_temp", "proxy_temp", "fastcgi_temp", "uwsgi_temp", "scgi_temp"];

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Mode {
    Serve { daemon: bool },
    Version,
    Configure,
    Help,
    Test { dump: bool, quiet: bool },
    Signal(String),
    /// A usage error, printed on stderr, exit 1.
    Invalid(String),
}

fn parse(argv: &[String]) -> (Mode, String) {
    let mut conf = CONF.to_string();
    let mut mode = None;
    let mut daemon = true;
    let mut quiet = false;
    let mut i = 1;
    while i < argv.len() {
        let a = &argv[i];
        let Some(flags) = a.strip_prefix('-') else {
            return (Mode::Invalid(format!("nginx: invalid option: \"{a}\"\n")), conf);
        };
        let chars: Vec<char> = flags.chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            match c {
                '?' | 'h' => mode = mode.or(Some(Mode::Help)),
                'v' => mode = mode.or(Some(Mode::Version)),
                'V' => mode = mode.or(Some(Mode::Configure)),
                't' => mode = Some(Mode::Test { dump: false, quiet }),
                'T' => mode = Some(Mode::Test { dump: true, quiet }),
                'q' => quiet = true,
                's' | 'p' | 'e' | 'c' | 'g' => {
                    let rest: String = chars[j + 1..].iter().collect();
                    let value = if !rest.is_empty() {
                        Some(rest)
                    } else {
                        i += 1;
                        argv.get(i).cloned()
                    };
                    let Some(v) = value else {
                        return (Mode::Invalid(format!("nginx: option \"-{c}\" requires {}\n", arg_name(c))), conf);
                    };
                    match c {
                        's' => {
                            if !matches!(v.as_str(), "stop" | "quit" | "reopen" | "reload") {
                                return (Mode::Invalid(format!("nginx: invalid option: \"-s {v}\"\n")), conf);
                            }
                            mode = Some(Mode::Signal(v));
                        }
                        'c' => conf = v,
                        'g' => {
                            if v.split(';').any(|d| d.split_whitespace().collect::<Vec<_>>() == ["daemon", "off"]) {
                                daemon = false;
                            }
                        }
                        _ => {}
                    }
                    j = chars.len();
                    continue;
                }
                other => return (Mode::Invalid(format!("nginx: invalid option: \"{other}\"\n")), conf),
            }
            j += 1;
        }
        i += 1;
    }
    if let Some(Mode::Test { dump, .. }) = mode {
        mode = Some(Mode::Test { dump, quiet });
    }
    (mode.unwrap_or(Mode::Serve { daemon }), conf)
}

fn arg_name(c: char) -> &'static str {
    match c {
        's' => "signal",
        'p' => "prefix",
        'e' => "error log file name",
        'c' => "file name",
        _ => "directives",
    }
}

/// `built by` line: the package's compiler (trailing space included, as `gcc -v` gives it).
fn compiler(io: &mut Io<'_>) -> &'static str {
    match util::distro(io) {
        Distro::Alpine => "gcc 14.2.0 (Alpine 14.2.0) ",
        _ => "gcc 12.2.0 (Debian 12.2.0-14) ",
    }
}

fn version(io: &Io<'_>) -> String {
    io.getenv("NGINX_VERSION").unwrap_or(VERSION).to_string()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Start,
    Running,
}

/// The nginx binary.
#[derive(Clone, Debug)]
pub struct Nginx {
    argv: Vec<String>,
    state: State,
    workers: Vec<u32>,
    next_pid: u32,
}

impl Nginx {
    pub fn new(argv: &[String]) -> Nginx {
        Nginx { argv: argv.to_vec(), state: State::Start, workers: Vec::new(), next_pid: FIRST_WORKER_PID }
    }

    fn notice(io: &mut Io<'_>, pid: u32, msg: &str) {
        let line = format!("{} [notice] {pid}#{pid}: {msg}\n", logtime::nginx(io.now));
        io.err(&line);
    }

    /// Reads the main configuration and the `conf.d` files it includes; the first error.
    fn check_config(io: &mut Io<'_>, conf: &str) -> Result<(), String> {
        let Some(main) = util::read_text(io, conf) else {
            return Err(format!("open() \"{conf}\" failed (2: No such file or directory)"));
        };
        check_braces(&main, conf)?;
        if main.contains("include /etc/nginx/conf.d/*.conf;") {
            for name in util::list_dir(io, "/etc/nginx/conf.d") {
                if !name.ends_with(".conf") {
                    continue;
                }
                let path = format!("/etc/nginx/conf.d/{name}");
                if util::exists(io, &path, Some(Kind::File)) {
                    let text = util::read_text(io, &path).unwrap_or_default();
                    check_braces(&text, &path)?;
                }
            }
        }
        Ok(())
    }

    fn start(&mut self, io: &mut Io<'_>, daemon: bool, conf: &str) -> Step {
        if let Err(e) = Self::check_config(io, conf) {
            io.err(&format!("nginx: [emerg] {e}\n"));
            return Step::Exit(1);
        }
        let os = io.sys.kernel();
        let ver = version(io);
        let cc = compiler(io);
        Self::notice(io, 1, "using the \"epoll\" event method");
        Self::notice(io, 1, &format!("nginx/{ver}"));
        Self::notice(io, 1, &format!("built by {cc}"));
        Self::notice(io, 1, &format!("OS: {} {}", os.sysname, os.release));
        Self::notice(io, 1, "getrlimit(RLIMIT_NOFILE): 1048576:1048576");
        if daemon {
            return Step::Exit(0);
        }
        self.write_state(io);
        self.spawn_workers(io);
        self.state = State::Running;
        Step::Block
    }

    /// The PID file and the temporary directories the master creates.
    fn write_state(&self, io: &mut Io<'_>) {
        util::write_file(io, PID_FILE, "1\n", Cred::ROOT, false);
        let nginx = util::user(io, "nginx").map(|u| u.uid).unwrap_or(101);
        for d in TEMP_DIRS {
            util::mkdir_owned(io, &format!("/var/cache/nginx/{d}"), Cred { uid: nginx, gid: 0 }, 0o700);
        }
    }

    fn spawn_workers(&mut self, io: &mut Io<'_>) {
        Self::notice(io, 1, "start worker processes");
        self.workers.clear();
        for _ in 0..WORKERS {
            let pid = self.next_pid;
            self.next_pid += 1;
            self.workers.push(pid);
            Self::notice(io, 1, &format!("start worker process {pid}"));
        }
    }

    /// Workers leave one by one; the master reaps each (SIGIO between them, as logged by
    /// a real master).
    fn reap(io: &mut Io<'_>, workers: &[u32]) {
        for (i, w) in workers.iter().enumerate() {
            if i > 0 {
                Self::notice(io, 1, "signal 29 (SIGIO) received");
            }
            Self::notice(io, 1, &format!("signal 17 (SIGCHLD) received from {w}"));
            Self::notice(io, 1, &format!("worker process {w} exited with code 0"));
        }
    }

    fn stop(&mut self, io: &mut Io<'_>, graceful: bool, sig: Signal) -> Step {
        let (name, action) = if graceful { ("SIGQUIT", "shutting down") } else { (signame(sig), "exiting") };
        Self::notice(io, 1, &format!("signal {} ({name}) received, {action}", sig.0));
        let workers = self.workers.clone();
        if graceful {
            for w in &workers {
                Self::notice(io, *w, "gracefully shutting down");
            }
        }
        for w in &workers {
            Self::notice(io, *w, "exiting");
        }
        for w in &workers {
            Self::notice(io, *w, "exit");
        }
        Self::reap(io, &workers);
        Self::notice(io, 1, "exit");
        util::remove(io, PID_FILE);
        Step::Exit(0)
    }

    fn reload(&mut self, io: &mut Io<'_>) -> Step {
        Self::notice(io, 1, "signal 1 (SIGHUP) received, reconfiguring");
        Self::notice(io, 1, "reconfiguring");
        let (_, conf) = parse(&self.argv);
        if let Err(e) = Self::check_config(io, &conf) {
            let line = format!("{} [emerg] 1#1: {e}\n", logtime::nginx(io.now));
            io.err(&line);
            return Step::Block;
        }
        Self::notice(io, 1, "using the \"epoll\" event method");
        let old = self.workers.clone();
        self.spawn_workers(io);
        for w in &old {
            Self::notice(io, *w, "gracefully shutting down");
        }
        for w in &old {
            Self::notice(io, *w, "exiting");
        }
        for w in &old {
            Self::notice(io, *w, "exit");
        }
        Self::reap(io, &old);
        Step::Block
    }

    /// `nginx -s SIGNAL`: reads the master's PID file and signals it.
    fn send(io: &mut Io<'_>, what: &str) -> Step {
        let me = io.sys.processes().iter().map(|p| p.pid).max().unwrap_or(40);
        Self::notice(io, me, "signal process started");
        let pid = util::read_text(io, PID_FILE).and_then(|t| t.trim().parse::<u32>().ok());
        let Some(pid) = pid else {
            let line = format!("{} [error] {me}#{me}: open() \"/run/nginx.pid\" failed (2: No such file or directory)\n", logtime::nginx(io.now));
            io.err(&line);
            return Step::Exit(1);
        };
        let sig = match what {
            "stop" => Signal::TERM,
            "quit" => Signal::QUIT,
            "reopen" => Signal::USR1,
            _ => Signal::HUP,
        };
        if !io.sys.kill(pid, sig) {
            let line = format!("{} [alert] {me}#{me}: kill({pid}, {}) failed (3: No such process)\n", logtime::nginx(io.now), sig.0);
            io.err(&line);
            return Step::Exit(1);
        }
        Step::Exit(0)
    }
}

fn signame(sig: Signal) -> &'static str {
    match sig.0 {
        2 => "SIGINT",
        15 => "SIGTERM",
        _ => "SIGQUIT",
    }
}

impl Program for Nginx {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.state == State::Running {
            return Step::Block;
        }
        let (mode, conf) = parse(&self.argv);
        let ver = version(io);
        match mode {
            Mode::Invalid(msg) => {
                io.err(&msg);
                Step::Exit(1)
            }
            Mode::Version => {
                io.err(&format!("nginx version: nginx/{ver}\n"));
                Step::Exit(0)
            }
            Mode::Help => {
                io.err(&format!("nginx version: nginx/{ver}\n{HELP}"));
                Step::Exit(0)
            }
            Mode::Configure => {
                let cc = compiler(io);
                let ssl = match util::distro(io) {
                    Distro::Alpine => "OpenSSL 3.3.3 11 Feb 2025",
                    _ => "OpenSSL 3.0.16 11 Feb 2025",
                };
                io.err(&format!(
                    "nginx version: nginx/{ver}\nbuilt by {cc}\nbuilt with {ssl}\nTLS SNI support enabled\nconfigure arguments:{CONFIGURE}\n"
                ));
                Step::Exit(0)
            }
            Mode::Test { dump, quiet } => match Self::check_config(io, &conf) {
                Ok(()) => {
                    if !quiet {
                        io.err(&format!("nginx: the configuration file {conf} syntax is ok\n"));
                    }
                    io.err(&format!("nginx: configuration file {conf} test is successful\n"));
                    if dump {
                        let text = util::read_text(io, &conf).unwrap_or_default();
                        io.out(&format!("# configuration file {conf}:\n{text}"));
                    }
                    Step::Exit(0)
                }
                Err(e) => {
                    io.err(&format!("nginx: [emerg] {e}\nnginx: configuration file {conf} test failed\n"));
                    Step::Exit(1)
                }
            },
            Mode::Signal(what) => Self::send(io, &what),
            Mode::Serve { daemon } => self.start(io, daemon, &conf),
        }
    }

    fn signal(&mut self, sig: Signal, io: &mut Io<'_>) -> Option<Step> {
        if self.state != State::Running {
            return None;
        }
        match sig.0 {
            3 => Some(self.stop(io, true, sig)),
            2 | 15 => Some(self.stop(io, false, sig)),
            1 => Some(self.reload(io)),
            10 => {
                Self::notice(io, 1, "signal 10 (SIGUSR1) received, reopening logs");
                Self::notice(io, 1, "reopening logs");
                Some(Step::Block)
            }
            28 => {
                Self::notice(io, 1, "signal 28 (SIGWINCH) received");
                Some(Step::Block)
            }
            _ => None,
        }
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}
