//! The seam between the container runtime and the userland that runs inside containers:
//! spawn a process against a container's filesystem, run it on the simulated clock, deliver
//! signals. The runtime only talks to processes through this module.
//!
//! Invariant: a `Proc` never reads the wall clock; everything it does happens at or before
//! the `until` it is given.

use super::clock::Time;
use super::fs::Tree;
use super::model::container::{LogEntry, LogStream};

/// What a running process needs from its container.
pub struct ProcCtx<'a> {
    pub now: Time,
    /// Image layers, bottom first.
    pub lowers: Vec<&'a Tree>,
    /// The container's writable layer.
    pub upper: &'a mut Tree,
    /// Where output goes (the container's log for the main process).
    pub out: &'a mut Vec<LogEntry>,
    pub hostname: &'a str,
    pub kernel: &'a str,
}

impl ProcCtx<'_> {
    fn write(&mut self, stream: LogStream, text: &str) {
        self.out.push(LogEntry { at: self.now, stream, text: text.to_string() });
    }
}

/// Where a process stands after running.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcStatus {
    Exited(i32),
    /// Will do more at `wake`.
    Sleeping(Time),
    /// Runs until signalled (a server, `sleep infinity`, a shell reading an open stdin).
    Blocked,
    /// Waits for a line on its stdin (interactive shell).
    WaitingInput,
}

/// Why a process could not start (runc's error, exit code 127 or 126).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpawnFailure {
    /// `exec: "x": executable file not found in $PATH`
    NotInPath(String),
    /// `exec: "/x": stat /x: no such file or directory`
    NoSuchFile(String),
    /// `exec: "/etc/passwd": permission denied`
    PermissionDenied(String),
    /// `exec: "/etc": is a directory`
    IsDirectory(String),
}

impl SpawnFailure {
    /// The exit code Docker records.
    pub fn exit_code(&self) -> i32 {
        match self {
            SpawnFailure::NotInPath(_) | SpawnFailure::NoSuchFile(_) => 127,
            SpawnFailure::PermissionDenied(_) | SpawnFailure::IsDirectory(_) => 126,
        }
    }

    fn inner(&self) -> String {
        match self {
            SpawnFailure::NotInPath(p) => format!("exec: \"{p}\": executable file not found in $PATH"),
            SpawnFailure::NoSuchFile(p) => format!("exec: \"{p}\": stat {p}: no such file or directory"),
            SpawnFailure::PermissionDenied(p) => format!("exec: \"{p}\": permission denied"),
            SpawnFailure::IsDirectory(p) => format!("exec: \"{p}\": is a directory"),
        }
    }

    /// dockerd appends this to is-a-directory errors so clients exit with 126.
    fn suffix(&self) -> &'static str {
        if matches!(self, SpawnFailure::IsDirectory(_)) { ": permission denied" } else { "" }
    }

    /// runc's message for a container start, as wrapped by containerd and dockerd.
    pub fn message(&self) -> String {
        format!(
            "failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: {}: unknown{}",
            self.inner(),
            self.suffix()
        )
    }

    /// runc's message for `docker exec`.
    pub fn exec_message(&self) -> String {
        format!(
            "OCI runtime exec failed: exec failed: unable to start container process: {}: unknown{}",
            self.inner(),
            self.suffix()
        )
    }
}

/// What a signal did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignalOutcome {
    Exited(i32),
    Ignored,
}

/// How to start a process.
#[derive(Clone, Debug, Default)]
pub struct SpawnSpec {
    pub argv: Vec<String>,
    pub env: Vec<String>,
    pub cwd: String,
    pub user: String,
    pub tty: bool,
    pub stdin_open: bool,
    /// The container's main process (PID 1 in its namespace).
    pub pid1: bool,
}

/// A process (placeholder implementation until the userland interpreter lands: it knows
/// `sleep`, `echo`, `true`, `false` and the hello program).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proc {
    argv: Vec<String>,
    started: Option<Time>,
    done: bool,
}

impl Proc {
    pub fn spawn(spec: &SpawnSpec, _ctx: &mut ProcCtx) -> Result<Proc, SpawnFailure> {
        let prog = spec.argv.first().cloned().unwrap_or_default();
        let base = prog.rsplit('/').next().unwrap_or("").to_string();
        if !["sleep", "echo", "true", "false", "hello", "sh", "nginx", "/docker-entrypoint.sh"].contains(&base.as_str())
            && !prog.ends_with("entrypoint.sh")
        {
            return Err(if prog.contains('/') { SpawnFailure::NoSuchFile(prog) } else { SpawnFailure::NotInPath(prog) });
        }
        Ok(Proc { argv: spec.argv.clone(), started: None, done: false })
    }

    pub fn run(&mut self, ctx: &mut ProcCtx, until: Time) -> ProcStatus {
        let start = *self.started.get_or_insert(ctx.now);
        let base = self.argv[0].rsplit('/').next().unwrap_or("").to_string();
        match base.as_str() {
            "sleep" => {
                let secs: u64 = self.argv.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
                let wake = start + super::clock::Span::secs(secs);
                if wake <= until { ProcStatus::Exited(0) } else { ProcStatus::Sleeping(wake) }
            }
            "echo" => {
                if !self.done {
                    let line = self.argv[1..].join(" ") + "\n";
                    ctx.write(LogStream::Stdout, &line);
                    self.done = true;
                }
                ProcStatus::Exited(0)
            }
            "hello" => {
                if !self.done {
                    ctx.write(LogStream::Stdout, "\nHello from Docker!\n");
                    self.done = true;
                }
                ProcStatus::Exited(0)
            }
            "true" | "sh" => ProcStatus::Exited(0),
            "false" => ProcStatus::Exited(1),
            _ => ProcStatus::Blocked,
        }
    }

    pub fn signal(&mut self, sig: u8, _ctx: &mut ProcCtx, pid1: bool) -> SignalOutcome {
        if sig == super::signal::SIGKILL {
            return SignalOutcome::Exited(137);
        }
        let base = self.argv[0].rsplit('/').next().unwrap_or("");
        if base == "nginx" || base.ends_with("entrypoint.sh") {
            return SignalOutcome::Exited(0);
        }
        if pid1 { SignalOutcome::Ignored } else { SignalOutcome::Exited(128 + i32::from(sig)) }
    }

    pub fn feed_stdin(&mut self, _data: &str) {}

    pub fn close_stdin(&mut self) {}

    /// The command line as `ps` shows it.
    pub fn command_line(&self) -> String {
        self.argv.join(" ")
    }
}
