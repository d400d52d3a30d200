//! The client in the terminal's foreground: `docker run` (without `-d`) of a process that
//! has not ended, `docker start -a`, `docker attach`, `docker logs -f`, `docker wait`,
//! `docker exec` of a process still running. The terminal polls it as simulated time
//! passes, forwards Ctrl+C and typed lines, and gets the prompt back when it ends.
//!
//! Ctrl+C follows docker: with a tty it reaches the container's process as a keystroke
//! (an interactive shell drops its line); without one `docker run` proxies SIGINT to the
//! container (`--sig-proxy`), which a PID 1 without a handler ignores; a second Ctrl+C then
//! lets go of the terminal (as closing it would), leaving the container running. `logs -f`
//! and `wait` simply end (130).
//!
//! Invariant: a foreground job reads the world through open streams only (no new API
//! requests per poll), except the SIGINT it proxies.

use super::dispatch::ClientCtx;
use super::output::Output;
use crate::engine::api::observe::log_lines;
use crate::engine::model::container::{LogEntry, LogStream};
use crate::engine::runtime::Which;

/// A client process holding the terminal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Foreground {
    /// Attached to a container's main process.
    Container { id: String, stdin: bool, tty: bool, sig_proxy: bool, interrupted: bool },
    /// `docker logs -f`.
    Logs { id: String, cursor: usize, timestamps: bool },
    /// `docker wait`: prints each exit code as its container stops, in order.
    Wait { ids: Vec<String>, next: usize, failed: bool },
    /// `docker exec` of a process still running.
    Exec { container: String, index: usize, stdin: bool, tty: bool },
    /// A `[y/N]` question on the terminal (`docker container prune` without `-f`): `y`
    /// runs the command, anything else cancels it.
    Confirm(Pending),
}

/// A command waiting for the learner's answer: what to run when it is `y`.
#[derive(Clone, Debug)]
pub struct Pending {
    pub inv: Box<super::parse::Invocation>,
    pub proceed: super::dispatch::Handler,
}

impl PartialEq for Pending {
    fn eq(&self, other: &Pending) -> bool {
        self.inv.canonical_path() == other.inv.canonical_path() && self.inv.args == other.inv.args
    }
}

impl Eq for Pending {}

/// The answer to a [`confirm`] question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Yes,
    /// Anything but `y` (exit 0, nothing more printed).
    No,
    /// The terminal asks the learner: the handler returns its output as it is (it holds
    /// [`Foreground::Confirm`]).
    Asked,
}

/// `prompt.Confirm`'s reading of an answer: its first line, trimmed, is `y` or `Y`.
pub fn is_yes(answer: &str) -> bool {
    answer.lines().next().unwrap_or("").trim().eq_ignore_ascii_case("y")
}

/// docker/cli's `prompt.Confirm`: prints `message [y/N] ` on stdout and reads one line.
/// With the terminal as stdin the question stays on screen ([`Foreground::Confirm`], whose
/// `y` runs `pending`); from a pipe or a file the first line answers (no data: no).
pub fn confirm(ctx: &ClientCtx<'_>, message: &str, out: &mut Output, pending: impl FnOnce() -> Pending) -> Answer {
    out.out(&format!("{message} [y/N] "));
    match ctx.files.stdin() {
        None => {
            out.attach = Some(Foreground::Confirm(pending()));
            Answer::Asked
        }
        Some(data) if is_yes(&data) => Answer::Yes,
        Some(_) => Answer::No,
    }
}

/// What a poll produced: output (and notes), and whether the job ended (`out.exit` then
/// holds its exit status).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub out: Output,
    pub done: bool,
}

/// Writes container output as the client shows it: with a tty everything is stdout with
/// `\r\n` line ends; without, stdout and stderr stay apart.
pub fn write_entries(out: &mut Output, entries: &[LogEntry], tty: bool) {
    for e in entries {
        if tty {
            out.out(&e.text.replace("\r\n", "\n").replace('\n', "\r\n"));
        } else {
            match e.stream {
                LogStream::Stdout => out.out(&e.text),
                LogStream::Stderr => out.err(&e.text),
            }
        }
    }
}

fn done(mut out: Output, exit: i32) -> Progress {
    out.exit = exit;
    Progress { out, done: true }
}

impl Foreground {
    /// Whether lines typed go to the process (`-i`).
    pub fn reads_input(&self) -> bool {
        match self {
            Foreground::Container { stdin, .. } | Foreground::Exec { stdin, .. } => *stdin,
            Foreground::Confirm(_) => true,
            _ => false,
        }
    }

