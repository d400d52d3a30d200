//! System information tools: `env`, `hostname`, `uname`, `id`, `whoami`, `date`, `ps`,
//! `kill`, and the `/etc/passwd` / `/etc/group` lookups other tools share.
//!
//! Invariant: users and groups come only from the container's own files; a missing
//! entry shows as a number, as real tools do.

use super::applets::{Ctx, getopt};
use crate::engine::clock::{Span, Time};
use crate::unix::fs::Cred;
use crate::unix::process::Signal;

/// One line of `/etc/passwd`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pw {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    pub home: String,
}

fn read_etc(c: &mut Ctx, file: &str) -> String {
    let data = c.io.fs().read(file, Cred::ROOT);
    data.map(|d| String::from_utf8_lossy(&d.bytes()).into_owned()).unwrap_or_default()
}

pub fn passwd(c: &mut Ctx) -> Vec<Pw> {
    read_etc(c, "/etc/passwd")
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.len() >= 6).then(|| Pw {
                name: f[0].into(),
                uid: f[2].parse().unwrap_or(u32::MAX),
                gid: f[3].parse().unwrap_or(u32::MAX),
                home: f[5].into(),
            })
        })
        .collect()
}

/// (name, gid, members)
pub fn groups(c: &mut Ctx) -> Vec<(String, u32, Vec<String>)> {
    read_etc(c, "/etc/group")
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.len() >= 3).then(|| {
                let members = f
                    .get(3)
                    .map(|m| m.split(',').filter(|x| !x.is_empty()).map(String::from).collect())
                    .unwrap_or_default();
                (f[0].to_string(), f[2].parse().unwrap_or(u32::MAX), members)
            })
        })
        .collect()
}

pub fn user_name(c: &mut Ctx, uid: u32) -> Option<String> {
    passwd(c).into_iter().find(|p| p.uid == uid).map(|p| p.name)
}

pub fn group_name(c: &mut Ctx, gid: u32) -> Option<String> {
    groups(c).into_iter().find(|g| g.1 == gid).map(|g| g.0)
}

/// `env [-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]` and `printenv [NAME]...`.
#[derive(Clone, Debug)]
pub struct Env {
    pub argv: Vec<String>,
    pub flavor: super::Flavor,
}

impl super::Program for Env {
    fn step(&mut self, io: &mut crate::unix::process::io::Io<'_>) -> super::Step {
        let argv = self.argv.clone();
        let mut c = Ctx { argv: &argv, flavor: self.flavor, io };
        let args = c.args().to_vec();
        if c.name() == "printenv" && !args.is_empty() {
            let mut status = 0;
            let mut out = String::new();
            for a in &args {
                match c.io.getenv(a) {
                    Some(v) => out.push_str(&format!("{v}\n")),
                    None => status = 1,
                }
            }
            c.out(&out);
            return super::Step::Exit(status);
        }
        let mut vars: Vec<(String, String)> = c.io.env.to_vec();
        let mut i = 0;
        while i < args.len() {
            let a = &args[i];
            if a == "-i" || a == "-" || a == "--ignore-environment" {
                vars.clear();
            } else if a == "-u" {
                if let Some(n) = args.get(i + 1) {
                    vars.retain(|(k, _)| k != n);
                }
                i += 1;
            } else if let Some((k, v)) = a.split_once('=').filter(|_| !a.starts_with('-')) {
                vars.retain(|(ek, _)| ek != k);
                vars.push((k.into(), v.into()));
            } else if !a.starts_with('-') {
                return super::Step::Exec { argv: args[i..].to_vec(), env: vars };
            }
            i += 1;
        }
        let out: String = vars.iter().map(|(k, v)| format!("{k}={v}\n")).collect();
        c.out(&out);
        super::Step::Exit(0)
    }
    fn clone_box(&self) -> Box<dyn super::Program> {
        Box::new(self.clone())
    }
}

pub fn hostname(c: &mut Ctx) -> Option<i32> {
    let h = c.io.sys.hostname();
    c.out(&format!("{h}\n"));
    Some(0)
}

pub fn uname(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "asnrvmpio", "") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let k = c.io.sys.kernel();
    let host = c.io.sys.hostname();
    let all = o.has('a');
    let mut parts: Vec<String> = Vec::new();
    let want = |f: char| all || o.has(f);
    if want('s') || o.flags.is_empty() {
        parts.push(k.sysname.clone());
    }
    if want('n') {
        parts.push(host);
    }
    if want('r') {
        parts.push(k.release.clone());
    }
    if want('v') {
        parts.push(k.version.clone());
    }
    if want('m') {
        parts.push(k.machine.clone());
    }
    if o.has('p') && !all {
        parts.push(if c.gnu() { "unknown".into() } else { k.machine.clone() });
    }
    if o.has('i') && !all {
        parts.push(if c.gnu() { "unknown".into() } else { k.machine.clone() });
    }
    if want('o') {
        parts.push("GNU/Linux".into());
    }
    c.out(&format!("{}\n", parts.join(" ")));
    Some(0)
}

