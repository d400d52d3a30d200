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
use super::sql_expr::{Env, Expr, Parser, Tok, column_name, eval, expr, is_numeric_type, tokenize};

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

pub(super) fn err(message: String, position: Option<usize>) -> SqlError {
    SqlError { message, position }
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
