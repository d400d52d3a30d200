//! `sed [-n] [-i] [-E] [-e SCRIPT]... [SCRIPT] [FILE]...` with the commands learners use:
//! `s/RE/REPL/[gpI]` (`&` is the match; back-references are not supported), `d`, `p`,
//! `q`, each with an optional address (`N`, `$`, `/RE/`, or a range `A,B`).
//!
//! Invariant: every line is visited once per command; substitution loops advance.

use super::applets::Ctx;
use super::regex::Regex;

#[derive(Clone, Debug)]
enum Addr {
    Line(usize),
    Last,
    Re(Regex),
}

#[derive(Clone, Debug)]
enum Op {
    Subst { re: Regex, repl: String, global: bool, print: bool },
    Delete,
    Print,
    Quit,
}

#[derive(Clone, Debug)]
struct Cmd {
    from: Option<Addr>,
    to: Option<Addr>,
    op: Op,
    active: bool,
}

fn syntax(c: &mut Ctx, bb: &str, gnu: &str) -> Option<i32> {
    if c.gnu() {
        c.fail(&format!("-e expression #1, char {gnu}"));
    } else {
        c.fail(bb);
    }
    Some(1)
}

/// Reads a delimited field starting after `delim` at `i`; returns (text, index after).
fn field(cs: &[char], mut i: usize, delim: char) -> Option<(String, usize)> {
    let mut out = String::new();
    while i < cs.len() {
        if cs[i] == '\\' && i + 1 < cs.len() {
            if cs[i + 1] == delim {
                out.push(delim);
            } else {
                out.push('\\');
                out.push(cs[i + 1]);
            }
            i += 2;
            continue;
        }
        if cs[i] == delim {
            return Some((out, i + 1));
        }
        out.push(cs[i]);
        i += 1;
    }
    None
}

fn parse_addr(cs: &[char], i: &mut usize, ere: bool) -> Result<Option<Addr>, ()> {
    match cs.get(*i) {
        Some(d) if d.is_ascii_digit() => {
            let mut n = 0usize;
            while let Some(d) = cs.get(*i).and_then(|c| c.to_digit(10)) {
                n = n.saturating_mul(10).saturating_add(d as usize);
                *i += 1;
            }
            Ok(Some(Addr::Line(n)))
        }
        Some('$') => {
            *i += 1;
            Ok(Some(Addr::Last))
        }
        Some('/') => {
            let (re, next) = field(cs, *i + 1, '/').ok_or(())?;
            *i = next;
            Ok(Some(Addr::Re(Regex::new(&re, ere, false).map_err(|_| ())?)))
        }
        _ => Ok(None),
    }
}

fn parse(c: &mut Ctx, script: &str, ere: bool) -> Result<Vec<Cmd>, i32> {
    let cs: Vec<char> = script.chars().collect();
    let mut i = 0;
    let mut cmds = Vec::new();
    while i < cs.len() {
        while i < cs.len() && (cs[i].is_whitespace() || cs[i] == ';') {
            i += 1;
        }
        if i >= cs.len() {
            break;
        }
        let Ok(from) = parse_addr(&cs, &mut i, ere) else {
            return Err(syntax(c, "unmatched '/'", "1: unterminated address regex").unwrap_or(1));
        };
        let mut to = None;
        if from.is_some() && cs.get(i) == Some(&',') {
            i += 1;
            let Ok(t) = parse_addr(&cs, &mut i, ere) else { return Err(1) };
            to = t;
        }
        let Some(&op) = cs.get(i) else { return Err(syntax(c, "missing command", "1: missing command").unwrap_or(1)) };
        i += 1;
        let op = match op {
            'd' => Op::Delete,
            'p' => Op::Print,
            'q' => Op::Quit,
            's' => {
                let Some(&delim) = cs.get(i) else {
                    return Err(syntax(c, "unmatched 's'", "1: unterminated `s' command").unwrap_or(1));
                };
                let pos = i + 2;
                let Some((re, n1)) = field(&cs, i + 1, delim) else {
                    return Err(syntax(
                        c,
                        &format!("unmatched '{delim}'"),
                        &format!("{}: unterminated `s' command", cs.len()),
                    )
                    .unwrap_or(1));
                };
                let Some((repl, n2)) = field(&cs, n1, delim) else {
                    return Err(syntax(
                        c,
                        &format!("unmatched '{delim}'"),
                        &format!("{}: unterminated `s' command", cs.len()),
                    )
                    .unwrap_or(1));
                };
                let _ = pos;
                i = n2;
                let (mut global, mut print, mut icase) = (false, false, false);
                while let Some(&f) = cs.get(i) {
                    match f {
                        'g' => global = true,
                        'p' => print = true,
                        'I' | 'i' => icase = true,
                        _ => break,
                    }
                    i += 1;
                }
                let re = match Regex::new(&re, ere, icase) {
                    Ok(r) => r,
                    Err(e) => {
                        c.fail(&format!("-e expression #1, char {}: {}", cs.len(), e.0));
                        return Err(1);
                    }
                };
                Op::Subst { re, repl, global, print }
            }
            other => {
                return Err(syntax(
                    c,
                    &format!("unsupported command {other}"),
                    &format!("{}: unknown command: `{other}'", i),
                )
                .unwrap_or(1));
            }
        };
        cmds.push(Cmd { from, to, op, active: false });
    }
    Ok(cmds)
}

fn addr_hit(a: &Addr, n: usize, last: bool, line: &str) -> bool {
    match a {
        Addr::Line(k) => *k == n,
        Addr::Last => last,
        Addr::Re(r) => r.is_match(line),
    }
}

