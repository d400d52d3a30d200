//! Running commands from a shell: resolving a name through `PATH`, `#!` interpreters,
//! then starting a shell (see [`super::spawn`]), an applet, an image program, or the
//! embedder's own program (the host's `docker`).
//!
//! Invariant: interpreter chains (`#!` pointing at a script) are followed at most
//! [`MAX_INTERP`] times.

use super::io::{Fd, In, Out};
use super::shell::Shell;
use super::task::{AfterWait, Frame, Task};
use super::{ExternalResult, Process, SpawnError, Sys};
use crate::unix::fs::{Cred, Data, Fs, Kind, path};
use crate::unix::process::io::Io;
use crate::unix::programs::{self, Noop, Program, Step};
use crate::unix::sh::Dialect;

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
            Some(Fd::In(In::Stdin)) | None => None,
            Some(Fd::In(In::Null)) => Some(String::new()),
            _ => match io.read_all() {
                Some(s) => Some(s),
                None => return Step::Read,
            },
        };
        let env = io.env.to_vec();
        let cwd = io.cwd.to_string();
        let stderr_tty = matches!(io.fds.get(&2), Some(Fd::Out(Out::Stderr)) | None);
        io.sys.external_context(&cwd, stderr_tty);
        match io.sys.external(&self.name, &self.argv, stdin.as_deref(), &env, &cwd) {
            Some(ExternalResult { output, exit, foreground }) => {
                for (stream, text) in &output {
                    match stream {
                        super::Stream::Stdout => io.out(text),
                        super::Stream::Stderr => io.err(text),
                    }
                }
                if foreground { Step::Block } else { Step::Exit(exit) }
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

impl Process {
    /// [`resolve`] with a per-process memory of where `PATH` lookups landed (like a
    /// shell's command hash): a remembered path is checked again before use.
    fn resolve_cached(
        &mut self,
        name: &str,
        path_var: &str,
        t: &Task,
        sys: &mut dyn Sys,
    ) -> Result<(String, Exe), SpawnError> {
        let cacheable = !name.contains('/') && path_var.split(':').all(|d| d.starts_with('/'));
        let key = (name.to_string(), path_var.to_string());
        if cacheable
            && let Some(found) = self.path_cache.get(&key)
            && let Ok(hit) = resolve(&*sys.fs(), found, path_var, "/", t.shell.cred)
        {
            return Ok(hit);
        }
        let r = resolve(&*sys.fs(), name, path_var, &t.shell.cwd, t.shell.cred);
        if let (true, Ok((p, _))) = (cacheable, &r) {
            if self.path_cache.len() > 256 {
                self.path_cache.clear();
            }
            self.path_cache.insert(key, p.clone());
        }
        r
    }

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
        let r = self.resolve_cached(&argv[0], &path_var, t, sys);
        match r {
            Err(SpawnError::NotFound { in_path: true, .. }) => {
                let (not_found, _) =
                    exec_error(&t.shell, &SpawnError::NotFound { name: argv[0].clone(), in_path: true });
                let prog = Box::new(External { name: argv[0].clone(), argv: argv.clone(), not_found });
                self.push_program(t, prog, argv, env, replace);
            }
            Err(e) => {
                let (msg, code) = exec_error(&t.shell, &e);
                self.write_fd(t, 2, &msg, sys);
                t.shell.last = code;
            }
            Ok((path, exe)) => self.start_exe(t, argv, path, exe, env, replace, 0, sys),
        }
    }

    fn push_program(
        &mut self,
        t: &mut Task,
        prog: Box<dyn Program>,
        argv: Vec<String>,
        env: Vec<(String, String)>,
        replace: bool,
    ) {
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
        t.frames.push(Frame::Exec { prog, pid, cmdline, env });
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
                    match super::spawn::shell_task(
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
                self.push_program(t, prog, argv, env, replace);
            }
            Exe::Script(content) => {
                if let Some((interp, arg)) = shebang(&content) {
                    let mut new_argv = vec![interp.clone()];
                    new_argv.extend(arg);
                    new_argv.push(if argv[0].contains('/') { argv[0].clone() } else { path.clone() });
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
}
