//! Starting programs: resolving a command through `PATH`, `#!` interpreters, starting a
//! shell (`sh -c`, `sh script`, an interactive `sh`), an applet or an image program, and
//! [`Process::spawn`], which does the same for a container's main process.
//!
//! Invariant: interpreter chains (`#!` pointing at a script) are followed at most
//! [`MAX_INTERP`] times.

use std::collections::BTreeMap;

use super::io::{Buffers, Fd, In, std_fds};
use super::shell::Shell;
use super::task::{AfterWait, Frame, Task};
use super::{ExternalResult, Process, SpawnError, SpawnOpts, Sys};
use crate::unix::fs::{Cred, Data, Errno, Fs, Kind, path};
use crate::unix::process::io::Io;
use crate::unix::programs::{self, Noop, Program, Step};
use crate::unix::sh::{Dialect, Origin, Parser};

/// Interpreter indirections followed for one exec.
pub const MAX_INTERP: u32 = 4;

/// What an executable file is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exe {
    /// A simulated program (`Data::Program`).
    Program(String),
    /// A text file: a `#!` script, or a plain shell script.
    Script(String),
}

/// Finds `name` like `execvp`: a path if it has a `/`, else each `PATH` directory.
pub fn resolve(fs: &dyn Fs, name: &str, path_var: &str, cwd: &str, cred: Cred) -> Result<(String, Exe), SpawnError> {
    if name.is_empty() {
        return Err(SpawnError::NotFound { name: String::new(), in_path: true });
    }
    let check = |abs: &str| -> Result<Exe, SpawnError> {
        let st = fs.stat(abs).map_err(|_| SpawnError::NotFound { name: name.to_string(), in_path: false })?;
        if st.kind == Kind::Dir {
            return Err(SpawnError::IsDirectory(name.to_string()));
        }
        let m = st.meta;
        let exec_ok = if cred.uid == 0 {
            m.mode & 0o111 != 0
        } else if cred.uid == m.uid {
            m.mode & 0o100 != 0
        } else if cred.gid == m.gid {
            m.mode & 0o010 != 0
        } else {
            m.mode & 0o001 != 0
        };
        if !exec_ok {
            return Err(SpawnError::PermissionDenied(name.to_string()));
        }
        match fs.read(abs, Cred::ROOT) {
            Ok(Data::Program(p)) => Ok(Exe::Program(p)),
            Ok(Data::Bytes(b)) => Ok(Exe::Script(String::from_utf8_lossy(&b).into_owned())),
            Ok(Data::Blob(_)) => Err(SpawnError::ExecFormat(name.to_string())),
            Err(_) => Err(SpawnError::PermissionDenied(name.to_string())),
        }
    };
    if name.contains('/') {
        let abs = path::absolute(cwd, name);
        return check(&abs).map(|e| (abs, e));
    }
    let mut denied = None;
    for dir in path_var.split(':') {
        let dir = if dir.is_empty() { "." } else { dir };
        let cand = path::absolute(cwd, &format!("{dir}/{name}"));
        match check(&cand) {
            Ok(e) => return Ok((cand, e)),
            Err(SpawnError::PermissionDenied(_)) => denied = Some(SpawnError::PermissionDenied(name.to_string())),
            Err(_) => {}
        }
    }
    Err(denied.unwrap_or(SpawnError::NotFound { name: name.to_string(), in_path: true }))
}

/// `#!/bin/sh -e` → (`/bin/sh`, `Some("-e")`).
pub fn shebang(content: &str) -> Option<(String, Option<String>)> {
    let first = content.lines().next()?.strip_prefix("#!")?.trim();
    let mut it = first.splitn(2, [' ', '\t']);
    let interp = it.next()?.to_string();
    let arg = it.next().map(|a| a.trim().to_string()).filter(|a| !a.is_empty());
    (!interp.is_empty()).then_some((interp, arg))
}

/// Calls the embedder's program (the host's `docker`) with the standard input.
#[derive(Clone, Debug)]
struct External {
    name: String,
    argv: Vec<String>,
    not_found: String,
}

