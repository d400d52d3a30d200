//! Driving a process from outside: signals (`docker stop`, `docker kill`), the terminal's
//! Ctrl+C, standard input, and what `docker top` / `ps` / the prompt show.
//!
//! PID 1 semantics: the kernel does not apply a default action to PID 1 of a namespace, so
//! a main process without a handler ignores SIGTERM/SIGINT (`docker stop` waits, then
//! SIGKILL: 137). SIGKILL always ends the process.
//!
//! Invariant: after `Exited`, the process never runs again.

use super::exec::MAIN;
use super::io::{self, Fd, In};
use super::task::{Frame, TState};
use super::{Process, Signal, SignalEffect, Sys};
use crate::unix::programs::Step;
use crate::unix::sh::Dialect;

impl Process {
    /// Delivers `sig` to the main process (PID 1 of the container, or an exec'd one).
    pub fn signal(&mut self, sig: Signal, sys: &mut dyn Sys) -> SignalEffect {
        if let Some(c) = self.exit {
            return SignalEffect::Exited(c);
        }
        if sig == Signal::KILL {
            return self.terminate(137);
        }
        let Some(main) = self.tasks.get_mut(&MAIN) else { return SignalEffect::Ignored };
        if main.is_shell {
            if let Some(action) = main.shell.traps.get(&sig.0) {
                if action.is_empty() {
                    return SignalEffect::Ignored;
                }
                main.pending.push(sig.0);
                if !matches!(main.frames.last(), Some(Frame::Exec { .. }) | Some(Frame::Wait { .. }))
                    && main.state != TState::Ready
                {
                    main.state = TState::Ready;
                }
                return SignalEffect::Handled;
            }
            if sig.ignored_by_default() || self.pid1 || (main.shell.interactive && sig != Signal::HUP) {
                return SignalEffect::Ignored;
            }
            return self.terminate(128 + sig.0 as i32);
        }
        let mut handled = None;
        if let Some(Frame::Exec { prog, env, .. }) = main.frames.last_mut() {
            let env = env.clone();
            let mut io = io::Io {
                fds: &main.fds,
                bufs: &mut self.bufs,
                sys,
                now: self.now,
                cwd: &main.shell.cwd,
                env: &env,
                cred: main.shell.cred,
                broken_pipe: false,
                pipe_full: false,
                tty: false,
            };
            handled = prog.signal(sig, &mut io);
        }
        match handled {
            Some(Step::Exit(c)) => {
                self.finish(MAIN, c);
                SignalEffect::Exited(c)
            }
            Some(Step::Exec { .. }) => SignalEffect::Handled,
            Some(step) => {
                main.state = match step {
                    Step::Sleep(w) => TState::Sleep(w),
                    Step::Read => TState::WaitIn,
                    Step::Block => TState::Blocked,
                    _ => TState::Ready,
                };
                SignalEffect::Handled
            }
            None if sig.ignored_by_default() || self.pid1 => SignalEffect::Ignored,
            None => self.terminate(128 + sig.0 as i32),
        }
    }

    /// Ctrl+C on the attached terminal: the foreground program dies (130) unless it is
    /// PID 1 without a handler; an interactive shell drops its pending line.
    pub fn interrupt(&mut self, sys: &mut dyn Sys) -> SignalEffect {
        if let Some(c) = self.exit {
            return SignalEffect::Exited(c);
        }
        let Some(main) = self.tasks.get_mut(&MAIN) else { return SignalEffect::Ignored };
        if !main.is_shell {
            return self.signal(Signal::INT, sys);
        }
        if main.shell.traps.contains_key(&2) {
            return self.signal(Signal::INT, sys);
        }
        let main_pid = main.pid;
        let top_foreign = matches!(main.frames.last(), Some(Frame::Exec { pid, .. }) if *pid != main_pid);
        if top_foreign {
            main.frames.pop();
            main.shell.last = 130;
            main.state = TState::Ready;
        }
        let waiting: Vec<u32> = match main.frames.last() {
            Some(Frame::Wait { tasks, .. }) => tasks.clone(),
            _ => Vec::new(),
        };
        if main.shell.interactive {
            while main.frames.len() > 1 && !matches!(main.frames.last(), Some(Frame::Interactive { .. })) {
                // redirections of the interrupted command end with it (`cat > f`, then ^C:
                // the next command writes to the terminal again)
                if let Some(Frame::RestoreFds(fds)) = main.frames.pop() {
                    main.fds = fds;
                }
            }
            if let Some(Frame::Interactive { pending, .. }) = main.frames.last_mut() {
                pending.clear();
            }
            main.shell.last = 130;
            main.state = TState::Ready;
        }
        for id in waiting {
            self.finish(id, 130);
        }
        if top_foreign || self.tasks.get(&MAIN).is_some_and(|m| m.shell.interactive) {
            SignalEffect::Handled
        } else if self.pid1 {
            SignalEffect::Ignored
        } else {
            self.terminate(130)
        }
    }

