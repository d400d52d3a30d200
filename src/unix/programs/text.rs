//! Tools that only print: `echo`, `printf`, `test`/`[`, `seq`, `basename`, `dirname`,
//! `yes` (bounded by pipes and the output budget), `sleep`.
//!
//! Invariant: numeric arguments are parsed without panics; `yes` writes in chunks and
//! yields between them.

use super::applets::Ctx;
use super::{Flavor, Program, Step};
use crate::engine::clock::Span;
use crate::unix::fs::Kind;
use crate::unix::process::io::Io;

/// Backslash escapes of `echo -e` / `printf %b`: returns the text and whether `\c` stopped it.
pub fn escapes(s: &str) -> (String, bool) {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i] != '\\' || i + 1 >= cs.len() {
            out.push(cs[i]);
            i += 1;
            continue;
        }
        i += 1;
        match cs[i] {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'e' => out.push('\x1b'),
            'f' => out.push('\x0c'),
            'v' => out.push('\x0b'),
            '\\' => out.push('\\'),
            'c' => return (out, true),
            '0'..='7' => {
                let start = if cs[i] == '0' { i + 1 } else { i };
                let mut v = 0u32;
                let mut j = start;
                while j < cs.len() && j < start + 3 && cs[j].is_digit(8) {
                    v = v * 8 + cs[j].to_digit(8).unwrap_or(0);
                    j += 1;
                }
                out.push(char::from_u32(v & 0xff).unwrap_or('?'));
                i = j;
                continue;
            }
            'x' => {
                let mut v = 0u32;
                let mut j = i + 1;
                while j < cs.len() && j < i + 3 && cs[j].is_ascii_hexdigit() {
                    v = v * 16 + cs[j].to_digit(16).unwrap_or(0);
                    j += 1;
                }
                if j == i + 1 {
                    out.push_str("\\x");
                } else {
                    out.push(char::from_u32(v).unwrap_or('?'));
                }
                i = j;
                continue;
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
        i += 1;
    }
    (out, false)
}

pub fn echo(c: &mut Ctx) -> Option<i32> {
    let args = c.args();
    let (mut newline, mut esc) = (true, false);
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a.len() > 1 && a.starts_with('-') && a[1..].chars().all(|x| matches!(x, 'n' | 'e' | 'E')) {
            for x in a[1..].chars() {
                match x {
                    'n' => newline = false,
                    'e' => esc = true,
                    _ => esc = false,
                }
            }
            i += 1;
        } else {
            break;
        }
    }
    let mut text = args[i..].join(" ");
    if esc {
        let (t, stop) = escapes(&text);
        text = t;
        if stop {
            newline = false;
        }
    }
    if newline {
        text.push('\n');
    }
    c.out(&text);
    Some(0)
}

/// dash's builtin `echo`: only `-n`, and escapes always interpreted.
pub fn echo_dash(argv: Vec<String>) -> Option<Box<dyn Program>> {
    fn main(c: &mut Ctx) -> Option<i32> {
        let mut args = c.args();
        let mut newline = true;
        if args.first().is_some_and(|a| a == "-n") {
            newline = false;
            args = &args[1..];
        }
        let (mut text, stop) = escapes(&args.join(" "));
        if newline && !stop {
            text.push('\n');
        }
        c.out(&text);
        Some(0)
    }
    Some(Box::new(super::applets::OneShot { main, argv, flavor: Flavor::Gnu }))
}

fn parse_num(s: &str) -> Option<i64> {
    let t = s.trim();
    if let Some(q) = t.strip_prefix('\'').or_else(|| t.strip_prefix('"')) {
        return q.chars().next().map(|c| c as i64);
    }
    t.parse().ok()
}

