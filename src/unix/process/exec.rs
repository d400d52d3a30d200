//! The scheduler (`run`: round-robin over tasks, simulated time, budgets) and the step
//! of every frame: lists, and-or lists, `if`, loops, waits, `read`, traps, and a shell
//! reading its program one complete command at a time. Larger frames live in
//! [`super::frames`].
//!
//! Invariant: each `step_task` pops exactly one frame and pushes back what remains to be
//! done, so every task can stop between any two steps.

use std::rc::Rc;

use super::Signal;
use super::io::{self, Fd, In, PIPE_CAP, Read};
use super::task::{AfterWait, Frame, TState, Task};
use super::{OUTPUT_BUDGET, Process, RunStatus, STEP_BUDGET, Sys};
use crate::engine::clock::Time;
use crate::unix::sh::Parser;
use crate::unix::sh::ast::{Command, Compound};

/// Task id of the main flow of control.
pub const MAIN: u32 = 0;

/// Whether `set -e` is ignored here: inside an `if`/`while`/`until` condition or a `!`.
fn in_condition(t: &Task) -> bool {
    t.frames.iter().any(|f| matches!(f, Frame::If { phase: 1, .. } | Frame::Loop { phase: 1, .. } | Frame::Bang))
}

impl Process {
    /// Runs until the process exits, sleeps past `until`, waits for input or blocks.
    pub fn run(&mut self, sys: &mut dyn Sys, until: Time) -> RunStatus {
        if let Some(c) = self.exit {
            return RunStatus::Exited(c);
        }
        let earliest =
            self.tasks.values().filter_map(|t| if let TState::Sleep(w) = t.state { Some(w) } else { None }).min();
        let runnable = self.tasks.values().any(|t| t.state == TState::Ready);
        let target = match earliest {
            _ if runnable => self.now,
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
                        // The kernel ignores SIGKILL (and any signal without a handler) sent
                        // to PID 1 from inside its own namespace: `kill -9 $$` does nothing.
                        if !(self.pid1 && sig == Signal::KILL) {
                            self.signal(sig, sys);
                        }
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
                self.collect_buffers();
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

    /// Frees buffers nothing refers to any more (files read by `<`, here-documents,
    /// finished pipes and captures), so long-running loops keep a bounded footprint.
    pub(super) fn collect_buffers(&mut self) {
        if self.bufs.count() < 64 {
            return;
        }
        let mut live = std::collections::BTreeSet::new();
        for t in self.tasks.values() {
            io::ids_in(&t.fds, &mut live);
            for (p, _) in &t.closes {
                live.insert(*p);
            }
            for f in &t.frames {
                match f {
                    Frame::RestoreFds(fds) => io::ids_in(fds, &mut live),
                    Frame::Wait { then: AfterWait::Subst(c), .. } => {
                        live.insert(*c);
                    }
                    _ => {}
                }
            }
        }
        self.bufs.collect(&live);
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
        t.notify = Vec::new();
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
            Frame::Interactive { pending, base } => self.interactive(t, pending, base, sys),
            Frame::Seq { list, idx } => {
                if idx >= list.len() {
                    return;
                }
                t.frames.push(Frame::Seq { list: list.clone(), idx: idx + 1 });
                if list[idx].background {
                    let mut pending_msg: Option<String> = None;
                    let child = self.fork(t, vec![Frame::AndOr { list: list.clone(), idx, next: 0, ran: 0 }]);
                    if let Some(c) = self.tasks.get_mut(&child) {
                        if !t.shell.interactive {
                            c.fds.insert(0, Fd::In(In::Null));
                        }
                        t.shell.last_bg = Some(c.pid);
                        t.jobs.push((c.pid, child));
                        if t.shell.interactive {
                            let num = t.notify.iter().map(|n| n.0).max().unwrap_or(0) + 1;
                            t.notify.push((num, child, list[idx].text.trim_end_matches('&').trim().to_string()));
                            if t.shell.dialect == crate::unix::sh::Dialect::Bash {
                                let msg = format!("[{num}] {}\n", c.pid);
                                pending_msg = Some(msg);
                            }
                        }
                    }
                    if let Some(m) = pending_msg {
                        self.write_fd(t, 2, &m, sys);
                    }
                    t.shell.last = 0;
                } else {
                    t.frames.push(Frame::AndOr { list, idx, next: 0, ran: 0 });
                }
            }
            Frame::AndOr { list, idx, next, ran } => {
                let ao = &list[idx];
                if next == 0 {
                    t.frames.push(Frame::AndOr { list: list.clone(), idx, next: 1, ran: 1 });
                    self.pipeline(t, &ao.first);
                } else if next <= ao.rest.len() {
                    let (and, p) = &ao.rest[next - 1];
                    let ok = t.shell.last == 0;
                    let runs = *and == ok;
                    let ran = if runs { next + 1 } else { ran };
                    t.frames.push(Frame::AndOr { list: list.clone(), idx, next: next + 1, ran });
                    if runs {
                        self.pipeline(t, p);
                    }
                } else {
                    let last = ao.rest.last().map_or(&ao.first, |r| &r.1);
                    let errexit = t.shell.errexit && !t.shell.interactive && t.shell.last != 0;
                    if errexit && ran == ao.rest.len() + 1 && !last.bang && !in_condition(t) {
                        t.frames.clear();
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
            Frame::Exec { prog, pid, cmdline, env } => self.exec_step(t, prog, pid, cmdline, env, sys),
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
}
