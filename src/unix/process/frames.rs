//! The frames of compound constructs, beside the scheduler in [`super::exec`]:
//! pipelines, command substitutions, compound commands and their redirections, `for`,
//! `case`, a shell reading lines from fd 0, and one step of a running program.
//!
//! Invariant: each function pushes back whatever remains to be done before returning.

use std::rc::Rc;

use super::expand::{Ctx, ExpErr};
use super::io::{self, Fd, In, Out, Read};
use super::task::{AfterWait, Frame, TState, Task};
use super::{Process, Sys};
use crate::unix::programs::Step;
use crate::unix::sh::ast::{Command, Compound, List, Pipeline};
use crate::unix::sh::{Origin, ParseErrorKind, Parser};

impl Process {
    /// Starts a pipeline: one command runs in this task; several run as tasks joined by pipes.
    pub(super) fn pipeline(&mut self, t: &mut Task, p: &Pipeline) {
        if p.bang {
            t.frames.push(Frame::Bang);
        }
        if p.cmds.len() == 1 {
            t.frames.push(Frame::Cmd { cmd: p.cmds[0].clone(), substs: Vec::new(), saved: None });
            return;
        }
        let n = p.cmds.len();
        let pipes: Vec<u32> = (0..n - 1).map(|_| self.bufs.new_pipe()).collect();
        let mut ids = Vec::new();
        for (i, cmd) in p.cmds.iter().enumerate() {
            let id = self.fork(t, vec![Frame::Cmd { cmd: cmd.clone(), substs: Vec::new(), saved: None }]);
            if let Some(c) = self.tasks.get_mut(&id) {
                if i > 0 {
                    c.fds.insert(0, Fd::In(In::Pipe(pipes[i - 1])));
                    c.closes.push((pipes[i - 1], false));
                }
                if i + 1 < n {
                    c.fds.insert(1, Fd::Out(Out::Pipe(pipes[i])));
                    c.closes.push((pipes[i], true));
                }
            }
            ids.push(id);
        }
        t.frames.push(Frame::Wait { tasks: ids, then: AfterWait::Status });
    }

    /// Starts a command substitution of `list` for the expanding frame just pushed.
    pub(super) fn start_subst(&mut self, t: &mut Task, list: Rc<List>) {
        let cap = self.bufs.new_capture();
        let id = self.fork(t, vec![Frame::Seq { list, idx: 0 }]);
        if let Some(c) = self.tasks.get_mut(&id) {
            c.fds.insert(1, Fd::Out(Out::Capture(cap)));
        }
        t.frames.push(Frame::Wait { tasks: vec![id], then: AfterWait::Subst(cap) });
    }

    pub(super) fn command(
        &mut self,
        t: &mut Task,
        cmd: Rc<Command>,
        substs: Vec<(String, i32)>,
        saved: Option<Vec<(String, super::shell::Var)>>,
        sys: &mut dyn Sys,
    ) {
        match &*cmd {
            Command::Simple(_) => self.simple(t, cmd, substs, saved, sys),
            Command::FuncDef { name, body } => {
                t.shell.funcs.insert(name.clone(), body.clone());
                t.shell.last = 0;
            }
            Command::Compound { body, redirs } => {
                if !redirs.is_empty() {
                    let snapshot = t.shell.vars.clone();
                    let r = {
                        let fs = &*sys.fs();
                        let mut ctx = Ctx { sh: &mut t.shell, fs, substs: &substs, next: 0 };
                        super::simple::expand_redirs(&mut ctx, redirs)
                    };
                    let list = match r {
                        Ok(l) => l,
                        Err(ExpErr::NeedSubst(l)) => {
                            t.shell.vars = snapshot;
                            t.frames.push(Frame::Cmd { cmd: cmd.clone(), substs, saved });
                            self.start_subst(t, l);
                            return;
                        }
                        Err(ExpErr::Fatal(m, s)) => return self.expansion_failed(t, &m, s, sys),
                    };
                    let old_fds = t.fds.clone();
                    if self.apply_redirs(t, &list, sys).is_err() {
                        t.fds = old_fds;
                        return;
                    }
                    t.frames.push(Frame::RestoreFds(old_fds));
                }
                match body {
                    Compound::Group(l) => t.frames.push(Frame::Seq { list: l.clone(), idx: 0 }),
                    Compound::Subshell(l) => {
                        let id = self.fork(t, vec![Frame::Seq { list: l.clone(), idx: 0 }]);
                        t.frames.push(Frame::Wait { tasks: vec![id], then: AfterWait::Status });
                    }
                    Compound::If { .. } => t.frames.push(Frame::If { cmd: cmd.clone(), arm: 0, phase: 0 }),
                    Compound::Loop { .. } => t.frames.push(Frame::Loop { cmd: cmd.clone(), phase: 0, status: 0 }),
                    Compound::For { .. } => {
                        t.frames.push(Frame::For { cmd: cmd.clone(), items: None, i: 0, substs: Vec::new() })
                    }
                    Compound::Case { .. } => t.frames.push(Frame::Case { cmd: cmd.clone(), substs: Vec::new() }),
                }
            }
        }
    }

