//! `python3` and `pip` of the `python` image (3.13.3: the version from
//! `PYTHON_VERSION`). `--version`/`-V`, `-c` and scripts run through
//! [`super::script_eval`] (`print(…)` of numbers and strings); a script that serves HTTP
//! (`app.run(`, `serve_forever(`, `uvicorn.run(`) prints its `print` lines and keeps
//! running. Without arguments: the interactive interpreter on a terminal (banner, `>>> `,
//! `exit()`), else the program read from stdin (`docker run python` exits 0 at once).
//! `pip --version`, `pip install` (simulated: there is no package index here), `pip list`.
//!
//! Texts: CPython 3.13 (`Python/pythonrun.c`, `Lib/traceback.py`: the source line and
//! carets under a name; carets of operators are not drawn), pip 25's messages.
//!
//! Invariant: each interactive line is evaluated once; scripts are bounded by their
//! length.

use super::script_eval::{self, EvalError, Lang};
use super::util::{self, Distro};
use crate::unix::process::io::{Io, Read};
use crate::unix::programs::{Program, Step};

fn version(io: &Io<'_>) -> String {
    io.getenv("PYTHON_VERSION").unwrap_or("3.13.3").to_string()
}

fn minor(io: &Io<'_>) -> String {
    let v = version(io);
    let mut it = v.split('.');
    format!("{}.{}", it.next().unwrap_or("3"), it.next().unwrap_or("13"))
}

/// The first line of the interactive banner: build date (the binary's modification time)
/// and compiler of the image's variant.
fn banner(io: &mut Io<'_>) -> String {
    let v = version(io);
    let exe = format!("/usr/local/bin/python{}", minor(io));
    let built = io.fs().stat(&exe).map(|s| s.meta.mtime).unwrap_or(crate::engine::clock::Time::START);
    let c = built.civil();
    let gcc = if util::distro(io) == Distro::Alpine { "GCC 14.2.0" } else { "GCC 12.2.0" };
    format!(
        "Python {v} (main, {} {:>2} {}, {:02}:{:02}:{:02}) [{gcc}] on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
        c.month_abbrev(),
        c.day,
        c.year,
        c.hour,
        c.minute,
        c.second
    )
}

