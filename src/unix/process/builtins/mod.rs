//! Shell builtins: the ones that change the shell itself (`cd`, `export`, `set`, `exit`,
//! `read`, `trap`, `wait`, `eval`, `.`, `exec`, loops' `break`/`continue`, `return`…) run
//! here; the output-only ones (`echo`, `printf`, `test`, `true`…) run the applet of the
//! same name inside the shell's task.
//!
//! Invariant: unwinding (`break`, `return`) never crosses a function-call frame and
//! restores every descriptor and variable saved on the way.

mod commands;

use super::task::{Frame, Task};
use super::{Process, Sys};
use crate::unix::fs::path;
use crate::unix::process::io::Io;
use crate::unix::programs::{self, Flavor, Program, Step};
use crate::unix::sh::Dialect;

const BUILTINS: &[&str] = &[
    "cd", "pwd", "export", "unset", "set", "exit", "return", "break", "continue", "shift", "read", "trap", "wait",
    "kill", "eval", ".", "source", "exec", "readonly", "local", "type", "command", "true", "false", ":", "echo",
    "printf", "test", "[", "umask", "alias", "unalias", "hash", "let",
];

pub fn is_builtin(name: &str, dialect: Dialect) -> bool {
    BUILTINS.contains(&name) && !(matches!(name, "source" | "let") && dialect == Dialect::Dash)
}

/// Writes a fixed text and exits 0 (startup errors of a main process).
#[derive(Clone, Debug)]
pub struct Print {
    pub text: String,
    pub fd: u32,
}

