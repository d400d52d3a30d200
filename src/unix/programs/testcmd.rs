//! `test` / `[`: expressions over strings, integers and files, with the error wording
//! of busybox, GNU, or the builtin of each shell.
//!
//! Invariant: evaluation never panics; malformed expressions are status 2.

use super::applets::Ctx;
use super::{Flavor, Program, Step};
use crate::unix::fs::Kind;
use crate::unix::process::io::Io;

/// Whose wording `test` errors use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TestStyle {
    /// busybox `test` applet.
    Busybox,
    /// GNU coreutils `test`.
    Gnu,
    /// Builtins, with the shell's prefix (`sh: `, `sh: 1: `, `bash: line 1: `).
    Ash(String),
    Dash(String),
    Bash(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum TestErr {
    BadNumber(String),
    Missing,
    /// The first operand and the one parsing stopped at.
    Extra(String, String),
}

/// `test` / `[` as a program.
#[derive(Clone, Debug)]
pub struct TestProg {
    pub argv: Vec<String>,
    pub style: TestStyle,
}

impl TestProg {
    fn message(&self, e: &TestErr) -> String {
        let a0 = self.argv.first().map(String::as_str).unwrap_or("test");
        let name = a0.rsplit('/').next().unwrap_or(a0);
        match (&self.style, e) {
            (TestStyle::Busybox, TestErr::BadNumber(x)) => format!("{name}: {x}: bad number\n"),
            (TestStyle::Busybox, TestErr::Missing) => format!("{name}: missing ]\n"),
            (TestStyle::Busybox, TestErr::Extra(_, x)) => format!("{name}: {x}: unknown operand\n"),
            (TestStyle::Gnu, TestErr::BadNumber(x)) => format!("{name}: invalid integer '{x}'\n"),
            (TestStyle::Gnu, TestErr::Missing) => format!("{name}: missing ']'\n"),
            (TestStyle::Gnu, TestErr::Extra(_, x)) => format!("{name}: extra argument '{x}'\n"),
            (TestStyle::Ash(p), TestErr::BadNumber(x)) => format!("{p}{x}: bad number\n"),
            (TestStyle::Ash(p), TestErr::Missing) => format!("{p}missing ]\n"),
            (TestStyle::Ash(p), TestErr::Extra(_, x)) => format!("{p}{x}: unknown operand\n"),
            (TestStyle::Dash(p), TestErr::BadNumber(x)) => format!("{p}{name}: Illegal number: {x}\n"),
            (TestStyle::Dash(p), TestErr::Missing) => format!("{p}{name}: missing ]\n"),
            (TestStyle::Dash(p), TestErr::Extra(x, _)) => format!("{p}{name}: {x}: unexpected operator\n"),
            (TestStyle::Bash(p), TestErr::BadNumber(x)) => format!("{p}{name}: {x}: integer expression expected\n"),
            (TestStyle::Bash(p), TestErr::Missing) => format!("{p}{name}: missing `]'\n"),
            (TestStyle::Bash(p), TestErr::Extra(_, x)) => format!("{p}{name}: {x}: binary operator expected\n"),
        }
    }
}

impl Program for TestProg {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        let argv = self.argv.clone();
        let mut c =
            Ctx { argv: &argv, flavor: if self.style == TestStyle::Gnu { Flavor::Gnu } else { Flavor::Busybox }, io };
        match run_test(&mut c) {
            Ok(true) => Step::Exit(0),
            Ok(false) => Step::Exit(1),
            Err(e) => {
                let m = self.message(&e);
                c.io.err(&m);
                Step::Exit(2)
            }
        }
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

fn run_test(c: &mut Ctx) -> Result<bool, TestErr> {
    let mut args: Vec<String> = c.args().to_vec();
    if c.name() == "[" {
        if args.last().map(String::as_str) != Some("]") {
            return Err(TestErr::Missing);
        }
        args.pop();
    }
    let mut p = TestParser { args: &args, i: 0, err: None };
    let r = p.or(c);
    if let Some(e) = p.err.take() {
        return Err(TestErr::BadNumber(e));
    }
    if p.i < args.len() {
        let at = if args.len() >= 3 { args[1].clone() } else { args[p.i].clone() };
        return Err(TestErr::Extra(args[0].clone(), at));
    }
    Ok(r)
}

struct TestParser<'a> {
    args: &'a [String],
    i: usize,
    err: Option<String>,
}

impl TestParser<'_> {
    fn peek(&self) -> Option<&str> {
        self.args.get(self.i).map(String::as_str)
    }
    fn or(&mut self, c: &mut Ctx) -> bool {
        let mut v = self.and(c);
        while self.peek() == Some("-o") {
            self.i += 1;
            let r = self.and(c);
            v = v || r;
        }
        v
    }
    fn and(&mut self, c: &mut Ctx) -> bool {
        let mut v = self.not(c);
        while self.peek() == Some("-a") {
            self.i += 1;
            let r = self.not(c);
            v = v && r;
        }
        v
    }
    fn not(&mut self, c: &mut Ctx) -> bool {
        if self.peek() == Some("!") && self.args.len() > self.i + 1 {
            self.i += 1;
            return !self.not(c);
        }
        self.prim(c)
    }
    fn int(&mut self, s: &str, gnu: bool) -> i64 {
        match s.trim().parse::<i64>() {
            Ok(n) => n,
            Err(_) => {
                if self.err.is_none() {
                    self.err = Some(s.to_string());
                }
                let _ = gnu;
                0
            }
        }
    }
    fn prim(&mut self, c: &mut Ctx) -> bool {
        let Some(a) = self.peek().map(String::from) else { return false };
        if a == "(" {
            self.i += 1;
            let v = self.or(c);
            if self.peek() == Some(")") {
                self.i += 1;
            }
            return v;
        }
        if let Some(op) = self.args.get(self.i + 1).map(String::as_str)
            && let Some(b) = self.args.get(self.i + 2).cloned()
        {
            let bin = match op {
                "=" | "==" => Some(a == b),
                "!=" => Some(a != b),
                "<" => Some(a < b),
                ">" => Some(a > b),
                "-eq" | "-ne" | "-lt" | "-le" | "-gt" | "-ge" => {
                    let gnu = c.gnu();
                    let (x, y) = (self.int(&a, gnu), self.int(&b, gnu));
                    Some(match op {
                        "-eq" => x == y,
                        "-ne" => x != y,
                        "-lt" => x < y,
                        "-le" => x <= y,
                        "-gt" => x > y,
                        _ => x >= y,
                    })
                }
                _ => None,
            };
            if let Some(v) = bin {
                self.i += 3;
                return v;
            }
        }
        if a.len() == 2 && a.starts_with('-') && self.args.len() > self.i + 1 {
            let operand = self.args[self.i + 1].clone();
            let f = a.chars().nth(1).unwrap_or(' ');
            if "efdsrwxLhzncbpSgukt".contains(f) {
                self.i += 2;
                let path = c.io.abs(&operand);
                let st = if matches!(f, 'L' | 'h') { c.io.fs().lstat(&path) } else { c.io.fs().stat(&path) };
                let uid = c.io.cred.uid;
                return match f {
                    'z' => operand.is_empty(),
                    'n' => !operand.is_empty(),
                    'e' => st.is_ok(),
                    'f' => st.is_ok_and(|s| s.kind == Kind::File),
                    'd' => st.is_ok_and(|s| s.kind == Kind::Dir),
                    'L' | 'h' => st.is_ok_and(|s| s.kind == Kind::Symlink),
                    's' => st.is_ok_and(|s| s.size > 0 || s.kind == Kind::Dir),
                    'r' | 'w' => st.is_ok_and(|s| {
                        uid == 0 || crate::unix::fs::write::allowed(&s.meta, c.io.cred, if f == 'r' { 4 } else { 2 })
                    }),
                    'x' => st.is_ok_and(|s| s.meta.mode & 0o111 != 0),
                    't' => false,
                    _ => false,
                };
            }
        }
        self.i += 1;
        !a.is_empty()
    }
}