    fn terminate(&mut self, code: i32) -> SignalEffect {
        self.finish(MAIN, code);
        SignalEffect::Exited(code)
    }

    /// Gives the process more standard input (what the attached terminal typed).
    pub fn feed_stdin(&mut self, data: &str) {
        if !self.bufs.stdin_closed {
            self.bufs.stdin.push_str(data);
        }
    }

    /// Closes standard input (the attached client went away).
    pub fn close_stdin(&mut self) {
        self.bufs.stdin_closed = true;
    }

    /// Ctrl+D on the terminal: the program reading stdin gets end of file once.
    pub fn end_of_input(&mut self) {
        self.bufs.stdin_eof = true;
    }

    /// `$?` of the main shell: the status of its last command.
    pub fn last_status(&self) -> i32 {
        self.tasks.get(&MAIN).map_or(0, |t| t.shell.last)
    }

    /// Sets `$?` of the main shell (a command the embedder ran for it ended).
    pub fn set_last_status(&mut self, status: i32) {
        if let Some(t) = self.tasks.get_mut(&MAIN) {
            t.shell.last = status;
        }
    }

    /// The exit status, once exited.
    pub fn exit_status(&self) -> Option<i32> {
        self.exit
    }

    /// The main process's command line, as `docker top` / `ps` print it.
    pub fn command_line(&self) -> String {
        self.tasks.get(&MAIN).map(|t| t.cmdline.clone()).unwrap_or_default()
    }

    /// Every live process of this process tree: (PID, command line), by PID.
    pub fn processes(&self) -> Vec<(u32, String)> {
        let mut out = Vec::new();
        for (id, t) in &self.tasks {
            if t.done().is_some() {
                continue;
            }
            let execs: Vec<(u32, String)> = t
                .frames
                .iter()
                .filter_map(|f| {
                    if let Frame::Exec { pid, cmdline, .. } = f {
                        (!cmdline.is_empty()).then(|| (*pid, cmdline.clone()))
                    } else {
                        None
                    }
                })
                .collect();
            if *id == MAIN {
                if t.is_shell || execs.is_empty() {
                    out.push((t.pid, t.cmdline.clone()));
                }
                out.extend(execs);
            } else {
                // A forked shell that runs a program has exec'd it: one process.
                match execs.last() {
                    Some((_, cmd)) => out.push((t.pid, cmd.clone())),
                    None => out.push((t.pid, t.shell.argv0.clone())),
                }
            }
        }
        out.sort();
        out.dedup_by_key(|p| p.0);
        out
    }

    /// The prompt an interactive shell shows while it waits for a line (`/ # `,
    /// `root@abc:/# `, `> ` for a continuation), if it is waiting for one.
    pub fn prompt(&self, hostname: &str) -> Option<String> {
        let t = self.tasks.get(&MAIN)?;
        if !t.shell.interactive || self.exit.is_some() {
            return None;
        }
        let Some(Frame::Interactive { pending, .. }) = t.frames.last() else { return None };
        if !io::input_done(t.fds.get(&0), &self.bufs) && !matches!(t.fds.get(&0), Some(Fd::In(In::Stdin))) {
            return None;
        }
        if !pending.is_empty() {
            return Some(t.shell.get("PS2").unwrap_or("> ").to_string());
        }
        let root = t.shell.cred.uid == 0;
        let sign = if root { "#" } else { "$" };
        let home = t.shell.home();
        let cwd = &t.shell.cwd;
        let w = if cwd == &home && home != "/" {
            "~".to_string()
        } else if let Some(rest) = cwd.strip_prefix(&format!("{home}/")).filter(|_| home != "/") {
            format!("~/{rest}")
        } else {
            cwd.clone()
        };
        if let Some(ps1) = t.shell.get("PS1") {
            let user = t
                .shell
                .get("USER")
                .map(String::from)
                .unwrap_or_else(|| if root { "root".into() } else { "user".into() });
            let base = if cwd == "/" { "/".to_string() } else { cwd.rsplit('/').next().unwrap_or("").to_string() };
            return Some(
                ps1.replace("\\u", &user)
                    .replace("\\h", hostname.split('.').next().unwrap_or(hostname))
                    .replace("\\w", &w)
                    .replace("\\W", &base)
                    .replace("\\$", sign),
            );
        }
        Some(match t.shell.dialect {
            Dialect::Ash => format!("{w} {sign} "),
            Dialect::Dash => format!("{sign} "),
            Dialect::Bash => {
                let user = if root { "root".to_string() } else { t.shell.get("USER").unwrap_or("user").to_string() };
                format!("{user}@{hostname}:{w}{sign} ")
            }
        })
    }
}
