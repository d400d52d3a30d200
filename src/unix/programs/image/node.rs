//! `node`, `npm` and `npx` of the `node` image (24.1.0 and 22.16.0: versions from
//! `NODE_VERSION`). `node -v`, `node -e`/`-p` and scripts run through
//! [`super::script_eval`]; a script that starts an HTTP server (`.listen(`) prints its
//! `console.log` lines and keeps running (node installs no SIGTERM handler, so as PID 1
//! it ignores `docker stop` until SIGKILL, exit 137, as the real one does). Without
//! arguments: the REPL on a terminal (`Welcome to Node.js v24.1.0.`), else the program
//! read from stdin (`docker run node` exits 0 at once). `npm -v`, `npm init -y`,
//! `npm install`, `npm start` / `npm run` (which execs `sh -c` with the script).
//!
//! Texts: nodejs/node `lib/internal/repl.js`, `lib/internal/process/execution.js` (error
//! frames abbreviated), npm/cli `lib/commands/init.js`, `run-script.js`.
//!
//! Invariant: each input line of the REPL is evaluated once; scripts are evaluated
//! statement by statement, bounded by their length.

use super::script_eval::{self, EvalError, Lang, Value};
use super::util;
use crate::unix::fs::Cred;
use crate::unix::process::io::{Io, Read};
use crate::unix::programs::{Program, Step};

fn version(io: &Io<'_>) -> String {
    format!("v{}", io.getenv("NODE_VERSION").unwrap_or("24.1.0"))
}

