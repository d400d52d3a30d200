//! The scheduler and the frames of compound constructs: lists, and-or lists,
//! pipelines, `if`, loops, `for`, `case`, subshells, waits, traps and the two ways a
//! shell reads its program (a script/`-c` string, or lines from fd 0).
//!
//! Invariant: each `step_task` pops exactly one frame and pushes back what remains to be
//! done, so every task can stop between any two steps.

use std::rc::Rc;

use super::expand::{Ctx, ExpErr};
use super::io::{self, Fd, In, Out, PIPE_CAP, Read};
use super::task::{AfterWait, Frame, TState, Task};
use super::{OUTPUT_BUDGET, Process, RunStatus, STEP_BUDGET, Sys};
use crate::engine::clock::Time;
use crate::unix::programs::Step;
use crate::unix::sh::ast::{Command, Compound, List, Pipeline};
use crate::unix::sh::{Origin, ParseErrorKind, Parser};

/// Task id of the main flow of control.
pub const MAIN: u32 = 0;

impl Process {
    /// Runs until the process exits, sleeps past `until`, waits for input or blocks.
    pub fn run(&mut self, sys: &mut dyn Sys, until: Time) -> RunStatus {
        if let Some(c) = self.exit {
            return RunStatus::Exited(c);
        }
        let earliest =
            self.tasks.values().filter_map(|t| if let TState::Sleep(w) = t.state { Some(w) } else { None }).min();
        let target = match earliest {
            Some(w) if w < sys.now() => w,
            _ => sys.now(),
        };
        if target > self.now {
            self.now = target;
        }
        self.bufs.written = 0;
        let mut steps = 0u32;
        loop {
            let mut progressed = false;
            let ids: Vec<u32> = self.tasks.keys().copied().collect();
            for id in ids {
                let mut slice = 0;
                while slice < 256 && self.ready(id) {
                    self.step_task(id, sys);
                    while let Some(sig) = self.self_signals.pop() {
                        self.signal(sig, sys);
                    }
                    steps += 1;
                    slice += 1;
                    progressed = true;
                    if let Some(c) = self.exit {
                        return RunStatus::Exited(c);
                    }
                }
                if steps >= STEP_BUDGET || self.bufs.written >= OUTPUT_BUDGET {
                    return RunStatus::Running;
                }
            }
            if progressed {
                continue;
            }
            let wake =
                self.tasks.values().filter_map(|t| if let TState::Sleep(w) = t.state { Some(w) } else { None }).min();
            match wake {
                Some(w) if w <= until => {
                    if w > self.now {
                        self.now = w;
                    }
                }
                Some(w) => return RunStatus::Sleeping { wake: w },
                None => {
                    let waits_stdin = self.tasks.values().any(|t| {
                        t.state == TState::WaitIn
                            && matches!(t.fds.get(&0), Some(Fd::In(In::Stdin)))
                            && !self.bufs.stdin_closed
                    });
                    return if waits_stdin { RunStatus::WaitingInput } else { RunStatus::Blocked };
                }
            }
        }
    }

    /// Whether task `id` can run now (turning satisfied waits into `Ready`).
    pub(super) fn ready(&mut self, id: u32) -> bool {
        let Some(t) = self.tasks.get(&id) else { return false };
        let ok = match &t.state {
            TState::Ready => true,
            TState::Sleep(w) => *w <= self.now,
            TState::WaitIn => {
                let fd = t.fds.get(&0);
                io::input_done(fd, &self.bufs)
                    || match fd {
                        Some(Fd::In(In::Stdin)) => !self.bufs.stdin.is_empty(),
                        Some(Fd::In(In::Pipe(p))) => self.bufs.pipes.get(p).is_some_and(|p| !p.data.is_empty()),
                        _ => true,
                    }
            }
            TState::WaitOut(p) => self.bufs.pipes.get(p).is_none_or(|p| p.data.len() < PIPE_CAP || p.read_closed),
            TState::WaitTasks(ts) => ts.iter().all(|x| self.finished.contains_key(x) || !self.tasks.contains_key(x)),
            TState::Blocked | TState::Done(_) => false,
        };
        if ok && let Some(t) = self.tasks.get_mut(&id) {
            t.state = TState::Ready;
        }
        ok
    }

