//! Line filters: `wc`, `cut`, `sort`, `uniq`, `tr`, and `xargs` (which execs its command
//! with every word read). Error texts follow busybox or GNU by [`Flavor`].
//!
//! Invariant: a filter that needs all of its input returns `None` (waits) before writing
//! anything.

use super::applets::{Ctx, getopt};
use super::{Flavor, Program, Step};
use crate::unix::fs::Errno;
use crate::unix::process::io::Io;

/// Reads every input (`-` or no operand is stdin): `None` while stdin is still open.
fn inputs(c: &mut Ctx, operands: &[String]) -> Option<Vec<(String, Result<String, Errno>)>> {
    let ops: Vec<String> = if operands.is_empty() { vec!["-".into()] } else { operands.to_vec() };
    let mut stdin: Option<String> = None;
    if ops.iter().any(|o| o == "-") {
        stdin = Some(c.stdin_all()?);
    }
    Some(
        ops.into_iter()
            .map(|o| {
                if o == "-" {
                    (o, Ok(stdin.clone().unwrap_or_default()))
                } else {
                    let r = c.read_file(&o);
                    (o, r)
                }
            })
            .collect(),
    )
}

pub fn wc(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "lwcmL", "") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let ins = inputs(c, &o.operands)?;
    let mut which: Vec<char> = ['l', 'w', 'c'].into_iter().filter(|x| o.has(*x) || (*x == 'c' && o.has('m'))).collect();
    if which.is_empty() {
        which = vec!['l', 'w', 'c'];
    }
    let mut rows: Vec<([u64; 3], Option<String>)> = Vec::new();
    let mut status = 0;
    let mut total = [0u64; 3];
    for (name, r) in &ins {
        match r {
            Ok(t) => {
                let v = [
                    t.matches('\n').count() as u64,
                    t.split_whitespace().count() as u64,
                    if o.has('m') { t.chars().count() as u64 } else { t.len() as u64 },
                ];
                for k in 0..3 {
                    total[k] += v[k];
                }
                rows.push((v, (name != "-" || !o.operands.is_empty()).then(|| name.clone())));
            }
            Err(e) => {
                c.fail(&format!("{name}: {}", e.message()));
                status = 1;
            }
        }
    }
    if ins.len() > 1 {
        rows.push((total, Some("total".into())));
    }
    let idx = |x: char| match x {
        'l' => 0,
        'w' => 1,
        _ => 2,
    };
    let single = which.len() == 1 && ins.len() == 1;
    let width = if single {
        1
    } else if c.gnu() {
        let from_stdin = ins.iter().any(|(n, _)| n == "-");
        let w = total[2].to_string().len();
        if from_stdin { w.max(7) } else { w }
    } else {
        9
    };
    let mut out = String::new();
    for (v, name) in rows {
        let fields: Vec<String> = which.iter().map(|x| format!("{:>width$}", v[idx(*x)])).collect();
        out.push_str(&fields.join(" "));
        if let Some(n) = name {
            out.push(' ');
            out.push_str(&n);
        }
        out.push('\n');
    }
    c.out(&out);
    Some(status)
}

/// Parses a cut LIST (`1,3-5,7-`) into inclusive 1-based ranges.
fn ranges(list: &str) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    for part in list.split(',') {
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (
                if a.is_empty() { 1 } else { a.parse().ok()? },
                if b.is_empty() { usize::MAX } else { b.parse().ok()? },
            ),
            None => {
                let n = part.parse().ok()?;
                (n, n)
            }
        };
        if a == 0 {
            return None;
        }
        out.push((a, b));
    }
    Some(out)
}

