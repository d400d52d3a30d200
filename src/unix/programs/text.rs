//! `echo` (busybox/GNU, and dash's escape-interpreting builtin) and `printf`.
//!
//! Invariant: formats are interpreted without panics, whatever the arguments.

use super::applets::Ctx;
use super::{Flavor, Program};

/// Backslash escapes of `echo -e` / `printf %b`: returns the text and whether `\c` stopped it.
pub fn escapes(s: &str) -> (String, bool) {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i] != '\\' || i + 1 >= cs.len() {
            out.push(cs[i]);
            i += 1;
            continue;
        }
        i += 1;
        match cs[i] {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'e' => out.push('\x1b'),
            'f' => out.push('\x0c'),
            'v' => out.push('\x0b'),
            '\\' => out.push('\\'),
            'c' => return (out, true),
            '0'..='7' => {
                let start = if cs[i] == '0' { i + 1 } else { i };
                let mut v = 0u32;
                let mut j = start;
                while j < cs.len() && j < start + 3 && cs[j].is_digit(8) {
                    v = v * 8 + cs[j].to_digit(8).unwrap_or(0);
                    j += 1;
                }
                out.push(char::from_u32(v & 0xff).unwrap_or('?'));
                i = j;
                continue;
            }
            'x' => {
                let mut v = 0u32;
                let mut j = i + 1;
                while j < cs.len() && j < i + 3 && cs[j].is_ascii_hexdigit() {
                    v = v * 16 + cs[j].to_digit(16).unwrap_or(0);
                    j += 1;
                }
                if j == i + 1 {
                    out.push_str("\\x");
                } else {
                    out.push(char::from_u32(v).unwrap_or('?'));
                }
                i = j;
                continue;
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
        i += 1;
    }
    (out, false)
}

pub fn echo(c: &mut Ctx) -> Option<i32> {
    let args = c.args();
    let (mut newline, mut esc) = (true, false);
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a.len() > 1 && a.starts_with('-') && a[1..].chars().all(|x| matches!(x, 'n' | 'e' | 'E')) {
            for x in a[1..].chars() {
                match x {
                    'n' => newline = false,
                    'e' => esc = true,
                    _ => esc = false,
                }
            }
            i += 1;
        } else {
            break;
        }
    }
    let mut text = args[i..].join(" ");
    if esc {
        let (t, stop) = escapes(&text);
        text = t;
        if stop {
            newline = false;
        }
    }
    if newline {
        text.push('\n');
    }
    c.out(&text);
    Some(0)
}

/// dash's builtin `echo`: only `-n`, and escapes always interpreted.
pub fn echo_dash(argv: Vec<String>) -> Option<Box<dyn Program>> {
    fn main(c: &mut Ctx) -> Option<i32> {
        let mut args = c.args();
        let mut newline = true;
        if args.first().is_some_and(|a| a == "-n") {
            newline = false;
            args = &args[1..];
        }
        let (mut text, stop) = escapes(&args.join(" "));
        if newline && !stop {
            text.push('\n');
        }
        c.out(&text);
        Some(0)
    }
    Some(Box::new(super::applets::OneShot { main, argv, flavor: Flavor::Gnu }))
}

fn parse_num(s: &str) -> Option<i64> {
    let t = s.trim();
    if let Some(q) = t.strip_prefix('\'').or_else(|| t.strip_prefix('"')) {
        return q.chars().next().map(|c| c as i64);
    }
    t.parse().ok()
}

