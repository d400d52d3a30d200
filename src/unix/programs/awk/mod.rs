//! A small `awk`: `[-F SEP] [-v VAR=VAL] 'PROGRAM' [FILE]...` where PROGRAM is a list of
//! `PATTERN { ACTIONS }` with `BEGIN`/`END`, regex and expression patterns, `print`,
//! `printf` (via the printf formatter), assignments (`=`, `+=`, `-=`, `++`), fields
//! (`$0`, `$N`, `$NF`), `NR`, `NF`, arithmetic, comparisons, `~`, `&&`, `||`, `!`,
//! string concatenation and `length()`. No user functions, arrays or control flow.
//!
//! Invariant: parsing and evaluation are bounded by the program's size and the input.

mod eval;
mod lex;

use std::collections::BTreeMap;

use super::applets::Ctx;
use eval::{P, R, State, V};
use lex::{T, lex};

/// A parsed rule: pattern tokens (empty: always) and action tokens (None: print $0).
struct Rule {
    begin: bool,
    end: bool,
    pattern: Vec<T>,
    action: Option<Vec<T>>,
}

fn rules(toks: &[T]) -> R<Vec<Rule>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i] == T::Sep {
            i += 1;
            continue;
        }
        let (mut begin, mut end) = (false, false);
        let mut pattern = Vec::new();
        match &toks[i] {
            T::Name(n) if n == "BEGIN" => {
                begin = true;
                i += 1;
            }
            T::Name(n) if n == "END" => {
                end = true;
                i += 1;
            }
            _ => {
                while i < toks.len() && toks[i] != T::Op("{") && toks[i] != T::Sep {
                    pattern.push(toks[i].clone());
                    i += 1;
                }
            }
        }
        let mut action = None;
        if toks.get(i) == Some(&T::Op("{")) {
            let mut depth = 0;
            let st = i + 1;
            while i < toks.len() {
                if toks[i] == T::Op("{") {
                    depth += 1;
                } else if toks[i] == T::Op("}") {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                i += 1;
            }
            if i >= toks.len() {
                return Err("missing }".into());
            }
            action = Some(toks[st..i].to_vec());
            i += 1;
        }
        out.push(Rule { begin, end, pattern, action });
    }
    Ok(out)
}

fn run_action(toks: &[T], st: &mut State) -> R<()> {
    let mut i = 0;
    while i < toks.len() {
        if toks[i] == T::Sep {
            i += 1;
            continue;
        }
        let end = toks[i..].iter().position(|t| *t == T::Sep).map_or(toks.len(), |k| i + k);
        let stmt = &toks[i..end];
        i = end;
        match stmt.first() {
            Some(T::Name(n)) if n == "print" || n == "printf" => {
                let mut vals = Vec::new();
                let mut p = P { t: &stmt[1..], i: 0, st, live: true, depth: 0 };
                if p.peek().is_some() {
                    loop {
                        vals.push(p.expr()?.text());
                        if !p.eat(",") {
                            break;
                        }
                    }
                }
                if n == "print" {
                    let line = if vals.is_empty() { st.field(0) } else { vals.join(" ") };
                    st.out.push_str(&line);
                    st.out.push('\n');
                } else if let Some((fmt, args)) = vals.split_first() {
                    st.out.push_str(&super::text::format_printf(fmt, args));
                }
            }
            Some(T::Name(n)) if matches!(stmt.get(1), Some(T::Op("=" | "+=" | "-=" | "*=" | "/="))) => {
                let Some(T::Op(op)) = stmt.get(1).cloned() else { continue };
                let mut p = P { t: &stmt[2..], i: 0, st, live: true, depth: 0 };
                let v = p.expr()?;
                let old = st.get(n);
                let new = match op {
                    "=" => v,
                    "+=" => V::N(old.num() + v.num()),
                    "-=" => V::N(old.num() - v.num()),
                    "*=" => V::N(old.num() * v.num()),
                    _ => V::N(if v.num() == 0.0 { 0.0 } else { old.num() / v.num() }),
                };
                st.vars.insert(n.clone(), new);
            }
            Some(_) => {
                let mut p = P { t: stmt, i: 0, st, live: true, depth: 0 };
                p.expr()?;
            }
            None => {}
        }
    }
    Ok(())
}

