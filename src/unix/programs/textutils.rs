//! Streaming text tools: `cat`, `head`, `tail` (with `-f`), `tee`. They read standard
//! input as it arrives, so `cat` echoes an interactive terminal line by line and
//! `yes | head -n 3` ends (the writer then dies of SIGPIPE).
//!
//! Invariant: each step handles what is available and returns; nothing waits inside.

pub use super::filters::*;

use super::applets::{Ctx, getopt};
use super::{Flavor, Program, Step};
use crate::engine::clock::Span;
use crate::unix::fs::Errno;
use crate::unix::process::io::{Io, Read};

fn ctx<'a, 'b>(argv: &'a [String], flavor: Flavor, io: &'a mut Io<'b>) -> Ctx<'a, 'b> {
    Ctx { argv, flavor, io }
}

/// `cat [-n] [FILE]...`
#[derive(Clone, Debug)]
pub struct Cat {
    argv: Vec<String>,
    flavor: Flavor,
    idx: usize,
    status: i32,
    number: bool,
    line: u64,
    at_bol: bool,
    files: Option<Vec<String>>,
}

impl Cat {
    pub fn new(argv: Vec<String>, flavor: Flavor) -> Cat {
        Cat { argv, flavor, idx: 0, status: 0, number: false, line: 0, at_bol: true, files: None }
    }

    fn emit(&mut self, io: &mut Io<'_>, text: &str) {
        if !self.number {
            io.out(text);
            return;
        }
        let mut out = String::new();
        for ch in text.chars() {
            if self.at_bol {
                self.line += 1;
                out.push_str(&format!("{:>6}\t", self.line));
                self.at_bol = false;
            }
            out.push(ch);
            if ch == '\n' {
                self.at_bol = true;
            }
        }
        io.out(&out);
    }
}

