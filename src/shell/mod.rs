//! The learner's shell: the one place a typed line enters doca. A [`Session`] owns the
//! world and a bash process running on the learner's host (the same interpreter that runs
//! inside containers), whose `docker` command is the simulated client. The browser
//! terminal and the native REPL both drive a `Session`.
//!
//! While a `docker` command holds the terminal (`docker run` of a server, `logs -f`,
//! `run -it … sh`), lines typed go to it, simulated time passes with [`Session::tick`] and
//! Ctrl+C goes to it ([`Session::interrupt`]).
//!
//! Invariant: `submit`, `tick` and `interrupt` never panic and always return; whatever the
//! line, the world is left in a consistent state.

pub mod complete;
pub mod files;
pub mod host;
pub mod host_fs;
pub mod real_tree;
pub mod outcome;

pub use outcome::{Attachment, Chunk, Outcome, Stream};

use crate::cli::attach::{Foreground, Progress};
use crate::cli::{ClientCtx, Env, NoFiles};
use crate::engine::World;
use crate::engine::clock::Span;
use crate::engine::event::{ClientId, HostId};
use crate::unix::fs::Cred;
use crate::unix::process::{Process, RunStatus, SpawnOpts};
use host::HostSys;

/// Longest line the shell accepts (bash has no limit; a browser tab has).
const MAX_LINE: usize = 1 << 20;
/// Bounded work per call: slices of the host shell's interpreter (each a bounded number of
/// steps). A line still busy after them keeps the terminal until it ends or Ctrl+C.
const MAX_SLICES: u32 = 2;
/// Bounded simulated waits per call (`sleep` in a loop), so a script that sleeps forever
/// hands the terminal back to time.
const MAX_SLEEPS: u32 = 1_000;

