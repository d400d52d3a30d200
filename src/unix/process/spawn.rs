//! Starting a container's main process ([`Process::spawn`]) and shells: parsing a
//! shell's own arguments (`sh -c`, `sh script`, a bare interactive `sh`).
//!
//! Invariant: a shell that cannot start still yields a task that prints its error and
//! exits with the shell's status; only a missing or unexecutable `argv[0]` is an `Err`.

use std::collections::BTreeMap;

use super::io::{Buffers, Fd, In, std_fds};
use super::launch::{Exe, MAX_INTERP, resolve, shebang};
use super::shell::Shell;
use super::task::{Frame, Task};
use super::{Process, SpawnError, SpawnOpts, Sys};
use crate::unix::fs::{Cred, Errno, Fs, path};
use crate::unix::programs::{self, Noop};
use crate::unix::sh::{Dialect, Origin, Parser};

/// A shell started as `argv`: its task (fds inherited from `fds`), or its error.
#[allow(clippy::too_many_arguments)]
pub(super) fn shell_task(
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
            let (found, exe) = resolve(&*sys.fs(), &argv[0], &path_var, &opts.cwd, opts.cred)?;
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
                                    env: Vec::new(),
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
                    t.frames.push(Frame::Exec { prog, pid: opts.pid, cmdline: argv.join(" "), env: opts.env.clone() });
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
                    if !argv[0].contains('/') {
                        argv[0] = found;
                    }
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
