//! The expression half of the small SQL engine: tokens, the parser's cursor, expressions
//! (literals, columns, `current_user`-style functions, `+ - * /` on integers and exact
//! numerics) and their evaluation. [`super::sql`] builds statements on top.
//!
//! Invariant: numeric arithmetic never overflows silently (checked operations return
//! PostgreSQL's errors).

use super::pg::Table;
use super::sql::{SqlError, Val, err};

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    Word(String),
    Quoted(String),
    Str(String),
    Number(String),
    Sym(char),
}

pub(super) fn tokenize(sql: &str) -> Result<Vec<(Tok, usize)>, SqlError> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
        } else if c == '-' && chars.get(i + 1) == Some(&'-') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c.is_ascii_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((Tok::Word(chars[start..i].iter().collect::<String>().to_ascii_lowercase()), start));
        } else if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            out.push((Tok::Number(chars[start..i].iter().collect()), start));
        } else if c == '\'' || c == '"' {
            i += 1;
            let mut s = String::new();
            loop {
                match chars.get(i) {
                    None => return Err(err(format!("unterminated {} string at or near \"{}\"", if c == '"' { "quoted identifier" } else { "quoted" }, chars[start..].iter().collect::<String>()), Some(start))),
                    Some(&q) if q == c && chars.get(i + 1) == Some(&c) => {
                        s.push(c);
                        i += 2;
                    }
                    Some(&q) if q == c => {
                        i += 1;
                        break;
                    }
                    Some(&o) => {
                        s.push(o);
                        i += 1;
                    }
                }
            }
            out.push((if c == '"' { Tok::Quoted(s) } else { Tok::Str(s) }, start));
        } else {
            out.push((Tok::Sym(c), start));
            i += 1;
        }
    }
    Ok(out)
}

pub(super) struct Parser<'a> {
    pub(super) toks: Vec<(Tok, usize)>,
    pub(super) pos: usize,
    pub(super) sql: &'a str,
}

