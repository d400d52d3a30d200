//! Word expansion: tilde, parameters (with `:-`, `:=`, `:+`, `:?`, `#`, `%`, `${#x}`),
//! command substitution, arithmetic, field splitting on `IFS`, pathname expansion and
//! quote removal.
//!
//! Command substitutions are run by the interpreter, not here: when expansion reaches one
//! whose output is not known yet it returns [`ExpErr::NeedSubst`]; the interpreter runs it,
//! appends its output to `substs` and expands the word list again from the start (with
//! the variables restored, so side effects such as `${x:=1}` happen once).
//!
//! Invariant: expansion never runs a command and never blocks.

use std::rc::Rc;

use super::arith::{self, ArithError};
use super::pattern::{self, Pat};
use super::shell::Shell;
use crate::unix::fs::Fs;
use crate::unix::sh::Dialect;
use crate::unix::sh::ast::{List, Param, ParamOp, Part, Word};

/// Why a word could not be expanded now.
#[derive(Clone, Debug)]
pub enum ExpErr {
    /// Run this command substitution, then retry.
    NeedSubst(Rc<List>),
    /// An expansion error: message for stderr, exit status.
    Fatal(String, i32),
}

/// Expansion context.
pub struct Ctx<'a> {
    pub sh: &'a mut Shell,
    pub fs: &'a dyn Fs,
    /// Outputs (and statuses) of the substitutions already run, in order of appearance.
    pub substs: &'a [(String, i32)],
    pub next: usize,
}

struct Builder {
    fields: Vec<Pat>,
    cur: Pat,
    started: bool,
    ifs: String,
}

impl Builder {
    fn lit(&mut self, s: &str, quoted: bool) {
        self.cur.extend(s.chars().map(|c| (c, quoted)));
        self.started = true;
    }
    fn split(&mut self, s: &str) {
        for c in s.chars() {
            if self.ifs.contains(c) {
                if c == ' ' || c == '\t' || c == '\n' {
                    self.end();
                } else {
                    self.started = true;
                    self.end();
                }
            } else {
                self.cur.push((c, false));
                self.started = true;
            }
        }
    }
    fn end(&mut self) {
        if self.started {
            self.fields.push(std::mem::take(&mut self.cur));
        }
        self.started = false;
    }
}

enum Val<'w> {
    Str(String),
    Fields(Vec<String>),
    Word(&'w Word),
}

struct ShVars<'a>(&'a mut Shell);
impl arith::Vars for ShVars<'_> {
    fn get(&self, name: &str) -> Option<String> {
        self.0.get(name).map(String::from)
    }
    fn set(&mut self, name: &str, value: i64) {
        let _ = self.0.set(name, &value.to_string());
    }
}

fn strip_newlines(s: &str) -> &str {
    s.trim_end_matches('\n')
}

