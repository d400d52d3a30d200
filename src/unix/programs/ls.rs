//! `ls` with `-l -a -A -1 -d -r -t -S -R -C -F`: one name per line when stdout is not a
//! terminal, columns (80 wide) when it is — busybox pads columns with spaces, GNU with
//! tabs — and the long format of each.
//!
//! Link counts come from the file system (merged overlay directories report 1).
//!
//! Invariant: `-R` descends at most 32 levels.

use super::applets::{Ctx, getopt};
use super::attrs::mode_string;
use super::info::{group_name, strftime, user_name};
use crate::engine::clock::Time;
use crate::unix::fs::{Kind, Stat, path};

const WIDTH: usize = 80;
const SIX_MONTHS: u64 = 15_778_476;

struct Entry {
    name: String,
    st: Stat,
}

fn sort_entries(v: &mut [Entry], by_time: bool, by_size: bool, reverse: bool) {
    v.sort_by(|a, b| {
        let o = if by_time {
            b.st.meta.mtime.cmp(&a.st.meta.mtime).then_with(|| a.name.cmp(&b.name))
        } else if by_size {
            b.st.size.cmp(&a.st.size).then_with(|| a.name.cmp(&b.name))
        } else {
            a.name.cmp(&b.name)
        };
        if reverse { o.reverse() } else { o }
    });
}

fn time_field(t: Time, now: Time) -> String {
    let recent =
        t <= now && now.unix_secs() - t.unix_secs() < SIX_MONTHS || (t > now && t.unix_secs() - now.unix_secs() < 3600);
    if recent { strftime(t, "%b %e %H:%M") } else { strftime(t, "%b %e  %Y") }
}

fn blocks(st: &Stat) -> u64 {
    match st.kind {
        Kind::Dir => 4,
        Kind::Symlink => 0,
        Kind::File => st.size.div_ceil(4096) * 4,
    }
}

fn classify(e: &Entry) -> &'static str {
    match e.st.kind {
        Kind::Dir => "/",
        Kind::Symlink => "@",
        Kind::File if e.st.meta.mode & 0o111 != 0 => "*",
        Kind::File => "",
    }
}

fn long(c: &mut Ctx, entries: &[Entry], classify_f: bool) -> String {
    let now = c.io.now;
    let lw = entries.iter().map(|e| e.st.nlink.to_string().len()).max().unwrap_or(1);
    let rows: Vec<(String, String, String, String, &Entry)> = entries
        .iter()
        .map(|e| {
            let u = user_name(c, e.st.meta.uid).unwrap_or_else(|| e.st.meta.uid.to_string());
            let g = group_name(c, e.st.meta.gid).unwrap_or_else(|| e.st.meta.gid.to_string());
            (mode_string(e.st.kind, e.st.meta.mode), u, g, e.st.size.to_string(), e)
        })
        .collect();
    let (uw, gw, sw) = (
        rows.iter().map(|r| r.1.len()).max().unwrap_or(0),
        rows.iter().map(|r| r.2.len()).max().unwrap_or(0),
        rows.iter().map(|r| r.3.len()).max().unwrap_or(0),
    );
    let mut out = String::new();
    for (m, u, g, size, e) in &rows {
        let t = time_field(e.st.meta.mtime, now);
        let mut name = e.name.clone();
        if classify_f {
            name.push_str(classify(e));
        }
        if let Some(target) = &e.st.target {
            name = format!("{} -> {target}", e.name);
        }
        if c.gnu() {
            out.push_str(&format!("{m} {:>lw$} {u:<uw$} {g:<gw$} {size:>sw$} {t} {name}\n", e.st.nlink));
        } else {
            out.push_str(&format!("{m} {:>4} {u:<8} {g:<8} {size:>9} {t} {name}\n", e.st.nlink));
        }
    }
    out
}

