//! A resumable process: a shell or program running inside a container (or on the
//! learner's host), driven by the embedder on the simulated clock.
//!
//! ```text
//! let mut p = Process::spawn(argv, opts, &mut sys)?;   // resolves argv[0] through PATH
//! match p.run(&mut sys, until) { … }                    // runs until exit, sleep past
//!                                                      // `until`, input wait or block
//! p.signal(Signal::TERM, &mut sys);                     // PID 1 ignores it without a trap
//! ```
//!
//! Inside, a process is a set of tasks (the main shell, pipeline stages, subshells,
//! command substitutions, background jobs), each an explicit stack of frames over the
//! syntax tree, scheduled round-robin. Nothing recurses on the Rust stack per shell
//! construct, so any task can pause (on `sleep`, a read, a full pipe) and resume later.
//!
//! Invariant: `run` does at most [`STEP_BUDGET`] steps and writes at most
//! [`OUTPUT_BUDGET`] bytes per call, then returns [`RunStatus::Running`]; no input
//! panics.

pub mod arith;
pub mod brace;
pub mod builtins;
pub mod control;
pub mod exec;
pub mod expand;
pub mod frames;
pub mod io;
pub mod launch;
pub mod pattern;
pub mod shell;
pub mod signal;
pub mod simple;
pub mod spawn;
pub mod task;

#[cfg(test)]
mod scenarios;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

pub use signal::{Signal, SignalEffect};

use crate::engine::clock::Time;
use crate::unix::fs::{Cred, Fs};
use crate::unix::programs::Program;
use io::Buffers;
use task::Task;

/// Steps one `run` call may take before returning [`RunStatus::Running`].
pub const STEP_BUDGET: u32 = 200_000;
/// Bytes one `run` call may write to stdout/stderr before returning.
pub const OUTPUT_BUDGET: u64 = 1 << 20;

/// Standard output or standard error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// What `uname` reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KernelInfo {
    pub sysname: String,
    pub release: String,
    pub version: String,
    pub machine: String,
}

impl Default for KernelInfo {
    fn default() -> Self {
        KernelInfo {
            sysname: "Linux".into(),
            release: "6.8.0-51-generic".into(),
            version: "#52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024".into(),
            machine: "x86_64".into(),
        }
    }
}

/// One line of `ps`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcInfo {
    pub pid: u32,
    pub user: String,
    /// Full command line.
    pub command: String,
}

/// What an embedder-implemented program (the host's `docker`) produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExternalResult {
    /// Output in the order it was written (stdout and stderr interleaved).
    pub output: Vec<(Stream, String)>,
    pub exit: i32,
    /// The program keeps running in the terminal's foreground (the embedder drives it);
    /// the shell waits, blocked, until the embedder interrupts it.
    pub foreground: bool,
}

/// What the embedder provides: the engine for a container, the learner's shell on the host.
pub trait Sys {
    /// The current simulated time (the process never goes back before it).
    fn now(&self) -> Time;
    /// The file system the process sees.
    fn fs(&mut self) -> &mut dyn Fs;
    /// Output of the process, at simulated time `at` (container logs timestamp it).
    fn write(&mut self, at: Time, stream: Stream, text: &str);
    fn hostname(&self) -> String;
    fn kernel(&self) -> KernelInfo {
        KernelInfo::default()
    }
    /// The processes of the container (for `ps`), this one included.
    fn processes(&self) -> Vec<ProcInfo> {
        Vec::new()
    }
    /// A program the embedder runs itself, looked up by name when the file system has
    /// no such command (the host's `docker`), with its environment and working directory
    /// (relative paths in `argv` are relative to `cwd`). `stdin` is `None` when it is the
    /// terminal, else all the data a pipe or redirection holds. `None`: "not found".
    fn external(
        &mut self,
        _program: &str,
        _argv: &[String],
        _stdin: Option<&str>,
        _env: &[(String, String)],
        _cwd: &str,
    ) -> Option<ExternalResult> {
        None
    }
    /// Told just before [`Sys::external`]: the caller's working directory and whether its
    /// standard error is the terminal (not redirected).
    fn external_context(&mut self, _cwd: &str, _stderr_tty: bool) {}
    /// The program to run for a `Data::Program` name, asked before the built-in registry
    /// (so the embedder can add `nginx`, `redis-server`… or override a tool): `name` is
    /// the file's program name (`busybox` for every busybox applet, with the applet in
    /// `argv[0]`). `None` falls through to the built-ins, then to a program that exits 0.
    /// See [`crate::unix::programs`].
    fn program(&mut self, _name: &str, _argv: &[String]) -> Option<Box<dyn Program>> {
        None
    }
    /// Sends a signal to another process of the container (`kill PID`); `false` if no
    /// such process.
    fn kill(&mut self, _pid: u32, _signal: Signal) -> bool {
        false
    }
    /// Resolves a host name the way the C library does here: `/etc/hosts`, then the DNS
    /// server of `/etc/resolv.conf`. Without a network only addresses and `localhost`.
    fn resolve(&mut self, name: &str) -> crate::unix::net::Resolved {
        let addr = if name == "localhost" {
            Some("127.0.0.1".to_string())
        } else {
            crate::unix::net::is_ipv4(name).then(|| name.to_string())
        };
        crate::unix::net::Resolved { addr, server: String::new() }
    }
    /// One ICMP echo to `addr`.
    fn ping(&mut self, _addr: &str) -> Result<crate::unix::net::Pong, crate::unix::net::NetError> {
        Err(crate::unix::net::NetError::Unreachable)
    }
    /// Sends `payload` to `addr:port` over TCP and returns the answer.
    fn exchange(
        &mut self,
        _addr: &str,
        _port: u16,
        _payload: crate::unix::net::Payload,
    ) -> Result<crate::unix::net::Reply, crate::unix::net::NetError> {
        Err(crate::unix::net::NetError::Refused)
    }
}