impl Program for External {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        let stdin = match io.fds.get(&0) {
            Some(Fd::In(In::Stdin)) | Some(Fd::In(In::Null)) | None => String::new(),
            _ => match io.read_all() {
                Some(s) => s,
                None => return Step::Read,
            },
        };
        match io.sys.external(&self.name, &self.argv, &stdin) {
            Some(ExternalResult { stdout, stderr, exit }) => {
                io.out(&stdout);
                io.err(&stderr);
                Step::Exit(exit)
            }
            None => {
                io.err(&self.not_found);
                Step::Exit(127)
            }
        }
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// The shell's message for a command that could not be run, and its status.
fn exec_error(sh: &Shell, e: &SpawnError) -> (String, i32) {
    let p = sh.prefix();
    match e {
        SpawnError::NotFound { name, .. } => match sh.dialect {
            Dialect::Bash if name.contains('/') => (format!("{p}{name}: No such file or directory\n"), 127),
            Dialect::Bash => (format!("{p}{name}: command not found\n"), 127),
            _ => (format!("{p}{name}: not found\n"), 127),
        },
        SpawnError::IsDirectory(name) => match sh.dialect {
            Dialect::Bash => (format!("{p}{name}: Is a directory\n"), 126),
            _ => (format!("{p}{name}: Permission denied\n"), 126),
        },
        SpawnError::PermissionDenied(name) => (format!("{p}{name}: Permission denied\n"), 126),
        SpawnError::ExecFormat(name) => (format!("{p}{name}: cannot execute binary file: Exec format error\n"), 126),
        SpawnError::Empty => (String::new(), 0),
    }
}

/// A shell started as `argv`: its task (fds inherited from `fds`), or its error.
#[allow(clippy::too_many_arguments)]
fn shell_task(
    dialect: Dialect,
    argv: &[String],
    env: &[(String, String)],
    cwd: &str,
    cred: Cred,
    fds: super::io::Fds,
    pid: u32,
    tty: bool,
    fs: &dyn Fs,
) -> Result<Task, (String, i32)> {
    let argv0 = argv.first().cloned().unwrap_or_else(|| "sh".into());
    let mut i = 1;
    let mut cmd_mode = false;
    let (mut errexit, mut xtrace, mut force_i) = (false, false, false);
    while i < argv.len() {
        let a = &argv[i];
        if a == "--" {
            i += 1;
            break;
        }
        if a.len() > 1 && (a.starts_with('-') || a.starts_with('+')) && !a.starts_with("--") {
            for c in a[1..].chars() {
                match c {
                    'c' => cmd_mode = true,
                    'e' => errexit = true,
                    'x' => xtrace = true,
                    'i' => force_i = true,
                    _ => {}
                }
            }
            i += 1;
            continue;
        }
        if a.starts_with("--") {
            i += 1;
            continue;
        }
        break;
    }
    let short = argv0.rsplit('/').next().unwrap_or(&argv0).to_string();
    let mut frames = Vec::new();
    let (origin, name, positional, interactive);
    if cmd_mode {
        let Some(src) = argv.get(i) else {
            return Err(match dialect {
                Dialect::Ash => (format!("{argv0}: -c requires an argument\n"), 2),
                Dialect::Dash => (format!("{argv0}: 0: -c requires an argument\n"), 2),
                Dialect::Bash => (format!("{argv0}: -c: option requires an argument\n"), 2),
            });
        };
        frames.push(Frame::Script(Box::new(Parser::new(src, dialect))));
        origin = Origin::CommandString;
        name = argv.get(i + 1).cloned().unwrap_or(argv0.clone());
        positional = argv.iter().skip(i + 2).cloned().collect::<Vec<_>>();
        interactive = false;
    } else if let Some(script) = argv.get(i) {
        let abs = path::absolute(cwd, script);
        let content = match fs.read(&abs, cred) {
            Ok(d) => String::from_utf8_lossy(&d.bytes()).into_owned(),
            Err(e) => {
                let e = if e == Errno::EISDIR { Errno::EISDIR } else { e };
                return Err(match dialect {
                    Dialect::Ash => (format!("{argv0}: can't open '{script}': {}\n", e.message()), 2),
                    Dialect::Dash => (
                        format!(
                            "{argv0}: 0: cannot open {script}: {}\n",
                            if e == Errno::ENOENT { "No such file" } else { e.message() }
                        ),
                        2,
                    ),
                    Dialect::Bash => (format!("{argv0}: {script}: {}\n", e.message()), 127),
                });
            }
        };
        frames.push(Frame::Script(Box::new(Parser::new(&content, dialect))));
        origin = Origin::Script(script.clone());
        name = script.clone();
        positional = argv.iter().skip(i + 1).cloned().collect();
        interactive = false;
    } else {
        frames.push(Frame::Interactive { pending: String::new() });
        interactive = force_i || (tty && matches!(fds.get(&0), Some(Fd::In(In::Stdin))));
        origin = if interactive { Origin::Interactive } else { Origin::CommandString };
        name = argv0.clone();
        positional = Vec::new();
    }
    let _ = short;
    let mut sh = Shell::new(dialect, &name, origin, env, cwd, cred, pid);
    sh.positional = positional;
    sh.interactive = interactive;
    sh.errexit = errexit;
    sh.xtrace = xtrace;
    let mut t = Task::new(sh, fds, pid, true, argv.join(" "));
    t.frames = frames;
    Ok(t)
}

impl Process {
    /// Runs `argv` from shell task `t` (`replace`: the `exec` builtin).
    pub(super) fn launch(
        &mut self,
        t: &mut Task,
        argv: Vec<String>,
        env: Vec<(String, String)>,
        replace: bool,
        sys: &mut dyn Sys,
    ) {
        let path_var = env.iter().find(|(k, _)| k == "PATH").map(|(_, v)| v.clone()).unwrap_or_else(|| t.shell.path());
        let r = resolve(&*sys.fs(), &argv[0], &path_var, &t.shell.cwd, t.shell.cred);
        match r {
            Err(SpawnError::NotFound { in_path: true, .. }) => {
                let (not_found, _) =
                    exec_error(&t.shell, &SpawnError::NotFound { name: argv[0].clone(), in_path: true });
                let prog = Box::new(External { name: argv[0].clone(), argv: argv.clone(), not_found });
                self.push_program(t, prog, argv, replace);
            }
            Err(e) => {
                let (msg, code) = exec_error(&t.shell, &e);
                self.write_fd(t, 2, &msg, sys);
                t.shell.last = code;
            }
            Ok((path, exe)) => self.start_exe(t, argv, path, exe, env, replace, 0, sys),
        }
    }