pub fn id(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "ugGnr", "") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let pw = passwd(c);
    let (uid, gid, name) = match o.operands.first() {
        Some(u) => match pw.iter().find(|p| &p.name == u || p.uid.to_string() == *u) {
            Some(p) => (p.uid, p.gid, Some(p.name.clone())),
            None => {
                if c.gnu() {
                    c.fail(&format!("'{u}': no such user"));
                } else {
                    c.fail(&format!("unknown user {u}"));
                }
                return Some(1);
            }
        },
        None => {
            let cred = c.io.cred;
            (cred.uid, cred.gid, pw.iter().find(|p| p.uid == cred.uid).map(|p| p.name.clone()))
        }
    };
    let grs = groups(c);
    let gname = |g: u32| grs.iter().find(|x| x.1 == g).map(|x| x.0.clone());
    let mut gids = vec![gid];
    if let Some(n) = &name {
        for g in &grs {
            if g.2.contains(n) && !gids.contains(&g.1) {
                gids.push(g.1);
            }
        }
    }
    let fmt = |id: u32, n: Option<String>| match n {
        Some(n) => format!("{id}({n})"),
        None => id.to_string(),
    };
    let text = if o.has('u') {
        if o.has('n') { name.unwrap_or(uid.to_string()) } else { uid.to_string() }
    } else if o.has('g') {
        if o.has('n') { gname(gid).unwrap_or(gid.to_string()) } else { gid.to_string() }
    } else if o.has('G') {
        gids.iter()
            .map(|g| if o.has('n') { gname(*g).unwrap_or(g.to_string()) } else { g.to_string() })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        let gl: Vec<String> = gids.iter().map(|g| fmt(*g, gname(*g))).collect();
        format!("uid={} gid={} groups={}", fmt(uid, name.clone()), fmt(gid, gname(gid)), gl.join(","))
    };
    c.out(&format!("{text}\n"));
    Some(0)
}

pub fn whoami(c: &mut Ctx) -> Option<i32> {
    let uid = c.io.cred.uid;
    match user_name(c, uid) {
        Some(n) => {
            c.out(&format!("{n}\n"));
            Some(0)
        }
        None => {
            if c.gnu() {
                c.fail(&format!("cannot find name for user ID {uid}"));
            } else {
                c.fail(&format!("unknown uid {uid}"));
            }
            Some(1)
        }
    }
}

const DAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Day of the year (1-366) of `t`.
fn day_of_year(t: Time) -> u32 {
    let c = t.civil();
    const BEFORE: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let leap = (c.year % 4 == 0 && c.year % 100 != 0) || c.year % 400 == 0;
    BEFORE[(c.month as usize).saturating_sub(1) % 12] + c.day + u32::from(leap && c.month > 2)
}

/// `strftime` for UTC.
pub fn strftime(t: Time, fmt: &str) -> String {
    let c = t.civil();
    let mut out = String::new();
    let mut it = fmt.chars().peekable();
    while let Some(ch) = it.next() {
        if ch != '%' {
            out.push(ch);
            continue;
        }
        let Some(f) = it.next() else {
            out.push('%');
            break;
        };
        let h12 = if c.hour.is_multiple_of(12) { 12 } else { c.hour % 12 };
        match f {
            'Y' => out.push_str(&c.year.to_string()),
            'y' => out.push_str(&format!("{:02}", c.year % 100)),
            'C' => out.push_str(&format!("{:02}", c.year / 100)),
            'm' => out.push_str(&format!("{:02}", c.month)),
            'd' => out.push_str(&format!("{:02}", c.day)),
            'e' => out.push_str(&format!("{:>2}", c.day)),
            'H' => out.push_str(&format!("{:02}", c.hour)),
            'k' => out.push_str(&format!("{:>2}", c.hour)),
            'I' => out.push_str(&format!("{h12:02}")),
            'l' => out.push_str(&format!("{h12:>2}")),
            'M' => out.push_str(&format!("{:02}", c.minute)),
            'S' => out.push_str(&format!("{:02}", c.second)),
            'N' => out.push_str(&format!("{:09}", c.nanos)),
            'p' => out.push_str(if c.hour < 12 { "AM" } else { "PM" }),
            'P' => out.push_str(if c.hour < 12 { "am" } else { "pm" }),
            'a' => out.push_str(c.weekday_abbrev()),
            'A' => out.push_str(DAYS[c.weekday as usize % 7]),
            'b' | 'h' => out.push_str(c.month_abbrev()),
            'B' => out.push_str(MONTHS[(c.month as usize).saturating_sub(1) % 12]),
            'u' => out.push_str(&(if c.weekday == 0 { 7 } else { c.weekday }).to_string()),
            'w' => out.push_str(&c.weekday.to_string()),
            'j' => out.push_str(&format!("{:03}", day_of_year(t))),
            's' => out.push_str(&t.unix_secs().to_string()),
            'Z' => out.push_str("UTC"),
            'z' => out.push_str("+0000"),
            'T' => out.push_str(&format!("{:02}:{:02}:{:02}", c.hour, c.minute, c.second)),
            'R' => out.push_str(&format!("{:02}:{:02}", c.hour, c.minute)),
            'D' => out.push_str(&format!("{:02}/{:02}/{:02}", c.month, c.day, c.year % 100)),
            'F' => out.push_str(&format!("{}-{:02}-{:02}", c.year, c.month, c.day)),
            'c' => out.push_str(&strftime(t, "%a %b %e %H:%M:%S %Y")),
            'x' => out.push_str(&strftime(t, "%m/%d/%y")),
            'X' => out.push_str(&strftime(t, "%H:%M:%S")),
            'n' => out.push('\n'),
            't' => out.push('\t'),
            '%' => out.push('%'),
            other => {
                out.push('%');
                out.push(other);
            }
        }
    }
    out
}