impl Program for Cat {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.files.is_none() {
            let argv = self.argv.clone();
            let o = match getopt(&argv[1.min(argv.len())..], "nuAvetsbE", "") {
                Ok(o) => o,
                Err(c) => return Step::Exit(ctx(&argv, self.flavor, io).bad_option(c, 1)),
            };
            self.number = o.has('n');
            self.files = Some(if o.operands.is_empty() { vec!["-".into()] } else { o.operands });
        }
        let files = self.files.clone().unwrap_or_default();
        while self.idx < files.len() {
            let f = &files[self.idx];
            if f == "-" {
                loop {
                    match io.read() {
                        Read::Data(s) => {
                            self.emit(io, &s);
                            if io.broken_pipe {
                                return Step::Exit(141);
                            }
                        }
                        Read::WouldBlock => return Step::Read,
                        Read::Eof => break,
                    }
                }
            } else {
                let argv = self.argv.clone();
                let r = ctx(&argv, self.flavor, io).read_file(f);
                match r {
                    Ok(text) => self.emit(io, &text),
                    Err(e) => {
                        let msg = match (self.flavor, e) {
                            (Flavor::Busybox, Errno::EISDIR) => "cat: read error: Is a directory\n".to_string(),
                            (Flavor::Busybox, e) => format!("cat: can't open '{f}': {}\n", e.message()),
                            (Flavor::Gnu, e) => format!("cat: {f}: {}\n", e.message()),
                        };
                        io.err(&msg);
                        self.status = 1;
                    }
                }
            }
            self.idx += 1;
        }
        Step::Exit(self.status)
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// Rewrites `-5` into `-n 5` (head/tail's obsolete syntax).
fn numeric_shorthand(args: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for a in args {
        if a.len() > 1 && a.starts_with('-') && a[1..].chars().all(|c| c.is_ascii_digit()) {
            out.push("-n".into());
            out.push(a[1..].to_string());
        } else {
            out.push(a.clone());
        }
    }
    out
}

fn open_error(flavor: Flavor, tool: &str, f: &str, e: Errno) -> String {
    match flavor {
        Flavor::Gnu => format!("{tool}: cannot open '{f}' for reading: {}\n", e.message()),
        Flavor::Busybox if tool == "tail" => format!("tail: can't open '{f}': {}\n", e.message()),
        Flavor::Busybox => format!("{tool}: {f}: {}\n", e.message()),
    }
}

fn bad_count(flavor: Flavor, tool: &str, v: &str) -> String {
    match flavor {
        Flavor::Gnu => format!("{tool}: invalid number of lines: '{v}'\n"),
        Flavor::Busybox => format!("{tool}: invalid number '{v}'\n"),
    }
}

/// `head [-n N] [-c N] [FILE]...`: streams standard input until it has enough.
#[derive(Clone, Debug)]
pub struct Head {
    argv: Vec<String>,
    flavor: Flavor,
    left: Option<u64>,
    bytes: bool,
}

impl Head {
    pub fn create(argv: Vec<String>, flavor: Flavor) -> Option<Box<dyn Program>> {
        Some(Box::new(Head { argv, flavor, left: None, bytes: false }))
    }
}

impl Program for Head {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.left.is_none() {
            let args = numeric_shorthand(&self.argv[1.min(self.argv.len())..]);
            let o = match getopt(&args, "qv", "nc") {
                Ok(o) => o,
                Err(c) => return Step::Exit(ctx(&self.argv.clone(), self.flavor, io).bad_option(c, 1)),
            };
            self.bytes = o.value('c').is_some();
            let v = o.value('c').or(o.value('n')).unwrap_or("10").to_string();
            let Ok(n) = v.parse::<u64>() else {
                io.err(&bad_count(self.flavor, "head", &v));
                return Step::Exit(1);
            };
            self.left = Some(n);
            if !o.operands.is_empty() && o.operands != ["-"] {
                let mut status = 0;
                let multi = o.operands.len() > 1;
                for (i, f) in o.operands.iter().enumerate() {
                    let r = ctx(&self.argv.clone(), self.flavor, io).read_file(f);
                    match r {
                        Ok(text) => {
                            if multi {
                                io.out(&format!("{}==> {f} <==\n", if i > 0 { "\n" } else { "" }));
                            }
                            io.out(&take(&text, n, self.bytes));
                        }
                        Err(e) => {
                            io.err(&open_error(self.flavor, "head", f, e));
                            status = 1;
                        }
                    }
                }
                return Step::Exit(status);
            }
        }
        loop {
            let left = self.left.unwrap_or(0);
            if left == 0 {
                return Step::Exit(0);
            }
            let r = if self.bytes { io.read() } else { io.read_line() };
            match r {
                Read::Data(s) => {
                    if self.bytes {
                        let t: String = s.chars().take(left as usize).collect();
                        self.left = Some(left - t.len() as u64);
                        io.out(&t);
                    } else {
                        io.out(&s);
                        self.left = Some(left - 1);
                    }
                }
                Read::WouldBlock => return Step::Read,
                Read::Eof => return Step::Exit(0),
            }
        }
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

fn take(text: &str, n: u64, bytes: bool) -> String {
    if bytes {
        return text.chars().take(n as usize).collect();
    }
    text.split_inclusive('\n').take(n as usize).collect()
}

fn tail_of(text: &str, spec: &str, bytes: bool) -> String {
    let (from_start, n) = match spec.strip_prefix('+') {
        Some(x) => (true, x.parse::<usize>().unwrap_or(1)),
        None => (false, spec.trim_start_matches('-').parse::<usize>().unwrap_or(10)),
    };
    if bytes {
        let cs: Vec<char> = text.chars().collect();
        let start = if from_start { n.saturating_sub(1) } else { cs.len().saturating_sub(n) };
        return cs[start.min(cs.len())..].iter().collect();
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let start = if from_start { n.saturating_sub(1) } else { lines.len().saturating_sub(n) };
    lines[start.min(lines.len())..].concat()
}

/// `tail [-n N] [-f] [FILE]`: `-f` polls the file every second, like busybox.
#[derive(Clone, Debug)]
pub struct Tail {
    argv: Vec<String>,
    flavor: Flavor,
    follow: Option<(String, usize)>,
}

impl Tail {
    pub fn create(argv: Vec<String>, flavor: Flavor) -> Option<Box<dyn Program>> {
        Some(Box::new(Tail { argv, flavor, follow: None }))
    }
}

impl Program for Tail {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if let Some((f, seen)) = self.follow.clone() {
            let argv = self.argv.clone();
            if let Ok(text) = ctx(&argv, self.flavor, io).read_file(&f) {
                if text.len() > seen {
                    io.out(&text[seen..]);
                }
                self.follow = Some((f, text.len()));
            }
            return Step::Sleep(io.now + Span::secs(1));
        }
        let args = numeric_shorthand(&self.argv[1.min(self.argv.len())..]);
        let o = match getopt(&args, "fFqv", "nc") {
            Ok(o) => o,
            Err(c) => return Step::Exit(ctx(&self.argv.clone(), self.flavor, io).bad_option(c, 1)),
        };
        let bytes = o.value('c').is_some();
        let spec = o.value('c').or(o.value('n')).unwrap_or("10").to_string();
        if spec.trim_start_matches(['+', '-']).parse::<u64>().is_err() {
            io.err(&bad_count(self.flavor, "tail", &spec));
            return Step::Exit(1);
        }
        if o.operands.is_empty() || o.operands == ["-"] {
            let Some(text) = io.read_all() else { return Step::Read };
            io.out(&tail_of(&text, &spec, bytes));
            return Step::Exit(0);
        }
        let mut status = 0;
        let multi = o.operands.len() > 1;
        for (i, f) in o.operands.iter().enumerate() {
            let r = ctx(&self.argv.clone(), self.flavor, io).read_file(f);
            match r {
                Ok(text) => {
                    if multi {
                        io.out(&format!("{}==> {f} <==\n", if i > 0 { "\n" } else { "" }));
                    }
                    io.out(&tail_of(&text, &spec, bytes));
                    if o.has('f') || o.has('F') {
                        self.follow = Some((f.clone(), text.len()));
                    }
                }
                Err(e) => {
                    io.err(&open_error(self.flavor, "tail", f, e));
                    status = 1;
                }
            }
        }
        if let Some((f, _)) = &self.follow {
            if crate::unix::fs::path::normalize("/", &io.abs(f)) == "/dev/null" {
                return Step::Block;
            }
            return Step::Sleep(io.now + Span::secs(1));
        }
        if status != 0 && self.flavor == Flavor::Busybox && o.operands.len() == 1 {
            io.err("tail: no files\n");
        }
        Step::Exit(status)
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// `tee [-a] [FILE]...`: copies standard input to standard output and files as it comes.
#[derive(Clone, Debug)]
pub struct Tee {
    argv: Vec<String>,
    flavor: Flavor,
    files: Option<Vec<String>>,
    status: i32,
}

impl Tee {
    pub fn create(argv: Vec<String>, flavor: Flavor) -> Option<Box<dyn Program>> {
        Some(Box::new(Tee { argv, flavor, files: None, status: 0 }))
    }
}

impl Program for Tee {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.files.is_none() {
            let o = match getopt(&self.argv[1.min(self.argv.len())..], "ai", "") {
                Ok(o) => o,
                Err(c) => return Step::Exit(ctx(&self.argv.clone(), self.flavor, io).bad_option(c, 1)),
            };
            let mut ok = Vec::new();
            for f in &o.operands {
                let abs = io.abs(f);
                let (cred, now) = (io.cred, io.now);
                match io.fs().write(&abs, b"", o.has('a'), cred, now) {
                    Ok(()) => ok.push(abs),
                    Err(e) => {
                        io.err(&format!("tee: {f}: {}\n", e.message()));
                        self.status = 1;
                    }
                }
            }
            self.files = Some(ok);
        }
        loop {
            match io.read() {
                Read::Data(s) => {
                    io.out(&s);
                    let (cred, now) = (io.cred, io.now);
                    for f in self.files.clone().unwrap_or_default() {
                        let _ = io.fs().write(&f, s.as_bytes(), true, cred, now);
                    }
                }
                Read::WouldBlock => return Step::Read,
                Read::Eof => return Step::Exit(self.status),
            }
        }
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}
