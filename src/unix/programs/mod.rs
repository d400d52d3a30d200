//! Programs: the executables a process can run, simulated as state machines.
//!
//! # Naming convention (`Data::Program(name)` in the file system)
//!
//! * `busybox`: the multi-call binary; the applet is the base name of `argv[0]`
//!   (`/bin/ls` → `ls`), or `argv[1]` when called as `busybox`. Alpine and busybox images
//!   link their applets to it. Error texts are busybox's.
//! * `gnu:NAME` (alias `coreutils:NAME`): the GNU / Debian tool `NAME` (`gnu:ls`,
//!   `gnu:grep`, `gnu:ps`); error texts are GNU's (`cat: x: No such file or directory`).
//! * `bash`, `dash`: the shells; `busybox` as `sh`/`ash` is busybox ash.
//! * `hello`: hello-world's `/hello`.
//! * anything else: asked to [`crate::unix::process::Sys::program`] (image programs such
//!   as `nginx` are written on top of [`Program`]); if the embedder has none, the program
//!   runs silently and exits 0.
//!
//! # Writing a program
//!
//! Implement [`Program`]: `step` runs until the program must wait and says why
//! ([`Step`]); `signal` reacts to a signal (return `None` for the default action). See
//! [`hello::Hello`] (prints and exits) and [`server::Server`] (logs lines, waits forever,
//! shuts down on SIGTERM/SIGQUIT) for the two shapes.
//!
//! Invariant: `step` never blocks or loops without bound; it returns [`Step::Yield`] to
//! be called again later.

pub mod applets;
pub mod attrs;
pub mod awk;
pub mod fileutils;
pub mod filters;
pub mod find;
pub mod grep;
pub mod hello;
pub mod image;
pub mod info;
pub mod ls;
pub mod misc;
pub mod net;
pub mod regex;
pub mod sed;
pub mod server;
pub mod testcmd;
pub mod text;
pub mod textutils;

#[cfg(test)]
mod tests;

use std::fmt;

use crate::engine::clock::Time;
use crate::unix::process::Signal;
use crate::unix::process::io::Io;

/// Why a program's step ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Exit(i32),
    /// Call again at this time.
    Sleep(Time),
    /// Call again when standard input has more data or reaches its end.
    Read,
    /// Nothing more until a signal.
    Block,
    /// More to do: call again (after others ran).
    Yield,
    /// Replace this program with `argv` (looked up through `PATH`) and this environment,
    /// like `execve` (`env FOO=1 cmd`, `xargs cmd`, `nohup cmd`).
    Exec {
        argv: Vec<String>,
        env: Vec<(String, String)>,
    },
}

/// A simulated executable.
pub trait Program: fmt::Debug {
    /// Runs until the program must wait or exits.
    fn step(&mut self, io: &mut Io<'_>) -> Step;
    /// A signal arrived. `None`: the default action (terminate, or ignored as PID 1).
    /// `Some(step)`: the program handled it and continues with `step`.
    fn signal(&mut self, _sig: Signal, _io: &mut Io<'_>) -> Option<Step> {
        None
    }
    fn clone_box(&self) -> Box<dyn Program>;
}

impl Clone for Box<dyn Program> {
    fn clone(&self) -> Self {
        self.clone_box()
    }
}

/// Whose wording and behaviour a tool follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    Busybox,
    Gnu,
}

/// A shell dialect if `program` (with `argv0`) is a shell.
pub fn shell_dialect(program: &str, argv0: &str) -> Option<crate::unix::sh::Dialect> {
    use crate::unix::sh::Dialect;
    let base = argv0.rsplit('/').next().unwrap_or(argv0);
    match program {
        "bash" | "gnu:bash" => Some(Dialect::Bash),
        "dash" | "gnu:dash" | "gnu:sh" => Some(Dialect::Dash),
        "busybox" if matches!(base, "sh" | "ash" | "bash" | "hush") => Some(Dialect::Ash),
        _ => None,
    }
}

/// The applet name and flavor a program name stands for (`busybox` + `/bin/ls` →
/// (`ls`, Busybox)).
pub fn applet_of(program: &str, argv: &[String]) -> Option<(String, Flavor, usize)> {
    if program == "busybox" {
        let a0 = argv.first().map(String::as_str).unwrap_or("busybox");
        let base = a0.rsplit('/').next().unwrap_or(a0);
        if base == "busybox" {
            return argv.get(1).map(|a| (a.clone(), Flavor::Busybox, 1));
        }
        return Some((base.to_string(), Flavor::Busybox, 0));
    }
    if let Some(n) = program.strip_prefix("gnu:").or_else(|| program.strip_prefix("coreutils:")) {
        return Some((n.to_string(), Flavor::Gnu, 0));
    }
    None
}

/// The built-in program for `program` run as `argv`, if doca has one.
pub fn create(program: &str, argv: &[String]) -> Option<Box<dyn Program>> {
    if program == "hello" {
        return Some(Box::new(hello::Hello));
    }
    if program == "curl" {
        return Some(Box::new(applets::OneShot { main: net::client::curl, argv: argv.to_vec(), flavor: Flavor::Gnu }));
    }
    if let Some(p) = image::create(program, argv) {
        return Some(p);
    }
    let (name, flavor, skip) = applet_of(program, argv)?;
    let args: Vec<String> = argv.iter().skip(skip).cloned().collect();
    applets::create(&name, flavor, args)
}

/// A program that does nothing and exits 0 (unknown simulated executables).
#[derive(Clone, Debug)]
pub struct Noop;

impl Program for Noop {
    fn step(&mut self, _io: &mut Io<'_>) -> Step {
        Step::Exit(0)
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// A program that prints `text` on stderr and exits with `code` (usage errors).
#[derive(Clone, Debug)]
pub struct ErrorExit {
    pub text: String,
    pub code: i32,
}

impl Program for ErrorExit {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        io.err(&self.text);
        Step::Exit(self.code)
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

pub(crate) fn builtins_print(text: String, code: i32) -> ErrorExit {
    ErrorExit { text, code }
}
