//! The applet table: which built-in tool a name runs, and the [`OneShot`] shape most
//! tools share (read all input if needed, write, exit).
//!
//! Invariant: a `OneShot` main function either returns `None` before producing any
//! output or side effect (it waits for more input and is called again), or `Some(code)`.

use std::fmt;

use super::{Flavor, Program, Step};
use crate::unix::fs::Errno;
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

    /// Reports an unknown option like the tool does; returns the status to exit with.
    pub fn bad_option(&mut self, opt: char, status: i32) -> i32 {
        let n = self.name();
        if self.gnu() {
            self.io.err(&format!("{n}: invalid option -- '{opt}'\nTry '{n} --help' for more information.\n"));
        } else {
            self.io.err(&format!("{n}: invalid option -- '{opt}'\n{BANNER}\n"));
        }
        status
    }

    /// A file's text content.
    pub fn read_file(&mut self, name: &str) -> Result<String, Errno> {
        let abs = self.io.abs(name);
        if crate::unix::fs::path::normalize("/", &abs) == "/dev/null" {
            return Ok(String::new());
        }
        let cred = self.io.cred;
        let data = self.io.fs().read(&abs, cred)?;
        Ok(String::from_utf8_lossy(&data.bytes()).into_owned())
    }

    /// All of standard input, or `None` while its writer may still write.
    pub fn stdin_all(&mut self) -> Option<String> {
        self.io.read_all()
    }
}

/// The first line busybox prints in its usage texts.
pub const BANNER: &str = "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.";

/// Options and operands of a command line, getopt-style.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Opts {
    pub flags: Vec<char>,
    pub values: Vec<(char, String)>,
    pub operands: Vec<String>,
}

impl Opts {
    pub fn has(&self, c: char) -> bool {
        self.flags.contains(&c)
    }
    pub fn value(&self, c: char) -> Option<&str> {
        self.values.iter().rev().find(|v| v.0 == c).map(|v| v.1.as_str())
    }
}

/// Parses `args`: `known` lists valid flags, `with_value` those taking a value. Long
/// options (`--x`) are kept as operands-free flags named by their first letter when
/// unknown. `Err(c)` names an invalid option.
pub fn getopt(args: &[String], known: &str, with_value: &str) -> Result<Opts, char> {
    getopt_mode(args, known, with_value, false)
}

/// Like [`getopt`], but options end at the first operand (`xargs ls -d`: `-d` is `ls`'s).
pub fn getopt_first(args: &[String], known: &str, with_value: &str) -> Result<Opts, char> {
    getopt_mode(args, known, with_value, true)
}

fn getopt_mode(args: &[String], known: &str, with_value: &str, stop_at_operand: bool) -> Result<Opts, char> {
    let mut o = Opts::default();
    let mut i = 0;
    while i < args.len() {
        if stop_at_operand && !o.operands.is_empty() {
            o.operands.extend(args[i..].iter().cloned());
            break;
        }
        let a = &args[i];
        if a == "--" {
            o.operands.extend(args[i + 1..].iter().cloned());
            break;
        }
        if a.starts_with("--") {
            i += 1;
            continue;
        }
        if a.len() > 1 && a.starts_with('-') {
            let cs: Vec<char> = a[1..].chars().collect();
            let mut k = 0;
            while k < cs.len() {
                let c = cs[k];
                if with_value.contains(c) {
                    let rest: String = cs[k + 1..].iter().collect();
                    if !rest.is_empty() {
                        o.values.push((c, rest));
                    } else if let Some(v) = args.get(i + 1) {
                        o.values.push((c, v.clone()));
                        i += 1;
                    } else {
                        return Err(c);
                    }
                    break;
                }
                if !known.contains(c) {
                    return Err(c);
                }
                o.flags.push(c);
                k += 1;
            }
        } else {
            o.operands.push(a.clone());
        }
        i += 1;
    }
    Ok(o)
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
    use super::{attrs as a, fileutils as f, grep as g, info as i, ls, misc as m, testcmd, text as t, textutils as x};
    match name {
        "true" => one(|_| Some(0), argv, flavor),
        "wget" => one(super::net::client::wget, argv, flavor),
        "nslookup" => one(super::net::client::nslookup, argv, flavor),
        "nc" => one(super::net::client::nc, argv, flavor),
        "ping" => super::net::client::Ping::create(argv),
        "false" => one(|_| Some(1), argv, flavor),
        "echo" => one(t::echo, argv, flavor),
        "printf" => one(t::printf, argv, flavor),
        "test" | "[" => Some(Box::new(testcmd::TestProg {
            argv,
            style: if flavor == Flavor::Gnu { testcmd::TestStyle::Gnu } else { testcmd::TestStyle::Busybox },
        })),
        "sleep" => m::Sleep::create(argv, flavor),
        "yes" => Some(Box::new(m::Yes { argv, sent: 0 })),
        "cat" => Some(Box::new(x::Cat::new(argv, flavor))),
        "tail" => x::Tail::create(argv, flavor),
        "head" => x::Head::create(argv, flavor),
        "wc" => one(x::wc, argv, flavor),
        "grep" | "egrep" | "fgrep" => g::Grep::create(argv, flavor),
        "cut" => one(x::cut, argv, flavor),
        "sort" => one(x::sort, argv, flavor),
        "uniq" => one(x::uniq, argv, flavor),
        "tr" => one(x::tr, argv, flavor),
        "tee" => x::Tee::create(argv, flavor),
        "xargs" => Some(Box::new(x::Xargs { argv, flavor })),
        "seq" => one(m::seq, argv, flavor),
        "basename" => one(m::basename, argv, flavor),
        "dirname" => one(m::dirname, argv, flavor),
        "ls" => one(ls::ls, argv, flavor),
        "sed" => one(super::sed::sed, argv, flavor),
        "awk" | "mawk" | "gawk" => one(super::awk::awk, argv, flavor),
        "find" => one(super::find::find, argv, flavor),
        "pwd" => one(f::pwd, argv, flavor),
        "mkdir" => one(f::mkdir, argv, flavor),
        "rmdir" => one(f::rmdir, argv, flavor),
        "touch" => one(f::touch, argv, flavor),
        "rm" => one(f::rm, argv, flavor),
        "cp" => one(f::cp, argv, flavor),
        "mv" => one(f::mv, argv, flavor),
        "ln" => one(f::ln, argv, flavor),
        "chmod" => one(a::chmod, argv, flavor),
        "stat" => one(a::stat, argv, flavor),
        "which" => one(a::which, argv, flavor),
        "env" | "printenv" => Some(Box::new(i::Env { argv, flavor })),
        "nohup" => Some(Box::new(Exec { argv })),
        "hostname" => one(i::hostname, argv, flavor),
        "uname" => one(i::uname, argv, flavor),
        "id" => one(i::id, argv, flavor),
        "whoami" => one(i::whoami, argv, flavor),
        "date" => one(i::date, argv, flavor),
        "ps" => one(i::ps, argv, flavor),
        "kill" => one(i::kill, argv, flavor),
        "tty" => one(i::tty, argv, flavor),
        _ => None,
    }
}

/// `nohup COMMAND`: runs COMMAND in its place.
#[derive(Clone, Debug)]
pub struct Exec {
    pub argv: Vec<String>,
}

impl Program for Exec {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        Step::Exec { argv: self.argv.iter().skip(1).cloned().collect(), env: io.env.to_vec() }
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}