impl Ctx<'_> {
    /// Expands words into fields (split and globbed).
    pub fn fields(&mut self, words: &[Word]) -> Result<Vec<String>, ExpErr> {
        let mut out = Vec::new();
        for w in words {
            let mut b = Builder { fields: Vec::new(), cur: Vec::new(), started: false, ifs: self.ifs() };
            self.word(&mut b, w, false)?;
            b.end();
            for f in b.fields {
                if pattern::has_magic(&f) {
                    let found = pattern::glob(self.fs, &self.sh.cwd, &f, self.sh.cred);
                    if !found.is_empty() {
                        out.extend(found);
                        continue;
                    }
                }
                out.push(f.into_iter().map(|x| x.0).collect());
            }
            if out.len() > 100_000 {
                break;
            }
        }
        Ok(out)
    }

    /// Expands a word to one string (no splitting, no globbing).
    pub fn string(&mut self, w: &Word) -> Result<String, ExpErr> {
        Ok(self.pat(w)?.into_iter().map(|x| x.0).collect())
    }

    /// Expands a word to a pattern (quoted characters stay literal).
    pub fn pat(&mut self, w: &Word) -> Result<Pat, ExpErr> {
        let mut b = Builder { fields: Vec::new(), cur: Vec::new(), started: false, ifs: String::new() };
        self.word(&mut b, w, false)?;
        let mut all = Pat::new();
        for (i, f) in b.fields.into_iter().chain(std::iter::once(b.cur)).enumerate() {
            if i > 0 {
                all.push((' ', true));
            }
            all.extend(f);
        }
        Ok(all)
    }

    fn ifs(&self) -> String {
        self.sh.get("IFS").unwrap_or(" \t\n").to_string()
    }

    fn word(&mut self, b: &mut Builder, parts: &[Part], dq: bool) -> Result<(), ExpErr> {
        for part in parts {
            match part {
                Part::Lit(s) => b.lit(s, dq),
                Part::Quoted(s) => b.lit(s, true),
                Part::Double(inner) => {
                    let only_at =
                        matches!(inner.as_slice(), [Part::Param(Param { name, op: ParamOp::Plain })] if name == "@");
                    if only_at && self.sh.positional.is_empty() {
                        continue;
                    }
                    b.started = true;
                    self.word(b, inner, true)?;
                }
                Part::Tilde(user) => {
                    let home = if user.is_empty() { Some(self.sh.home()) } else { self.user_home(user) };
                    match home {
                        Some(h) => b.lit(&h, true),
                        None => b.lit(&format!("~{user}"), true),
                    }
                }
                Part::Param(p) => match self.param(p, dq)? {
                    Val::Str(s) => {
                        if dq {
                            b.lit(&s, true)
                        } else {
                            b.split(&s)
                        }
                    }
                    Val::Fields(fs) => {
                        let n = fs.len();
                        for (i, f) in fs.into_iter().enumerate() {
                            if dq {
                                b.lit(&f, true);
                            } else {
                                b.split(&f);
                            }
                            if i + 1 < n {
                                if dq {
                                    b.started = true;
                                }
                                b.end();
                            }
                        }
                    }
                    Val::Word(w) => {
                        let w = w.clone();
                        self.word(b, &w, dq)?;
                    }
                },
                Part::Subst(list) => {
                    let Some((out, status)) = self.substs.get(self.next).cloned() else {
                        return Err(ExpErr::NeedSubst(list.clone()));
                    };
                    self.next += 1;
                    self.sh.last = status;
                    let s = strip_newlines(&out);
                    if dq { b.lit(s, true) } else { b.split(s) }
                }
                Part::Arith(w) => {
                    let text = self.string(w)?;
                    match arith::eval(&text, &mut ShVars(self.sh)) {
                        Ok(v) => b.lit(&v.to_string(), true),
                        Err(e) => return Err(self.arith_error(&text, e)),
                    }
                }
            }
        }
        Ok(())
    }

    fn arith_error(&self, text: &str, e: ArithError) -> ExpErr {
        let p = self.sh.prefix();
        let msg = match (self.sh.dialect, e) {
            (Dialect::Ash, ArithError::DivZero) => format!("{p}divide by zero\n"),
            (Dialect::Ash, ArithError::Syntax(_)) => format!("{p}arithmetic syntax error\n"),
            (Dialect::Dash, ArithError::DivZero) => format!("{p}arithmetic expression: division by zero: \"{text}\"\n"),
            (Dialect::Dash, ArithError::Syntax(rest)) => {
                let what = if rest.trim().is_empty() { "expecting primary" } else { "expecting EOF" };
                format!("{p}arithmetic expression: {what}: \"{text}\"\n")
            }
            (Dialect::Bash, ArithError::DivZero) => {
                let last = text.rsplit('/').next().unwrap_or("").trim();
                format!("{p}{text}: division by 0 (error token is \"{last}\")\n")
            }
            (Dialect::Bash, ArithError::Syntax(rest)) => {
                let tok = if rest.trim().is_empty() {
                    text.trim().chars().last().map(String::from).unwrap_or_default()
                } else {
                    rest.trim().to_string()
                };
                format!("{p}{text}: syntax error: operand expected (error token is \"{tok}\")\n")
            }
        };
        let status = if self.sh.dialect == Dialect::Bash { 1 } else { 2 };
        ExpErr::Fatal(msg, status)
    }

    fn user_home(&self, user: &str) -> Option<String> {
        let data = self.fs.read("/etc/passwd", crate::unix::fs::Cred::ROOT).ok()?;
        let text = String::from_utf8_lossy(&data.bytes()).into_owned();
        text.lines().find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.len() >= 6 && f[0] == user).then(|| f[5].to_string())
        })
    }

    /// The value of a parameter, unset as `None`.
    fn lookup(&self, name: &str) -> Option<String> {
        let sh = &self.sh;
        match name {
            "?" => Some(sh.last.to_string()),
            "$" => Some(sh.pid.to_string()),
            "#" => Some(sh.positional.len().to_string()),
            "!" => sh.last_bg.map(|p| p.to_string()),
            "-" => Some(String::new()),
            "0" => Some(sh.argv0.clone()),
            "@" | "*" => Some(sh.positional.join(" ")),
            n if n.chars().all(|c| c.is_ascii_digit()) => {
                let i: usize = n.parse().unwrap_or(0);
                sh.positional.get(i.wrapping_sub(1)).cloned()
            }
            n => sh.get(n).map(String::from),
        }
    }

    fn param<'w>(&mut self, p: &'w Param, dq: bool) -> Result<Val<'w>, ExpErr> {
        let name = p.name.as_str();
        let value = self.lookup(name);
        let empty = value.as_deref().is_none_or(|v| v.is_empty());
        let unset = value.is_none();
        match &p.op {
            ParamOp::Plain => {
                if name == "@" || (name == "*" && !dq) {
                    return Ok(Val::Fields(self.sh.positional.clone()));
                }
                if name == "*" {
                    let sep = self.ifs().chars().next().map(String::from).unwrap_or_default();
                    return Ok(Val::Str(self.sh.positional.join(&sep)));
                }
                Ok(Val::Str(value.unwrap_or_default()))
            }
            ParamOp::Length => Ok(Val::Str(value.unwrap_or_default().chars().count().to_string())),
            ParamOp::Default(colon, w) => {
                if unset || (*colon && empty) {
                    Ok(Val::Word(w))
                } else {
                    Ok(Val::Str(value.unwrap_or_default()))
                }
            }
            ParamOp::Assign(colon, w) => {
                if unset || (*colon && empty) {
                    let v = self.string(w)?;
                    if let Err(n) = self.sh.set(name, &v) {
                        return Err(ExpErr::Fatal(format!("{}{n}: is read only\n", self.sh.prefix()), 2));
                    }
                    Ok(Val::Str(v))
                } else {
                    Ok(Val::Str(value.unwrap_or_default()))
                }
            }
            ParamOp::Alt(colon, w) => {
                if unset || (*colon && empty) {
                    Ok(Val::Str(String::new()))
                } else {
                    Ok(Val::Word(w))
                }
            }
            ParamOp::Error(colon, w) => {
                if unset || (*colon && empty) {
                    let mut msg = self.string(w)?;
                    if msg.is_empty() {
                        msg = if self.sh.dialect == Dialect::Bash && *colon {
                            "parameter null or not set".into()
                        } else {
                            "parameter not set".into()
                        };
                    }
                    let status = if self.sh.dialect == Dialect::Bash { 127 } else { 2 };
                    Err(ExpErr::Fatal(format!("{}{name}: {msg}\n", self.sh.prefix()), status))
                } else {
                    Ok(Val::Str(value.unwrap_or_default()))
                }
            }
            ParamOp::TrimPrefix(longest, w) | ParamOp::TrimSuffix(longest, w) => {
                let pat = self.pat(w)?;
                let suffix = matches!(p.op, ParamOp::TrimSuffix(..));
                Ok(Val::Str(pattern::trim(&pat, &value.unwrap_or_default(), suffix, *longest)))
            }
        }
    }
}