pub fn cut(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "sn", "dfcb") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let (list, by_field) = match (o.value('f'), o.value('c').or(o.value('b'))) {
        (Some(f), _) => (f.to_string(), true),
        (None, Some(ch)) => (ch.to_string(), false),
        _ => {
            if c.gnu() {
                c.fail(
                    "you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.",
                );
            } else {
                c.fail("expected a list of bytes, characters, or fields");
            }
            return Some(1);
        }
    };
    let Some(rs) = ranges(&list) else {
        c.fail(if c.gnu() {
            "fields are numbered from 1\nTry 'cut --help' for more information."
        } else {
            "invalid range"
        });
        return Some(1);
    };
    let delim = o.value('d').and_then(|d| d.chars().next()).unwrap_or('\t');
    let ins = inputs(c, &o.operands)?;
    let sel = |i: usize| rs.iter().any(|&(a, b)| a <= i && i <= b);
    let mut out = String::new();
    let mut status = 0;
    for (name, r) in ins {
        let text = match r {
            Ok(t) => t,
            Err(e) => {
                c.fail(&format!("{name}: {}", e.message()));
                status = 1;
                continue;
            }
        };
        for line in text.lines() {
            if by_field {
                if !line.contains(delim) {
                    if !o.has('s') {
                        out.push_str(line);
                        out.push('\n');
                    }
                    continue;
                }
                let fields: Vec<&str> =
                    line.split(delim).enumerate().filter(|(i, _)| sel(i + 1)).map(|(_, f)| f).collect();
                out.push_str(&fields.join(&delim.to_string()));
            } else {
                out.extend(line.chars().enumerate().filter(|(i, _)| sel(i + 1)).map(|(_, ch)| ch));
            }
            out.push('\n');
        }
    }
    c.out(&out);
    Some(status)
}

fn sort_key(line: &str, key: Option<usize>, sep: Option<char>) -> String {
    let Some(k) = key else { return line.to_string() };
    let fields: Vec<&str> = match sep {
        Some(s) => line.split(s).collect(),
        None => line.split_whitespace().collect(),
    };
    fields.get(k.saturating_sub(1)..).map(|f| f.join(" ")).unwrap_or_default()
}

fn leading_num(s: &str) -> f64 {
    let t = s.trim_start();
    let end = t
        .char_indices()
        .find(|&(i, ch)| !(ch.is_ascii_digit() || ch == '.' || (i == 0 && ch == '-')))
        .map_or(t.len(), |(i, _)| i);
    t[..end].parse().unwrap_or(0.0)
}

pub fn sort(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "rnufbsdhVM", "ktTo") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 2)),
    };
    let ins = inputs(c, &o.operands)?;
    let mut lines: Vec<String> = Vec::new();
    for (name, r) in ins {
        match r {
            Ok(t) => lines.extend(t.lines().map(String::from)),
            Err(e) => {
                if c.gnu() {
                    c.fail(&format!("cannot read: {name}: {}", e.message()));
                } else {
                    c.fail(&format!("{name}: {}", e.message()));
                }
                return Some(2);
            }
        }
    }
    let key = o.value('k').and_then(|k| k.split([',', '.']).next()?.parse::<usize>().ok());
    let sep = o.value('t').and_then(|t| t.chars().next());
    let numeric = o.has('n') || o.value('k').is_some_and(|k| k.ends_with('n'));
    let fold = o.has('f');
    lines.sort_by(|a, b| {
        let (ka, kb) = (sort_key(a, key, sep), sort_key(b, key, sep));
        let ord = if numeric {
            leading_num(&ka).partial_cmp(&leading_num(&kb)).unwrap_or(std::cmp::Ordering::Equal).then_with(|| a.cmp(b))
        } else if fold {
            ka.to_lowercase().cmp(&kb.to_lowercase())
        } else {
            ka.cmp(&kb)
        };
        if o.has('r') { ord.reverse() } else { ord }
    });
    if o.has('u') {
        lines.dedup_by(|a, b| if numeric { leading_num(a) == leading_num(b) } else { a == b });
    }
    let mut out = String::new();
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    c.out(&out);
    Some(0)
}

pub fn uniq(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "cdui", "") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let ops: Vec<String> = o.operands.iter().take(1).cloned().collect();
    let ins = inputs(c, &ops)?;
    let (name, r) = ins.into_iter().next()?;
    let text = match r {
        Ok(t) => t,
        Err(e) => {
            if c.gnu() {
                c.fail(&format!("{name}: {}", e.message()));
            } else {
                c.fail(&format!("can't open '{name}': {}", e.message()));
            }
            return Some(1);
        }
    };
    let mut groups: Vec<(String, u64)> = Vec::new();
    for l in text.lines() {
        match groups.last_mut() {
            Some((g, n)) if g == l || (o.has('i') && g.eq_ignore_ascii_case(l)) => *n += 1,
            _ => groups.push((l.to_string(), 1)),
        }
    }
    let mut out = String::new();
    for (l, n) in groups {
        if (o.has('d') && n < 2) || (o.has('u') && n > 1) {
            continue;
        }
        if o.has('c') {
            out.push_str(&format!("{n:>7} {l}\n"));
        } else {
            out.push_str(&l);
            out.push('\n');
        }
    }
    c.out(&out);
    Some(0)
}