impl Parser<'_> {
    pub(super) fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.0)
    }
    pub(super) fn offset(&self) -> usize {
        self.toks.get(self.pos).map_or(self.sql.chars().count(), |t| t.1)
    }
    pub(super) fn syntax(&self) -> SqlError {
        match self.toks.get(self.pos) {
            Some((t, at)) => {
                let text = match t {
                    Tok::Word(w) => w.clone(),
                    Tok::Quoted(q) => format!("\"{q}\""),
                    Tok::Str(s) => format!("'{s}'"),
                    Tok::Number(n) => n.clone(),
                    Tok::Sym(c) => c.to_string(),
                };
                let shown: String = self.sql.chars().skip(*at).take(text.chars().count()).collect();
                err(format!("syntax error at or near \"{shown}\""), Some(*at))
            }
            None => err("syntax error at end of input".into(), Some(self.sql.trim_end().chars().count())),
        }
    }
    pub(super) fn word(&mut self, w: &str) -> bool {
        if self.peek() == Some(&Tok::Word(w.into())) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    pub(super) fn expect_word(&mut self, w: &str) -> Result<(), SqlError> {
        if self.word(w) { Ok(()) } else { Err(self.syntax()) }
    }
    pub(super) fn sym(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Sym(c)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    pub(super) fn expect_sym(&mut self, c: char) -> Result<(), SqlError> {
        if self.sym(c) { Ok(()) } else { Err(self.syntax()) }
    }
    pub(super) fn ident(&mut self) -> Result<String, SqlError> {
        match self.peek().cloned() {
            Some(Tok::Word(w)) | Some(Tok::Quoted(w)) => {
                self.pos += 1;
                Ok(w)
            }
            _ => Err(self.syntax()),
        }
    }
    pub(super) fn done(&self) -> bool {
        self.pos >= self.toks.len()
    }
}

/// An expression in a select list or a `VALUES` row.
#[derive(Clone, Debug)]
pub(super) enum Expr {
    Lit(Val),
    Column(String, usize),
    Call(String),
    Bin(Box<Expr>, char, Box<Expr>),
    Neg(Box<Expr>),
    Star,
}

pub(super) fn primary(p: &mut Parser<'_>) -> Result<Expr, SqlError> {
    let at = p.offset();
    let e = match p.peek().cloned() {
        Some(Tok::Number(n)) => {
            p.pos += 1;
            Expr::Lit(parse_number(&n).ok_or_else(|| err(format!("trailing junk after numeric literal at or near \"{n}\""), Some(at)))?)
        }
        Some(Tok::Str(s)) => {
            p.pos += 1;
            Expr::Lit(Val::Text(s))
        }
        Some(Tok::Sym('(')) => {
            p.pos += 1;
            let e = expr(p)?;
            p.expect_sym(')')?;
            e
        }
        Some(Tok::Sym('-')) => {
            p.pos += 1;
            Expr::Neg(Box::new(primary(p)?))
        }
        Some(Tok::Sym('*')) => {
            p.pos += 1;
            Expr::Star
        }
        Some(Tok::Word(w)) if w == "null" => {
            p.pos += 1;
            Expr::Lit(Val::Null)
        }
        Some(Tok::Word(w)) if matches!(w.as_str(), "current_user" | "user" | "session_user" | "current_database" | "version" | "now") => {
            p.pos += 1;
            if p.sym('(') {
                p.expect_sym(')')?;
            }
            Expr::Call(if w == "user" || w == "session_user" { "current_user".into() } else { w })
        }
        Some(Tok::Word(_)) | Some(Tok::Quoted(_)) => Expr::Column(p.ident()?, at),
        _ => return Err(p.syntax()),
    };
    if p.sym(':') {
        p.expect_sym(':')?;
        p.ident()?;
    }
    Ok(e)
}

pub(super) fn term(p: &mut Parser<'_>) -> Result<Expr, SqlError> {
    let mut e = primary(p)?;
    while let Some(Tok::Sym(c @ ('*' | '/'))) = p.peek().cloned() {
        p.pos += 1;
        e = Expr::Bin(Box::new(e), c, Box::new(primary(p)?));
    }
    Ok(e)
}

pub(super) fn expr(p: &mut Parser<'_>) -> Result<Expr, SqlError> {
    let mut e = term(p)?;
    while let Some(Tok::Sym(c @ ('+' | '-'))) = p.peek().cloned() {
        p.pos += 1;
        e = Expr::Bin(Box::new(e), c, Box::new(term(p)?));
    }
    Ok(e)
}

pub(super) fn parse_number(n: &str) -> Option<Val> {
    match n.split_once('.') {
        None => n.parse().ok().map(Val::Int),
        Some((i, f)) => {
            if f.contains('.') {
                return None;
            }
            let m: i128 = format!("{i}{f}").parse().ok()?;
            Some(Val::Num(m, f.len() as u32))
        }
    }
}

/// What an expression sees: the session and, in `FROM` queries, the current row.
pub(super) struct Env<'a> {
    pub(super) user: &'a str,
    pub(super) db: &'a str,
    pub(super) version: &'a str,
    pub(super) now: &'a str,
    pub(super) row: Option<(&'a Table, &'a [Option<String>])>,
}

pub(super) fn as_num(v: &Val) -> Option<(i128, u32)> {
    match v {
        Val::Int(n) => Some((i128::from(*n), 0)),
        Val::Num(m, s) => Some((*m, *s)),
        _ => None,
    }
}

pub(super) fn pow10(n: u32) -> i128 {
    10i128.checked_pow(n.min(30)).unwrap_or(i128::MAX)
}

