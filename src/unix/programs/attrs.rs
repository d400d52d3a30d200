//! Attributes and lookups: `chmod` (octal and symbolic modes), `stat`, `which`, and the
//! `-rw-r--r--` mode strings `ls` shares.
//!
//! Invariant: an invalid mode changes nothing.

use super::applets::{Ctx, getopt};
use super::info::{group_name, user_name};
use crate::unix::fs::Kind;

/// Applies a chmod mode (`755`, `u+x`, `go-w`, `a=r,u+w`) to `old`.
pub fn parse_mode(spec: &str, old: u32) -> Option<u32> {
    if let Ok(m) = u32::from_str_radix(spec, 8) {
        return (m <= 0o7777).then_some(m);
    }
    let mut mode = old;
    for clause in spec.split(',') {
        let who_end = clause.find(['+', '-', '=']).unwrap_or(clause.len());
        let (who, rest) = clause.split_at(who_end);
        let mut mask = 0;
        for w in who.chars() {
            mask |= match w {
                'u' => 0o4700,
                'g' => 0o2070,
                'o' => 0o1007,
                'a' => 0o7777,
                _ => return None,
            };
        }
        if who.is_empty() {
            mask = 0o7777;
        }
        let mut chars = rest.chars();
        let op = chars.next()?;
        let mut bits = 0;
        for p in chars {
            bits |= match p {
                'r' => 0o444,
                'w' => 0o222,
                'x' => 0o111,
                's' => 0o6000,
                't' => 0o1000,
                _ => return None,
            };
        }
        let bits = bits & mask;
        mode = match op {
            '+' => mode | bits,
            '-' => mode & !bits,
            '=' => (mode & !(mask & 0o777)) | bits,
            _ => return None,
        };
    }
    Some(mode)
}

pub fn chmod(c: &mut Ctx) -> Option<i32> {
    let args: Vec<String> = c.args().iter().filter(|a| a.as_str() != "-R").cloned().collect();
    let Some(spec) = args.first().cloned() else {
        c.fail("missing operand");
        return Some(1);
    };
    let mut status = 0;
    for f in &args[1..] {
        let abs = c.io.abs(f);
        let cred = c.io.cred;
        let mut bad = false;
        let r = c.io.fs().set_meta(&abs, true, cred, &mut |m| match parse_mode(&spec, m.mode) {
            Some(n) => m.mode = n,
            None => bad = true,
        });
        if bad {
            c.fail(&format!("invalid mode '{spec}'"));
            return Some(1);
        }
        if let Err(e) = r {
            super::fileutils::err2(c, format!("{f}: {}", e.message()), format!("cannot access '{f}': {}", e.message()));
            status = 1;
        }
    }
    Some(status)
}

/// `-rw-r--r--` for a kind and mode.
pub fn mode_string(kind: Kind, mode: u32) -> String {
    let mut s = String::from(match kind {
        Kind::Dir => 'd',
        Kind::Symlink => 'l',
        Kind::File => '-',
    });
    let bits = [
        (0o400, 'r'),
        (0o200, 'w'),
        (0o100, 'x'),
        (0o040, 'r'),
        (0o020, 'w'),
        (0o010, 'x'),
        (0o004, 'r'),
        (0o002, 'w'),
        (0o001, 'x'),
    ];
    for (i, (b, ch)) in bits.iter().enumerate() {
        let on = mode & b != 0;
        let special = match i {
            2 => mode & 0o4000 != 0,
            5 => mode & 0o2000 != 0,
            8 => mode & 0o1000 != 0,
            _ => false,
        };
        s.push(match (on, special) {
            (true, false) => *ch,
            (false, false) => '-',
            (true, true) => {
                if i == 8 {
                    't'
                } else {
                    's'
                }
            }
            (false, true) => {
                if i == 8 {
                    'T'
                } else {
                    'S'
                }
            }
        });
    }
    s
}

