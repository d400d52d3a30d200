//! `grep`: patterns from [`super::regex`], files read at once, standard input line by
//! line (so `tail -f log | grep x` prints as lines arrive).
//!
//! Invariant: exit status 0 when a line matched, 1 when none did, 2 on error.

use super::applets::{Ctx, getopt};
use super::regex::Regex;
use super::{Flavor, Program, Step};
use crate::unix::process::io::{Io, Read};

/// Compiled `grep` options.
#[derive(Clone, Debug)]
struct GrepCfg {
    res: Vec<Regex>,
    invert: bool,
    count: bool,
    number: bool,
    quiet: bool,
    list: bool,
    only: bool,
    whole_line: bool,
    names: bool,
    silent: bool,
}

/// `grep [-ivcnqlohHsxEF] [-e PAT] PATTERN [FILE]...`: files at once, stdin line by line.
#[derive(Clone, Debug)]
pub struct Grep {
    argv: Vec<String>,
    flavor: Flavor,
    cfg: Option<GrepCfg>,
    matched: u64,
    line: u64,
    status: i32,
}

impl Grep {
    pub fn create(argv: Vec<String>, flavor: Flavor) -> Option<Box<dyn Program>> {
        Some(Box::new(Grep { argv, flavor, cfg: None, matched: 0, line: 0, status: 1 }))
    }
}

impl GrepCfg {
    fn hit(&self, line: &str) -> Option<(usize, usize)> {
        let m = self.res.iter().find_map(|r| {
            if self.whole_line {
                r.find(line).filter(|&(s, e)| s == 0 && e == line.chars().count())
            } else {
                r.find(line)
            }
        });
        match (m, self.invert) {
            (Some(x), false) => Some(x),
            (None, true) => Some((0, 0)),
            _ => None,
        }
    }

    /// Lines to print for `line` (with prefixes), or nothing.
    fn format(&self, name: Option<&str>, n: u64, line: &str, span: (usize, usize)) -> String {
        let mut pre = String::new();
        if let Some(f) = name.filter(|_| self.names) {
            pre.push_str(f);
            pre.push(':');
        }
        if self.number {
            pre.push_str(&format!("{n}:"));
        }
        if self.only && !self.invert {
            let part: String = line.chars().skip(span.0).take(span.1 - span.0).collect();
            return format!("{pre}{part}\n");
        }
        format!("{pre}{line}\n")
    }
}

impl Program for Grep {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.cfg.is_none() {
            let argv = self.argv.clone();
            let mut c = Ctx { argv: &argv, flavor: self.flavor, io };
            let o = match getopt(c.args(), "ivcnqlohHsxEFwrRz", "em") {
                Ok(o) => o,
                Err(x) => return Step::Exit(c.bad_option(x, 2)),
            };
            let mut pats: Vec<String> = o.values.iter().filter(|v| v.0 == 'e').map(|v| v.1.clone()).collect();
            let mut files = o.operands.clone();
            if pats.is_empty() {
                if files.is_empty() {
                    let msg = if c.gnu() {
                        "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"
                            .to_string()
                    } else {
                        format!(
                            "{}\n\nUsage: grep [-HhnlLoqvsrRiwFEz] [-m N] [-A|B|C N] {{ PATTERN | -e PATTERN... | -f FILE... }} [FILE]...\n",
                            super::applets::BANNER
                        )
                    };
                    c.io.err(&msg);
                    return Step::Exit(2);
                }
                pats.push(files.remove(0));
            }
            let ere = o.has('E') || c.name() == "egrep";
            let fixed = o.has('F') || c.name() == "fgrep";
            let mut res = Vec::new();
            for p in pats.iter().flat_map(|p| p.split('\n')) {
                if fixed {
                    res.push(Regex::literal(p, o.has('i')));
                } else {
                    match Regex::new(p, ere, o.has('i')) {
                        Ok(r) => res.push(r),
                        Err(e) => {
                            c.fail(&e.0);
                            return Step::Exit(2);
                        }
                    }
                }
            }
            let names = (files.len() > 1 || o.has('H')) && !o.has('h');
            let cfg = GrepCfg {
                res,
                invert: o.has('v'),
                count: o.has('c'),
                number: o.has('n'),
                quiet: o.has('q'),
                list: o.has('l'),
                only: o.has('o'),
                whole_line: o.has('x'),
                names,
                silent: o.has('s'),
            };
            if !files.is_empty() && files != ["-"] {
                let mut status = 1;
                let mut out = String::new();
                let mut errs = false;
                for f in &files {
                    let text = match c.read_file(f) {
                        Ok(t) => t,
                        Err(e) => {
                            if !cfg.silent {
                                c.fail(&format!("{f}: {}", e.message()));
                            }
                            errs = true;
                            continue;
                        }
                    };
                    let mut n = 0;
                    for (i, line) in text.lines().enumerate() {
                        if let Some(span) = cfg.hit(line) {
                            n += 1;
                            if !cfg.count && !cfg.list && !cfg.quiet {
                                out.push_str(&cfg.format(Some(f), i as u64 + 1, line, span));
                            }
                        }
                    }
                    if n > 0 {
                        status = 0;
                    }
                    if cfg.count && !cfg.quiet {
                        out.push_str(&if cfg.names { format!("{f}:{n}\n") } else { format!("{n}\n") });
                    }
                    if cfg.list && n > 0 && !cfg.quiet {
                        out.push_str(&format!("{f}\n"));
                    }
                    if cfg.quiet && n > 0 {
                        return Step::Exit(0);
                    }
                }
                c.out(&out);
                return Step::Exit(if errs && (status != 0 || !cfg.quiet) { 2 } else { status });
            }
            self.cfg = Some(cfg);
        }
        let Some(cfg) = self.cfg.clone() else { return Step::Exit(2) };
        loop {
            match io.read_line() {
                Read::Data(l) => {
                    self.line += 1;
                    let line = l.strip_suffix('\n').unwrap_or(&l);
                    if let Some(span) = cfg.hit(line) {
                        self.matched += 1;
                        self.status = 0;
                        if cfg.quiet {
                            return Step::Exit(0);
                        }
                        if !cfg.count && !cfg.list {
                            io.out(&cfg.format(Some("(standard input)"), self.line, line, span));
                        }
                    }
                }
                Read::WouldBlock => return Step::Read,
                Read::Eof => {
                    if cfg.count {
                        io.out(&format!("{}\n", self.matched));
                    }
                    if cfg.list && self.matched > 0 {
                        io.out("(standard input)\n");
                    }
                    return Step::Exit(self.status);
                }
            }
        }
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}