    fn push_program(&mut self, t: &mut Task, prog: Box<dyn Program>, argv: Vec<String>, replace: bool) {
        let cmdline = argv.join(" ");
        let pid = if replace {
            t.frames.clear();
            t.is_shell = false;
            t.cmdline = cmdline.clone();
            t.pid
        } else {
            self.next_pid += 1;
            self.next_pid
        };
        t.frames.push(Frame::Exec { prog, pid, cmdline });
    }

    #[allow(clippy::too_many_arguments)]
    fn start_exe(
        &mut self,
        t: &mut Task,
        argv: Vec<String>,
        path: String,
        exe: Exe,
        env: Vec<(String, String)>,
        replace: bool,
        depth: u32,
        sys: &mut dyn Sys,
    ) {
        match exe {
            Exe::Program(p) => {
                if let Some(d) = programs::shell_dialect(&p, &argv[0]) {
                    let pid = if replace { t.pid } else { self.next_pid + 1 };
                    match shell_task(
                        d,
                        &argv,
                        &env,
                        &t.shell.cwd,
                        t.shell.cred,
                        t.fds.clone(),
                        pid,
                        self.tty,
                        &*sys.fs(),
                    ) {
                        Ok(mut child) => {
                            if replace {
                                child.closes = std::mem::take(&mut t.closes);
                                *t = child;
                            } else {
                                self.next_pid += 1;
                                self.next_task += 1;
                                let id = self.next_task;
                                self.tasks.insert(id, child);
                                t.frames.push(Frame::Wait { tasks: vec![id], then: AfterWait::Status });
                            }
                        }
                        Err((msg, code)) => {
                            self.write_fd(t, 2, &msg, sys);
                            t.shell.last = code;
                            if replace {
                                t.frames.clear();
                            }
                        }
                    }
                    return;
                }
                let prog =
                    sys.program(&p, &argv).or_else(|| programs::create(&p, &argv)).unwrap_or_else(|| Box::new(Noop));
                self.push_program(t, prog, argv, replace);
            }
            Exe::Script(content) => {
                if let Some((interp, arg)) = shebang(&content) {
                    let mut new_argv = vec![interp.clone()];
                    new_argv.extend(arg);
                    new_argv.push(argv[0].clone());
                    new_argv.extend(argv[1..].iter().cloned());
                    let r = resolve(&*sys.fs(), &interp, &t.shell.path(), &t.shell.cwd, t.shell.cred);
                    match r {
                        Ok((ip, iexe)) if depth < MAX_INTERP => {
                            self.start_exe(t, new_argv, ip, iexe, env, replace, depth + 1, sys)
                        }
                        _ => {
                            let msg = match t.shell.dialect {
                                Dialect::Bash => format!(
                                    "{}{}: {interp}: bad interpreter: No such file or directory\n",
                                    t.shell.prefix(),
                                    argv[0]
                                ),
                                _ => format!("{}{}: not found\n", t.shell.prefix(), argv[0]),
                            };
                            self.write_fd(t, 2, &msg, sys);
                            t.shell.last = if t.shell.dialect == Dialect::Bash { 126 } else { 127 };
                        }
                    }
                    return;
                }
                let _ = path;
                let mut sh_argv = vec![t.shell.argv0.clone()];
                sh_argv.extend(argv.iter().cloned());
                let d = t.shell.dialect;
                let exe = Exe::Program(match d {
                    Dialect::Bash => "bash".into(),
                    Dialect::Dash => "dash".into(),
                    Dialect::Ash => "busybox".into(),
                });
                let sh_argv =
                    if d == Dialect::Ash { std::iter::once("sh".to_string()).chain(argv).collect() } else { sh_argv };
                self.start_exe(t, sh_argv, String::new(), exe, env, replace, depth + 1, sys);
            }
        }
    }

