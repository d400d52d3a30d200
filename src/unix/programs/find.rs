//! `find [PATH]... [-name PAT] [-iname PAT] [-type f|d|l] [-maxdepth N] [-mindepth N]`:
//! a depth-first walk printing matching paths (siblings in name order).
//!
//! Invariant: the walk visits at most [`MAX_VISIT`] entries and never follows symbolic
//! links.

use super::applets::Ctx;
use crate::unix::fs::{Kind, path};
use crate::unix::process::pattern;

/// Entries one `find` may visit.
pub const MAX_VISIT: u32 = 100_000;

struct Query {
    name: Option<(String, bool)>,
    kind: Option<Kind>,
    maxdepth: u32,
    mindepth: u32,
}

fn walk(c: &mut Ctx, shown: &str, abs: &str, depth: u32, q: &Query, out: &mut String, budget: &mut u32) {
    if *budget == 0 || depth > 256 {
        return;
    }
    *budget -= 1;
    let Ok(st) = c.io.fs().lstat(abs) else { return };
    let base = path::base(&path::normalize("/", abs)).to_string();
    let name_ok = q.name.as_ref().is_none_or(|(p, icase)| {
        let pat: Vec<(char, bool)> = if *icase {
            p.to_lowercase().chars().map(|x| (x, false)).collect()
        } else {
            p.chars().map(|x| (x, false)).collect()
        };
        let b = if *icase { base.to_lowercase() } else { base.clone() };
        pattern::matches(&pat, &b)
    });
    if depth >= q.mindepth && name_ok && q.kind.is_none_or(|k| k == st.kind) {
        out.push_str(shown);
        out.push('\n');
    }
    if st.kind == Kind::Dir && depth < q.maxdepth {
        let cred = c.io.cred;
        let names = c.io.fs().readdir(abs, cred).unwrap_or_default();
        for n in names {
            let child_shown = if shown.ends_with('/') { format!("{shown}{n}") } else { format!("{shown}/{n}") };
            walk(c, &child_shown, &path::child(&path::normalize("/", abs), &n), depth + 1, q, out, budget);
        }
    }
}

pub fn find(c: &mut Ctx) -> Option<i32> {
    let args = c.args().to_vec();
    let mut paths = Vec::new();
    let mut i = 0;
    while i < args.len() && !args[i].starts_with('-') && args[i] != "!" && args[i] != "(" {
        paths.push(args[i].clone());
        i += 1;
    }
    if paths.is_empty() {
        paths.push(".".into());
    }
    let mut q = Query { name: None, kind: None, maxdepth: u32::MAX, mindepth: 0 };
    while i < args.len() {
        let a = args[i].clone();
        let val = args.get(i + 1).cloned();
        let need = |c: &mut Ctx| {
            if c.gnu() {
                c.fail(&format!("missing argument to `{a}'"));
            } else {
                c.fail(&format!("{a} requires an argument"));
            }
            Some(1)
        };
        match a.as_str() {
            "-name" | "-iname" => match val {
                Some(v) => q.name = Some((v, a == "-iname")),
                None => return need(c),
            },
            "-type" => match val.as_deref() {
                Some("f") => q.kind = Some(Kind::File),
                Some("d") => q.kind = Some(Kind::Dir),
                Some("l") => q.kind = Some(Kind::Symlink),
                Some(other) => {
                    c.fail(&format!("Unknown argument to -type: {other}"));
                    return Some(1);
                }
                None => return need(c),
            },
            "-maxdepth" | "-mindepth" => match val.and_then(|v| v.parse::<u32>().ok()) {
                Some(n) if a == "-maxdepth" => q.maxdepth = n,
                Some(n) => q.mindepth = n,
                None => return need(c),
            },
            "-print" => {
                i += 1;
                continue;
            }
            other => {
                if c.gnu() {
                    c.fail(&format!("unknown predicate `{other}'"));
                } else {
                    c.fail(&format!("unrecognized: {other}"));
                }
                return Some(1);
            }
        }
        i += 2;
    }
    let mut out = String::new();
    let mut status = 0;
    let mut budget = MAX_VISIT;
    for p in paths {
        let abs = c.io.abs(&p);
        if let Err(e) = c.io.fs().lstat(&abs) {
            if c.gnu() {
                c.fail(&format!("'{p}': {}", e.message()));
            } else {
                c.fail(&format!("{p}: {}", e.message()));
            }
            status = 1;
            continue;
        }
        walk(c, &p, &abs, 0, &q, &mut out, &mut budget);
    }
    c.out(&out);
    Some(status)
}