/// A terminal session: a world plus the shell around it.
#[derive(Clone, Debug)]
pub struct Session {
    world: World,
    host: HostId,
    client: ClientId,
    env: Env,
    shell: Process,
    history: Vec<String>,
    foreground: Option<Foreground>,
    /// The host shell is still running the last line (a busy loop): the terminal waits.
    busy: bool,
    /// The native twin: `docker` reads real files (`--env-file`, build contexts) from here.
    real_dir: Option<std::path::PathBuf>,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

fn spawn_shell(world: &mut World, host: HostId, client: ClientId, env: &Env) -> Process {
    let opts = SpawnOpts {
        env: vec![
            ("PATH".into(), "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into()),
            ("HOME".into(), host_fs::HOME.into()),
            ("USER".into(), host_fs::USER.into()),
            ("LOGNAME".into(), host_fs::USER.into()),
            ("SHELL".into(), "/bin/bash".into()),
            ("TERM".into(), "xterm-256color".into()),
            ("LANG".into(), "C.UTF-8".into()),
            ("PS1".into(), "\\u@\\h:\\w\\$ ".into()),
        ],
        cwd: host_fs::HOME.into(),
        cred: Cred { uid: host_fs::UID, gid: host_fs::UID },
        tty: true,
        stdin_open: true,
        pid: 4242,
    };
    let history: Vec<String> = Vec::new();
    let mut sys = HostSys::new(world, host, client, env, &history);
    let p = Process::spawn(vec!["bash".into(), "-i".into()], opts, &mut sys);
    sys.finish();
    p.expect("the host has /usr/bin/bash")
}

impl Session {
    /// A fresh world (one Linux host with its daemon, one client, Docker Hub) and a shell.
    pub fn new() -> Session {
        let mut world = World::new();
        let host = HostId(0);
        world.hosts[host.0 as usize].base = Some(host_fs::base());
        let client = ClientId(0);
        let env = Env { term_width: Some(80), config_dir: format!("{}/.docker", host_fs::HOME), buildx: true, ..Env::default() };
        let shell = spawn_shell(&mut world, host, client, &env);
        let mut s = Session { world, host, client, env, shell, history: Vec::new(), foreground: None, busy: false, real_dir: None };
        s.run_shell();
        s
    }

    /// Makes `docker` read real files relative to `dir` (the native twin), instead of the
    /// simulated host's.
    pub fn with_real_files(mut self, dir: std::path::PathBuf) -> Session {
        self.real_dir = Some(dir);
        self
    }

    /// Whether a command holds the terminal (a foreground job, or the shell still busy).
    pub fn is_busy(&self) -> bool {
        self.busy || self.foreground.is_some()
    }

    /// The world, read-only (for the diagram, the inspector and lesson goals).
    pub fn world(&self) -> &World {
        &self.world
    }

    /// The terminal's width in columns (help text wraps to it).
    pub fn set_width(&mut self, columns: u16) {
        self.env.term_width = Some(columns.max(20));
    }

    /// The prompt to show before the next line: the host shell's, a container shell's
    /// while attached to one, or none while a command holds the terminal.
    pub fn prompt(&self) -> String {
        if let Some(fg) = &self.foreground {
            return self.attached_prompt_of(fg).unwrap_or_default();
        }
        let host = &self.world.hosts[self.host.0 as usize].name;
        self.shell.prompt(host).unwrap_or_default()
    }

    fn attached_prompt_of(&self, fg: &Foreground) -> Option<String> {
        let mut world = self.world.clone();
        let mut ctx = ClientCtx { world: &mut world, env: &self.env, client: self.client, files: &NoFiles };
        fg.prompt(&mut ctx)
    }

    /// The prompt of the process the terminal is attached to, if it reads input.
    pub fn attached_prompt(&self) -> Option<String> {
        self.foreground.as_ref().filter(|f| f.reads_input()).map(|f| self.attached_prompt_of(f).unwrap_or_default())
    }

    /// Lines submitted so far, oldest first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// Runs one typed line.
    pub fn submit(&mut self, line: &str) -> Outcome {
        let line: String = if line.len() > MAX_LINE {
            let mut cut = MAX_LINE;
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            line[..cut].to_string()
        } else {
            line.to_string()
        };
        let line = line.replace(['\r', '\n'], " ");
        if self.busy {
            // Typed while the shell is busy: bash would read it after; doca drops it.
            return Outcome { line, attached: self.busy_attachment(), ..Outcome::default() };
        }
        if let Some(mut fg) = self.foreground.take() {
            let mut out = Outcome { line: line.clone(), ..Outcome::default() };
            if fg.reads_input() {
                let p = self.with_client(|ctx| fg.input(ctx, &line));
                self.apply_progress(&mut out, p, fg);
            } else {
                // Typing while a command holds the terminal: the text goes nowhere.
                self.foreground = Some(fg);
                out.attached = self.attachment();
            }
            out.events = self.world.take_events();
            return out;
        }
        // what a command reading the terminal gets (`cat > f`) is not a command line
        if !line.trim().is_empty() && !line.starts_with(' ') && self.at_prompt() && self.history.last() != Some(&line) {
            self.history.push(line.clone());
        }
        self.shell.feed_stdin(&format!("{line}\n"));
        let mut out = Outcome { line, ..Outcome::default() };
        self.run_shell_into(&mut out);
        out
    }

    /// Runs the host shell until it waits for the next line, collecting what it wrote.
    fn run_shell_into(&mut self, out: &mut Outcome) {
        let host = self.host;
        let client = self.client;
        let history = self.history.clone();
        let mut produced = host::Produced::default();
        let (mut slices, mut sleeps) = (0, 0);
        self.busy = false;
        loop {
            let mut sys = HostSys::new(&mut self.world, host, client, &self.env, &history);
            sys.real_dir = self.real_dir.clone();
            let now = sys.world.now();
            let status = self.shell.run(&mut sys, now);
            let p = sys.finish();
            produced.output.extend(p.output);
            produced.notes.extend(p.notes);
            produced.clear |= p.clear;
            if p.foreground.is_some() {
                produced.foreground = p.foreground;
            }
            match status {
                RunStatus::Running => {
                    slices += 1;
                    if slices >= MAX_SLICES {
                        self.busy = true;
                        break;
                    }
                }
                RunStatus::Sleeping { wake } => {
                    sleeps += 1;
                    if sleeps >= MAX_SLEEPS {
                        self.busy = true;
                        break;
                    }
                    let now = self.world.now();
                    self.world.advance(wake.since(now).max(Span(1)));
                }
                RunStatus::Exited(_) => {
                    // `exit` closes the terminal; a new one opens on the same host.
                    self.shell = spawn_shell(&mut self.world, host, client, &self.env);
                    out.notes.push("O shell terminou (exit). Um novo terminal foi aberto.".into());
                    continue;
                }
                RunStatus::WaitingInput | RunStatus::Blocked => break,
            }
        }
        for (stream, text) in produced.output {
            let s = match stream {
                crate::unix::process::Stream::Stdout => Stream::Stdout,
                crate::unix::process::Stream::Stderr => Stream::Stderr,
            };
            out.write(s, &text);
        }
        out.notes.extend(produced.notes);
        out.clear |= produced.clear;
        out.exit = self.last_status();
        if let Some(fg) = produced.foreground {
            self.foreground = Some(fg);
            out.attached = self.attachment();
        } else if self.busy {
            out.attached = self.busy_attachment();
        } else if !self.at_prompt() {
            // a command reads the terminal (`cat > file`): lines go to it, Ctrl+D ends its
            // input, Ctrl+C interrupts it
            out.attached = Some(Attachment { container: String::new(), stdin: true, prompt: None });
        }
        explain_not_found(out);
        out.events.extend(self.world.take_events());
    }

    fn run_shell(&mut self) {
        let mut scratch = Outcome::default();
        self.run_shell_into(&mut scratch);
    }

    /// `$?` of the host shell.
    fn last_status(&self) -> i32 {
        self.shell.last_status()
    }

    fn with_client<R>(&mut self, f: impl FnOnce(&mut ClientCtx<'_>) -> R) -> R {
        let mut ctx = ClientCtx { world: &mut self.world, env: &self.env, client: self.client, files: &NoFiles };
        f(&mut ctx)
    }

    /// The terminal held by the shell itself (a long loop): Ctrl+C gets it back.
    fn busy_attachment(&self) -> Option<Attachment> {
        Some(Attachment { container: String::new(), stdin: false, prompt: None })
    }

    fn attachment(&self) -> Option<Attachment> {
        let fg = self.foreground.as_ref()?;
        let container = match fg {
            Foreground::Container { id, .. } | Foreground::Logs { id, .. } => id.clone(),
            Foreground::Exec { container, .. } => container.clone(),
            Foreground::Wait { ids, .. } => ids.first().cloned().unwrap_or_default(),
            Foreground::Confirm(_) => String::new(),
        };
        let stdin = fg.reads_input();
        let prompt = if stdin { self.attached_prompt_of(fg) } else { None };
        Some(Attachment { container, stdin, prompt })
    }

    /// Applies a foreground job's progress to an outcome; when the job ended, the host
    /// shell gets the terminal back.
    fn apply_progress(&mut self, out: &mut Outcome, p: Progress, fg: Foreground) {
        for c in &p.out.chunks {
            out.write(c.stream, &c.text);
        }
        out.notes.extend(p.out.notes.iter().cloned());
        if p.done {
            out.exit = p.out.exit;
            // The blocked `docker` command in the host shell ends; the rest of its line is
            // dropped, as after Ctrl+C.
            let host = self.host;
            let client = self.client;
            let history = self.history.clone();
            let mut sys = HostSys::new(&mut self.world, host, client, &self.env, &history);
            self.shell.interrupt(&mut sys);
            sys.finish();
            self.shell.set_last_status(p.out.exit);
            let mut rest = Outcome::default();
            self.run_shell_into(&mut rest);
            for c in rest.output {
                out.write(c.stream, &c.text);
            }
        } else {
            self.foreground = Some(fg);
            out.attached = self.attachment();
        }
    }

    /// Lets simulated time pass (the browser calls this with real elapsed time); returns what
    /// a command holding the terminal wrote meanwhile.
    pub fn tick(&mut self, span: Span) -> Outcome {
        self.world.advance(span);
        let mut out = Outcome::default();
        if self.busy {
            self.run_shell_into(&mut out);
            return out;
        }
        if let Some(mut fg) = self.foreground.take() {
            let p = self.with_client(|ctx| fg.poll(ctx));
            self.apply_progress(&mut out, p, fg);
        }
        out.events = self.world.take_events();
        out
    }

    /// Ctrl+C: interrupts whatever holds the terminal, or drops the line being typed.
    pub fn interrupt(&mut self) -> Outcome {
        let mut out = Outcome { line: "^C".to_string(), exit: 130, ..Outcome::default() };
        if self.busy {
            self.busy = false;
            let host = self.host;
            let client = self.client;
            let history = self.history.clone();
            let mut sys = HostSys::new(&mut self.world, host, client, &self.env, &history);
            self.shell.interrupt(&mut sys);
            sys.finish();
            self.run_shell_into(&mut out);
            out.exit = self.last_status();
            return out;
        }
        if let Some(mut fg) = self.foreground.take() {
            let p = self.with_client(|ctx| fg.interrupt(ctx));
            self.apply_progress(&mut out, p, fg);
        } else {
            let host = self.host;
            let client = self.client;
            let history = self.history.clone();
            let mut sys = HostSys::new(&mut self.world, host, client, &self.env, &history);
            self.shell.interrupt(&mut sys);
            sys.finish();
            self.shell.set_last_status(130);
        }
        out.events.extend(self.world.take_events());
        out
    }

    /// Ctrl+D: end of input for what reads the terminal (`cat > file`, a container's shell
    /// attached with `-it`). At the host shell's own prompt it does nothing (bash would
    /// close the terminal).
    pub fn end_of_input(&mut self) -> Outcome {
        let mut out = Outcome::default();
        if let Some(mut fg) = self.foreground.take() {
            if fg.reads_input() {
                let p = self.with_client(|ctx| fg.end_of_input(ctx));
                self.apply_progress(&mut out, p, fg);
            } else {
                self.foreground = Some(fg);
                out.attached = self.attachment();
            }
            out.events = self.world.take_events();
            return out;
        }
        if self.busy {
            out.attached = self.busy_attachment();
            return out;
        }
        if self.at_prompt() {
            out.exit = self.last_status();
            return out;
        }
        self.shell.end_of_input();
        self.run_shell_into(&mut out);
        out
    }

    /// Whether the host shell waits at its prompt (not a command reading the terminal).
    fn at_prompt(&self) -> bool {
        let host = &self.world.hosts[self.host.0 as usize].name;
        self.shell.prompt(host).is_some()
    }

    /// Tab completion: the candidates for the word that ends at `cursor` (a byte offset on
    /// a char boundary of `line`); each candidate is the whole word that would replace it.
    pub fn complete(&self, line: &str, cursor: usize) -> Vec<String> {
        complete::complete(self, line, cursor)
    }
}

/// Adds a pt-BR hint under bash's `command not found`.
fn explain_not_found(out: &mut Outcome) {
    let err = out.stderr();
    let Some(rest) = err.lines().find_map(|l| l.strip_prefix("bash: ").and_then(|l| l.strip_suffix(": command not found"))) else {
        return;
    };
    let word = rest.rsplit(": ").next().unwrap_or(rest);
    let close = ["docker", "dokcer", "docekr", "dcoker", "doker", "dockr", "docke", "Docker", "DOCKER"];
    if word != "docker" && close.contains(&word) {
        out.notes.push(format!("`{word}` não é um comando. Você quis dizer `docker`?"));
    } else {
        out.notes.push(format!(
            "`{word}` não existe neste terminal. Os comandos do Docker começam com `docker` (por exemplo, `docker ps`); digite `help` para ver o que está disponível."
        ));
    }
}