    /// Starts a container's main process (or an `exec`'d one): resolves `argv[0]`
    /// through `PATH` in `opts.env`, follows `#!`, and fails like runc would.
    pub fn spawn(argv: Vec<String>, opts: SpawnOpts, sys: &mut dyn Sys) -> Result<Process, SpawnError> {
        if argv.is_empty() {
            return Err(SpawnError::Empty);
        }
        let path_var = opts
            .env
            .iter()
            .find(|(k, _)| k == "PATH")
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into());
        let fds = std_fds(opts.stdin_open);
        let mut argv = argv;
        let mut depth = 0;
        let task = loop {
            let (_, exe) = resolve(&*sys.fs(), &argv[0], &path_var, &opts.cwd, opts.cred)?;
            match exe {
                Exe::Program(p) => {
                    if let Some(d) = programs::shell_dialect(&p, &argv[0]) {
                        match shell_task(
                            d,
                            &argv,
                            &opts.env,
                            &opts.cwd,
                            opts.cred,
                            fds.clone(),
                            opts.pid,
                            opts.tty,
                            &*sys.fs(),
                        ) {
                            Ok(t) => break t,
                            Err((msg, code)) => {
                                let sh = Shell::new(
                                    d,
                                    &argv[0],
                                    Origin::CommandString,
                                    &opts.env,
                                    &opts.cwd,
                                    opts.cred,
                                    opts.pid,
                                );
                                let mut t = Task::new(sh, fds.clone(), opts.pid, true, argv.join(" "));
                                t.frames.push(Frame::SetLast(code));
                                t.frames.push(Frame::Exec {
                                    prog: Box::new(super::builtins::Print { text: msg, fd: 2 }),
                                    pid: opts.pid,
                                    cmdline: argv.join(" "),
                                });
                                break t;
                            }
                        }
                    }
                    let prog = sys
                        .program(&p, &argv)
                        .or_else(|| programs::create(&p, &argv))
                        .unwrap_or_else(|| Box::new(Noop));
                    let sh = Shell::new(
                        Dialect::Ash,
                        &argv[0],
                        Origin::CommandString,
                        &opts.env,
                        &opts.cwd,
                        opts.cred,
                        opts.pid,
                    );
                    let mut t = Task::new(sh, fds.clone(), opts.pid, false, argv.join(" "));
                    t.frames.push(Frame::Exec { prog, pid: opts.pid, cmdline: argv.join(" ") });
                    break t;
                }
                Exe::Script(content) => {
                    let Some((interp, arg)) = shebang(&content) else {
                        return Err(SpawnError::ExecFormat(argv[0].clone()));
                    };
                    depth += 1;
                    if depth > MAX_INTERP {
                        return Err(SpawnError::ExecFormat(argv[0].clone()));
                    }
                    let mut new_argv = vec![interp];
                    new_argv.extend(arg);
                    new_argv.extend(argv);
                    argv = new_argv;
                }
            }
        };
        let mut tasks = BTreeMap::new();
        tasks.insert(super::exec::MAIN, task);
        let bufs = Buffers { stdin_closed: !opts.stdin_open, ..Buffers::default() };
        Ok(Process {
            tasks,
            bufs,
            now: sys.now(),
            next_task: 0,
            next_pid: opts.pid + 5,
            exit: None,
            pid1: opts.pid == 1,
            tty: opts.tty,
            finished: BTreeMap::new(),
            self_signals: Vec::new(),
        })
    }
}
