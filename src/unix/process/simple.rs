//! Simple commands: expansion of words, assignments and redirection targets; opening
//! redirections; then dispatch to a special builtin, a function, a builtin, or a program
//! found through `PATH`.
//!
//! Invariant: a failed redirection runs nothing and leaves the descriptors as they were.

use std::rc::Rc;

use super::expand::{Ctx, ExpErr};
use super::io::{Fd, In, Out};
use super::shell::Var;
use super::task::{Frame, Task};
use super::{Process, Sys};
use crate::unix::fs::{Errno, path};
use crate::unix::sh::Dialect;
use crate::unix::sh::ast::{Command, Redir, RedirOp};

/// An expanded redirection: descriptor, operator, target text.
pub type ExpRedir = (u32, RedirOp, String);

/// Special builtins: assignments before them persist, errors in them end a script.
pub const SPECIAL: &[&str] = &[
    ":", ".", "break", "continue", "eval", "exec", "exit", "export", "readonly", "return", "set", "shift", "trap",
    "unset",
];

pub fn expand_redirs(ctx: &mut Ctx<'_>, redirs: &[Redir]) -> Result<Vec<ExpRedir>, ExpErr> {
    let mut out = Vec::new();
    for r in redirs {
        let target = ctx.string(&r.target)?;
        out.push((r.fd.unwrap_or(r.op.default_fd()), r.op, target));
    }
    Ok(out)
}

impl Process {
    pub(super) fn simple(
        &mut self,
        t: &mut Task,
        cmd: Rc<Command>,
        substs: Vec<(String, i32)>,
        saved: Option<Vec<(String, Var)>>,
        sys: &mut dyn Sys,
    ) {
        let Command::Simple(s) = &*cmd else { return };
        t.shell.line = s.line;
        let snapshot = t.shell.vars.clone();
        let r = {
            let fs = &*sys.fs();
            let mut ctx = Ctx { sh: &mut t.shell, fs, substs: &substs, next: 0 };
            (|| {
                let argv = ctx.fields(&s.words)?;
                let mut assigns = Vec::new();
                for (n, w) in &s.assigns {
                    assigns.push((n.clone(), ctx.string(w)?));
                }
                let redirs = expand_redirs(&mut ctx, &s.redirs)?;
                Ok((argv, assigns, redirs))
            })()
        };
        let (argv, assigns, redirs): (Vec<String>, Vec<(String, String)>, Vec<ExpRedir>) = match r {
            Ok(x) => x,
            Err(ExpErr::NeedSubst(list)) => {
                t.shell.vars = snapshot;
                t.frames.push(Frame::Cmd { cmd: cmd.clone(), substs, saved });
                self.start_subst(t, list);
                return;
            }
            Err(ExpErr::Fatal(msg, status)) => return self.expansion_failed(t, &msg, status, sys),
        };
        if t.shell.xtrace {
            let mut line: Vec<String> = assigns.iter().map(|(k, v)| format!("{k}={v}")).collect();
            line.extend(argv.iter().cloned());
            let msg = format!("+ {}\n", line.join(" "));
            self.write_fd(t, 2, &msg, sys);
        }
        if !redirs.is_empty() {
            let old = t.fds.clone();
            if self.apply_redirs(t, &redirs, sys).is_err() {
                t.fds = old;
                return;
            }
            t.frames.push(Frame::RestoreFds(old));
        }
        if argv.is_empty() {
            if substs.is_empty() {
                t.shell.last = 0;
            }
            for (k, v) in &assigns {
                if let Err(name) = t.shell.set(k, v) {
                    self.readonly_error(t, &name, sys);
                    return;
                }
            }
            return;
        }
        let name = argv[0].clone();
        if SPECIAL.contains(&name.as_str()) {
            for (k, v) in &assigns {
                let _ = t.shell.set(k, v);
            }
            return self.builtin(t, &argv, sys);
        }
        if let Some(body) = t.shell.funcs.get(&name).cloned() {
            if t.shell.depth >= 200 {
                let msg = format!("{}{name}: function nesting too deep\n", t.shell.prefix());
                self.write_fd(t, 2, &msg, sys);
                t.shell.last = 2;
                return;
            }
            for (k, v) in &assigns {
                let _ = t.shell.set(k, v);
            }
            let saved = std::mem::replace(&mut t.shell.positional, argv[1..].to_vec());
            t.shell.depth += 1;
            t.frames.push(Frame::Call { saved });
            t.frames.push(Frame::Cmd { cmd: body, substs: Vec::new(), saved: None });
            return;
        }
        if super::builtins::is_builtin(&name, t.shell.dialect) {
            if !assigns.is_empty() {
                let restore: Vec<(String, Option<String>)> =
                    assigns.iter().map(|(k, _)| (k.clone(), t.shell.get(k).map(String::from))).collect();
                t.frames.push(Frame::RestoreVars(restore));
                for (k, v) in &assigns {
                    let _ = t.shell.set(k, v);
                }
            }
            return self.builtin(t, &argv, sys);
        }
        let mut env = t.shell.env();
        for (k, v) in assigns {
            match env.iter_mut().find(|(ek, _)| *ek == k) {
                Some(e) => e.1 = v,
                None => env.push((k, v)),
            }
        }
        self.launch(t, argv, env, false, sys);
    }

