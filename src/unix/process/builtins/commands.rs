//! Builtins that need more than a few lines: `cd`, `set`, `trap`, `kill`, `type` /
//! `command`, `.`/`eval`, and the unwinding behind `break`, `continue` and `return`.
//!
//! Invariant: unwinding restores every descriptor and variable saved on the way.

use std::rc::Rc;

use super::super::task::{Frame, Task};
use super::super::{Process, Signal, Sys};
use super::{is_builtin, single_quote};
use crate::unix::fs::{Kind, path};
use crate::unix::sh::{Dialect, Parser};

impl Process {
    pub(super) fn run_source(&mut self, t: &mut Task, src: &str, sys: &mut dyn Sys) {
        match Parser::new(src, t.shell.dialect).parse_all() {
            Ok(list) => t.frames.push(Frame::Seq { list: Rc::new(list), idx: 0 }),
            Err(e) => {
                let msg = e.message(t.shell.dialect, &t.shell.argv0, &t.shell.origin);
                self.expansion_failed(t, &msg, 2, sys);
            }
        }
    }

    pub(super) fn unwind_one(&mut self, t: &mut Task, f: Option<Frame>) {
        match f {
            Some(Frame::RestoreFds(fds)) => t.fds = fds,
            Some(Frame::RestoreVars(vars)) => {
                for (k, v) in vars {
                    let _ = match v {
                        Some(v) => t.shell.set(&k, &v),
                        None => t.shell.unset(&k),
                    };
                }
            }
            _ => {}
        }
    }

    pub(super) fn unwind_loops(&mut self, t: &mut Task, mut n: u32, cont: bool) {
        if !t
            .frames
            .iter()
            .rev()
            .take_while(|f| !matches!(f, Frame::Call { .. }))
            .any(|f| matches!(f, Frame::Loop { .. } | Frame::For { .. }))
        {
            return;
        }
        while let Some(f) = t.frames.last() {
            match f {
                Frame::Call { .. } => return,
                Frame::Loop { .. } | Frame::For { .. } => {
                    n -= 1;
                    if n == 0 {
                        if cont {
                            if let Some(Frame::Loop { cmd, status, .. }) = t.frames.last().cloned() {
                                t.frames.pop();
                                t.frames.push(Frame::Loop { cmd, phase: 0, status });
                            }
                        } else {
                            t.frames.pop();
                        }
                        t.shell.last = 0;
                        return;
                    }
                    t.frames.pop();
                }
                _ => {
                    let f = t.frames.pop();
                    self.unwind_one(t, f);
                }
            }
        }
    }

    pub(super) fn cd(&mut self, t: &mut Task, args: &[String], sys: &mut dyn Sys) {
        let d = t.shell.dialect;
        let args: Vec<&String> = args.iter().filter(|a| !matches!(a.as_str(), "-L" | "-P")).collect();
        let (target, print) = match args.first().map(|s| s.as_str()) {
            None => match t.shell.get("HOME") {
                Some(h) => (h.to_string(), false),
                None => {
                    if d == Dialect::Bash {
                        let msg = format!("{}HOME not set\n", t.shell.builtin_prefix("cd"));
                        return self.err(t, msg, 1, sys);
                    }
                    return;
                }
            },
            Some("-") => (t.shell.get("OLDPWD").unwrap_or(&t.shell.cwd).to_string(), true),
            Some("") => return,
            Some(a) => (a.to_string(), false),
        };
        let logical = path::normalize(&t.shell.cwd, &target);
        let r = sys
            .fs()
            .stat(&logical)
            .and_then(|s| if s.kind == Kind::Dir { Ok(()) } else { Err(crate::unix::fs::Errno::ENOTDIR) });
        match r {
            Ok(()) => {
                let old = std::mem::replace(&mut t.shell.cwd, logical.clone());
                let _ = t.shell.set("OLDPWD", &old);
                let _ = t.shell.set("PWD", &logical);
                if print {
                    self.out(t, &format!("{logical}\n"), sys);
                }
            }
            Err(e) => {
                let p = t.shell.builtin_prefix("cd");
                let (msg, st) = match d {
                    Dialect::Ash => (format!("{p}can't cd to {target}: {}\n", e.message()), 2),
                    Dialect::Dash => (format!("{p}can't cd to {target}\n"), 2),
                    Dialect::Bash => (format!("{p}{target}: {}\n", e.message()), 1),
                };
                self.err(t, msg, st, sys);
            }
        }
    }

    pub(super) fn set(&mut self, t: &mut Task, args: &[String], sys: &mut dyn Sys) {
        if args.is_empty() {
            let mut vars: Vec<(String, String)> =
                t.shell.vars.iter().map(|(k, v)| (k.clone(), v.value.clone())).collect();
            vars.sort();
            let text: String = vars.iter().map(|(k, v)| format!("{k}={}\n", single_quote(v))).collect();
            return self.out(t, &text, sys);
        }
        let mut i = 0;
        while i < args.len() {
            let a = &args[i];
            if a == "--" {
                i += 1;
                t.shell.positional = args[i..].to_vec();
                return;
            }
            let on = a.starts_with('-');
            if (on || a.starts_with('+')) && a.len() > 1 {
                for c in a[1..].chars() {
                    match c {
                        'e' => t.shell.errexit = on,
                        'x' => t.shell.xtrace = on,
                        'u' => t.shell.nounset = on,
                        _ => {}
                    }
                }
                if a[1..].starts_with('o') {
                    i += 1;
                }
                i += 1;
                continue;
            }
            t.shell.positional = args[i..].to_vec();
            return;
        }
    }

