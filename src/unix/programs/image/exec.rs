//! Running another program from an image program. The `exec "$@"` that ends every
//! entrypoint is [`exec`]: the command is looked up first, so a missing one fails with the
//! entrypoint shell's own message, then [`Step::Exec`] lets the interpreter replace the
//! program (PID, command line, prompt and signals become the new program's).
//!
//! What `Step::Exec` cannot do runs as a [`Child`] inside its parent: a hook script the
//! entrypoint waits for, and `gosu user cmd…`, which changes credentials. A built-in
//! program (`nginx`, `cat`) is stepped in place with its own environment and credentials;
//! a shell or a script runs as a nested [`Process`] driven with the parent's clock,
//! standard input and signals, its prompt written on standard error as a real shell
//! writes it.
//!
//! Invariant: a child is only stepped by its parent; once it has exited it is never run
//! again and its status is what the parent reports.

use std::fmt;

use crate::unix::fs::Cred;
use crate::unix::process::io::{Io, Read};
use crate::unix::process::launch::{Exe, resolve};
use crate::unix::process::{Process, RunStatus, Signal, SignalEffect, SpawnError, SpawnOpts};
use crate::unix::programs::{self, Noop, Program, Step};
use crate::unix::sh::Dialect;

/// What a child runs.
#[derive(Clone)]
enum Kind {
    Prog(Box<dyn Program>),
    Proc(Box<Process>),
}

/// A program started by an image program.
#[derive(Clone)]
pub struct Child {
    kind: Kind,
    env: Vec<(String, String)>,
    cwd: String,
    cred: Cred,
    /// The nested shell's prompt was written for the current wait.
    prompted: bool,
    exited: Option<i32>,
}

impl fmt::Debug for Child {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::Prog(p) => write!(f, "Child({p:?})"),
            Kind::Proc(p) => write!(f, "Child(process {:?})", p.command_line()),
        }
    }
}

/// How to start a child.
#[derive(Clone, Debug, Default)]
pub struct Launch {
    /// Environment; the parent's when `None`.
    pub env: Option<Vec<(String, String)>>,
    /// Credentials; the parent's when `None`.
    pub cred: Option<Cred>,
}

impl Child {
    /// Starts `argv` like `execvp` would, from the parent's working directory.
    pub fn spawn(io: &mut Io<'_>, argv: &[String], launch: Launch) -> Result<Child, SpawnError> {
        let Some(name) = argv.first() else { return Err(SpawnError::Empty) };
        let env = launch.env.unwrap_or_else(|| io.env.to_vec());
        let cred = launch.cred.unwrap_or(io.cred);
        let path_var = env
            .iter()
            .rev()
            .find(|(k, _)| k == "PATH")
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into());
        let cwd = io.cwd.to_string();
        let (_, exe) = resolve(&*io.sys.fs(), name, &path_var, &cwd, cred)?;
        let nested = match &exe {
            Exe::Program(p) => programs::shell_dialect(p, name).is_some(),
            Exe::Script(_) => true,
        };
        let kind = if nested {
            let opts = SpawnOpts {
                env: env.clone(),
                cwd: cwd.clone(),
                cred,
                tty: io.tty,
                stdin_open: io.stdin_is_terminal(),
                pid: 1,
            };
            Kind::Proc(Box::new(Process::spawn(argv.to_vec(), opts, io.sys)?))
        } else {
            let Exe::Program(p) = exe else { return Err(SpawnError::ExecFormat(name.clone())) };
            let prog = io
                .sys
                .program(&p, argv)
                .or_else(|| programs::create(&p, argv))
                .unwrap_or_else(|| Box::new(Noop));
            Kind::Prog(prog)
        };
        Ok(Child { kind, env, cwd, cred, prompted: false, exited: None })
    }

    /// Wraps a program the parent built itself (it runs with the parent's environment).
    pub fn of(io: &Io<'_>, prog: Box<dyn Program>) -> Child {
        Child { kind: Kind::Prog(prog), env: io.env.to_vec(), cwd: io.cwd.to_string(), cred: io.cred, prompted: false, exited: None }
    }

    /// Runs the child until it must wait; `Step::Exit` once it has ended. A built-in child
    /// that execs (`env`, `xargs`) is replaced in place.
    pub fn step(&mut self, io: &mut Io<'_>) -> Step {
        if let Some(c) = self.exited {
            return Step::Exit(c);
        }
        let step = self.step_kind(io);
        let step = match step {
            Step::Exec { argv, env } => {
                let launch = Launch { env: Some(env), cred: Some(self.cred) };
                match Child::spawn(io, &argv, launch) {
                    Ok(c) => {
                        *self = c;
                        Step::Yield
                    }
                    Err(e) => {
                        let name = argv.first().cloned().unwrap_or_default();
                        io.err(&format!("{name}: {}\n", spawn_error_text(&e)));
                        Step::Exit(if matches!(e, SpawnError::NotFound { .. }) { 127 } else { 126 })
                    }
                }
            }
            other => other,
        };
        if let Step::Exit(c) = step {
            self.exited = Some(c);
        }
        step
    }

    fn step_kind(&mut self, io: &mut Io<'_>) -> Step {
        match &mut self.kind {
            Kind::Prog(p) => {
                let mut cio = Io {
                    fds: io.fds,
                    bufs: &mut *io.bufs,
                    sys: &mut *io.sys,
                    now: io.now,
                    cwd: &self.cwd,
                    env: &self.env,
                    cred: self.cred,
                    broken_pipe: false,
                    pipe_full: false,
                    tty: io.tty,
                };
                let s = p.step(&mut cio);
                io.broken_pipe |= cio.broken_pipe;
                io.pipe_full |= cio.pipe_full;
                s
            }
            Kind::Proc(p) => {
                if io.stdin_is_terminal() {
                    match io.read() {
                        Read::Data(s) => {
                            p.feed_stdin(&s);
                            self.prompted = false;
                        }
                        Read::Eof => p.close_stdin(),
                        Read::WouldBlock => {}
                    }
                }
                match p.run(io.sys, io.now) {
                    RunStatus::Exited(c) => Step::Exit(c),
                    RunStatus::Running => Step::Yield,
                    RunStatus::Sleeping { wake } => Step::Sleep(wake),
                    RunStatus::Blocked => Step::Block,
                    RunStatus::WaitingInput => {
                        if !self.prompted {
                            self.prompted = true;
                            let host = io.sys.hostname();
                            if let Some(prompt) = p.prompt(&host) {
                                io.err(&prompt);
                            }
                        }
                        Step::Read
                    }
                }
            }
        }
    }

    /// Passes a signal on. `None`: the child does not handle it (the default action).
    pub fn signal(&mut self, sig: Signal, io: &mut Io<'_>) -> Option<Step> {
        if let Some(c) = self.exited {
            return Some(Step::Exit(c));
        }
        match &mut self.kind {
            Kind::Prog(p) => {
                let mut cio = Io {
                    fds: io.fds,
                    bufs: &mut *io.bufs,
                    sys: &mut *io.sys,
                    now: io.now,
                    cwd: &self.cwd,
                    env: &self.env,
                    cred: self.cred,
                    broken_pipe: false,
                    pipe_full: false,
                    tty: io.tty,
                };
                let r = p.signal(sig, &mut cio);
                if let Some(Step::Exit(c)) = r {
                    self.exited = Some(c);
                }
                r
            }
            Kind::Proc(p) => match p.signal(sig, io.sys) {
                SignalEffect::Exited(c) => {
                    self.exited = Some(c);
                    Some(Step::Exit(c))
                }
                SignalEffect::Handled | SignalEffect::Ignored => Some(Step::Yield),
            },
        }
    }
}