    /// New output since the last poll, and whether the job ended.
    pub fn poll(&mut self, ctx: &mut ClientCtx<'_>) -> Progress {
        let mut out = Output::default();
        match self {
            Foreground::Container { id, tty, .. } => {
                let mut api = ctx.api();
                let chunk = api.attach_take(id);
                write_entries(&mut out, &chunk.output, *tty);
                if let Some(code) = chunk.exit {
                    api.attach_detach(id);
                    return done(out, code);
                }
                if chunk.removed {
                    api.attach_detach(id);
                    return done(out, 0);
                }
            }
            Foreground::Logs { id, cursor, timestamps } => {
                let (lines, next, running) = ctx.api().logs_follow(id, *cursor);
                *cursor = next;
                write_log_lines(&mut out, &lines, *timestamps);
                if running != Some(true) {
                    return done(out, 0);
                }
            }
            Foreground::Wait { ids, next, failed } => {
                while let Some(id) = ids.get(*next) {
                    let api = ctx.api();
                    match api.world.daemon(api.daemon).containers.get(id) {
                        Some(c) if c.state.running => break,
                        Some(c) => out.out(&format!("{}\n", c.state.exit_code)),
                        None => {
                            *failed = true;
                            out.err(&format!("Error response from daemon: No such container: {id}\n"));
                        }
                    }
                    *next += 1;
                }
                if *next >= ids.len() {
                    let code = i32::from(*failed);
                    return done(out, code);
                }
            }
            Foreground::Exec { container, index, tty, .. } => {
                let state = ctx.api().exec_take(container, *index);
                write_entries(&mut out, &state.output, *tty);
                if let Some(code) = state.exit_code {
                    return done(out, code);
                }
            }
            Foreground::Confirm(_) => {}
        }
        Progress { out, done: false }
    }

    /// Ctrl+C.
    pub fn interrupt(&mut self, ctx: &mut ClientCtx<'_>) -> Progress {
        match self {
            Foreground::Container { id, tty, sig_proxy, interrupted, .. } => {
                if *interrupted && !*tty {
                    let id = id.clone();
                    ctx.api().attach_detach(&id);
                    let mut out = Output::default();
                    out.notes.push(
                        "O terminal foi liberado, mas o contêiner continua em execução: o processo principal (PID 1) ignorou o SIGINT. Use `docker stop` para pará-lo.".into(),
                    );
                    return done(out, 130);
                }
                if *tty {
                    ctx.api().attach_interrupt(id, Which::Main);
                } else if *sig_proxy {
                    let _ = ctx.api().container_kill(id, Some("INT"));
                }
                *interrupted = true;
                let id_c = id.clone();
                let mut p = self.poll(ctx);
                if !p.done && !matches!(self, Foreground::Container { tty: true, .. }) {
                    let _ = id_c;
                    p.out.notes.push(
                        "O sinal SIGINT foi repassado ao contêiner, mas o processo principal o ignorou (PID 1 sem tratador). Pressione Ctrl+C de novo para liberar o terminal.".into(),
                    );
                }
                p
            }
            Foreground::Exec { container, index, tty, .. } => {
                if *tty {
                    ctx.api().attach_interrupt(container, Which::Exec(*index));
                    return self.poll(ctx);
                }
                done(Output::default(), 130)
            }
            Foreground::Logs { .. } | Foreground::Wait { .. } => done(Output::default(), 130),
            Foreground::Confirm(_) => {
                // The prompt's context is cancelled: it ends its line and the command gives
                // up, successfully (as docker 28 does).
                let mut out = Output::default();
                out.out("\n");
                done(out, 0)
            }
        }
    }

    /// A line typed while attached with `-i` (sent with its newline).
    pub fn input(&mut self, ctx: &mut ClientCtx<'_>, line: &str) -> Progress {
        let data = format!("{line}\n");
        if let Foreground::Confirm(p) = self {
            if is_yes(line) {
                let out = (p.proceed)(&p.inv, ctx);
                return Progress { done: out.attach.is_none(), out };
            }
            return done(Output::default(), 0);
        }
        match self {
            Foreground::Container { id, stdin: true, .. } => ctx.api().attach_input(id, &data),
            Foreground::Exec { container, index, stdin: true, .. } => ctx.api().exec_input(container, *index, &data),
            _ => {}
        }
        self.poll(ctx)
    }

    /// Ctrl+D: with a tty the process reading gets end of file once; without one the
    /// client's input ends, so the container's stdin closes. A question is answered no.
    pub fn end_of_input(&mut self, ctx: &mut ClientCtx<'_>) -> Progress {
        match self {
            Foreground::Confirm(_) => return done(Output::default(), 0),
            Foreground::Container { id, stdin: true, tty: true, .. } => ctx.api().attach_end_of_input(id, Which::Main),
            Foreground::Container { id, stdin: true, .. } => ctx.api().attach_close_stdin(id),
            Foreground::Exec { container, index, stdin: true, tty: true } => {
                ctx.api().attach_end_of_input(container, Which::Exec(*index))
            }
            Foreground::Exec { container, index, stdin: true, .. } => ctx.api().exec_close_stdin(container, *index),
            _ => {}
        }
        self.poll(ctx)
    }

    /// The prompt of an interactive shell waiting for a line, if that is what runs.
    pub fn prompt(&self, ctx: &mut ClientCtx<'_>) -> Option<String> {
        match self {
            Foreground::Container { id, stdin: true, .. } => ctx.api().attach_prompt(id, Which::Main),
            Foreground::Exec { container, index, stdin: true, .. } => {
                ctx.api().attach_prompt(container, Which::Exec(*index))
            }
            _ => None,
        }
    }
}

/// `docker logs` output: each line to its stream, with `-t` the RFC 3339 time first.
pub fn write_log_lines(out: &mut Output, lines: &[LogEntry], timestamps: bool) {
    for l in lines {
        let text = if timestamps { format!("{} {}", l.at.rfc3339_nano_fixed(), l.text) } else { l.text.clone() };
        match l.stream {
            LogStream::Stdout => out.out(&text),
            LogStream::Stderr => out.err(&text),
        }
    }
}

/// All log lines of a container's log entries (re-exported for handlers).
pub fn lines_of(entries: &[LogEntry]) -> Vec<LogEntry> {
    log_lines(entries)
}