/// A traceback for an error in `file` (`<string>` for `-c`).
fn traceback(file: &str, line_no: usize, line: &str, e: &EvalError) -> String {
    let code = line.trim();
    let indent = line.len() - line.trim_start().len();
    match e {
        EvalError::Syntax { col } => {
            let caret = col.saturating_sub(indent);
            format!("  File \"{file}\", line {}\n    {code}\n    {}^\nSyntaxError: invalid syntax\n", line_no + 1, " ".repeat(caret))
        }
        EvalError::Name { name, col } => format!(
            "Traceback (most recent call last):\n  File \"{file}\", line {}, in <module>\n    {code}\n    {}{}\nNameError: name '{name}' is not defined\n",
            line_no + 1,
            " ".repeat(col.saturating_sub(indent)),
            "^".repeat(name.chars().count())
        ),
        EvalError::Runtime(m) => format!("Traceback (most recent call last):\n  File \"{file}\", line {}, in <module>\n    {code}\n{m}\n", line_no + 1),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum State {
    Start,
    Repl { prompted: bool },
    Stdin,
    Serving,
}

/// `python3` (also `python`, `python3.13`).
#[derive(Clone, Debug)]
pub struct Python {
    argv: Vec<String>,
    state: State,
}

impl Python {
    pub fn new(argv: &[String]) -> Python {
        Python { argv: argv.to_vec(), state: State::Start }
    }

    /// Runs `src`; `None` when it keeps serving.
    fn run_source(io: &mut Io<'_>, src: &str, file: &str) -> Option<i32> {
        let v = version(io);
        let is_file = file != "<string>" && file != "<stdin>";
        for (line, _, stmt) in script_eval::statements(src) {
            let trimmed = stmt.trim();
            if is_file && !trimmed.starts_with("print(") {
                continue;
            }
            let lead = stmt.len() - stmt.trim_start().len();
            match script_eval::eval(Lang::Py, trimmed, &v) {
                Ok(eff) => io.out(&eff.printed),
                Err((printed, e)) => {
                    io.out(&printed);
                    let e = match e {
                        EvalError::Name { name, col } => EvalError::Name { name, col: col + lead },
                        EvalError::Syntax { col } => EvalError::Syntax { col: col + lead },
                        other => other,
                    };
                    let text = src.lines().nth(line).unwrap_or(&stmt).to_string();
                    io.err(&traceback(file, line, &text, &e));
                    return Some(1);
                }
            }
        }
        if is_file && ["app.run(", "serve_forever(", "uvicorn.run("].iter().any(|p| src.contains(p)) {
            return None;
        }
        Some(0)
    }
}

impl Program for Python {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        match self.state {
            State::Serving => Step::Block,
            State::Start => {
                let args: Vec<String> = self.argv.iter().skip(1).cloned().collect();
                match args.first().map(String::as_str) {
                    Some("-V" | "--version") => {
                        io.out(&format!("Python {}\n", version(io)));
                        Step::Exit(0)
                    }
                    Some("-c") => {
                        let Some(code) = args.get(1) else {
                            io.err("Argument expected for the -c option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n");
                            return Step::Exit(2);
                        };
                        Step::Exit(Self::run_source(io, code, "<string>").unwrap_or(0))
                    }
                    Some("-m") => match args.get(1).map(String::as_str) {
                        Some("pip") => Step::Exec { argv: std::iter::once("pip".to_string()).chain(args.iter().skip(2).cloned()).collect(), env: io.env.to_vec() },
                        Some(m) => {
                            io.err(&format!("{}: No module named {m}\n", self.argv[0]));
                            Step::Exit(1)
                        }
                        None => {
                            io.err("Argument expected for the -m option\n");
                            Step::Exit(2)
                        }
                    },
                    Some(flag) if flag.starts_with('-') && flag != "-" => {
                        io.err(&format!("Unknown option: {flag}\nusage: {} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n", self.argv[0]));
                        Step::Exit(2)
                    }
                    Some(path) if path != "-" => {
                        let Some(src) = util::read_text(io, path) else {
                            let abs = io.abs(path);
                            io.err(&format!("{}: can't open file '{abs}': [Errno 2] No such file or directory\n", self.argv[0]));
                            return Step::Exit(2);
                        };
                        match Self::run_source(io, &src, path) {
                            Some(c) => Step::Exit(c),
                            None => {
                                self.state = State::Serving;
                                Step::Block
                            }
                        }
                    }
                    _ if io.stdin_is_terminal() && io.tty => {
                        let b = banner(io);
                        io.out(&b);
                        self.state = State::Repl { prompted: false };
                        Step::Yield
                    }
                    _ => {
                        self.state = State::Stdin;
                        Step::Yield
                    }
                }
            }
            State::Stdin => match io.read_all() {
                None => Step::Read,
                Some(src) => Step::Exit(Self::run_source(io, &src, "<stdin>").unwrap_or(0)),
            },
            State::Repl { prompted } => {
                if !prompted {
                    io.out(">>> ");
                }
                match io.read_line() {
                    Read::Data(line) => {
                        let l = line.trim_end_matches('\n');
                        self.state = State::Repl { prompted: false };
                        match l.trim() {
                            "exit()" | "quit()" | "exit" | "quit" => return Step::Exit(0),
                            "" => {}
                            code => {
                                let v = version(io);
                                match script_eval::eval(Lang::Py, code, &v) {
                                    Ok(eff) => {
                                        io.out(&eff.printed);
                                        if eff.value != script_eval::Value::Nothing {
                                            io.out(&format!("{}\n", eff.value.echo(Lang::Py)));
                                        }
                                    }
                                    Err((printed, e)) => {
                                        io.out(&printed);
                                        io.err(&traceback("<python-input-0>", 0, code, &e));
                                    }
                                }
                            }
                        }
                        Step::Yield
                    }
                    Read::Eof => Step::Exit(0),
                    Read::WouldBlock => {
                        self.state = State::Repl { prompted: true };
                        Step::Read
                    }
                }
            }
        }
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// Versions `pip install` reports for a few popular packages (others: `1.0.0`).
const KNOWN: &[(&str, &str)] = &[
    ("flask", "3.1.1"),
    ("requests", "2.32.3"),
    ("django", "5.2.1"),
    ("fastapi", "0.115.12"),
    ("uvicorn", "0.34.2"),
    ("numpy", "2.2.6"),
    ("pandas", "2.2.3"),
    ("redis", "6.1.0"),
    ("psycopg2-binary", "2.9.10"),
];

/// `pip` (`pip3`, `pip3.13`).
#[derive(Clone, Debug)]
pub struct Pip {
    argv: Vec<String>,
}

impl Pip {
    pub fn new(argv: &[String]) -> Pip {
        Pip { argv: argv.to_vec() }
    }
}

impl Program for Pip {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        let args: Vec<String> = self.argv.iter().skip(1).cloned().collect();
        let m = minor(io);
        let site = format!("/usr/local/lib/python{m}/site-packages");
        match args.first().map(String::as_str) {
            Some("--version" | "-V") => {
                io.out(&format!("pip 25.0.1 from {site}/pip (python {m})\n"));
                Step::Exit(0)
            }
            Some("list") => {
                io.out("Package Version\n------- -------\npip     25.0.1\n");
                Step::Exit(0)
            }
            Some("install") => {
                let mut wanted: Vec<String> = Vec::new();
                let mut i = 1;
                while i < args.len() {
                    let a = &args[i];
                    if a == "-r" || a == "--requirement" {
                        i += 1;
                        let Some(f) = args.get(i) else { break };
                        let Some(text) = util::read_text(io, f) else {
                            io.err(&format!("ERROR: Could not open requirements file: [Errno 2] No such file or directory: '{f}'\n"));
                            return Step::Exit(1);
                        };
                        wanted.extend(text.lines().map(|l| l.split('#').next().unwrap_or("").trim().to_string()).filter(|l| !l.is_empty()));
                    } else if !a.starts_with('-') {
                        wanted.push(a.clone());
                    }
                    i += 1;
                }
                if wanted.is_empty() {
                    io.err("ERROR: You must give at least one requirement to install (see \"pip help install\")\n");
                    return Step::Exit(1);
                }
                let mut installed: Vec<(String, String)> = Vec::new();
                for w in &wanted {
                    let (name, pinned) = match w.split_once("==") {
                        Some((n, v)) => (n.trim().to_lowercase(), Some(v.trim().to_string())),
                        None => (w.split(['>', '<', '=', '~', '[']).next().unwrap_or(w).trim().to_lowercase(), None),
                    };
                    let ver = pinned.unwrap_or_else(|| KNOWN.iter().find(|(n, _)| *n == name).map_or("1.0.0".into(), |(_, v)| v.to_string()));
                    let wheel = name.replace('-', "_");
                    io.out(&format!("Collecting {w}\n  Downloading {wheel}-{ver}-py3-none-any.whl.metadata (3.0 kB)\n"));
                    let cred = io.cred;
                    util::mkdir_owned(io, &format!("{site}/{wheel}"), cred, 0o755);
                    installed.push((name, ver));
                }
                for (name, ver) in &installed {
                    io.out(&format!("Downloading {}-{ver}-py3-none-any.whl (100 kB)\n", name.replace('-', "_")));
                }
                let names: Vec<&str> = installed.iter().map(|(n, _)| n.as_str()).collect();
                let done: Vec<String> = installed.iter().map(|(n, v)| format!("{n}-{v}")).collect();
                io.out(&format!("Installing collected packages: {}\nSuccessfully installed {}\n", names.join(", "), done.join(" ")));
                if io.cred.uid == 0 {
                    io.err("WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n");
                }
                io.err("\n[notice] A new release of pip is available: 25.0.1 -> 25.1.1\n[notice] To update, run: pip install --upgrade pip\n");
                Step::Exit(0)
            }
            _ => {
                io.out("\nUsage:   \n  pip <command> [options]\n\nCommands:\n  install                     Install packages.\n  download                    Download packages.\n  uninstall                   Uninstall packages.\n  freeze                      Output installed packages in requirements format.\n  inspect                     Inspect the python environment.\n  list                        List installed packages.\n  show                        Show information about installed packages.\n  check                       Verify installed packages have compatible dependencies.\n  config                      Manage local and global configuration.\n  search                      Search PyPI for packages.\n  cache                       Inspect and manage pip's wheel cache.\n  index                       Inspect information available from package indexes.\n  wheel                       Build wheels from your requirements.\n  hash                        Compute hashes of package archives.\n  completion                  A helper command used for command completion.\n  debug                       Show information useful for debugging.\n  help                        Show help for commands.\n");
                Step::Exit(if args.is_empty() { 0 } else { 1 })
            }
        }
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use crate::unix::fs::{Layer, UnionFs};
    use crate::unix::process::RunStatus;
    use crate::unix::testing::SimpleSys;

    fn run(args: &[&str], tty: bool, input: Option<&str>) -> (String, String, RunStatus) {
        let mut image = debian("");
        let built = crate::engine::clock::Time(1_746_743_243 * 1_000_000_000);
        image.program("/usr/local/bin/python3.13", "python3", built).symlink("/usr/local/bin/python3", "python3.13", T0).program("/usr/local/bin/pip", "pip", T0);
        let lowers = [&image];
        let mut up = Layer::new();
        let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
        let mut p = spawn(&mut sys, args, &[("PYTHON_VERSION", "3.13.3")], tty);
        let mut st = p.run(&mut sys, T0);
        if let Some(i) = input {
            p.feed_stdin(i);
            st = p.run(&mut sys, T0);
        }
        (sys.stdout(), sys.stderr(), st)
    }

    #[test]
    fn version_c_and_errors() {
        assert_eq!(run(&["python3", "--version"], false, None).0, "Python 3.13.3\n");
        assert_eq!(run(&["python3", "-c", "print(7 / 2, 2 ** 10, 'olá')"], false, None).0, "3.5 1024 olá\n");
        let (_, err, st) = run(&["python3", "-c", "print(foo)"], false, None);
        assert_eq!(err, "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n    print(foo)\n          ^^^\nNameError: name 'foo' is not defined\n");
        assert_eq!(st, RunStatus::Exited(1));
        assert_eq!(run(&["python3", "-c", "print(1 +)"], false, None).1, "  File \"<string>\", line 1\n    print(1 +)\n             ^\nSyntaxError: invalid syntax\n");
        assert_eq!(run(&["pip", "--version"], false, None).0, "pip 25.0.1 from /usr/local/lib/python3.13/site-packages/pip (python 3.13)\n");
        assert_eq!(run(&["python3"], false, None).2, RunStatus::Exited(0));
    }

    #[test]
    fn interactive_interpreter() {
        let (out, _, st) = run(&["python3"], true, Some("1 + 1\nprint('oi')\n'x'\nexit()\n"));
        assert_eq!(out, "Python 3.13.3 (main, May  8 2025, 22:27:23) [GCC 12.2.0] on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n>>> 2\n>>> oi\n>>> 'x'\n>>> ");
        assert_eq!(st, RunStatus::Exited(0));
    }
}
