//! A very small SQL engine for the simulated PostgreSQL: enough for a first lesson.
//! `SELECT` of expressions (integers, numerics, strings, `+ - * /`, `version()`,
//! `current_user`, `current_database()`, `now()`), `SELECT … FROM table [WHERE col =
//! value]`, `CREATE TABLE`, `INSERT INTO … VALUES`, `DROP TABLE`, `CREATE/DROP DATABASE`,
//! `CREATE USER/ROLE`. Results come back as [`Outcome`]s that [`super::psql`] prints
//! the way psql does; errors carry PostgreSQL's wording and the caret position.
//!
//! Invariant: a statement either fully applies or changes nothing; evaluation is bounded
//! by the statement's length, and nesting deeper than 200 parentheses is refused.

use super::pg::{Catalog, Table};

/// A value of a result cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Val {
    Int(i64),
    /// Digits and scale (`12.50` is `(1250, 2)`).
    Num(i128, u32),
    Text(String),
    Null,
}

impl Val {
    pub fn render(&self) -> Option<String> {
        match self {
            Val::Int(n) => Some(n.to_string()),
            Val::Num(m, s) => Some(render_num(*m, *s)),
            Val::Text(t) => Some(t.clone()),
            Val::Null => None,
        }
    }
    pub fn numeric(&self) -> bool {
        matches!(self, Val::Int(_) | Val::Num(..))
    }
}

fn render_num(m: i128, scale: u32) -> String {
    if scale == 0 {
        return m.to_string();
    }
    let neg = m < 0;
    let digits = m.unsigned_abs().to_string();
    let s = scale as usize;
    let padded = if digits.len() <= s { format!("{}{digits}", "0".repeat(s + 1 - digits.len())) } else { digits };
    let (i, f) = padded.split_at(padded.len() - s);
    format!("{}{i}.{f}", if neg { "-" } else { "" })
}

/// What a statement produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A command tag (`CREATE TABLE`, `INSERT 0 2`).
    Tag(String),
    /// Columns (name, numeric alignment) and rows.
    Rows { columns: Vec<(String, bool)>, rows: Vec<Vec<Option<String>>> },
}

/// An error: message, optional position (0-based char offset) for the `LINE 1:` caret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SqlError {
    pub message: String,
    pub position: Option<usize>,
}

fn err(message: String, position: Option<usize>) -> SqlError {
    SqlError { message, position }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Quoted(String),
    Str(String),
    Number(String),
    Sym(char),
}