fn columns(names: &[String], gnu: bool) -> String {
    if names.is_empty() {
        return String::new();
    }
    let n = names.len();
    let lens: Vec<usize> = names.iter().map(|s| s.chars().count()).collect();
    if !gnu {
        let colw = lens.iter().max().copied().unwrap_or(0) + 2;
        let ncols = ((WIDTH - 1) / colw).max(1);
        let nrows = n.div_ceil(ncols);
        let mut out = String::new();
        for r in 0..nrows {
            let mut line = String::new();
            for col in 0..ncols {
                let i = col * nrows + r;
                if i >= n {
                    break;
                }
                line.push_str(&names[i]);
                if (col + 1) * nrows + r < n {
                    line.push_str(&" ".repeat(colw - lens[i]));
                }
            }
            out.push_str(&line);
            out.push('\n');
        }
        return out;
    }
    let mut best = (1usize, vec![lens.iter().max().copied().unwrap_or(0)]);
    for ncols in (1..=n.min(WIDTH / 3 + 1)).rev() {
        let nrows = n.div_ceil(ncols);
        let real_cols = n.div_ceil(nrows);
        let widths: Vec<usize> = (0..real_cols)
            .map(|col| (0..nrows).filter_map(|r| lens.get(col * nrows + r)).max().copied().unwrap_or(0))
            .collect();
        let total: usize = widths.iter().enumerate().map(|(i, w)| if i + 1 < real_cols { w + 2 } else { *w }).sum();
        if total < WIDTH {
            best = (nrows, widths);
            break;
        }
    }
    let (nrows, widths) = best;
    let mut out = String::new();
    for r in 0..nrows {
        let mut line = String::new();
        let mut pos = 0usize;
        for (col, w) in widths.iter().enumerate() {
            let i = col * nrows + r;
            if i >= n {
                break;
            }
            line.push_str(&names[i]);
            pos += lens[i];
            if (col + 1) * nrows + r < n {
                let target = pos - lens[i] + w + 2;
                while (pos + 1) / 8 < target / 8 {
                    line.push('\t');
                    pos = (pos / 8 + 1) * 8;
                }
                while pos < target {
                    line.push(' ');
                    pos += 1;
                }
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

pub fn ls(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "laA1drtSRCFhinLHsGUX", "w") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, if c.gnu() { 2 } else { 1 })),
    };
    let operands = if o.operands.is_empty() { vec![".".to_string()] } else { o.operands.clone() };
    let long_fmt = o.has('l') || o.has('n');
    let one = o.has('1') || (!c.io.tty && !o.has('C'));
    let mut status = 0;
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for op in &operands {
        let abs = c.io.abs(op);
        let lst = c.io.fs().lstat(&abs);
        let st = match lst {
            Ok(s) if s.kind == Kind::Symlink && !long_fmt && !o.has('d') => c.io.fs().stat(&abs).or(Ok(s)),
            other => other,
        };
        match st {
            Ok(s) if s.kind == Kind::Dir && !o.has('d') => dirs.push((op.clone(), abs)),
            Ok(s) => files.push(Entry { name: op.clone(), st: s }),
            Err(e) => {
                if c.gnu() {
                    c.fail(&format!("cannot access '{op}': {}", e.message()));
                    status = 2;
                } else {
                    c.fail(&format!("{op}: {}", e.message()));
                    status = 1;
                }
            }
        }
    }
    sort_entries(&mut files, o.has('t'), o.has('S'), o.has('r'));
    dirs.sort();
    if o.has('r') {
        dirs.reverse();
    }
    let mut out = String::new();
    let show = |c: &mut Ctx, entries: &[Entry]| -> String {
        if long_fmt {
            long(c, entries, o.has('F'))
        } else {
            let names: Vec<String> = entries
                .iter()
                .map(|e| if o.has('F') { format!("{}{}", e.name, classify(e)) } else { e.name.clone() })
                .collect();
            if one { names.iter().map(|n| format!("{n}\n")).collect() } else { columns(&names, c.gnu()) }
        }
    };
    if !files.is_empty() {
        out.push_str(&show(c, &files));
    }
    let headers = operands.len() > 1 || o.has('R');
    let mut queue: Vec<(String, String, u32)> = dirs.into_iter().map(|(n, a)| (n, a, 0)).collect();
    let mut first = files.is_empty();
    let mut qi = 0;
    while qi < queue.len() && qi < 10_000 {
        let (name, abs, depth) = queue[qi].clone();
        qi += 1;
        let cred = c.io.cred;
        let names = match c.io.fs().readdir(&abs, cred) {
            Ok(n) => n,
            Err(e) => {
                if c.gnu() {
                    c.fail(&format!("cannot open directory '{name}': {}", e.message()));
                    status = 2;
                } else {
                    c.fail(&format!("can't open '{name}': {}", e.message()));
                    status = 1;
                }
                continue;
            }
        };
        let mut entries = Vec::new();
        if o.has('a') {
            for dot in [".", ".."] {
                if let Ok(st) = c.io.fs().stat(&path::absolute(&abs, dot)) {
                    entries.push(Entry { name: dot.into(), st });
                }
            }
        }
        for n in names {
            if n.starts_with('.') && !o.has('a') && !o.has('A') {
                continue;
            }
            if let Ok(st) = c.io.fs().lstat(&path::child(&abs, &n)) {
                entries.push(Entry { name: n, st });
            }
        }
        sort_entries(&mut entries, o.has('t'), o.has('S'), o.has('r'));
        if !first {
            out.push('\n');
        }
        first = false;
        if headers {
            out.push_str(&format!("{name}:\n"));
        }
        if long_fmt {
            let total: u64 = entries.iter().map(|e| blocks(&e.st)).sum();
            out.push_str(&format!("total {total}\n"));
        }
        out.push_str(&show(c, &entries));
        if o.has('R') && depth < 32 {
            let subs: Vec<(String, String, u32)> = entries
                .iter()
                .filter(|e| e.st.kind == Kind::Dir && e.name != "." && e.name != "..")
                .map(|e| (format!("{}/{}", name.trim_end_matches('/'), e.name), path::child(&abs, &e.name), depth + 1))
                .collect();
            for (k, s) in subs.into_iter().enumerate() {
                queue.insert(qi + k, s);
            }
        }
    }
    c.out(&out);
    Some(status)
}