    fn step_task(&mut self, id: u32, sys: &mut dyn Sys) {
        let Some(mut t) = self.tasks.remove(&id) else { return };
        self.step(&mut t, id, sys);
        if t.frames.is_empty() && t.state != TState::Blocked {
            if t.is_shell && t.shell.traps.contains_key(&0) {
                let action = t.shell.traps.remove(&0).unwrap_or_default();
                self.run_trap(&mut t, &action);
                self.tasks.insert(id, t);
                return;
            }
            let code = t.shell.last;
            self.tasks.insert(id, t);
            self.finish(id, code);
            return;
        }
        self.tasks.insert(id, t);
    }

    /// Ends task `id` with `code`: closes its pipes, records its status.
    pub(super) fn finish(&mut self, id: u32, code: i32) {
        let Some(t) = self.tasks.get_mut(&id) else { return };
        t.state = TState::Done(code);
        t.frames.clear();
        let closes = std::mem::take(&mut t.closes);
        for (p, write) in closes {
            if let Some(pipe) = self.bufs.pipes.get_mut(&p) {
                if write {
                    pipe.write_closed = true;
                } else {
                    pipe.read_closed = true;
                }
            }
        }
        self.finished.insert(id, code);
        if id == MAIN {
            self.exit = Some(code);
            self.tasks.retain(|k, _| *k == MAIN);
        }
        let done_bg: Vec<u32> = self.finished.keys().copied().collect();
        if done_bg.len() > 256 {
            for k in done_bg.iter().take(128) {
                self.finished.remove(k);
                self.tasks.remove(k);
            }
        }
    }

    /// Starts a new task running `frames`, with a copy of `parent`'s shell and descriptors.
    pub(super) fn fork(&mut self, parent: &Task, frames: Vec<Frame>) -> u32 {
        self.next_task += 1;
        let id = self.next_task;
        let mut t = parent.clone();
        t.frames = frames;
        t.state = TState::Ready;
        t.closes = Vec::new();
        t.pending = Vec::new();
        t.jobs = Vec::new();
        t.is_shell = true;
        self.next_pid += 1;
        t.pid = self.next_pid;
        self.tasks.insert(id, t);
        id
    }

    pub(super) fn write_fd(&mut self, t: &Task, fd: u32, text: &str, sys: &mut dyn Sys) {
        if let Some(Fd::Out(o)) = t.fds.get(&fd) {
            let (mut b, mut f) = (false, false);
            io::write_out(o, text, &mut self.bufs, sys, self.now, t.shell.cred, &mut b, &mut f);
        }
    }

    pub(super) fn run_trap(&mut self, t: &mut Task, action: &str) {
        let status = t.shell.last;
        match Parser::new(action, t.shell.dialect).parse_all() {
            Ok(list) => {
                t.frames.push(Frame::TrapEnd { status });
                t.frames.push(Frame::Seq { list: Rc::new(list), idx: 0 });
            }
            Err(_) => t.shell.last = status,
        }
    }