    /// Reports an expansion error (or a special builtin's): a non-interactive shell exits.
    pub(super) fn expansion_failed(&mut self, t: &mut Task, msg: &str, status: i32, sys: &mut dyn Sys) {
        self.write_fd(t, 2, msg, sys);
        t.shell.last = status;
        if !t.shell.interactive {
            t.frames.clear();
        }
    }

    pub(super) fn for_loop(
        &mut self,
        t: &mut Task,
        cmd: Rc<Command>,
        items: Option<Vec<String>>,
        i: usize,
        substs: Vec<(String, i32)>,
        sys: &mut dyn Sys,
    ) {
        let Command::Compound { body: Compound::For { var, words, body }, .. } = &*cmd else { return };
        let items = match items {
            Some(x) => x,
            None => match words {
                None => t.shell.positional.clone(),
                Some(ws) => {
                    let snapshot = t.shell.vars.clone();
                    let r = Ctx { sh: &mut t.shell, fs: &*sys.fs(), substs: &substs, next: 0 }.fields(ws);
                    match r {
                        Ok(v) => v,
                        Err(ExpErr::NeedSubst(l)) => {
                            t.shell.vars = snapshot;
                            t.frames.push(Frame::For { cmd: cmd.clone(), items: None, i, substs });
                            self.start_subst(t, l);
                            return;
                        }
                        Err(ExpErr::Fatal(m, s)) => return self.expansion_failed(t, &m, s, sys),
                    }
                }
            },
        };
        if i == 0 && items.is_empty() {
            t.shell.last = 0;
            return;
        }
        if i < items.len() {
            let _ = t.shell.set(var, &items[i]);
            let body = body.clone();
            t.frames.push(Frame::For { cmd: cmd.clone(), items: Some(items), i: i + 1, substs });
            t.frames.push(Frame::Seq { list: body, idx: 0 });
        }
    }

    pub(super) fn case(&mut self, t: &mut Task, cmd: Rc<Command>, substs: Vec<(String, i32)>, sys: &mut dyn Sys) {
        let Command::Compound { body: Compound::Case { word, arms }, .. } = &*cmd else { return };
        let snapshot = t.shell.vars.clone();
        let fs = &*sys.fs();
        let mut ctx = Ctx { sh: &mut t.shell, fs, substs: &substs, next: 0 };
        let r = (|| {
            let w = ctx.string(word)?;
            for arm in arms {
                for p in &arm.patterns {
                    let pat = ctx.pat(p)?;
                    if super::pattern::matches(&pat, &w) {
                        return Ok(Some(arm.body.clone()));
                    }
                }
            }
            Ok(None)
        })();
        match r {
            Ok(Some(body)) => t.frames.push(Frame::Seq { list: body, idx: 0 }),
            Ok(None) => t.shell.last = 0,
            Err(ExpErr::NeedSubst(l)) => {
                t.shell.vars = snapshot;
                t.frames.push(Frame::Case { cmd: cmd.clone(), substs });
                self.start_subst(t, l);
            }
            Err(ExpErr::Fatal(m, s)) => self.expansion_failed(t, &m, s, sys),
        }
    }