pub fn date(c: &mut Ctx) -> Option<i32> {
    let args = c.args().to_vec();
    let mut fmt = "%a %b %e %H:%M:%S %Z %Y".to_string();
    let mut t = c.io.now;
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if let Some(f) = a.strip_prefix('+') {
            fmt = f.to_string();
        } else if a == "-u" || a == "--utc" {
        } else if a == "-R" {
            fmt = "%a, %d %b %Y %H:%M:%S %z".into();
        } else if a == "-I" || a == "--iso-8601" {
            fmt = "%Y-%m-%d".into();
        } else if a == "-d" || a == "--date" {
            let v = args.get(i + 1).cloned().unwrap_or_default();
            i += 1;
            match v.strip_prefix('@').and_then(|s| s.parse::<u64>().ok()) {
                Some(s) => t = Time(s.saturating_mul(1_000_000_000)),
                None if v == "now" => {}
                None => {
                    c.fail(&format!("invalid date '{v}'"));
                    return Some(1);
                }
            }
        } else if a.starts_with('-') {
            let ch = a.chars().nth(1).unwrap_or('-');
            return Some(c.bad_option(ch, 1));
        }
        i += 1;
    }
    let _ = Span::ZERO;
    c.out(&format!("{}\n", strftime(t, &fmt)));
    Some(0)
}

pub fn ps(c: &mut Ctx) -> Option<i32> {
    let procs = c.io.sys.processes();
    let args = c.args().to_vec();
    let mut out = String::new();
    if !c.gnu() {
        out.push_str("PID   USER     TIME  COMMAND\n");
        for p in &procs {
            out.push_str(&format!("{:>5} {:<8} {:>5} {}\n", p.pid, p.user, "0:00", p.command));
        }
    } else if args.iter().any(|a| a.contains('e') || a.contains('f') || a.contains("aux") || a.contains('x')) {
        out.push_str("UID          PID    PPID  C STIME TTY          TIME CMD\n");
        let stime = strftime(c.io.now, "%H:%M");
        for p in &procs {
            let ppid = if p.pid == 1 { 0 } else { 1 };
            out.push_str(&format!(
                "{:<8} {:>7} {:>7}  0 {stime} ?        00:00:00 {}\n",
                p.user, p.pid, ppid, p.command
            ));
        }
    } else {
        out.push_str("    PID TTY          TIME CMD\n");
        for p in &procs {
            let name = p.command.split_whitespace().next().unwrap_or("").rsplit('/').next().unwrap_or("").to_string();
            out.push_str(&format!("{:>7} ?        00:00:00 {name}\n", p.pid));
        }
    }
    c.out(&out);
    Some(0)
}

/// `tty`: the terminal on standard input, or `not a tty` (exit 1).
pub fn tty(c: &mut Ctx) -> Option<i32> {
    if c.io.tty && c.io.stdin_is_terminal() {
        c.out("/dev/pts/0\n");
        Some(0)
    } else {
        c.out("not a tty\n");
        Some(1)
    }
}

pub fn kill(c: &mut Ctx) -> Option<i32> {
    let args = c.args().to_vec();
    let mut sig = Signal::TERM;
    let mut rest: &[String] = &args;
    if let Some(a) = args.first() {
        if a == "-l" {
            let names: Vec<String> = (1..=31).map(|n| Signal(n).name()).filter(|n| n.parse::<u32>().is_err()).collect();
            c.out(&format!("{}\n", names.join(" ")));
            return Some(0);
        }
        if a == "-s" {
            sig = args.get(1).and_then(|s| Signal::parse(s)).unwrap_or(Signal::TERM);
            rest = &args[2.min(args.len())..];
        } else if let Some(s) = a.strip_prefix('-') {
            match Signal::parse(s) {
                Some(x) => sig = x,
                None => {
                    c.fail(&format!("bad signal name '{s}'"));
                    return Some(1);
                }
            }
            rest = &args[1..];
        }
    }
    let mut status = 0;
    for p in rest {
        let pid: u32 = p.parse().unwrap_or(0);
        if !c.io.sys.kill(pid, sig) {
            c.fail(&format!("can't kill pid {p}: No such process"));
            status = 1;
        }
    }
    Some(status)
}
