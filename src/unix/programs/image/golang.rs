//! `go` of the `golang` image (1.24.3, from `GOLANG_VERSION`) and the binaries it builds.
//! `go version`, `go env`, `go mod init`, `go run` and `go build`: the program's
//! `fmt.Println`/`fmt.Printf`/`log.Println` string literals are what it prints, and a
//! program that calls `ListenAndServe` keeps running. `go build -o out` writes an
//! executable whose simulated program (`go-app:…`) carries that behaviour, so a
//! multi-stage build can copy it into another image and run it.
//!
//! Texts: golang/go `src/cmd/go` (`go version`, `go mod init` messages).
//!
//! A built server has no signal handler: on SIGTERM it exits 2 (the Go runtime's default).
//!
//! Invariant: a built binary's behaviour depends only on the source it was built from.

use super::util;
use crate::unix::fs::{Cred, Data, Meta, Node};
use crate::unix::process::io::Io;
use crate::unix::programs::{Program, Step};

fn version(io: &Io<'_>) -> String {
    io.getenv("GOLANG_VERSION").unwrap_or("1.24.3").to_string()
}

/// What a Go program does, read off its source: lines it prints, whether it serves.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Behaviour {
    pub lines: Vec<(bool, String)>,
    pub serves: bool,
}

/// Scans Go source for printing calls with a string literal argument.
pub fn behaviour(src: &str) -> Behaviour {
    let mut b = Behaviour { serves: src.contains("ListenAndServe"), ..Behaviour::default() };
    for (call, stderr, newline) in [("fmt.Println(", false, true), ("fmt.Printf(", false, false), ("fmt.Print(", false, false), ("log.Println(", true, true), ("log.Printf(", true, true)] {
        for (i, _) in src.match_indices(call) {
            let rest = src[i + call.len()..].trim_start();
            let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '`') else { continue };
            let Some(end) = rest[1..].find(q) else { continue };
            let mut text = rest[1..1 + end].replace("\\n", "\n").replace("\\t", "\t");
            if newline && !text.ends_with('\n') {
                text.push('\n');
            }
            b.lines.push((stderr, text));
        }
    }
    b.lines.sort_by_key(|(_, t)| src.find(t.trim_end_matches('\n')).unwrap_or(0));
    b
}

fn encode(b: &Behaviour) -> String {
    let mut s = String::from(if b.serves { "go-app:serve" } else { "go-app:run" });
    for (err, line) in &b.lines {
        s.push(':');
        s.push(if *err { 'e' } else { 'o' });
        s.push_str(&line.bytes().map(|x| format!("{x:02x}")).collect::<String>());
    }
    s
}

fn decode(name: &str) -> Behaviour {
    let mut parts = name.split(':').skip(1);
    let serves = parts.next() == Some("serve");
    let lines = parts
        .filter_map(|p| {
            let (kind, hex) = p.split_at(1);
            let bytes: Vec<u8> = (0..hex.len() / 2).filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()).collect();
            Some((kind == "e", String::from_utf8_lossy(&bytes).into_owned()))
        })
        .collect();
    Behaviour { lines, serves }
}

/// Prints what the program prints; blocks if it serves.
fn perform(io: &mut Io<'_>, b: &Behaviour) -> Step {
    for (err, line) in &b.lines {
        if *err {
            let t = super::logtime::nginx(io.now);
            io.err(&format!("{t} {line}"));
        } else {
            io.out(line);
        }
    }
    if b.serves { Step::Block } else { Step::Exit(0) }
}

/// Go source of a `go run`/`go build` target (a file, or the `.go` files of a directory).
fn source(io: &mut Io<'_>, target: &str) -> Option<String> {
    if target.ends_with(".go") {
        return util::read_text(io, target);
    }
    let files: Vec<String> = util::list_dir(io, target).into_iter().filter(|f| f.ends_with(".go") && !f.ends_with("_test.go")).collect();
    if files.is_empty() {
        return None;
    }
    Some(files.iter().filter_map(|f| util::read_text(io, &format!("{target}/{f}"))).collect::<Vec<_>>().join("\n"))
}

/// A binary `go build` produced.
#[derive(Clone, Debug)]
pub struct GoApp {
    behaviour: Behaviour,
    done: bool,
}

impl GoApp {
    pub fn new(name: &str) -> GoApp {
        GoApp { behaviour: decode(name), done: false }
    }
}