    pub(super) fn interactive(&mut self, t: &mut Task, mut pending: String, sys: &mut dyn Sys) {
        let fd = t.fds.get(&0).cloned();
        match io::read_line_in(fd.as_ref(), &mut self.bufs) {
            Read::Data(line) => {
                pending.push_str(&line);
                match Parser::new(&pending, t.shell.dialect).parse_all() {
                    Ok(list) => {
                        t.frames.push(Frame::Interactive { pending: String::new() });
                        t.frames.push(Frame::Seq { list: Rc::new(list), idx: 0 });
                    }
                    Err(e) => {
                        let incomplete = matches!(
                            e.kind,
                            ParseErrorKind::Unexpected(crate::unix::sh::error::TokDesc::Eof, _)
                                | ParseErrorKind::UnterminatedQuote(_)
                                | ParseErrorKind::MissingBrace
                                | ParseErrorKind::EofInBackquote
                        );
                        if incomplete {
                            t.frames.push(Frame::Interactive { pending });
                        } else {
                            let origin = if t.shell.interactive { Origin::Interactive } else { t.shell.origin.clone() };
                            let msg = e.message(t.shell.dialect, &t.shell.argv0, &origin);
                            self.write_fd(t, 2, &msg, sys);
                            t.shell.last = 2;
                            if t.shell.interactive {
                                t.frames.push(Frame::Interactive { pending: String::new() });
                            } else {
                                t.frames.clear();
                            }
                        }
                    }
                }
            }
            Read::Eof => {
                if !pending.trim().is_empty()
                    && let Err(e) = Parser::new(&pending, t.shell.dialect).parse_all()
                {
                    let msg = e.message(t.shell.dialect, &t.shell.argv0, &t.shell.origin);
                    self.write_fd(t, 2, &msg, sys);
                    t.shell.last = 2;
                }
            }
            Read::WouldBlock => {
                t.frames.push(Frame::Interactive { pending });
                t.state = TState::WaitIn;
            }
        }
    }

    pub(super) fn exec_step(
        &mut self,
        t: &mut Task,
        mut prog: Box<dyn crate::unix::programs::Program>,
        pid: u32,
        cmdline: String,
        env: Vec<(String, String)>,
        sys: &mut dyn Sys,
    ) {
        let mut io = io::Io {
            fds: &t.fds,
            bufs: &mut self.bufs,
            sys,
            now: self.now,
            cwd: &t.shell.cwd,
            env: &env,
            cred: t.shell.cred,
            broken_pipe: false,
            pipe_full: false,
            tty: self.tty && matches!(t.fds.get(&1), Some(Fd::Out(Out::Stdout))),
        };
        let step = prog.step(&mut io);
        let (broken, full) = (io.broken_pipe, io.pipe_full);
        if broken {
            t.shell.last = 128 + 13;
            return;
        }
        match step {
            Step::Exit(c) => t.shell.last = c,
            Step::Exec { argv, env } => {
                if argv.is_empty() {
                    t.shell.last = 0;
                    return;
                }
                let replace = pid == t.pid && !t.is_shell;
                self.launch(t, argv, env, replace, sys);
            }
            other => {
                t.state = match other {
                    Step::Sleep(w) => TState::Sleep(w),
                    Step::Read => TState::WaitIn,
                    Step::Block => TState::Blocked,
                    _ => match (full, t.fds.get(&1)) {
                        (true, Some(Fd::Out(Out::Pipe(p)))) => TState::WaitOut(*p),
                        _ => TState::Ready,
                    },
                };
                t.frames.push(Frame::Exec { prog, pid, cmdline, env });
            }
        }
    }
}