    fn step(&mut self, t: &mut Task, id: u32, sys: &mut dyn Sys) {
        if t.is_shell && !t.pending.is_empty() {
            let interruptible = !matches!(t.frames.last(), Some(Frame::Exec { .. }) | Some(Frame::Wait { .. }));
            if interruptible {
                let sig = t.pending.remove(0);
                if let Some(Frame::WaitBuiltin { .. }) = t.frames.last() {
                    t.frames.pop();
                    t.shell.last = 128 + sig as i32;
                }
                let action = t.shell.traps.get(&sig).cloned().unwrap_or_default();
                self.run_trap(t, &action);
                return;
            }
        }
        let Some(frame) = t.frames.pop() else { return };
        match frame {
            Frame::Script(mut parser) => match parser.next_command() {
                Ok(Some(list)) => {
                    t.frames.push(Frame::Script(parser));
                    t.frames.push(Frame::Seq { list: Rc::new(list), idx: 0 });
                }
                Ok(None) => {}
                Err(e) => {
                    let msg = e.message(t.shell.dialect, &t.shell.argv0, &t.shell.origin);
                    self.write_fd(t, 2, &msg, sys);
                    t.shell.last = 2;
                    t.frames.clear();
                }
            },
            Frame::Interactive { pending } => self.interactive(t, pending, sys),
            Frame::Seq { list, idx } => {
                if idx >= list.len() {
                    return;
                }
                t.frames.push(Frame::Seq { list: list.clone(), idx: idx + 1 });
                if list[idx].background {
                    let child = self.fork(t, vec![Frame::AndOr { list: list.clone(), idx, next: 0 }]);
                    if let Some(c) = self.tasks.get_mut(&child) {
                        if !t.shell.interactive {
                            c.fds.insert(0, Fd::In(In::Null));
                        }
                        t.shell.last_bg = Some(c.pid);
                        t.jobs.push((c.pid, child));
                    }
                    t.shell.last = 0;
                } else {
                    t.frames.push(Frame::AndOr { list, idx, next: 0 });
                }
            }
            Frame::AndOr { list, idx, next } => {
                let ao = &list[idx];
                if next == 0 {
                    t.frames.push(Frame::AndOr { list: list.clone(), idx, next: 1 });
                    self.pipeline(t, &ao.first);
                } else if next <= ao.rest.len() {
                    let (and, p) = &ao.rest[next - 1];
                    let ok = t.shell.last == 0;
                    t.frames.push(Frame::AndOr { list: list.clone(), idx, next: next + 1 });
                    if *and == ok {
                        self.pipeline(t, p);
                    }
                }
            }
            Frame::Bang => t.shell.last = (t.shell.last == 0) as i32,
            Frame::Cmd { cmd, substs, saved } => self.command(t, cmd, substs, saved, sys),
            Frame::If { cmd, arm, phase } => {
                let Command::Compound { body: Compound::If { arms, otherwise }, .. } = &*cmd else { return };
                match phase {
                    0 => {
                        let cond = arms[arm].0.clone();
                        t.frames.push(Frame::If { cmd, arm, phase: 1 });
                        t.frames.push(Frame::Seq { list: cond, idx: 0 });
                    }
                    1 => {
                        if t.shell.last == 0 {
                            let body = arms[arm].1.clone();
                            t.frames.push(Frame::If { cmd, arm, phase: 2 });
                            t.frames.push(Frame::Seq { list: body, idx: 0 });
                        } else if arm + 1 < arms.len() {
                            t.frames.push(Frame::If { cmd: cmd.clone(), arm: arm + 1, phase: 0 });
                        } else if let Some(o) = otherwise {
                            let o = o.clone();
                            t.frames.push(Frame::If { cmd, arm, phase: 2 });
                            t.frames.push(Frame::Seq { list: o, idx: 0 });
                        } else {
                            t.shell.last = 0;
                        }
                    }
                    _ => {}
                }
            }
            Frame::Loop { cmd, phase, status } => {
                let Command::Compound { body: Compound::Loop { until, cond, body }, .. } = &*cmd else { return };
                match phase {
                    0 => {
                        let cond = cond.clone();
                        t.frames.push(Frame::Loop { cmd, phase: 1, status });
                        t.frames.push(Frame::Seq { list: cond, idx: 0 });
                    }
                    1 => {
                        if (t.shell.last == 0) != *until {
                            let body = body.clone();
                            t.frames.push(Frame::Loop { cmd, phase: 2, status });
                            t.frames.push(Frame::Seq { list: body, idx: 0 });
                        } else {
                            t.shell.last = status;
                        }
                    }
                    _ => {
                        let status = t.shell.last;
                        t.frames.push(Frame::Loop { cmd, phase: 0, status });
                    }
                }
            }
            Frame::For { cmd, items, i, substs } => self.for_loop(t, cmd, items, i, substs, sys),
            Frame::Case { cmd, substs } => self.case(t, cmd, substs, sys),
            Frame::RestoreFds(fds) => t.fds = fds,
            Frame::Call { saved } => {
                t.shell.positional = saved;
                t.shell.depth = t.shell.depth.saturating_sub(1);
            }
            Frame::Exec { prog, pid, cmdline } => self.exec_step(t, prog, pid, cmdline, sys),
            Frame::Wait { tasks, then } => {
                if !tasks.iter().all(|x| self.finished.contains_key(x) || !self.tasks.contains_key(x)) {
                    t.state = TState::WaitTasks(tasks.clone());
                    t.frames.push(Frame::Wait { tasks, then });
                    return;
                }
                let mut status = 0;
                for x in &tasks {
                    status = self.finished.remove(x).unwrap_or(127);
                    self.tasks.remove(x);
                }
                t.shell.last = status;
                if let AfterWait::Subst(cap) = then {
                    let text = self.bufs.captures.remove(&cap).unwrap_or_default();
                    match t.frames.last_mut() {
                        Some(Frame::Cmd { substs, .. })
                        | Some(Frame::For { substs, .. })
                        | Some(Frame::Case { substs, .. }) => substs.push((text, status)),
                        _ => {}
                    }
                }
            }
            Frame::WaitBuiltin { tasks } => {
                if !tasks.iter().all(|x| self.finished.contains_key(x) || !self.tasks.contains_key(x)) {
                    t.state = TState::WaitTasks(tasks.clone());
                    t.frames.push(Frame::WaitBuiltin { tasks });
                    return;
                }
                let mut status = 0;
                for x in &tasks {
                    status = self.finished.remove(x).unwrap_or(127);
                    self.tasks.remove(x);
                }
                t.shell.last = status;
            }
            Frame::Read { names, raw } => {
                let fd = t.fds.get(&0).cloned();
                match io::read_line_in(fd.as_ref(), &mut self.bufs) {
                    Read::Data(line) => {
                        let complete = line.ends_with('\n');
                        super::builtins::assign_read(t, &names, line.trim_end_matches('\n'), raw);
                        t.shell.last = if complete { 0 } else { 1 };
                    }
                    Read::Eof => {
                        super::builtins::assign_read(t, &names, "", raw);
                        t.shell.last = 1;
                    }
                    Read::WouldBlock => {
                        t.frames.push(Frame::Read { names, raw });
                        t.state = TState::WaitIn;
                    }
                }
            }
            Frame::TrapEnd { status } => t.shell.last = status,
            Frame::SetLast(n) => t.shell.last = n,
            Frame::RestoreVars(vars) => {
                for (k, v) in vars {
                    match v {
                        Some(v) => {
                            let _ = t.shell.set(&k, &v);
                        }
                        None => {
                            let _ = t.shell.unset(&k);
                        }
                    }
                }
            }
        }
        let _ = id;
    }

    /// Starts a pipeline: one command runs in this task; several run as tasks joined by pipes.
    fn pipeline(&mut self, t: &mut Task, p: &Pipeline) {
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

    fn command(
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

    fn for_loop(
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

    fn case(&mut self, t: &mut Task, cmd: Rc<Command>, substs: Vec<(String, i32)>, sys: &mut dyn Sys) {
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

    fn interactive(&mut self, t: &mut Task, mut pending: String, sys: &mut dyn Sys) {
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

    fn exec_step(
        &mut self,
        t: &mut Task,
        mut prog: Box<dyn crate::unix::programs::Program>,
        pid: u32,
        cmdline: String,
        sys: &mut dyn Sys,
    ) {
        let env = t.shell.env();
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
                t.frames.push(Frame::Exec { prog, pid, cmdline });
            }
        }
    }
}