impl Program for GoApp {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.done {
            return Step::Block;
        }
        self.done = true;
        perform(io, &self.behaviour)
    }
    /// No `signal.Notify`: the Go runtime re-raises SIGTERM/SIGINT/SIGHUP with the default
    /// action, which PID 1 survives, then exits 2 (`runtime.dieFromSignal`).
    fn signal(&mut self, sig: crate::unix::process::Signal, _io: &mut Io<'_>) -> Option<Step> {
        matches!(sig.0, 1 | 2 | 15).then_some(Step::Exit(2))
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

/// `go`.
#[derive(Clone, Debug)]
pub struct Go {
    argv: Vec<String>,
    running: bool,
}

impl Go {
    pub fn new(argv: &[String]) -> Go {
        Go { argv: argv.to_vec(), running: false }
    }
}

impl Program for Go {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.running {
            return Step::Block;
        }
        let args: Vec<&str> = self.argv.iter().skip(1).map(String::as_str).collect();
        let v = version(io);
        match args.first().copied() {
            Some("version") => {
                io.out(&format!("go version go{v} linux/amd64\n"));
                Step::Exit(0)
            }
            Some("env") => {
                let vars = [("GOARCH", "amd64".to_string()), ("GOOS", "linux".into()), ("GOPATH", io.getenv("GOPATH").unwrap_or("/go").into()), ("GOROOT", "/usr/local/go".into()), ("GOVERSION", format!("go{v}")), ("GOTOOLCHAIN", io.getenv("GOTOOLCHAIN").unwrap_or("auto").into())];
                if args.len() > 1 {
                    for a in &args[1..] {
                        let val = vars.iter().find(|(k, _)| k == a).map(|(_, v)| v.clone()).unwrap_or_default();
                        io.out(&format!("{val}\n"));
                    }
                } else {
                    for (k, val) in &vars {
                        io.out(&format!("{k}='{val}'\n"));
                    }
                }
                Step::Exit(0)
            }
            Some("mod") => match args.get(1).copied() {
                Some("init") => {
                    let Some(module) = args.get(2) else {
                        io.err("go: cannot determine module path for source directory / (outside GOPATH, module path must be specified)\n\nExample usage:\n\t'go mod init example.com/m' to initialize a v0 or v1 module\n\t'go mod init example.com/m/v2' to initialize a v2 module\n\nRun 'go help mod init' for more information.\n");
                        return Step::Exit(1);
                    };
                    if util::exists(io, "go.mod", None) {
                        io.err(&format!("go: {} already exists\n", io.abs("go.mod")));
                        return Step::Exit(1);
                    }
                    let cred = io.cred;
                    util::write_file(io, "go.mod", &format!("module {module}\n\ngo {v}\n"), cred, false);
                    io.err(&format!("go: creating new go.mod: module {module}\n"));
                    Step::Exit(0)
                }
                _ => Step::Exit(0),
            },
            Some("run") => {
                let target = args.get(1).copied().unwrap_or(".");
                let Some(src) = source(io, target) else {
                    io.err(&format!("stat {target}: directory not found\n"));
                    return Step::Exit(1);
                };
                let step = perform(io, &behaviour(&src));
                self.running = step == Step::Block;
                step
            }
            Some("build") => {
                let mut out = None;
                let mut target = ".";
                let mut i = 1;
                while i < args.len() {
                    if args[i] == "-o" {
                        out = args.get(i + 1).copied();
                        i += 1;
                    } else if !args[i].starts_with('-') {
                        target = args[i];
                    }
                    i += 1;
                }
                let Some(src) = source(io, target) else {
                    io.err("no Go files in ".to_string().as_str());
                    io.err(&format!("{}\n", io.abs(target)));
                    return Step::Exit(1);
                };
                let default_name = io.cwd.rsplit('/').find(|s| !s.is_empty()).unwrap_or("app").to_string();
                let path = io.abs(out.unwrap_or(&default_name));
                let now = io.now;
                let cred = io.cred;
                let _ = io.fs().unlink(&path, cred, now);
                let node = Node::File { meta: Meta { mode: 0o755, uid: cred.uid, gid: cred.gid, mtime: now }, data: Data::Program(encode(&behaviour(&src))) };
                if io.fs().create(&path, node, cred, now).is_err() {
                    io.err(&format!("go: creating {path}: permission denied\n"));
                    return Step::Exit(1);
                }
                Step::Exit(0)
            }
            _ => {
                io.err("Go is a tool for managing Go source code.\n\nUsage:\n\n\tgo <command> [arguments]\n\nThe commands are:\n\n\tbug         start a bug report\n\tbuild       compile packages and dependencies\n\tclean       remove object files and cached files\n\tdoc         show documentation for package or symbol\n\tenv         print Go environment information\n\tfix         update packages to use new APIs\n\tfmt         gofmt (reformat) package sources\n\tgenerate    generate Go files by processing source\n\tget         add dependencies to current module and install them\n\tinstall     compile and install packages and dependencies\n\tlist        list packages or modules\n\tmod         module maintenance\n\twork        workspace maintenance\n\trun         compile and run Go program\n\ttelemetry   manage telemetry data and settings\n\ttest        test packages\n\ttool        run specified go tool\n\tversion     print Go version\n\tvet         report likely mistakes in packages\n\nUse \"go help <command>\" for more information about a command.\n\n");
                Step::Exit(2)
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
    use super::*;
    use crate::unix::fs::{Layer, UnionFs};
    use crate::unix::process::RunStatus;
    use crate::unix::testing::SimpleSys;

    #[test]
    fn version_run_and_build() {
        let mut image = debian("");
        image.program("/usr/local/bin/go", "go", T0).dir("/app", T0).file(
            "/app/main.go",
            "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"Olá, Docker!\")\n}\n",
            T0,
        );
        let lowers = [&image];
        let mut up = Layer::new();
        let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
        let env = [("GOLANG_VERSION", "1.24.3")];
        let mut p = spawn_in(&mut sys, "/app", &["go", "version"], &env, false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(0));
        assert_eq!(sys.stdout(), "go version go1.24.3 linux/amd64\n");
        let mut p = spawn_in(&mut sys, "/app", &["go", "run", "main.go"], &env, false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(0));
        let mut p = spawn_in(&mut sys, "/app", &["go", "build", "-o", "/app/ola", "."], &env, false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(0));
        let mut p = spawn_in(&mut sys, "/app", &["/app/ola"], &env, false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(0));
        assert_eq!(sys.stdout(), "go version go1.24.3 linux/amd64\nOlá, Docker!\nOlá, Docker!\n");
        assert_eq!(decode(&encode(&behaviour("fmt.Println(\"a\")\nhttp.ListenAndServe(\":8080\", nil)"))), Behaviour { lines: vec![(false, "a\n".into())], serves: true });
    }
}