pub fn printf(c: &mut Ctx) -> Option<i32> {
    let args = c.args().to_vec();
    let Some(fmt) = args.first().cloned() else {
        if c.gnu() {
            c.fail("missing operand\nTry 'printf --help' for more information.");
        } else {
            c.io.err("Usage: printf FORMAT [ARGUMENT]...\n");
        }
        return Some(1);
    };
    let rest = &args[1..];
    let mut ai = 0usize;
    let mut out = String::new();
    let mut status = 0;
    let fc: Vec<char> = fmt.chars().collect();
    let mut rounds = 0;
    loop {
        rounds += 1;
        let mut i = 0;
        let mut used = false;
        while i < fc.len() {
            let ch = fc[i];
            if ch == '\\' {
                let mut j = i + 1;
                while j < fc.len() && j < i + 4 && (j == i + 1 || fc[j].is_ascii_hexdigit()) {
                    j += 1;
                    if fc[i + 1] != '0' && fc[i + 1] != 'x' && !fc[i + 1].is_digit(8) {
                        break;
                    }
                }
                let seg: String = fc[i..j.min(fc.len())].iter().collect();
                let (t, stop) = escapes(&seg);
                out.push_str(&t);
                if stop {
                    c.out(&out);
                    return Some(status);
                }
                i = j.max(i + 2).min(fc.len());
                continue;
            }
            if ch != '%' {
                out.push(ch);
                i += 1;
                continue;
            }
            if fc.get(i + 1) == Some(&'%') {
                out.push('%');
                i += 2;
                continue;
            }
            let mut j = i + 1;
            let mut flags = String::new();
            while j < fc.len() && "-+ 0#".contains(fc[j]) {
                flags.push(fc[j]);
                j += 1;
            }
            let mut width = String::new();
            while j < fc.len() && fc[j].is_ascii_digit() {
                width.push(fc[j]);
                j += 1;
            }
            let mut prec: Option<usize> = None;
            if fc.get(j) == Some(&'.') {
                j += 1;
                let mut p = String::new();
                while j < fc.len() && fc[j].is_ascii_digit() {
                    p.push(fc[j]);
                    j += 1;
                }
                prec = Some(p.parse().unwrap_or(0));
            }
            let Some(&conv) = fc.get(j) else {
                out.push_str(&fc[i..].iter().collect::<String>());
                break;
            };
            i = j + 1;
            let arg = rest.get(ai).cloned();
            if arg.is_some() {
                used = true;
            }
            ai += 1;
            let a = arg.unwrap_or_default();
            let body = match conv {
                's' => match prec {
                    Some(p) => a.chars().take(p).collect(),
                    None => a,
                },
                'b' => escapes(&a).0,
                'c' => a.chars().next().map(String::from).unwrap_or_default(),
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                    let n = if a.is_empty() {
                        0
                    } else {
                        match parse_num(&a) {
                            Some(n) => n,
                            None => {
                                if c.gnu() {
                                    c.fail(&format!("'{a}': expected a numeric value"));
                                } else {
                                    c.fail(&format!("invalid number '{a}'"));
                                }
                                status = 1;
                                0
                            }
                        }
                    };
                    match conv {
                        'x' => format!("{n:x}"),
                        'X' => format!("{n:X}"),
                        'o' => format!("{n:o}"),
                        _ => {
                            let s = n.to_string();
                            if flags.contains('+') && n >= 0 { format!("+{s}") } else { s }
                        }
                    }
                }
                'f' | 'g' | 'e' => {
                    let v: f64 = a.trim().parse().unwrap_or(0.0);
                    format!("{:.*}", prec.unwrap_or(6), v)
                }
                other => format!("%{other}"),
            };
            let w: usize = width.parse().unwrap_or(0);
            let len = body.chars().count();
            if len < w {
                let pad = w - len;
                if flags.contains('-') {
                    out.push_str(&body);
                    out.push_str(&" ".repeat(pad));
                } else if flags.contains('0') && matches!(conv, 'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'f') {
                    let (sign, digits) =
                        if let Some(d) = body.strip_prefix('-') { ("-", d.to_string()) } else { ("", body.clone()) };
                    out.push_str(sign);
                    out.push_str(&"0".repeat(pad));
                    out.push_str(&digits);
                } else {
                    out.push_str(&" ".repeat(pad));
                    out.push_str(&body);
                }
            } else {
                out.push_str(&body);
            }
        }
        if !used || ai >= rest.len() || rounds > 10_000 {
            break;
        }
    }
    c.out(&out);
    Some(status)
}

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

