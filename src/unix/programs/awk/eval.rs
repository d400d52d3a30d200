//! Values, records and the expression evaluator of the small `awk`.
//!
//! Invariant: expression nesting is bounded (200).

use std::collections::BTreeMap;

use super::lex::{OPS, T};
use crate::unix::programs::regex::Regex;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum V {
    N(f64),
    S(String),
}

impl V {
    pub(super) fn num(&self) -> f64 {
        match self {
            V::N(n) => *n,
            V::S(s) => {
                let t = s.trim_start();
                let end = t
                    .char_indices()
                    .find(|&(i, ch)| !(ch.is_ascii_digit() || ch == '.' || ((ch == '-' || ch == '+') && i == 0)))
                    .map_or(t.len(), |(i, _)| i);
                t[..end].parse().unwrap_or(0.0)
            }
        }
    }
    pub(super) fn text(&self) -> String {
        match self {
            V::S(s) => s.clone(),
            V::N(n) => fmt_num(*n),
        }
    }
    pub(super) fn truthy(&self) -> bool {
        match self {
            V::N(n) => *n != 0.0,
            V::S(s) => !s.is_empty(),
        }
    }
}

pub(super) fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e16 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.6}");

        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

pub(super) struct State {
    pub(super) vars: BTreeMap<String, V>,
    pub(super) fields: Vec<String>,
    pub(super) nr: u64,
    pub(super) fs: Option<String>,
    pub(super) out: String,
}

impl State {
    pub(super) fn field(&self, i: usize) -> String {
        if i == 0 {
            self.fields.first().cloned().unwrap_or_default()
        } else {
            self.fields.get(i).cloned().unwrap_or_default()
        }
    }
    pub(super) fn set_record(&mut self, line: &str) {
        let mut f = vec![line.to_string()];
        match self.fs.as_deref() {
            None | Some(" ") => f.extend(line.split_whitespace().map(String::from)),
            Some(sep) => f.extend(line.split(sep).map(String::from)),
        }
        self.fields = f;
    }
    pub(super) fn get(&self, name: &str) -> V {
        match name {
            "NR" => V::N(self.nr as f64),
            "NF" => V::N(self.fields.len().saturating_sub(1) as f64),
            _ => self.vars.get(name).cloned().unwrap_or(V::S(String::new())),
        }
    }
}

pub(super) struct P<'a> {
    pub(super) t: &'a [T],
    pub(super) i: usize,
    pub(super) st: &'a mut State,
    pub(super) live: bool,
    pub(super) depth: u32,
}

pub(super) type R<X> = Result<X, String>;