    pub(super) fn trap(&mut self, t: &mut Task, args: &[String], sys: &mut dyn Sys) {
        if args.is_empty() {
            let mut text = String::new();
            for (sig, action) in &t.shell.traps {
                let name = if *sig == 0 { "EXIT".to_string() } else { Signal(*sig).name() };
                text.push_str(&format!("trap -- {} {name}\n", single_quote(action)));
            }
            return self.out(t, &text, sys);
        }
        let (action, sigs) = if args.len() == 1 || args[0].parse::<u32>().is_ok() && args.len() == 1 {
            ("-".to_string(), args)
        } else {
            (args[0].clone(), &args[1..])
        };
        for s in sigs {
            let num =
                if matches!(s.as_str(), "EXIT" | "0" | "SIGEXIT") { Some(0) } else { Signal::parse(s).map(|x| x.0) };
            let Some(num) = num else {
                let msg = match t.shell.dialect {
                    Dialect::Dash => format!("trap: {s}: bad trap\n"),
                    _ => format!("{}{s}: invalid signal specification\n", t.shell.builtin_prefix("trap")),
                };
                return self.err(t, msg, 1, sys);
            };
            if action == "-" {
                t.shell.traps.remove(&num);
            } else {
                t.shell.traps.insert(num, action.clone());
            }
        }
    }

    pub(super) fn kill(&mut self, t: &mut Task, args: &[String], sys: &mut dyn Sys) {
        let d = t.shell.dialect;
        let mut sig = Signal::TERM;
        let mut i = 0;
        if args.first().is_some_and(|a| a == "-l") {
            let names: Vec<String> = (1..=31).map(|n| Signal(n).name()).filter(|n| n.parse::<u32>().is_err()).collect();
            let text = format!("{}\n", names.join(" "));
            return self.out(t, &text, sys);
        }
        if let Some(a) = args.first() {
            if a == "-s" {
                sig = args.get(1).and_then(|s| Signal::parse(s)).unwrap_or(Signal::TERM);
                i = 2;
            } else if let Some(s) = a.strip_prefix('-') {
                match Signal::parse(s) {
                    Some(x) => sig = x,
                    None => {
                        let msg = match d {
                            Dialect::Ash => format!("{}bad signal name '{s}'\n", t.shell.prefix()),
                            Dialect::Dash => format!(
                                "{}Illegal option -{}\n",
                                t.shell.builtin_prefix("kill"),
                                s.chars().next().unwrap_or('-')
                            ),
                            Dialect::Bash => {
                                format!("{}{s}: invalid signal specification\n", t.shell.builtin_prefix("kill"))
                            }
                        };
                        return self.err(t, msg, if d == Dialect::Dash { 2 } else { 1 }, sys);
                    }
                }
                i = 1;
            }
        }
        let pids = &args[i.min(args.len())..];
        if pids.is_empty() {
            let msg = match d {
                Dialect::Ash => format!("{}you need to specify whom to kill\n", t.shell.prefix()),
                Dialect::Dash => format!(
                    "{}Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n",
                    t.shell.builtin_prefix("kill")
                ),
                Dialect::Bash => {
                    "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n"
                        .to_string()
                }
            };
            return self.err(t, msg, if d == Dialect::Ash { 1 } else { 2 }, sys);
        }
        for p in pids {
            let pid: u32 = p.parse().unwrap_or(0);
            if let Some(&(_, task)) = t.jobs.iter().find(|j| j.0 == pid) {
                if !sig.ignored_by_default() {
                    self.finish(task, 128 + sig.0 as i32);
                }
                continue;
            }
            if pid == t.shell.pid {
                self.self_signals.push(sig);
                continue;
            }
            if !sys.kill(pid, sig) {
                let msg = match d {
                    Dialect::Ash => format!("{}can't kill pid {p}: No such process\n", t.shell.prefix()),
                    Dialect::Dash => format!("{}No such process\n\n", t.shell.builtin_prefix("kill")),
                    Dialect::Bash => format!("{}({p}) - No such process\n", t.shell.builtin_prefix("kill")),
                };
                self.err(t, msg, 1, sys);
            }
        }
    }

    pub(super) fn type_cmd(&mut self, t: &mut Task, name: &str, args: &[String], sys: &mut dyn Sys) {
        let verbose_v = args.first().is_some_and(|a| a == "-v" || a == "-V");
        if name == "command" && !verbose_v {
            if args.is_empty() {
                return;
            }
            let env = t.shell.env();
            if is_builtin(&args[0], t.shell.dialect) {
                return self.builtin(t, args, sys);
            }
            return self.launch(t, args.to_vec(), env, false, sys);
        }
        let names: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
        let mut status = 0;
        for n in names {
            let found = if t.shell.funcs.contains_key(n.as_str()) {
                Some((n.to_string(), format!("{n} is a function")))
            } else if is_builtin(n, t.shell.dialect) {
                Some((n.to_string(), format!("{n} is a shell builtin")))
            } else {
                let path_var = t.shell.path();
                super::super::launch::resolve(&*sys.fs(), n, &path_var, &t.shell.cwd, t.shell.cred)
                    .ok()
                    .map(|(p, _)| (p.clone(), format!("{n} is {p}")))
            };
            match found {
                Some((short, long)) => {
                    let line = if name == "command" { format!("{short}\n") } else { format!("{long}\n") };
                    self.out(t, &line, sys);
                }
                None => {
                    status = 1;
                    if name == "type" {
                        let msg = match t.shell.dialect {
                            Dialect::Bash => format!("{}type: {n}: not found\n", t.shell.prefix()),
                            _ => format!("{n}: not found\n"),
                        };
                        let fd = if t.shell.dialect == Dialect::Bash { 2 } else { 1 };
                        self.write_fd(t, fd, &msg, sys);
                    }
                }
            }
        }
        t.shell.last = status;
    }
}