pub(super) fn arith(a: Val, op: char, b: Val, at: usize) -> Result<Val, SqlError> {
    if a == Val::Null || b == Val::Null {
        return Ok(Val::Null);
    }
    let overflow = || err("numeric field overflow".into(), None);
    if let (Val::Int(x), Val::Int(y)) = (&a, &b) {
        return match op {
            '+' => x.checked_add(*y).map(Val::Int).ok_or_else(|| err("integer out of range".into(), None)),
            '-' => x.checked_sub(*y).map(Val::Int).ok_or_else(|| err("integer out of range".into(), None)),
            '*' => x.checked_mul(*y).map(Val::Int).ok_or_else(|| err("integer out of range".into(), None)),
            _ if *y == 0 => Err(err("division by zero".into(), None)),
            _ => Ok(Val::Int(x / y)),
        };
    }
    let (Some((x, sx)), Some((y, sy))) = (as_num(&a), as_num(&b)) else {
        let ty = |v: &Val| if v.numeric() { "integer" } else { "unknown" };
        return Err(err(format!("operator does not exist: {} {op} {}", ty(&a), ty(&b)), Some(at)));
    };
    let s = sx.max(sy);
    let (x2, y2) = (x.checked_mul(pow10(s - sx)).ok_or_else(overflow)?, y.checked_mul(pow10(s - sy)).ok_or_else(overflow)?);
    match op {
        '+' => x2.checked_add(y2).map(|m| Val::Num(m, s)).ok_or_else(overflow),
        '-' => x2.checked_sub(y2).map(|m| Val::Num(m, s)).ok_or_else(overflow),
        '*' => x.checked_mul(y).map(|m| Val::Num(m, sx + sy)).ok_or_else(overflow),
        _ => {
            if y == 0 {
                return Err(err("division by zero".into(), None));
            }
            let q = (x2 as f64) / (y2 as f64);
            let weight = if q == 0.0 { 0 } else { (q.abs().log10() / 4.0).floor() as i32 };
            let scale = (16 - weight * 4).clamp(s as i32, 20) as u32;
            let num = x2.checked_mul(pow10(scale)).ok_or_else(overflow)?;
            let (quot, rem) = (num / y2, num % y2);
            let rounded = if rem.abs() * 2 >= y2.abs() { quot + quot.signum().max(if (num < 0) != (y2 < 0) { -1 } else { 1 }) } else { quot };
            Ok(Val::Num(rounded, scale))
        }
    }
}

pub(super) fn eval(e: &Expr, env: &Env<'_>) -> Result<Val, SqlError> {
    Ok(match e {
        Expr::Lit(v) => v.clone(),
        Expr::Call(f) => match f.as_str() {
            "current_user" => Val::Text(env.user.into()),
            "current_database" => Val::Text(env.db.into()),
            "version" => Val::Text(env.version.into()),
            _ => Val::Text(env.now.into()),
        },
        Expr::Neg(x) => arith(Val::Int(0), '-', eval(x, env)?, 0)?,
        Expr::Bin(a, op, b) => arith(eval(a, env)?, *op, eval(b, env)?, 0)?,
        Expr::Column(c, at) => {
            let Some((table, row)) = env.row else {
                return Err(err(format!("column \"{c}\" does not exist"), Some(*at)));
            };
            let Some(i) = table.columns.iter().position(|(n, _)| n == c) else {
                return Err(err(format!("column \"{c}\" does not exist"), Some(*at)));
            };
            let numeric = is_numeric_type(&table.columns[i].1);
            match row.get(i).cloned().flatten() {
                None => Val::Null,
                Some(v) if numeric => parse_number(&v).unwrap_or(Val::Text(v)),
                Some(v) => Val::Text(v),
            }
        }
        Expr::Star => Val::Null,
    })
}

pub(super) fn is_numeric_type(t: &str) -> bool {
    matches!(t, "int" | "integer" | "int4" | "int8" | "bigint" | "smallint" | "serial" | "bigserial" | "numeric" | "decimal" | "real" | "float" | "double")
}

pub(super) fn column_name(e: &Expr) -> String {
    match e {
        Expr::Call(f) => f.clone(),
        Expr::Column(c, _) => c.clone(),
        _ => "?column?".into(),
    }
}