fn tokenize(sql: &str) -> Result<Vec<(Tok, usize)>, SqlError> {
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

struct Parser<'a> {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    sql: &'a str,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.0)
    }
    fn offset(&self) -> usize {
        self.toks.get(self.pos).map_or(self.sql.chars().count(), |t| t.1)
    }
    fn syntax(&self) -> SqlError {
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
    fn word(&mut self, w: &str) -> bool {
        if self.peek() == Some(&Tok::Word(w.into())) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn expect_word(&mut self, w: &str) -> Result<(), SqlError> {
        if self.word(w) { Ok(()) } else { Err(self.syntax()) }
    }
    fn sym(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Sym(c)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn expect_sym(&mut self, c: char) -> Result<(), SqlError> {
        if self.sym(c) { Ok(()) } else { Err(self.syntax()) }
    }
    fn ident(&mut self) -> Result<String, SqlError> {
        match self.peek().cloned() {
            Some(Tok::Word(w)) | Some(Tok::Quoted(w)) => {
                self.pos += 1;
                Ok(w)
            }
            _ => Err(self.syntax()),
        }
    }
    fn done(&self) -> bool {
        self.pos >= self.toks.len()
    }
}

/// An expression in a select list or a `VALUES` row.
#[derive(Clone, Debug)]
enum Expr {
    Lit(Val),
    Column(String, usize),
    Call(String),
    Bin(Box<Expr>, char, Box<Expr>),
    Neg(Box<Expr>),
    Star,
}

fn primary(p: &mut Parser<'_>) -> Result<Expr, SqlError> {
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

fn term(p: &mut Parser<'_>) -> Result<Expr, SqlError> {
    let mut e = primary(p)?;
    while let Some(Tok::Sym(c @ ('*' | '/'))) = p.peek().cloned() {
        p.pos += 1;
        e = Expr::Bin(Box::new(e), c, Box::new(primary(p)?));
    }
    Ok(e)
}

fn expr(p: &mut Parser<'_>) -> Result<Expr, SqlError> {
    let mut e = term(p)?;
    while let Some(Tok::Sym(c @ ('+' | '-'))) = p.peek().cloned() {
        p.pos += 1;
        e = Expr::Bin(Box::new(e), c, Box::new(term(p)?));
    }
    Ok(e)
}

fn parse_number(n: &str) -> Option<Val> {
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
struct Env<'a> {
    user: &'a str,
    db: &'a str,
    version: &'a str,
    now: &'a str,
    row: Option<(&'a Table, &'a [Option<String>])>,
}

fn as_num(v: &Val) -> Option<(i128, u32)> {
    match v {
        Val::Int(n) => Some((i128::from(*n), 0)),
        Val::Num(m, s) => Some((*m, *s)),
        _ => None,
    }
}

fn pow10(n: u32) -> i128 {
    10i128.checked_pow(n.min(30)).unwrap_or(i128::MAX)
}

fn arith(a: Val, op: char, b: Val, at: usize) -> Result<Val, SqlError> {
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

fn eval(e: &Expr, env: &Env<'_>) -> Result<Val, SqlError> {
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

fn is_numeric_type(t: &str) -> bool {
    matches!(t, "int" | "integer" | "int4" | "int8" | "bigint" | "smallint" | "serial" | "bigserial" | "numeric" | "decimal" | "real" | "float" | "double")
}

fn column_name(e: &Expr) -> String {
    match e {
        Expr::Call(f) => f.clone(),
        Expr::Column(c, _) => c.clone(),
        _ => "?column?".into(),
    }
}

/// The session a statement runs in.
pub struct Session<'a> {
    pub user: &'a str,
    pub db: &'a str,
    pub version: &'a str,
    pub now: &'a str,
}

/// Runs one statement against `catalog`.
pub fn run(catalog: &mut Catalog, s: &Session<'_>, sql: &str) -> Result<Outcome, SqlError> {
    if sql.chars().filter(|c| *c == '(').count() > 200 {
        return Err(err("stack depth limit exceeded".into(), None));
    }
    let mut p = Parser { toks: tokenize(sql)?, pos: 0, sql };
    while p.sym(';') {}
    let out = if p.word("select") {
        select(catalog, s, &mut p)?
    } else if p.word("create") {
        if p.word("table") {
            let name = p.ident()?;
            p.expect_sym('(')?;
            let mut columns = Vec::new();
            loop {
                let col = p.ident()?;
                let ty = p.ident()?;
                let mut depth = 0;
                while !(p.done() || depth == 0 && matches!(p.peek(), Some(Tok::Sym(',' | ')')))) {
                    match p.peek() {
                        Some(Tok::Sym('(')) => depth += 1,
                        Some(Tok::Sym(')')) => depth -= 1,
                        _ => {}
                    }
                    p.pos += 1;
                }
                columns.push((col, ty));
                if !p.sym(',') {
                    break;
                }
            }
            p.expect_sym(')')?;
            let db = catalog.databases.entry(s.db.into()).or_default();
            if db.tables.contains_key(&name) {
                return Err(err(format!("relation \"{name}\" already exists"), None));
            }
            db.tables.insert(name, Table { columns, rows: Vec::new() });
            Outcome::Tag("CREATE TABLE".into())
        } else if p.word("database") {
            let name = p.ident()?;
            if catalog.databases.contains_key(&name) {
                return Err(err(format!("database \"{name}\" already exists"), None));
            }
            catalog.databases.insert(name, super::pg::Database { owner: s.user.into(), tables: Default::default() });
            Outcome::Tag("CREATE DATABASE".into())
        } else if p.word("user") || p.word("role") {
            let name = p.ident()?;
            if catalog.roles.contains(&name) {
                return Err(err(format!("role \"{name}\" already exists"), None));
            }
            catalog.roles.push(name);
            p.pos = p.toks.len();
            Outcome::Tag("CREATE ROLE".into())
        } else {
            return Err(p.syntax());
        }
    } else if p.word("drop") {
        let kind = if p.word("table") {
            "table"
        } else if p.word("database") {
            "database"
        } else {
            return Err(p.syntax());
        };
        let if_exists = p.word("if") && p.word("exists");
        let name = p.ident()?;
        let removed = if kind == "table" {
            catalog.databases.get_mut(s.db).and_then(|d| d.tables.remove(&name)).is_some()
        } else {
            if name == s.db {
                return Err(err("cannot drop the currently open database".into(), None));
            }
            catalog.databases.remove(&name).is_some()
        };
        if !removed && !if_exists {
            let what = if kind == "table" { "table" } else { "database" };
            return Err(err(format!("{what} \"{name}\" does not exist"), None));
        }
        Outcome::Tag(format!("DROP {}", kind.to_ascii_uppercase()))
    } else if p.word("insert") {
        p.expect_word("into")?;
        let at = p.offset();
        let name = p.ident()?;
        let table = catalog
            .databases
            .get(s.db)
            .and_then(|d| d.tables.get(&name))
            .cloned()
            .ok_or_else(|| err(format!("relation \"{name}\" does not exist"), Some(at)))?;
        let mut targets: Vec<usize> = (0..table.columns.len()).collect();
        if p.sym('(') {
            targets.clear();
            loop {
                let at = p.offset();
                let c = p.ident()?;
                let i = table.columns.iter().position(|(n, _)| *n == c).ok_or_else(|| {
                    err(format!("column \"{c}\" of relation \"{name}\" does not exist"), Some(at))
                })?;
                targets.push(i);
                if !p.sym(',') {
                    break;
                }
            }
            p.expect_sym(')')?;
        }
        p.expect_word("values")?;
        let env = Env { user: s.user, db: s.db, version: s.version, now: s.now, row: None };
        let mut new_rows = Vec::new();
        loop {
            p.expect_sym('(')?;
            let mut vals = Vec::new();
            loop {
                vals.push(eval(&expr(&mut p)?, &env)?);
                if !p.sym(',') {
                    break;
                }
            }
            p.expect_sym(')')?;
            if vals.len() > targets.len() {
                return Err(err("INSERT has more expressions than target columns".into(), None));
            }
            let mut row = vec![None; table.columns.len()];
            for (v, i) in vals.into_iter().zip(targets.iter()) {
                row[*i] = v.render();
            }
            new_rows.push(row);
            if !p.sym(',') {
                break;
            }
        }
        let n = new_rows.len();
        if let Some(t) = catalog.databases.get_mut(s.db).and_then(|d| d.tables.get_mut(&name)) {
            t.rows.extend(new_rows);
        }
        Outcome::Tag(format!("INSERT 0 {n}"))
    } else {
        return Err(p.syntax());
    };
    while p.sym(';') {}
    if !p.done() {
        return Err(p.syntax());
    }
    Ok(out)
}

fn select(catalog: &Catalog, s: &Session<'_>, p: &mut Parser<'_>) -> Result<Outcome, SqlError> {
    let mut items: Vec<(Expr, Option<String>)> = Vec::new();
    loop {
        let e = expr(p)?;
        let alias = if p.word("as") { Some(p.ident()?) } else { None };
        items.push((e, alias));
        if !p.sym(',') {
            break;
        }
    }
    let mut table: Option<&Table> = None;
    if p.word("from") {
        let at = p.offset();
        let name = p.ident()?;
        table = Some(
            catalog
                .databases
                .get(s.db)
                .and_then(|d| d.tables.get(&name))
                .ok_or_else(|| err(format!("relation \"{name}\" does not exist"), Some(at)))?,
        );
    }
    let mut filter: Option<(Expr, Expr)> = None;
    if p.word("where") {
        let l = expr(p)?;
        p.expect_sym('=')?;
        filter = Some((l, expr(p)?));
    }
    let mut columns = Vec::new();
    for (e, alias) in &items {
        match (e, table) {
            (Expr::Star, Some(t)) => columns.extend(t.columns.iter().map(|(n, ty)| (n.clone(), is_numeric_type(ty)))),
            (Expr::Star, None) => return Err(err("SELECT * with no tables specified is not valid".into(), None)),
            _ => columns.push((alias.clone().unwrap_or_else(|| column_name(e)), false)),
        }
    }
    let mut rows = Vec::new();
    let empty: Vec<Option<String>> = Vec::new();
    let source: Vec<&[Option<String>]> = match table {
        Some(t) => t.rows.iter().map(|r| r.as_slice()).collect(),
        None => vec![empty.as_slice()],
    };
    for r in source {
        let env = Env { user: s.user, db: s.db, version: s.version, now: s.now, row: table.map(|t| (t, r)) };
        if let Some((l, rt)) = &filter {
            let (a, b) = (eval(l, &env)?, eval(rt, &env)?);
            if a.render() != b.render() || a == Val::Null {
                continue;
            }
        }
        let mut out = Vec::new();
        let mut numeric = Vec::new();
        for (e, _) in &items {
            if let (Expr::Star, Some(t)) = (e, table) {
                out.extend(r.iter().cloned());
                numeric.extend(t.columns.iter().map(|(_, ty)| is_numeric_type(ty)));
            } else {
                let v = eval(e, &env)?;
                numeric.push(v.numeric());
                out.push(v.render());
            }
        }
        for (c, n) in columns.iter_mut().zip(numeric) {
            c.1 = n;
        }
        rows.push(out);
    }
    if rows.is_empty() {
        for (c, (e, _)) in columns.iter_mut().zip(items.iter()) {
            if let Expr::Lit(v) = e {
                c.1 = v.numeric();
            }
        }
    }
    Ok(Outcome::Rows { columns, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session<'static> {
        Session { user: "postgres", db: "postgres", version: "PostgreSQL 17.5", now: "2026-03-02 12:00:00+00" }
    }

    #[test]
    fn expressions_and_tables() {
        let mut c = Catalog::new("postgres");
        let s = session();
        let rows = |o: Outcome| match o {
            Outcome::Rows { rows, .. } => rows,
            other => panic!("{other:?}"),
        };
        assert_eq!(rows(run(&mut c, &s, "select 1").unwrap()), vec![vec![Some("1".to_string())]]);
        assert_eq!(rows(run(&mut c, &s, "SELECT 7/2, 1.5*2, 0.1+0.2, 10.0/2, 1.0/3").unwrap())[0], ["3", "3.0", "0.3", "5.0000000000000000", "0.33333333333333333333"].map(|x| Some(x.to_string())));
        assert_eq!(run(&mut c, &s, "create table t (id serial primary key, nome varchar(50) not null)"), Ok(Outcome::Tag("CREATE TABLE".into())));
        assert_eq!(run(&mut c, &s, "insert into t (id, nome) values (1, 'Ana'), (2, 'Bia');"), Ok(Outcome::Tag("INSERT 0 2".into())));
        assert_eq!(rows(run(&mut c, &s, "select nome from t where id = 2").unwrap()), vec![vec![Some("Bia".to_string())]]);
        assert_eq!(run(&mut c, &s, "selec 1").unwrap_err(), err("syntax error at or near \"selec\"".into(), Some(0)));
        assert_eq!(run(&mut c, &s, "select * from nada").unwrap_err(), err("relation \"nada\" does not exist".into(), Some(14)));
        assert_eq!(run(&mut c, &s, "create database app"), Ok(Outcome::Tag("CREATE DATABASE".into())));
        assert_eq!(run(&mut c, &s, "create database app").unwrap_err().message, "database \"app\" already exists");
    }
}