/// The text of a lookup failure, as `execvp` callers print it.
fn spawn_error_text(e: &SpawnError) -> &'static str {
    match e {
        SpawnError::NotFound { .. } | SpawnError::Empty => "No such file or directory",
        SpawnError::PermissionDenied(_) | SpawnError::IsDirectory(_) => "Permission denied",
        SpawnError::ExecFormat(_) => "Exec format error",
    }
}

/// `exec "$@"` at line `line` of a shell script: looks `argv[0]` up through `PATH` (from
/// `env`), prints the shell's error if it cannot run, else asks the interpreter to
/// replace the program.
pub fn exec(io: &mut Io<'_>, argv: Vec<String>, env: Vec<(String, String)>, script: &str, line: u32, dialect: Dialect) -> Step {
    let Some(name) = argv.first().cloned() else { return Step::Exit(0) };
    let path_var = env
        .iter()
        .rev()
        .find(|(k, _)| k == "PATH")
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into());
    let cwd = io.cwd.to_string();
    let cred = io.cred;
    match resolve(&*io.sys.fs(), &name, &path_var, &cwd, cred) {
        Ok(_) => Step::Exec { argv, env },
        Err(e) => {
            let (msg, code) = exec_error(script, line, dialect, &name, &e);
            io.err(&msg);
            Step::Exit(code)
        }
    }
}

/// A program that is nothing but a child it started (what `exec` leaves behind).
#[derive(Clone, Debug)]
pub struct Execd(pub Child);

impl Program for Execd {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        self.0.step(io)
    }
    fn signal(&mut self, sig: Signal, io: &mut Io<'_>) -> Option<Step> {
        self.0.signal(sig, io)
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// How `exec` in a shell script reports a command it cannot run (texts checked against
/// dash, bash and busybox ash): dash `/docker-entrypoint.sh: 47: exec: foo: not found`,
/// bash `…/docker-entrypoint.sh: line 354: exec: foo: not found`, ash
/// `/docker-entrypoint.sh: exec: line 47: foo: not found`; 127, or 126 when not executable.
pub fn exec_error(script: &str, line: u32, dialect: Dialect, name: &str, e: &SpawnError) -> (String, i32) {
    let (what, code) = match e {
        SpawnError::NotFound { .. } | SpawnError::Empty => ("not found", 127),
        SpawnError::PermissionDenied(_) | SpawnError::IsDirectory(_) => ("Permission denied", 126),
        SpawnError::ExecFormat(_) => ("Exec format error", 126),
    };
    let text = match dialect {
        Dialect::Bash => match e {
            SpawnError::NotFound { in_path: false, .. } => format!("{script}: line {line}: {name}: No such file or directory\n"),
            SpawnError::IsDirectory(_) => format!(
                "{script}: line {line}: {name}: Is a directory\n{script}: line {line}: exec: {name}: cannot execute: Is a directory\n"
            ),
            _ => format!("{script}: line {line}: exec: {name}: {what}\n"),
        },
        Dialect::Dash => format!("{script}: {line}: exec: {name}: {what}\n"),
        Dialect::Ash => format!("{script}: exec: line {line}: {name}: {what}\n"),
    };
    (text, code)
}