pub fn seq(c: &mut Ctx) -> Option<i32> {
    let nums: Vec<&String> = c.args().iter().filter(|a| !a.starts_with("-s")).collect();
    let parse = |s: &String| s.parse::<i64>().ok();
    let (first, step, last) = match nums.as_slice() {
        [l] => (Some(1), Some(1), parse(l)),
        [f, l] => (parse(f), Some(1), parse(l)),
        [f, s, l] => (parse(f), parse(s), parse(l)),
        _ => {
            c.fail("missing operand");
            return Some(1);
        }
    };
    let (Some(f), Some(s), Some(l)) = (first, step, last) else {
        let bad = nums.iter().find(|n| parse(n).is_none()).map(|s| s.as_str()).unwrap_or("");
        c.fail(&format!("invalid floating point argument: '{bad}'"));
        return Some(1);
    };
    let mut out = String::new();
    let mut v = f;
    let mut n = 0;
    while s != 0 && ((s > 0 && v <= l) || (s < 0 && v >= l)) && n < 200_000 {
        out.push_str(&v.to_string());
        out.push('\n');
        v += s;
        n += 1;
    }
    c.out(&out);
    Some(0)
}

pub fn basename(c: &mut Ctx) -> Option<i32> {
    let args = c.args().to_vec();
    let Some(p) = args.first() else {
        c.fail("missing operand");
        return Some(1);
    };
    let trimmed = p.trim_end_matches('/');
    let mut b = if trimmed.is_empty() && !p.is_empty() {
        "/".to_string()
    } else {
        trimmed.rsplit('/').next().unwrap_or("").to_string()
    };
    if let Some(suf) = args.get(1)
        && b != *suf
        && b.ends_with(suf.as_str())
    {
        b.truncate(b.len() - suf.len());
    }
    c.out(&format!("{b}\n"));
    Some(0)
}

pub fn dirname(c: &mut Ctx) -> Option<i32> {
    let Some(p) = c.args().first().cloned() else {
        c.fail("missing operand");
        return Some(1);
    };
    let t = p.trim_end_matches('/');
    let d = match t.rfind('/') {
        None => if p.starts_with('/') { "/" } else { "." }.to_string(),
        Some(0) => "/".to_string(),
        Some(i) => t[..i].trim_end_matches('/').to_string(),
    };
    let d = if d.is_empty() { "/".to_string() } else { d };
    c.out(&format!("{d}\n"));
    Some(0)
}

/// `sleep N`: wakes at start + N seconds.
#[derive(Clone, Debug)]
pub struct Sleep {
    secs_ms: u64,
    wake: Option<crate::engine::clock::Time>,
}

impl Sleep {
    pub fn create(argv: Vec<String>, flavor: Flavor) -> Option<Box<dyn Program>> {
        let args = &argv[1.min(argv.len())..];
        let mut total: u64 = 0;
        let mut bad = None;
        for a in args {
            let (num, mul) = match a.chars().last() {
                Some('s') => (&a[..a.len() - 1], 1000),
                Some('m') => (&a[..a.len() - 1], 60_000),
                Some('h') => (&a[..a.len() - 1], 3_600_000),
                Some('d') => (&a[..a.len() - 1], 86_400_000),
                _ => (a.as_str(), 1000),
            };
            match num.parse::<f64>() {
                Ok(v) if v >= 0.0 && v.is_finite() => total = total.saturating_add((v * mul as f64) as u64),
                _ => bad = Some(a.clone()),
            }
        }
        if args.is_empty() || bad.is_some() {
            let msg = match (flavor, bad) {
                (Flavor::Gnu, None) => "sleep: missing operand\nTry 'sleep --help' for more information.\n".to_string(),
                (Flavor::Gnu, Some(b)) => format!("sleep: invalid time interval '{b}'\nTry 'sleep --help' for more information.\n"),
                (Flavor::Busybox, None) => "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n".to_string(),
                (Flavor::Busybox, Some(b)) => format!("sleep: invalid number '{b}'\n"),
            };
            return Some(Box::new(super::builtins_print(msg, 1)));
        }
        Some(Box::new(Sleep { secs_ms: total, wake: None }))
    }
}

impl Program for Sleep {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        let wake = *self.wake.get_or_insert(io.now + Span::millis(self.secs_ms));
        if io.now >= wake { Step::Exit(0) } else { Step::Sleep(wake) }
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// `yes [text]`: writes lines until its reader goes away (or the output budget ends the
/// `run` call).
#[derive(Clone, Debug)]
pub struct Yes {
    pub argv: Vec<String>,
    pub sent: u64,
}

impl Program for Yes {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        let line = if self.argv.len() > 1 { self.argv[1..].join(" ") } else { "y".to_string() };
        let chunk = format!("{line}\n").repeat(64);
        io.out(&chunk);
        self.sent += 64;
        Step::Yield
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}