pub fn awk(c: &mut Ctx) -> Option<i32> {
    let args = c.args().to_vec();
    let mut fs = None;
    let mut vars = BTreeMap::new();
    let mut i = 0;
    while i < args.len() && args[i].starts_with('-') && args[i].len() > 1 {
        let a = &args[i];
        if let Some(sep) = a.strip_prefix("-F") {
            if sep.is_empty() {
                fs = args.get(i + 1).cloned();
                i += 1;
            } else {
                fs = Some(sep.to_string());
            }
        } else if a == "-v" {
            if let Some((k, v)) = args.get(i + 1).and_then(|kv| kv.split_once('=')) {
                vars.insert(k.to_string(), V::S(v.to_string()));
            }
            i += 1;
        } else if a == "--" {
            i += 1;
            break;
        }
        i += 1;
    }
    let Some(prog) = args.get(i).cloned() else {
        if c.gnu() {
            c.io.err("Usage: mawk [Options] [Program] [file ...]\n");
        } else {
            c.io.err(&format!("{}\n\nUsage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n", super::applets::BANNER));
        }
        return Some(2);
    };
    let files: Vec<String> = args[i + 1..].to_vec();
    let parsed = lex(&prog).and_then(|t| rules(&t));
    let rules = match parsed {
        Ok(r) => r,
        Err(e) => {
            if c.gnu() {
                c.fail(&format!("line 1: syntax error: {e}"));
            } else {
                let _ = e;
                c.fail("cmd. line:1: Unexpected token");
            }
            return Some(2);
        }
    };
    let mut texts = Vec::new();
    if files.is_empty() || files.iter().any(|f| f == "-") {
        let needs_input = rules.iter().any(|r| !r.begin);
        if needs_input {
            texts.push(Ok(c.stdin_all()?));
        }
    }
    for f in files.iter().filter(|f| *f != "-") {
        match c.read_file(f) {
            Ok(t) => texts.push(Ok(t)),
            Err(e) => texts.push(Err((f.clone(), e))),
        }
    }
    let fs = fs.map(|s| if s == "\\t" { "\t".to_string() } else { s });
    let mut st = State { vars, fields: vec![String::new()], nr: 0, fs, out: String::new() };
    let mut status = 0;
    let run = |st: &mut State, r: &Rule| -> R<()> {
        match &r.action {
            Some(a) => run_action(a, st),
            None => {
                let line = st.field(0);
                st.out.push_str(&line);
                st.out.push('\n');
                Ok(())
            }
        }
    };
    let result = (|| -> R<()> {
        for r in rules.iter().filter(|r| r.begin) {
            run(&mut st, r)?;
        }
        for t in &texts {
            let text = match t {
                Ok(t) => t,
                Err((f, e)) => {
                    if c.gnu() {
                        c.fail(&format!("cannot open {f} ({})", e.message()));
                    } else {
                        c.fail(&format!("{f}: {}", e.message()));
                    }
                    status = 2;
                    continue;
                }
            };
            for line in text.lines() {
                st.nr += 1;
                st.set_record(line);
                for r in rules.iter().filter(|r| !r.begin && !r.end) {
                    let hit = if r.pattern.is_empty() {
                        true
                    } else {
                        let pat = r.pattern.clone();
                        let mut p = P { t: &pat, i: 0, st: &mut st, live: true, depth: 0 };
                        p.expr()?.truthy()
                    };
                    if hit {
                        run(&mut st, r)?;
                    }
                }
                if st.out.len() > 4 << 20 {
                    return Ok(());
                }
            }
        }
        for r in rules.iter().filter(|r| r.end) {
            run(&mut st, r)?;
        }
        Ok(())
    })();
    let out = std::mem::take(&mut st.out);
    c.out(&out);
    if let Err(e) = result {
        c.fail(&format!("cmd. line:1: {e}"));
        return Some(2);
    }
    Some(status)
}