    pub(super) fn readonly_error(&mut self, t: &mut Task, name: &str, sys: &mut dyn Sys) {
        let msg = match t.shell.dialect {
            Dialect::Bash => format!("{}{name}: readonly variable\n", t.shell.prefix()),
            _ => format!("{}{name}: is read only\n", t.shell.prefix()),
        };
        if t.shell.dialect == Dialect::Bash {
            self.write_fd(t, 2, &msg, sys);
            t.shell.last = 1;
        } else {
            self.expansion_failed(t, &msg, 2, sys);
        }
    }

    /// Opens expanded redirections on `t`'s descriptors; prints the shell's error and
    /// sets `$?` on failure.
    pub(super) fn apply_redirs(&mut self, t: &mut Task, redirs: &[ExpRedir], sys: &mut dyn Sys) -> Result<(), ()> {
        for (fd, op, target) in redirs {
            let fd = *fd;
            let r = match op {
                RedirOp::In | RedirOp::ReadWrite => self.open_in(t, target, sys).map(|f| {
                    t.fds.insert(fd, f);
                }),
                RedirOp::Out | RedirOp::Append | RedirOp::Both => {
                    self.open_out(t, target, *op == RedirOp::Append, sys).map(|o| {
                        if *op == RedirOp::Both {
                            t.fds.insert(2, Fd::Out(o.clone()));
                            t.fds.insert(1, Fd::Out(o));
                        } else {
                            t.fds.insert(fd, Fd::Out(o));
                        }
                    })
                }
                RedirOp::DupOut | RedirOp::DupIn => {
                    if target == "-" {
                        t.fds.remove(&fd);
                        Ok(())
                    } else if let Some(src) = target.parse::<u32>().ok().and_then(|n| t.fds.get(&n).cloned()) {
                        t.fds.insert(fd, src);
                        Ok(())
                    } else if *op == RedirOp::DupOut
                        && target.parse::<u32>().is_err()
                        && t.shell.dialect != Dialect::Dash
                    {
                        self.open_out(t, target, false, sys).map(|o| {
                            t.fds.insert(1, Fd::Out(o.clone()));
                            t.fds.insert(2, Fd::Out(o));
                        })
                    } else {
                        Err(format!("{}{target}: Bad file descriptor\n", t.shell.prefix()))
                    }
                }
                RedirOp::HereDoc => {
                    let id = self.bufs.new_text(target.clone());
                    t.fds.insert(fd, Fd::In(In::Text(id)));
                    Ok(())
                }
            };
            if let Err(msg) = r {
                self.write_fd(t, 2, &msg, sys);
                t.shell.last = if t.shell.dialect == Dialect::Dash { 2 } else { 1 };
                return Err(());
            }
        }
        Ok(())
    }

    fn open_in(&mut self, t: &mut Task, target: &str, sys: &mut dyn Sys) -> Result<Fd, String> {
        if target == "/dev/null" {
            return Ok(Fd::In(In::Null));
        }
        if target == "/dev/stdin" {
            return Ok(t.fds.get(&0).cloned().unwrap_or(Fd::In(In::Null)));
        }
        let abs = path::absolute(&t.shell.cwd, target);
        match sys.fs().read(&abs, t.shell.cred) {
            Ok(data) => {
                let id = self.bufs.new_text(String::from_utf8_lossy(&data.bytes()).into_owned());
                Ok(Fd::In(In::Text(id)))
            }
            Err(e) => Err(match t.shell.dialect {
                Dialect::Ash => format!("{}can't open {target}: {}\n", t.shell.prefix(), ash_open_msg(e)),
                Dialect::Dash => format!(
                    "{}cannot open {target}: {}\n",
                    t.shell.prefix(),
                    if e == Errno::ENOENT { "No such file" } else { e.message() }
                ),
                Dialect::Bash => format!("{}{target}: {}\n", t.shell.prefix(), e.message()),
            }),
        }
    }

    fn open_out(&mut self, t: &mut Task, target: &str, append: bool, sys: &mut dyn Sys) -> Result<Out, String> {
        match target {
            "/dev/null" => return Ok(Out::Null),
            "/dev/stdout" => return Ok(out_of(t, 1)),
            "/dev/stderr" => return Ok(out_of(t, 2)),
            _ => {}
        }
        let abs = path::absolute(&t.shell.cwd, target);
        let now = self.now;
        let r = sys.fs().write(&abs, b"", append, t.shell.cred, now);
        match r {
            Ok(()) => Ok(Out::File(sys.fs().realpath(&abs).unwrap_or(abs))),
            Err(e) => Err(match t.shell.dialect {
                Dialect::Ash => format!(
                    "{}can't create {target}: {}\n",
                    t.shell.prefix(),
                    if e == Errno::ENOENT { "nonexistent directory" } else { e.message() }
                ),
                Dialect::Dash => format!("{}cannot create {target}: {}\n", t.shell.prefix(), dash_msg(e)),
                Dialect::Bash => format!("{}{target}: {}\n", t.shell.prefix(), e.message()),
            }),
        }
    }
}

fn out_of(t: &Task, fd: u32) -> Out {
    match t.fds.get(&fd) {
        Some(Fd::Out(o)) => o.clone(),
        _ => Out::Null,
    }
}

fn ash_open_msg(e: Errno) -> &'static str {
    match e {
        Errno::ENOENT => "no such file",
        other => other.message(),
    }
}

fn dash_msg(e: Errno) -> &'static str {
    match e {
        Errno::ENOENT => "Directory nonexistent",
        other => other.message(),
    }
}