impl P<'_> {
    pub(super) fn peek(&self) -> Option<&T> {
        self.t.get(self.i)
    }
    pub(super) fn eat(&mut self, op: &str) -> bool {
        if self.peek()
            == Some(&T::Op(match OPS.iter().find(|o| **o == op) {
                Some(o) => o,
                None => return false,
            }))
        {
            self.i += 1;
            true
        } else {
            false
        }
    }
    pub(super) fn expr(&mut self) -> R<V> {
        self.depth += 1;
        if self.depth > 200 {
            return Err("expression too deep".into());
        }
        let r = self.or();
        self.depth -= 1;
        r
    }
    pub(super) fn or(&mut self) -> R<V> {
        let mut v = self.and()?;
        while self.eat("||") {
            let r = self.and()?;
            v = V::N((v.truthy() || r.truthy()) as i32 as f64);
        }
        Ok(v)
    }
    pub(super) fn and(&mut self) -> R<V> {
        let mut v = self.matching()?;
        while self.eat("&&") {
            let r = self.matching()?;
            v = V::N((v.truthy() && r.truthy()) as i32 as f64);
        }
        Ok(v)
    }
    pub(super) fn matching(&mut self) -> R<V> {
        let v = self.cmp()?;
        let neg = if self.eat("~") {
            false
        } else if self.eat("!~") {
            true
        } else {
            return Ok(v);
        };
        let pat = match self.peek().cloned() {
            Some(T::Re(r)) => {
                self.i += 1;
                r
            }
            _ => self.concat()?.text(),
        };
        let hit = Regex::new(&pat, true, false).map_err(|e| e.0)?.is_match(&v.text());
        Ok(V::N((hit != neg) as i32 as f64))
    }
    pub(super) fn cmp(&mut self) -> R<V> {
        let a = self.concat()?;
        for op in ["==", "!=", "<=", ">=", "<", ">"] {
            if self.eat(op) {
                let b = self.concat()?;
                let numeric = matches!(a, V::N(_)) || matches!(b, V::N(_)) || (looks_num(&a) && looks_num(&b));
                let ord = if numeric {
                    a.num().partial_cmp(&b.num()).unwrap_or(std::cmp::Ordering::Equal)
                } else {
                    a.text().cmp(&b.text())
                };
                use std::cmp::Ordering::*;
                let r = match op {
                    "==" => ord == Equal,
                    "!=" => ord != Equal,
                    "<=" => ord != Greater,
                    ">=" => ord != Less,
                    "<" => ord == Less,
                    _ => ord == Greater,
                };
                return Ok(V::N(r as i32 as f64));
            }
        }
        Ok(a)
    }
    pub(super) fn concat(&mut self) -> R<V> {
        let mut v = self.additive()?;
        while matches!(
            self.peek(),
            Some(T::Num(_)) | Some(T::Str(_)) | Some(T::Name(_)) | Some(T::Op("$")) | Some(T::Op("("))
        ) && !matches!(self.peek(), Some(T::Name(n)) if n == "in")
        {
            let r = self.additive()?;
            v = V::S(v.text() + &r.text());
        }
        Ok(v)
    }
    pub(super) fn additive(&mut self) -> R<V> {
        let mut v = self.term()?;
        loop {
            if self.eat("+") {
                let r = self.term()?;
                v = V::N(v.num() + r.num());
            } else if self.eat("-") {
                let r = self.term()?;
                v = V::N(v.num() - r.num());
            } else {
                return Ok(v);
            }
        }
    }
    pub(super) fn term(&mut self) -> R<V> {
        let mut v = self.unary()?;
        loop {
            let op = if self.eat("*") {
                '*'
            } else if self.eat("/") {
                '/'
            } else if self.eat("%") {
                '%'
            } else {
                return Ok(v);
            };
            let r = self.unary()?.num();
            let l = v.num();
            v = V::N(match op {
                '*' => l * r,
                _ if r == 0.0 => return Err("division by zero".into()),
                '/' => l / r,
                _ => l % r,
            });
        }
    }
    pub(super) fn unary(&mut self) -> R<V> {
        if self.eat("!") {
            let v = self.unary()?;
            return Ok(V::N((!v.truthy()) as i32 as f64));
        }
        if self.eat("-") {
            let v = self.unary()?;
            return Ok(V::N(-v.num()));
        }
        if self.eat("+") {
            let v = self.unary()?;
            return Ok(V::N(v.num()));
        }
        self.primary()
    }
    pub(super) fn primary(&mut self) -> R<V> {
        let Some(t) = self.peek().cloned() else { return Err("unexpected end of program".into()) };
        self.i += 1;
        match t {
            T::Num(n) => Ok(V::N(n)),
            T::Str(s) => Ok(V::S(s)),
            T::Re(r) => {
                let hit = Regex::new(&r, true, false).map_err(|e| e.0)?.is_match(&self.st.field(0));
                Ok(V::N(hit as i32 as f64))
            }
            T::Op("$") => {
                let v = self.primary()?;
                Ok(V::S(self.st.field(v.num().max(0.0) as usize)))
            }
            T::Op("(") => {
                let v = self.expr()?;
                if !self.eat(")") {
                    return Err("missing )".into());
                }
                Ok(v)
            }
            T::Name(n) if n == "length" => {
                if self.eat("(") {
                    let v = if self.eat(")") {
                        V::S(self.st.field(0))
                    } else {
                        let v = self.expr()?;
                        self.eat(")");
                        v
                    };
                    return Ok(V::N(v.text().chars().count() as f64));
                }
                Ok(V::N(self.st.field(0).chars().count() as f64))
            }
            T::Name(n) if n == "toupper" || n == "tolower" => {
                self.eat("(");
                let v = self.expr()?;
                self.eat(")");
                Ok(V::S(if n == "toupper" { v.text().to_uppercase() } else { v.text().to_lowercase() }))
            }
            T::Name(n) => {
                for (op, d) in [("++", 1.0), ("--", -1.0)] {
                    if self.eat(op) {
                        let old = self.st.get(&n);
                        if self.live {
                            self.st.vars.insert(n.clone(), V::N(old.num() + d));
                        }
                        return Ok(V::N(old.num()));
                    }
                }
                Ok(self.st.get(&n))
            }
            other => Err(format!("syntax error at {other:?}")),
        }
    }
}

pub(super) fn looks_num(v: &V) -> bool {
    match v {
        V::N(_) => true,
        V::S(s) => !s.trim().is_empty() && s.trim().parse::<f64>().is_ok(),
    }
}
