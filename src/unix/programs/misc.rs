//! Small tools: `seq`, `basename`, `dirname`, `sleep` (a timed wait on the simulated
//! clock) and `yes` (bounded by pipes and the output budget).
//!
//! Invariant: numeric arguments are parsed without panics.

use super::applets::Ctx;
use super::{Flavor, Program, Step};
use crate::engine::clock::Span;
use crate::unix::process::io::Io;

pub fn seq(c: &mut Ctx) -> Option<i32> {
    let nums: Vec<&String> = c.args().iter().filter(|a| !a.starts_with("-s")).collect();
    let parse = |s: &String| s.parse::<i64>().ok();
    let (first, step, last) = match nums.as_slice() {
        [l] => (Some(1), Some(1), parse(l)),
        [f, l] => (parse(f), Some(1), parse(l)),
        [f, s, l] => (parse(f), parse(s), parse(l)),
        _ => {
            c.fail("missing operand");
            return Some(1);
        }
    };
    let (Some(f), Some(s), Some(l)) = (first, step, last) else {
        let bad = nums.iter().find(|n| parse(n).is_none()).map(|s| s.as_str()).unwrap_or("");
        c.fail(&format!("invalid floating point argument: '{bad}'"));
        return Some(1);
    };
    let mut out = String::new();
    let mut v = f;
    let mut n = 0;
    while s != 0 && ((s > 0 && v <= l) || (s < 0 && v >= l)) && n < 200_000 {
        out.push_str(&v.to_string());
        out.push('\n');
        v += s;
        n += 1;
    }
    c.out(&out);
    Some(0)
}

pub fn basename(c: &mut Ctx) -> Option<i32> {
    let args = c.args().to_vec();
    let Some(p) = args.first() else {
        c.fail("missing operand");
        return Some(1);
    };
    let trimmed = p.trim_end_matches('/');
    let mut b = if trimmed.is_empty() && !p.is_empty() {
        "/".to_string()
    } else {
        trimmed.rsplit('/').next().unwrap_or("").to_string()
    };
    if let Some(suf) = args.get(1)
        && b != *suf
        && b.ends_with(suf.as_str())
    {
        b.truncate(b.len() - suf.len());
    }
    c.out(&format!("{b}\n"));
    Some(0)
}

pub fn dirname(c: &mut Ctx) -> Option<i32> {
    let Some(p) = c.args().first().cloned() else {
        c.fail("missing operand");
        return Some(1);
    };
    let t = p.trim_end_matches('/');
    let d = match t.rfind('/') {
        None => if p.starts_with('/') { "/" } else { "." }.to_string(),
        Some(0) => "/".to_string(),
        Some(i) => t[..i].trim_end_matches('/').to_string(),
    };
    let d = if d.is_empty() { "/".to_string() } else { d };
    c.out(&format!("{d}\n"));
    Some(0)
}

/// `sleep N`: wakes at start + N seconds.
#[derive(Clone, Debug)]
pub struct Sleep {
    secs_ms: u64,
    wake: Option<crate::engine::clock::Time>,
}

impl Sleep {
    pub fn create(argv: Vec<String>, flavor: Flavor) -> Option<Box<dyn Program>> {
        let args = &argv[1.min(argv.len())..];
        let mut total: u64 = 0;
        let mut bad = None;
        for a in args {
            let (num, mul) = match a.chars().last() {
                Some('s') => (&a[..a.len() - 1], 1000),
                Some('m') => (&a[..a.len() - 1], 60_000),
                Some('h') => (&a[..a.len() - 1], 3_600_000),
                Some('d') => (&a[..a.len() - 1], 86_400_000),
                _ => (a.as_str(), 1000),
            };
            match num.parse::<f64>() {
                Ok(v) if v >= 0.0 && v.is_finite() => total = total.saturating_add((v * mul as f64) as u64),
                Ok(v) if v.is_infinite() && v > 0.0 => total = u64::MAX,
                _ => bad = Some(a.clone()),
            }
        }
        if args.is_empty() || bad.is_some() {
            let msg = match (flavor, bad) {
                (Flavor::Gnu, None) => "sleep: missing operand\nTry 'sleep --help' for more information.\n".to_string(),
                (Flavor::Gnu, Some(b)) => format!("sleep: invalid time interval '{b}'\nTry 'sleep --help' for more information.\n"),
                (Flavor::Busybox, None) => "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n".to_string(),
                (Flavor::Busybox, Some(b)) => format!("sleep: invalid number '{b}'\n"),
            };
            return Some(Box::new(super::builtins_print(msg, 1)));
        }
        Some(Box::new(Sleep { secs_ms: total, wake: None }))
    }
}

impl Program for Sleep {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.secs_ms == u64::MAX {
            return Step::Block;
        }
        let wake = *self.wake.get_or_insert(io.now + Span::millis(self.secs_ms));
        if io.now >= wake { Step::Exit(0) } else { Step::Sleep(wake) }
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// `yes [text]`: writes lines until its reader goes away (or the output budget ends the
/// `run` call).
#[derive(Clone, Debug)]
pub struct Yes {
    pub argv: Vec<String>,
    pub sent: u64,
}

impl Program for Yes {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        let line = if self.argv.len() > 1 { self.argv[1..].join(" ") } else { "y".to_string() };
        let chunk = format!("{line}\n").repeat(64);
        io.out(&chunk);
        self.sent += 64;
        Step::Yield
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}