/// How to start a process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpawnOpts {
    /// Environment, in order (`PATH` first, as Docker passes it).
    pub env: Vec<(String, String)>,
    pub cwd: String,
    pub cred: Cred,
    /// A terminal is attached (`-t`): interactive shells prompt, `ls` prints columns.
    pub tty: bool,
    /// Standard input is open (`-i`); otherwise reads see end of file at once.
    pub stdin_open: bool,
    /// Process ID inside the container.
    pub pid: u32,
}

impl Default for SpawnOpts {
    fn default() -> Self {
        SpawnOpts {
            env: vec![("PATH".into(), "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into())],
            cwd: "/".into(),
            cred: Cred::ROOT,
            tty: false,
            stdin_open: false,
            pid: 1,
        }
    }
}

/// Why a process could not start. runc (measured with Docker) words them, after
/// `unable to start container process: `:
///
/// | variant | runc text | exit |
/// |---|---|---|
/// | `NotFound { in_path: true }` | `exec: "foo": executable file not found in $PATH` | 127 |
/// | `NotFound { in_path: false }` | `exec: "/x": stat /x: no such file or directory` | 127 |
/// | `IsDirectory` | `exec: "/etc": permission denied` | 126 |
/// | `PermissionDenied` | `exec: "/f": permission denied` | 126 |
/// | `ExecFormat` | `exec: "/f": exec format error` | 126 |
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpawnError {
    /// No argv at all.
    Empty,
    NotFound {
        name: String,
        in_path: bool,
    },
    PermissionDenied(String),
    IsDirectory(String),
    /// A file that is neither a simulated program nor a `#!` script.
    ExecFormat(String),
}

/// Where a process stands after `run`.
///
/// `run(sys, until)` catches the process up from its own last instant to `until`: sleeps
/// that end before `until` are slept through (output carries the right times), and
/// external events (input fed, signals) are taken as happening at `sys.now()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunStatus {
    Exited(i32),
    /// Still has work; call `run` again (a busy loop, or the output budget was spent).
    Running,
    /// Nothing to do before `wake`.
    Sleeping {
        wake: Time,
    },
    /// Waits forever (a server, `tail -f`, a read on a pipe nobody writes) until a signal.
    Blocked,
    /// Waits for standard input (an interactive shell's next line, `read`, `cat`).
    WaitingInput,
}

/// A running process.
#[derive(Clone, Debug)]
pub struct Process {
    pub(crate) tasks: BTreeMap<u32, Task>,
    pub(crate) bufs: Buffers,
    pub(crate) now: Time,
    pub(crate) next_task: u32,
    pub(crate) next_pid: u32,
    pub(crate) exit: Option<i32>,
    pub(crate) pid1: bool,
    pub(crate) tty: bool,
    /// Statuses of finished tasks not yet collected by a waiter.
    pub(crate) finished: BTreeMap<u32, i32>,
    /// Signals the process sent itself (`kill $$`), delivered after the current step.
    pub(crate) self_signals: Vec<Signal>,
    /// Where `PATH` lookups found commands: (name, PATH) → path.
    pub(crate) path_cache: BTreeMap<(String, String), String>,
}