pub fn printf(c: &mut Ctx) -> Option<i32> {
    let args = c.args().to_vec();
    let Some(fmt) = args.first().cloned() else {
        if c.gnu() {
            c.fail("missing operand\nTry 'printf --help' for more information.");
        } else {
            c.io.err("Usage: printf FORMAT [ARGUMENT]...\n");
        }
        return Some(1);
    };
    let rest = &args[1..];
    let mut ai = 0usize;
    let mut out = String::new();
    let mut status = 0;
    let fc: Vec<char> = fmt.chars().collect();
    let mut rounds = 0;
    loop {
        rounds += 1;
        let mut i = 0;
        let mut used = false;
        while i < fc.len() {
            let ch = fc[i];
            if ch == '\\' {
                let mut j = i + 1;
                while j < fc.len() && j < i + 4 && (j == i + 1 || fc[j].is_ascii_hexdigit()) {
                    j += 1;
                    if fc[i + 1] != '0' && fc[i + 1] != 'x' && !fc[i + 1].is_digit(8) {
                        break;
                    }
                }
                let seg: String = fc[i..j.min(fc.len())].iter().collect();
                let (t, stop) = escapes(&seg);
                out.push_str(&t);
                if stop {
                    c.out(&out);
                    return Some(status);
                }
                i = j.max(i + 2).min(fc.len());
                continue;
            }
            if ch != '%' {
                out.push(ch);
                i += 1;
                continue;
            }
            if fc.get(i + 1) == Some(&'%') {
                out.push('%');
                i += 2;
                continue;
            }
            let mut j = i + 1;
            let mut flags = String::new();
            while j < fc.len() && "-+ 0#".contains(fc[j]) {
                flags.push(fc[j]);
                j += 1;
            }
            let mut width = String::new();
            while j < fc.len() && fc[j].is_ascii_digit() {
                width.push(fc[j]);
                j += 1;
            }
            let mut prec: Option<usize> = None;
            if fc.get(j) == Some(&'.') {
                j += 1;
                let mut p = String::new();
                while j < fc.len() && fc[j].is_ascii_digit() {
                    p.push(fc[j]);
                    j += 1;
                }
                prec = Some(p.parse().unwrap_or(0));
            }
            let Some(&conv) = fc.get(j) else {
                out.push_str(&fc[i..].iter().collect::<String>());
                break;
            };
            i = j + 1;
            let arg = rest.get(ai).cloned();
            if arg.is_some() {
                used = true;
            }
            ai += 1;
            let a = arg.unwrap_or_default();
            let body = match conv {
                's' => match prec {
                    Some(p) => a.chars().take(p).collect(),
                    None => a,
                },
                'b' => escapes(&a).0,
                'c' => a.chars().next().map(String::from).unwrap_or_default(),
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                    let n = if a.is_empty() {
                        0
                    } else {
                        match parse_num(&a) {
                            Some(n) => n,
                            None => {
                                if c.gnu() {
                                    c.fail(&format!("'{a}': expected a numeric value"));
                                } else {
                                    c.fail(&format!("invalid number '{a}'"));
                                }
                                status = 1;
                                0
                            }
                        }
                    };
                    match conv {
                        'x' => format!("{n:x}"),
                        'X' => format!("{n:X}"),
                        'o' => format!("{n:o}"),
                        _ => {
                            let s = n.to_string();
                            if flags.contains('+') && n >= 0 { format!("+{s}") } else { s }
                        }
                    }
                }
                'f' | 'g' | 'e' => {
                    let v: f64 = a.trim().parse().unwrap_or(0.0);
                    format!("{:.*}", prec.unwrap_or(6), v)
                }
                other => format!("%{other}"),
            };
            let w: usize = width.parse().unwrap_or(0);
            let len = body.chars().count();
            if len < w {
                let pad = w - len;
                if flags.contains('-') {
                    out.push_str(&body);
                    out.push_str(&" ".repeat(pad));
                } else if flags.contains('0') && matches!(conv, 'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'f') {
                    let (sign, digits) =
                        if let Some(d) = body.strip_prefix('-') { ("-", d.to_string()) } else { ("", body.clone()) };
                    out.push_str(sign);
                    out.push_str(&"0".repeat(pad));
                    out.push_str(&digits);
                } else {
                    out.push_str(&" ".repeat(pad));
                    out.push_str(&body);
                }
            } else {
                out.push_str(&body);
            }
        }
        if !used || ai >= rest.len() || rounds > 10_000 {
            break;
        }
    }
    c.out(&out);
    Some(status)
}