/// The npm each Node.js release bundles.
fn npm_version(io: &Io<'_>) -> &'static str {
    match io.getenv("NODE_VERSION").unwrap_or("24.1.0").split('.').next() {
        Some("22") => "10.9.2",
        _ => "11.3.0",
    }
}

/// The error node prints for an uncaught exception in `[eval]` or a file.
fn js_error(io: &Io<'_>, origin: &str, line_no: usize, line: &str, e: &EvalError) -> String {
    let v = version(io);
    let (col, kind) = match e {
        EvalError::Name { name, col } => (*col, format!("ReferenceError: {name} is not defined")),
        EvalError::Syntax { col } => (*col, "SyntaxError: Invalid or unexpected token".to_string()),
        EvalError::Runtime(m) => (0, m.clone()),
    };
    let frame = if matches!(e, EvalError::Syntax { .. }) {
        "    at makeContextifyScript (node:internal/vm:185:14)\n    at node:internal/process/execution:107:22\n".to_string()
    } else {
        format!("    at {origin}:{}:{}\n", line_no + 1, col + 1)
    };
    format!("{origin}:{}\n{line}\n{}^\n\n{kind}\n{frame}\nNode.js {v}\n", line_no + 1, " ".repeat(col))
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum State {
    Start,
    Repl { prompted: bool },
    Stdin,
    Serving,
}

/// `node`.
#[derive(Clone, Debug)]
pub struct Node {
    argv: Vec<String>,
    state: State,
}

impl Node {
    pub fn new(argv: &[String]) -> Node {
        Node { argv: argv.to_vec(), state: State::Start }
    }

    /// Runs `src` (from `origin`: `[eval]`, a path); the exit status, or `None` when the
    /// program keeps running (a server).
    fn run_source(io: &mut Io<'_>, src: &str, origin: &str, print_last: bool) -> Option<i32> {
        let v = version(io);
        let file = origin != "[eval]" && origin != "[stdin]";
        let mut last = Value::Nothing;
        for (line, _, stmt) in script_eval::statements(src) {
            match script_eval::eval(Lang::Js, stmt.trim(), &v) {
                Ok(eff) => {
                    io.out(&eff.printed);
                    last = eff.value;
                }
                Err((printed, _)) if file => io.out(&printed),
                Err((printed, e)) => {
                    io.out(&printed);
                    let text = src.lines().nth(line).unwrap_or("");
                    io.err(&js_error(io, origin, line, text, &e));
                    return Some(1);
                }
            }
        }
        if print_last {
            io.out(&format!("{}\n", last.show(Lang::Js)));
        }
        if file && src.contains(".listen(") {
            let port = src.split(".listen(").nth(1).and_then(|r| r.split(|c: char| !c.is_ascii_digit()).find(|d| !d.is_empty())).unwrap_or("3000").to_string();
            for chunk in src.split("console.log(").skip(1) {
                let arg = chunk.trim_start();
                let Some(q) = arg.chars().next().filter(|c| matches!(c, '\'' | '"' | '`')) else { continue };
                let Some(end) = arg[1..].find(q) else { continue };
                let text = arg[1..1 + end].replace("${PORT}", &port).replace("${port}", &port);
                if !text.contains("${") {
                    io.out(&format!("{text}\n"));
                }
            }
            return None;
        }
        Some(0)
    }
}

impl Program for Node {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        match self.state {
            State::Serving => Step::Block,
            State::Start => {
                let args: Vec<String> = self.argv.iter().skip(1).cloned().collect();
                match args.first().map(String::as_str) {
                    Some("-v" | "--version") => {
                        io.out(&format!("{}\n", version(io)));
                        Step::Exit(0)
                    }
                    Some(flag @ ("-e" | "--eval" | "-p" | "--print")) => {
                        let Some(code) = args.get(1) else {
                            io.err(&format!("{}: {flag} requires an argument\n", self.argv[0]));
                            return Step::Exit(9);
                        };
                        let print = flag == "-p" || flag == "--print";
                        Step::Exit(Self::run_source(io, code, "[eval]", print).unwrap_or(0))
                    }
                    Some(flag) if flag.starts_with('-') => {
                        io.err(&format!("{}: bad option: {flag}\n", self.argv[0]));
                        Step::Exit(9)
                    }
                    Some(path) => {
                        let abs = io.abs(path);
                        let Some(src) = util::read_text(io, path) else {
                            let v = version(io);
                            io.err(&format!(
                                "node:internal/modules/cjs/loader:1404\n  throw err;\n  ^\n\nError: Cannot find module '{abs}'\n    at Function._resolveFilename (node:internal/modules/cjs/loader:1401:15)\n    at node:internal/main/run_main_module:36:49 {{\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}}\n\nNode.js {v}\n"
                            ));
                            return Step::Exit(1);
                        };
                        match Self::run_source(io, &src, &abs, false) {
                            Some(c) => Step::Exit(c),
                            None => {
                                self.state = State::Serving;
                                Step::Block
                            }
                        }
                    }
                    None if io.stdin_is_terminal() && io.tty => {
                        io.out(&format!("Welcome to Node.js {}.\nType \".help\" for more information.\n", version(io)));
                        self.state = State::Repl { prompted: false };
                        Step::Yield
                    }
                    None => {
                        self.state = State::Stdin;
                        Step::Yield
                    }
                }
            }
            State::Stdin => match io.read_all() {
                None => Step::Read,
                Some(src) => Step::Exit(Self::run_source(io, &src, "[stdin]", false).unwrap_or(0)),
            },
            State::Repl { prompted } => {
                if !prompted {
                    io.out("> ");
                }
                match io.read_line() {
                    Read::Data(line) => {
                        let l = line.trim();
                        self.state = State::Repl { prompted: false };
                        match l {
                            ".exit" => return Step::Exit(0),
                            ".help" => io.out(".break     Sometimes you get stuck, this gets you out\n.clear     Alias for .break\n.editor    Enter editor mode\n.exit      Exit the REPL\n.help      Print this help message\n.load      Load JS from a file into the REPL session\n.save      Save all evaluated commands in this REPL session to a file\n\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n"),
                            "" => {}
                            _ => {
                                let v = version(io);
                                match script_eval::eval(Lang::Js, l, &v) {
                                    Ok(eff) => {
                                        io.out(&eff.printed);
                                        io.out(&format!("{}\n", eff.value.echo(Lang::Js)));
                                    }
                                    Err((printed, EvalError::Name { name, .. })) => {
                                        io.out(&printed);
                                        io.out(&format!("Uncaught ReferenceError: {name} is not defined\n"));
                                    }
                                    Err((printed, EvalError::Runtime(m))) => io.out(&format!("{printed}Uncaught {m}\n")),
                                    Err((printed, EvalError::Syntax { .. })) => io.out(&format!("{printed}Uncaught SyntaxError: Invalid or unexpected token\n")),
                                }
                            }
                        }
                        Step::Yield
                    }
                    Read::Eof => {
                        io.out("\n");
                        Step::Exit(0)
                    }
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

/// `npm` (and `npx`, which here only reports its version).
#[derive(Clone, Debug)]
pub struct Npm {
    argv: Vec<String>,
}

impl Npm {
    pub fn new(argv: &[String]) -> Npm {
        Npm { argv: argv.to_vec() }
    }

    fn package_json(io: &mut Io<'_>) -> Option<serde_json::Value> {
        serde_json::from_str(&util::read_text(io, "package.json")?).ok()
    }
}

impl Program for Npm {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        let args: Vec<&str> = self.argv.iter().skip(1).map(String::as_str).collect();
        let npm = npm_version(io);
        match args.first().copied() {
            Some("-v" | "--version") => {
                io.out(&format!("{npm}\n"));
                Step::Exit(0)
            }
            Some("init") if args.contains(&"-y") || args.contains(&"--yes") => {
                let name = io.cwd.rsplit('/').find(|s| !s.is_empty()).unwrap_or("app").to_lowercase();
                let pkg = format!(
                    "{{\n  \"name\": \"{name}\",\n  \"version\": \"1.0.0\",\n  \"main\": \"index.js\",\n  \"scripts\": {{\n    \"test\": \"echo \\\"Error: no test specified\\\" && exit 1\"\n  }},\n  \"keywords\": [],\n  \"author\": \"\",\n  \"license\": \"ISC\",\n  \"description\": \"\"\n}}\n"
                );
                let path = io.abs("package.json");
                let cred = io.cred;
                util::write_file(io, &path, &pkg, cred, false);
                io.out(&format!("Wrote to {path}:\n\n{pkg}\n\n\n"));
                Step::Exit(0)
            }
            Some("install" | "i" | "ci") => {
                let Some(pkg) = Self::package_json(io) else {
                    let path = io.abs("package.json");
                    io.err(&format!("npm error code ENOENT\nnpm error syscall open\nnpm error path {path}\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '{path}'\nnpm error enoent This is related to npm not being able to find a file.\nnpm error enoent\n"));
                    return Step::Exit(254);
                };
                let deps = pkg.get("dependencies").and_then(|d| d.as_object()).map_or(0, |d| d.len()) + args.len().saturating_sub(1);
                let cred = io.cred;
                let nm = io.abs("node_modules");
                util::mkdir_owned(io, &nm, cred, 0o755);
                if deps == 0 {
                    io.out("\nup to date, audited 1 package in 300ms\n\nfound 0 vulnerabilities\n");
                } else {
                    io.out(&format!("\nadded {deps} packages, and audited {} packages in 2s\n\nfound 0 vulnerabilities\n", deps + 1));
                }
                Step::Exit(0)
            }
            Some(cmd @ ("start" | "run" | "test" | "run-script")) => {
                let script = if cmd == "start" || cmd == "test" { cmd } else { args.get(1).copied().unwrap_or("") };
                let Some(pkg) = Self::package_json(io) else {
                    let path = io.abs("package.json");
                    io.err(&format!("npm error code ENOENT\nnpm error syscall open\nnpm error path {path}\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '{path}'\n"));
                    return Step::Exit(254);
                };
                let name = pkg.get("name").and_then(|v| v.as_str()).unwrap_or("").to_string();
                let ver = pkg.get("version").and_then(|v| v.as_str()).unwrap_or("").to_string();
                let body = pkg.get("scripts").and_then(|s| s.get(script)).and_then(|v| v.as_str()).map(String::from);
                let body = match (body, script) {
                    (Some(b), _) => b,
                    (None, "start") if util::exists(io, "server.js", None) => "node server.js".into(),
                    _ => {
                        io.err(&format!("npm error Missing script: \"{script}\"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\n"));
                        return Step::Exit(1);
                    }
                };
                io.out(&format!("\n> {name}@{ver} {script}\n> {body}\n\n"));
                let mut env = io.env.to_vec();
                env.push(("npm_lifecycle_event".into(), script.into()));
                Step::Exec { argv: vec!["sh".into(), "-c".into(), body], env }
            }
            _ => {
                io.out(&format!("npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm install <foo>  add the <foo> dependency to your project\nnpm test           run this project's tests\nnpm run <foo>      run the script named <foo>\nnpm <command> -h   quick help on <command>\nnpm -l             display usage info for all commands\nnpm help <term>    search for help on <term>\nnpm help npm       more involved overview\n\nAll commands:\n\n    access, adduser, audit, bugs, cache, ci, completion,\n    config, dedupe, deprecate, diff, dist-tag, docs, doctor,\n    edit, exec, explain, explore, find-dupes, fund, get, help,\n    help-search, init, install, install-ci-test, install-test,\n    link, ll, login, logout, ls, org, outdated, owner, pack,\n    ping, pkg, prefix, profile, prune, publish, query, rebuild,\n    repo, restart, root, run, sbom, search, set, shrinkwrap,\n    star, stars, start, stop, team, test, token, undeprecate,\n    uninstall, unpublish, unstar, update, version, view, whoami\n\nSpecify configs in the ini-formatted file:\n    /root/.npmrc\nor on the command line via: npm <command> --key=value\n\nMore configuration info: npm help config\nConfiguration fields: npm help 7 config\n\nnpm@{npm} /usr/local/lib/node_modules/npm\n"));
                Step::Exit(1)
            }
        }
    }

    fn clone_box(&self) -> Box<dyn Program> {
        let _ = Cred::ROOT;
        Box::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use crate::unix::fs::{Layer, UnionFs};
    use crate::unix::process::{RunStatus, Signal, SignalEffect};
    use crate::unix::testing::SimpleSys;

    fn image() -> Layer {
        let mut l = debian("node:x:1000:1000::/home/node:/bin/bash\n");
        l.program("/usr/local/bin/node", "node", T0).program("/usr/local/bin/npm", "npm", T0);
        l.script(
            "/usr/local/bin/docker-entrypoint.sh",
            "#!/bin/sh\nset -e\n\nif [ \"${1#-}\" != \"${1}\" ] || [ -z \"$(command -v \"${1}\")\" ] || { [ -f \"${1}\" ] && ! [ -x \"${1}\" ]; }; then\n  set -- node \"$@\"\nfi\n\nexec \"$@\"\n",
            T0,
        );
        l.dir("/app", T0)
            .file("/app/server.js", "const http = require('http');\nconst PORT = 3000;\nhttp.createServer((q, r) => r.end('oi')).listen(PORT, () => {\n  console.log(`Servidor ouvindo na porta ${PORT}`);\n});\n", T0)
            .file("/app/package.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"scripts\": {\"start\": \"node server.js\"}}", T0);
        l
    }

    fn run(args: &[&str], tty: bool, input: Option<&str>) -> (String, String, RunStatus) {
        let image = image();
        let lowers = [&image];
        let mut up = Layer::new();
        let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
        let mut p = spawn_in(&mut sys, "/app", args, &[("NODE_VERSION", "24.1.0")], tty);
        let mut st = p.run(&mut sys, T0);
        if let Some(i) = input {
            p.feed_stdin(i);
            st = p.run(&mut sys, T0);
        }
        (sys.stdout(), sys.stderr(), st)
    }

    #[test]
    fn versions_eval_and_errors() {
        assert_eq!(run(&["docker-entrypoint.sh", "node", "-v"], false, None), ("v24.1.0\n".into(), String::new(), RunStatus::Exited(0)));
        assert_eq!(run(&["docker-entrypoint.sh", "-e", "console.log(6 * 7, 'anos')"], false, None).0, "42 anos\n");
        assert_eq!(run(&["node", "-p", "1 / 3"], false, None).0, "0.3333333333333333\n");
        assert_eq!(run(&["npm", "-v"], false, None).0, "11.3.0\n");
        let (_, err, st) = run(&["node", "-e", "console.log(foo)"], false, None);
        assert!(err.starts_with("[eval]:1\nconsole.log(foo)\n            ^\n\nReferenceError: foo is not defined\n    at [eval]:1:13\n"), "{err}");
        assert!(err.ends_with("\nNode.js v24.1.0\n"));
        assert_eq!(st, RunStatus::Exited(1));
        // `docker run node`: no terminal, nothing on stdin.
        assert_eq!(run(&["docker-entrypoint.sh", "node"], false, None).2, RunStatus::Exited(0));
    }

    #[test]
    fn repl_and_server_script() {
        let (out, _, st) = run(&["docker-entrypoint.sh", "node"], true, Some("1 + 1\nconsole.log('oi')\n.exit\n"));
        assert_eq!(out, "Welcome to Node.js v24.1.0.\nType \".help\" for more information.\n> 2\n> oi\nundefined\n> ");
        assert_eq!(st, RunStatus::Exited(0));
        let image = image();
        let lowers = [&image];
        let mut up = Layer::new();
        let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
        let mut p = spawn_in(&mut sys, "/app", &["docker-entrypoint.sh", "npm", "start"], &[("NODE_VERSION", "24.1.0")], false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Blocked);
        assert_eq!(sys.stdout(), "\n> app@1.0.0 start\n> node server.js\n\nServidor ouvindo na porta 3000\n");
        // Node installs no SIGTERM handler: as PID 1 it ignores docker stop.
        assert_eq!(p.signal(Signal::TERM, &mut sys), SignalEffect::Ignored);
    }
}
