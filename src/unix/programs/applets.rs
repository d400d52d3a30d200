//! The applet table: which built-in tool a name runs, and the [`OneShot`] shape most
//! tools share (read all input if needed, write, exit).
//!
//! Invariant: a `OneShot` main function either returns `None` before producing any
//! output or side effect (it waits for more input and is called again), or `Some(code)`.

use std::fmt;

use super::{Flavor, Program, Step};
use crate::unix::process::io::Io;

/// What a tool's main function sees.
pub struct Ctx<'a, 'b> {
    pub argv: &'a [String],
    pub flavor: Flavor,
    pub io: &'a mut Io<'b>,
}

impl Ctx<'_, '_> {
    /// The applet's name (base name of `argv[0]`).
    pub fn name(&self) -> String {
        let a0 = self.argv.first().map(String::as_str).unwrap_or("");
        a0.rsplit('/').next().unwrap_or(a0).to_string()
    }
    pub fn out(&mut self, s: &str) {
        self.io.out(s);
    }
    /// Writes `name: msg\n` on stderr.
    pub fn fail(&mut self, msg: &str) {
        let n = self.name();
        self.io.err(&format!("{n}: {msg}\n"));
    }
    pub fn gnu(&self) -> bool {
        self.flavor == Flavor::Gnu
    }
    pub fn args(&self) -> &[String] {
        self.argv.get(1..).unwrap_or(&[])
    }
}

/// A tool's main function: `None` means "wait for more input and call me again".
pub type Main = for<'a, 'b> fn(&mut Ctx<'a, 'b>) -> Option<i32>;

/// A tool that runs in one go.
#[derive(Clone)]
pub struct OneShot {
    pub main: Main,
    pub argv: Vec<String>,
    pub flavor: Flavor,
}

impl fmt::Debug for OneShot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OneShot({:?})", self.argv)
    }
}

impl Program for OneShot {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        let mut c = Ctx { argv: &self.argv, flavor: self.flavor, io };
        match (self.main)(&mut c) {
            Some(code) => Step::Exit(code),
            None => Step::Read,
        }
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

fn one(main: Main, argv: Vec<String>, flavor: Flavor) -> Option<Box<dyn Program>> {
    Some(Box::new(OneShot { main, argv, flavor }))
}

/// The tool `name` (an applet name, not a path) with its full argv.
pub fn create(name: &str, flavor: Flavor, argv: Vec<String>) -> Option<Box<dyn Program>> {
    use super::{fileutils as f, info as i, ls, text as t, textutils as x};
    match name {
        "true" => one(|_| Some(0), argv, flavor),
        "false" => one(|_| Some(1), argv, flavor),
        "echo" => one(t::echo, argv, flavor),
        "printf" => one(t::printf, argv, flavor),
        "test" | "[" => one(t::test, argv, flavor),
        "sleep" => t::Sleep::create(argv, flavor),
        "yes" => Some(Box::new(t::Yes { argv, sent: 0 })),
        "cat" => Some(Box::new(x::Cat::new(argv, flavor))),
        "tail" => x::Tail::create(argv, flavor),
        "head" => one(x::head, argv, flavor),
        "wc" => one(x::wc, argv, flavor),
        "grep" | "egrep" | "fgrep" => one(x::grep, argv, flavor),
        "cut" => one(x::cut, argv, flavor),
        "sort" => one(x::sort, argv, flavor),
        "uniq" => one(x::uniq, argv, flavor),
        "tr" => one(x::tr, argv, flavor),
        "tee" => one(x::tee, argv, flavor),
        "xargs" => one(x::xargs, argv, flavor),
        "seq" => one(t::seq, argv, flavor),
        "basename" => one(t::basename, argv, flavor),
        "dirname" => one(t::dirname, argv, flavor),
        "ls" => one(ls::ls, argv, flavor),
        "pwd" => one(f::pwd, argv, flavor),
        "mkdir" => one(f::mkdir, argv, flavor),
        "rmdir" => one(f::rmdir, argv, flavor),
        "touch" => one(f::touch, argv, flavor),
        "rm" => one(f::rm, argv, flavor),
        "cp" => one(f::cp, argv, flavor),
        "mv" => one(f::mv, argv, flavor),
        "ln" => one(f::ln, argv, flavor),
        "chmod" => one(f::chmod, argv, flavor),
        "stat" => one(f::stat, argv, flavor),
        "which" => one(f::which, argv, flavor),
        "env" | "printenv" => one(i::env, argv, flavor),
        "hostname" => one(i::hostname, argv, flavor),
        "uname" => one(i::uname, argv, flavor),
        "id" => one(i::id, argv, flavor),
        "whoami" => one(i::whoami, argv, flavor),
        "date" => one(i::date, argv, flavor),
        "ps" => one(i::ps, argv, flavor),
        "kill" => one(i::kill, argv, flavor),
        _ => None,
    }
}