impl Program for Print {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        io.write_fd(self.fd, &self.text);
        Step::Exit(0)
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

fn valid_name(n: &str) -> bool {
    n.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Splits a line read by `read` into the named variables (IFS rules, backslashes).
pub fn assign_read(t: &mut Task, names: &[String], line: &str, raw: bool) {
    let line: String = if raw {
        line.to_string()
    } else {
        let mut s = String::new();
        let mut esc = false;
        for c in line.chars() {
            if esc {
                s.push(c);
                esc = false;
            } else if c == '\\' {
                esc = true;
            } else {
                s.push(c);
            }
        }
        s
    };
    let ifs = t.shell.get("IFS").unwrap_or(" \t\n").to_string();
    let names: Vec<String> = if names.is_empty() { vec!["REPLY".into()] } else { names.to_vec() };
    if names.len() == 1 && names[0] == "REPLY" && t.shell.dialect != Dialect::Dash && names.len() == 1 && ifs.is_empty()
    {
        let _ = t.shell.set("REPLY", &line);
        return;
    }
    let is_ifs = |c: char| ifs.contains(c);
    let mut rest = line.trim_start_matches(|c: char| is_ifs(c) && c.is_whitespace());
    for (i, name) in names.iter().enumerate() {
        if i + 1 == names.len() {
            let v = rest.trim_end_matches(|c: char| is_ifs(c) && c.is_whitespace());
            let _ = t.shell.set(name, v);
        } else {
            let end = rest.find(is_ifs).unwrap_or(rest.len());
            let _ = t.shell.set(name, &rest[..end]);
            rest = rest[end..].trim_start_matches(|c: char| is_ifs(c) && c.is_whitespace());
            if let Some(r) = rest.strip_prefix(|c: char| is_ifs(c) && !c.is_whitespace()) {
                rest = r.trim_start_matches(|c: char| is_ifs(c) && c.is_whitespace());
            }
        }
    }
}

pub(super) fn single_quote(v: &str) -> String {
    format!("'{}'", v.replace('\'', "'\"'\"'"))
}

impl Process {
    fn err(&mut self, t: &mut Task, msg: String, status: i32, sys: &mut dyn Sys) {
        self.write_fd(t, 2, &msg, sys);
        t.shell.last = status;
    }

    fn out(&mut self, t: &mut Task, msg: &str, sys: &mut dyn Sys) {
        self.write_fd(t, 1, msg, sys);
    }

    /// Runs builtin `argv[0]`.
    pub(super) fn builtin(&mut self, t: &mut Task, argv: &[String], sys: &mut dyn Sys) {
        let name = argv[0].as_str();
        let args = &argv[1..];
        let d = t.shell.dialect;
        t.shell.prev = t.shell.last;
        t.shell.last = 0;
        match name {
            ":" | "true" | "umask" | "alias" | "unalias" | "hash" => {}
            "false" => t.shell.last = 1,
            "echo" | "printf" | "test" | "[" => {
                let flavor = if d == Dialect::Ash { Flavor::Busybox } else { Flavor::Gnu };
                let prog = if name == "echo" && d == Dialect::Dash {
                    programs::text::echo_dash(argv.to_vec())
                } else if name == "test" || name == "[" {
                    use programs::testcmd::{TestProg, TestStyle};
                    let style = match d {
                        Dialect::Ash => TestStyle::Ash(t.shell.prefix()),
                        Dialect::Dash => TestStyle::Dash(t.shell.prefix()),
                        Dialect::Bash => TestStyle::Bash(t.shell.prefix()),
                    };
                    Some(Box::new(TestProg { argv: argv.to_vec(), style }) as Box<dyn Program>)
                } else {
                    programs::applets::create(name, flavor, argv.to_vec())
                };
                if let Some(prog) = prog {
                    let env = t.shell.env();
                    t.frames.push(Frame::Exec { prog, pid: t.pid, cmdline: String::new(), env });
                }
            }
            "pwd" => {
                let cwd = format!("{}\n", t.shell.cwd);
                self.out(t, &cwd, sys);
            }
            "cd" => self.cd(t, args, sys),
            "export" | "readonly" | "local" => {
                if args.is_empty() || args.iter().all(|a| a == "-p") {
                    let mut lines = String::new();
                    for (k, v) in &t.shell.vars {
                        let shown = if name == "export" { v.exported } else { v.readonly };
                        if !shown {
                            continue;
                        }
                        lines.push_str(&match d {
                            Dialect::Bash => {
                                format!("declare -{} {k}=\"{}\"\n", if name == "export" { "x" } else { "r" }, v.value)
                            }
                            _ => format!("{name} {k}={}\n", single_quote(&v.value)),
                        });
                    }
                    return self.out(t, &lines, sys);
                }
                for a in args.iter().filter(|a| !a.starts_with('-')) {
                    let (n, v) = match a.split_once('=') {
                        Some((n, v)) => (n, Some(v)),
                        None => (a.as_str(), None),
                    };
                    if !valid_name(n) {
                        let msg = match d {
                            Dialect::Bash => format!("{}`{a}': not a valid identifier\n", t.shell.builtin_prefix(name)),
                            _ => format!("{}{n}: bad variable name\n", t.shell.builtin_prefix(name)),
                        };
                        if d == Dialect::Bash {
                            return self.err(t, msg, 1, sys);
                        }
                        self.expansion_failed(t, &msg, 2, sys);
                        return;
                    }
                    if let Some(v) = v
                        && let Err(n) = t.shell.set(n, v)
                    {
                        return self.readonly_error(t, &n, sys);
                    }
                    match name {
                        "export" => t.shell.export(n),
                        "readonly" => t.shell.readonly(n),
                        _ => {
                            if v.is_none() && t.shell.get(n).is_none() {
                                let _ = t.shell.set(n, "");
                            }
                        }
                    }
                }
            }
            "unset" => {
                let mut funcs = false;
                for a in args {
                    match a.as_str() {
                        "-f" => funcs = true,
                        "-v" => funcs = false,
                        o if o.starts_with('-') => {
                            let msg = match d {
                                Dialect::Ash => format!("{}illegal option {o}\n", t.shell.builtin_prefix("unset")),
                                Dialect::Dash => format!("{}Illegal option {o}\n", t.shell.builtin_prefix("unset")),
                                Dialect::Bash => format!(
                                    "{}{o}: invalid option\nunset: usage: unset [-f] [-v] [-n] [name ...]\n",
                                    t.shell.builtin_prefix("unset")
                                ),
                            };
                            if d == Dialect::Bash {
                                return self.err(t, msg, 2, sys);
                            }
                            return self.expansion_failed(t, &msg, 2, sys);
                        }
                        n if funcs => {
                            t.shell.funcs.remove(n);
                        }
                        n => {
                            if let Err(n) = t.shell.unset(n) {
                                return self.readonly_error(t, &n, sys);
                            }
                        }
                    }
                }
            }
            "set" => self.set(t, args, sys),
            "exit" => {
                let code = match args.first() {
                    None => t.shell.prev,
                    Some(a) => match a.parse::<i64>() {
                        Ok(n) => (n & 0xff) as i32,
                        Err(_) => {
                            let msg = match d {
                                Dialect::Ash => format!("{}Illegal number: {a}\n", t.shell.builtin_prefix("exit")),
                                Dialect::Dash => format!("{}Illegal number: {a}\n", t.shell.builtin_prefix("exit")),
                                Dialect::Bash => {
                                    format!("{}{a}: numeric argument required\n", t.shell.builtin_prefix("exit"))
                                }
                            };
                            self.write_fd(t, 2, &msg, sys);
                            2
                        }
                    },
                };
                if t.shell.interactive && d == Dialect::Bash {
                    self.write_fd(t, 2, "exit\n", sys);
                }
                t.frames.clear();
                t.shell.last = code;
            }
            "return" => {
                let code =
                    args.first().and_then(|a| a.parse::<i64>().ok()).map(|n| (n & 0xff) as i32).unwrap_or(t.shell.prev);
                if !t.frames.iter().any(|f| matches!(f, Frame::Call { .. })) {
                    if d == Dialect::Bash {
                        let msg = format!(
                            "{}can only `return' from a function or sourced script\n",
                            t.shell.builtin_prefix("return")
                        );
                        return self.err(t, msg, 2, sys);
                    }
                    t.frames.clear();
                    t.shell.last = code;
                    return;
                }
                while let Some(f) = t.frames.last() {
                    if matches!(f, Frame::Call { .. }) {
                        break;
                    }
                    let f = t.frames.pop();
                    self.unwind_one(t, f);
                }
                t.shell.last = code;
            }
            "break" | "continue" => {
                let n = args.first().and_then(|a| a.parse::<u32>().ok()).unwrap_or(1).max(1);
                self.unwind_loops(t, n, name == "continue");
            }
            "shift" => {
                let n = args.first().and_then(|a| a.parse::<usize>().ok()).unwrap_or(1);
                if n > t.shell.positional.len() {
                    if d == Dialect::Dash {
                        let msg = format!("{}can't shift that many\n", t.shell.builtin_prefix("shift"));
                        return self.expansion_failed(t, &msg, 2, sys);
                    }
                    t.shell.last = 1;
                } else {
                    t.shell.positional.drain(..n);
                }
            }
            "read" => {
                let mut raw = false;
                let mut names = Vec::new();
                let mut i = 0;
                while i < args.len() {
                    match args[i].as_str() {
                        "-r" => raw = true,
                        "-p" => {
                            if let Some(p) = args.get(i + 1) {
                                let p = p.clone();
                                self.write_fd(t, 2, &p, sys);
                            }
                            i += 1;
                        }
                        a => names.push(a.to_string()),
                    }
                    i += 1;
                }
                if names.is_empty() && d == Dialect::Dash {
                    let msg = format!("{}arg count\n", t.shell.builtin_prefix("read"));
                    return self.err(t, msg, 2, sys);
                }
                t.frames.push(Frame::Read { names, raw });
            }
            "trap" => self.trap(t, args, sys),
            "wait" => {
                let mut tasks = Vec::new();
                if args.is_empty() {
                    tasks = t.jobs.iter().map(|j| j.1).collect();
                } else {
                    for a in args {
                        match a.parse::<u32>().ok().and_then(|p| t.jobs.iter().find(|j| j.0 == p)) {
                            Some(j) => tasks.push(j.1),
                            None => {
                                if d == Dialect::Bash {
                                    let msg = format!(
                                        "{}pid {a} is not a child of this shell\n",
                                        t.shell.builtin_prefix("wait")
                                    );
                                    self.write_fd(t, 2, &msg, sys);
                                }
                                t.shell.last = 127;
                                return;
                            }
                        }
                    }
                }
                t.jobs.retain(|j| !tasks.contains(&j.1));
                if !tasks.is_empty() {
                    t.frames.push(Frame::WaitBuiltin { tasks });
                }
            }
            "kill" => self.kill(t, args, sys),
            "eval" => {
                let src = args.join(" ");
                self.run_source(t, &src, sys);
            }
            "." | "source" => {
                let Some(file) = args.first() else { return };
                let abs = path::absolute(&t.shell.cwd, file);
                match sys.fs().read(&abs, t.shell.cred) {
                    Ok(data) => {
                        let src = String::from_utf8_lossy(&data.bytes()).into_owned();
                        self.run_source(t, &src, sys);
                    }
                    Err(e) => {
                        let msg = match d {
                            Dialect::Ash => {
                                format!("{}can't open '{file}': {}\n", t.shell.builtin_prefix("."), e.message())
                            }
                            Dialect::Dash => {
                                format!("{}cannot open {file}: No such file\n", t.shell.builtin_prefix("."))
                            }
                            Dialect::Bash => format!("{}{file}: {}\n", t.shell.prefix(), e.message()),
                        };
                        if d == Dialect::Bash {
                            self.err(t, msg, 1, sys);
                        } else {
                            self.expansion_failed(t, &msg, 2, sys);
                        }
                    }
                }
            }
            "exec" => {
                if args.is_empty() {
                    if let Some(Frame::RestoreFds(_)) = t.frames.last() {
                        t.frames.pop();
                    }
                    return;
                }
                let env = t.shell.env();
                self.launch(t, args.to_vec(), env, true, sys);
            }
            "type" | "command" => self.type_cmd(t, name, args, sys),
            "let" => {
                for a in args {
                    let w = vec![crate::unix::sh::ast::Part::Arith(vec![crate::unix::sh::ast::Part::Lit(a.clone())])];
                    let r = super::expand::Ctx { sh: &mut t.shell, fs: &*sys.fs(), substs: &[], next: 0 }.string(&w);
                    match r {
                        Ok(v) => t.shell.last = (v == "0") as i32,
                        Err(super::expand::ExpErr::Fatal(m, _)) => return self.err(t, m, 1, sys),
                        Err(_) => {}
                    }
                }
            }
            _ => {}
        }
    }
}