fn selected(cmd: &mut Cmd, n: usize, last: bool, line: &str) -> bool {
    let Some(from) = &cmd.from else { return true };
    match &cmd.to {
        None => addr_hit(from, n, last, line),
        Some(to) => {
            if cmd.active {
                let end = match to {
                    Addr::Line(k) => n >= *k,
                    other => addr_hit(other, n, last, line),
                };
                if end {
                    cmd.active = false;
                }
                true
            } else if addr_hit(from, n, last, line) {
                cmd.active = !matches!(to, Addr::Line(k) if *k <= n);
                true
            } else {
                false
            }
        }
    }
}

fn substitute(re: &Regex, repl: &str, line: &str, global: bool) -> Option<String> {
    let t: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut pos = 0;
    let mut changed = false;
    let mut prev_end: Option<usize> = None;
    while pos <= t.len() {
        let Some((s, e)) = re.find_in(&t, pos) else { break };
        if s == e && prev_end == Some(s) {
            // no empty match right after a match
            if s < t.len() {
                out.push(t[s]);
            }
            pos = s + 1;
            continue;
        }
        prev_end = Some(e);
        changed = true;
        out.extend(&t[pos..s]);
        let matched: String = t[s..e].iter().collect();
        let mut rc = repl.chars().peekable();
        while let Some(ch) = rc.next() {
            match ch {
                '&' => out.push_str(&matched),
                '\\' => match rc.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(d) if d.is_ascii_digit() => {}
                    Some(o) => out.push(o),
                    None => out.push('\\'),
                },
                o => out.push(o),
            }
        }
        if e == s {
            if s < t.len() {
                out.push(t[s]);
            }
            pos = s + 1;
        } else {
            pos = e;
        }
        if !global {
            break;
        }
    }
    if !changed {
        return None;
    }
    if pos < t.len() {
        out.extend(&t[pos..]);
    }
    Some(out)
}

pub fn sed(c: &mut Ctx) -> Option<i32> {
    let args = c.args().to_vec();
    let (mut quiet, mut in_place, mut ere) = (false, false, false);
    let mut scripts = Vec::new();
    let mut operands = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "-n" | "--quiet" | "--silent" => quiet = true,
            "-E" | "-r" => ere = true,
            "-e" => {
                if let Some(s) = args.get(i + 1) {
                    scripts.push(s.clone());
                }
                i += 1;
            }
            s if s.starts_with("-i") => in_place = true,
            s if s.starts_with('-') && s.len() > 1 => {
                for ch in s[1..].chars() {
                    match ch {
                        'n' => quiet = true,
                        'E' | 'r' => ere = true,
                        'i' => in_place = true,
                        other => return Some(c.bad_option(other, 1)),
                    }
                }
            }
            _ => operands.push(a.clone()),
        }
        i += 1;
    }
    if scripts.is_empty() {
        if operands.is_empty() {
            if c.gnu() {
                c.io.err("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n");
            } else {
                c.io.err(&format!(
                    "{}\n\nUsage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\n",
                    super::applets::BANNER
                ));
            }
            return Some(1);
        }
        scripts.push(operands.remove(0));
    }
    let mut cmds = match parse(c, &scripts.join("\n"), ere) {
        Ok(v) => v,
        Err(code) => return Some(code),
    };
    let inputs: Vec<String> = if operands.is_empty() { vec!["-".into()] } else { operands };
    let mut texts = Vec::new();
    for f in &inputs {
        if f == "-" {
            texts.push((f.clone(), Ok(c.stdin_all()?)));
        } else {
            let r = c.read_file(f);
            texts.push((f.clone(), r));
        }
    }
    let mut status = 0;
    let mut stdout = String::new();
    let mut n = 0usize;
    let total: usize = texts.iter().map(|(_, r)| r.as_ref().map_or(0, |t| t.lines().count())).sum();
    'files: for (name, r) in texts {
        let text = match r {
            Ok(t) => t,
            Err(e) => {
                if c.gnu() {
                    c.fail(&format!("can't read {name}: {}", e.message()));
                } else {
                    c.fail(&format!("{name}: {}", e.message()));
                }
                status = 2;
                continue;
            }
        };
        let mut out = String::new();
        let mut quit = false;
        for line in text.lines() {
            n += 1;
            let last = n == total;
            let mut ps = line.to_string();
            let mut deleted = false;
            for cmd in cmds.iter_mut() {
                if !selected(cmd, n, last, &ps) {
                    continue;
                }
                match &cmd.op {
                    Op::Subst { re, repl, global, print } => {
                        if let Some(new) = substitute(re, repl, &ps, *global) {
                            ps = new;
                            if *print {
                                out.push_str(&ps);
                                out.push('\n');
                            }
                        }
                    }
                    Op::Delete => {
                        deleted = true;
                        break;
                    }
                    Op::Print => {
                        out.push_str(&ps);
                        out.push('\n');
                    }
                    Op::Quit => {
                        quit = true;
                        break;
                    }
                }
            }
            if !deleted && !quiet {
                out.push_str(&ps);
                out.push('\n');
            }
            if quit {
                break;
            }
        }
        if in_place && name != "-" {
            let abs = c.io.abs(&name);
            let (cred, now) = (c.io.cred, c.io.now);
            if let Err(e) = c.io.fs().write(&abs, out.as_bytes(), false, cred, now) {
                c.fail(&format!("couldn't open file {name}: {}", e.message()));
                status = 4;
            }
        } else {
            stdout.push_str(&out);
        }
        if quit {
            break 'files;
        }
    }
    c.out(&stdout);
    Some(status)
}