/// Expands a `tr` set: ranges, classes, escapes.
fn tr_set(s: &str) -> Vec<char> {
    let s = super::text::escapes(s).0;
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i] == '[' && cs.get(i + 1) == Some(&':') {
            let rest: String = cs[i + 2..].iter().collect();
            if let Some(end) = rest.find(":]") {
                let class = &rest[..end];
                let all: Vec<char> = (0u8..=127).map(char::from).collect();
                out.extend(all.into_iter().filter(|ch| match class {
                    "upper" => ch.is_ascii_uppercase(),
                    "lower" => ch.is_ascii_lowercase(),
                    "digit" => ch.is_ascii_digit(),
                    "alpha" => ch.is_ascii_alphabetic(),
                    "alnum" => ch.is_ascii_alphanumeric(),
                    "space" => ch.is_ascii_whitespace(),
                    "punct" => ch.is_ascii_punctuation(),
                    _ => false,
                }));
                i += 2 + end + 2;
                continue;
            }
        }
        if cs.get(i + 1) == Some(&'-') && i + 2 < cs.len() {
            let (a, b) = (cs[i] as u32, cs[i + 2] as u32);
            if a <= b && b - a < 65536 {
                out.extend((a..=b).filter_map(char::from_u32));
            }
            i += 3;
            continue;
        }
        out.push(cs[i]);
        i += 1;
    }
    out
}

pub fn tr(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "dscC", "") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let need = if o.has('d') || (o.has('s') && o.operands.len() == 1) { 1 } else { 2 };
    if o.operands.len() < need {
        if c.gnu() {
            c.fail("missing operand\nTry 'tr --help' for more information.");
        } else {
            c.io.err(&format!("{}\n\nUsage: tr [-cds] STRING1 [STRING2]\n", super::applets::BANNER));
        }
        return Some(1);
    }
    let text = c.stdin_all()?;
    let s1 = tr_set(&o.operands[0]);
    let s2 = o.operands.get(1).map(|s| tr_set(s)).unwrap_or_default();
    let mut out = String::new();
    let mut last: Option<char> = None;
    for ch in text.chars() {
        let in1 = s1.contains(&ch) != o.has('c');
        if o.has('d') && in1 {
            continue;
        }
        let mapped = if !o.has('d') && !s2.is_empty() && in1 {
            let idx = s1.iter().position(|&x| x == ch).unwrap_or(s1.len().saturating_sub(1));
            *s2.get(idx).or(s2.last()).unwrap_or(&ch)
        } else {
            ch
        };
        if o.has('s') && last == Some(mapped) && (s2.contains(&mapped) || (s2.is_empty() && s1.contains(&mapped))) {
            continue;
        }
        out.push(mapped);
        last = Some(mapped);
    }
    c.out(&out);
    Some(0)
}

/// `xargs [-n N] [-r] [COMMAND [ARG]...]`: one command line with every word read (runs
/// the command by exec); with `-n`, only `echo` is supported (printed line by line).
#[derive(Clone, Debug)]
pub struct Xargs {
    pub argv: Vec<String>,
    pub flavor: Flavor,
}

impl Program for Xargs {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        let argv = self.argv.clone();
        let mut c = Ctx { argv: &argv, flavor: self.flavor, io };
        let o = match super::applets::getopt_first(c.args(), "rt0", "nIdLPs") {
            Ok(o) => o,
            Err(x) => return Step::Exit(c.bad_option(x, 1)),
        };
        let Some(text) = c.stdin_all() else { return Step::Read };
        let words: Vec<String> = text.split_whitespace().map(String::from).collect();
        let cmd: Vec<String> = if o.operands.is_empty() { vec!["echo".into()] } else { o.operands.clone() };
        if words.is_empty() && o.has('r') {
            return Step::Exit(0);
        }
        let per = o.value('n').and_then(|n| n.parse::<usize>().ok()).unwrap_or(usize::MAX).max(1);
        if per < words.len() && (cmd[0] == "echo" || cmd[0].ends_with("/echo")) {
            let mut out = String::new();
            for chunk in words.chunks(per) {
                let mut parts: Vec<String> = cmd[1..].to_vec();
                parts.extend(chunk.iter().cloned());
                out.push_str(&parts.join(" "));
                out.push('\n');
            }
            c.out(&out);
            return Step::Exit(0);
        }
        let mut full = cmd;
        full.extend(words);
        Step::Exec { argv: full, env: c.io.env.to_vec() }
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}