pub fn stat(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "LtfF", "c") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let mut status = 0;
    for f in &o.operands {
        let abs = c.io.abs(f);
        let st = if o.has('L') { c.io.fs().stat(&abs) } else { c.io.fs().lstat(&abs) };
        let st = match st {
            Ok(s) => s,
            Err(e) => {
                super::fileutils::err2(
                    c,
                    format!("can't stat '{f}': {}", e.message()),
                    format!("cannot statx '{f}': {}", e.message()),
                );
                status = 1;
                continue;
            }
        };
        let user = user_name(c, st.meta.uid).unwrap_or_else(|| "UNKNOWN".into());
        let group = group_name(c, st.meta.gid).unwrap_or_else(|| "UNKNOWN".into());
        if let Some(fmt) = o.value('c') {
            let mut out = String::new();
            let mut it = fmt.chars();
            while let Some(ch) = it.next() {
                if ch != '%' {
                    out.push(ch);
                    continue;
                }
                match it.next() {
                    Some('n') => out.push_str(f),
                    Some('s') => out.push_str(&st.size.to_string()),
                    Some('a') => out.push_str(&format!("{:o}", st.meta.mode)),
                    Some('A') => out.push_str(&mode_string(st.kind, st.meta.mode)),
                    Some('U') => out.push_str(&user),
                    Some('G') => out.push_str(&group),
                    Some('u') => out.push_str(&st.meta.uid.to_string()),
                    Some('g') => out.push_str(&st.meta.gid.to_string()),
                    Some('F') => out.push_str(match st.kind {
                        Kind::Dir => "directory",
                        Kind::Symlink => "symbolic link",
                        Kind::File if st.size == 0 => "regular empty file",
                        Kind::File => "regular file",
                    }),
                    Some('Y') => out.push_str(&st.meta.mtime.unix_secs().to_string()),
                    Some(other) => {
                        out.push('%');
                        out.push(other);
                    }
                    None => out.push('%'),
                }
            }
            c.out(&format!("{out}\n"));
            continue;
        }
        let kind = match st.kind {
            Kind::Dir => "directory",
            Kind::Symlink => "symbolic link",
            Kind::File if st.size == 0 => "regular empty file",
            Kind::File => "regular file",
        };
        let name = match &st.target {
            Some(t) => format!("{f} -> {t}"),
            None => f.clone(),
        };
        let blocks = st.size.div_ceil(4096) * 8;
        let time = format!("{}.000000000 +0000", super::info::strftime(st.meta.mtime, "%Y-%m-%d %H:%M:%S"));
        let dev = if c.gnu() { "Device: 0,60\t" } else { "Device: 3ch/60d\t" };
        c.out(&format!(
            "  File: {name}\n  Size: {:<10}\tBlocks: {blocks:<10} IO Block: 4096   {kind}\n{dev}Inode: 1           Links: 1\nAccess: ({:04o}/{})  Uid: ({:>5}/{:>8})   Gid: ({:>5}/{:>8})\nAccess: {time}\nModify: {time}\nChange: {time}\n",
            st.size,
            st.meta.mode,
            mode_string(st.kind, st.meta.mode),
            st.meta.uid,
            user,
            st.meta.gid,
            group
        ));
        if c.gnu() {
            c.out(&format!(" Birth: {time}\n"));
        }
    }
    Some(status)
}

pub fn which(c: &mut Ctx) -> Option<i32> {
    let path_var =
        c.io.getenv("PATH").unwrap_or("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").to_string();
    let mut status = 0;
    let names: Vec<String> = c.args().iter().filter(|a| !a.starts_with('-')).cloned().collect();
    for n in names {
        let cwd = c.io.cwd.to_string();
        let cred = c.io.cred;
        match crate::unix::process::launch::resolve(&*c.io.fs(), &n, &path_var, &cwd, cred) {
            Ok((p, _)) => c.out(&format!("{p}\n")),
            Err(_) => status = 1,
        }
    }
    Some(status)
}
