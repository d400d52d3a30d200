//! `docker run`/`create` option checks (`cli::run_opts`) against the real client:
//! tests/fixtures/usage/run_options.json, recorded with no reachable daemon.

use std::path::Path;

use doca::cli::env::{Env, ServerInfo};
use doca::cli::{errors, parse, run_opts};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    args: Vec<String>,
    stderr: String,
    exit: i32,
}

#[test]
fn run_options_match_docker() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/usage/run_options.json");
    let cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let env = Env { server: ServerInfo::unreachable(), ..Env::default() };
    let mut failures = Vec::new();
    for c in &cases {
        let line = format!("docker {}", c.args.join(" "));
        let inv = match parse(&c.args, &env) {
            Ok(inv) => inv,
            Err(out) => {
                failures.push(format!("{line}: parse failed: {}", out.stderr()));
                continue;
            }
        };
        let command = inv.path()[0];
        let (stderr, exit) = match run_opts::parse_run_options(&inv) {
            Err(msg) => (errors::with_help(&msg, command) + "\n", 125),
            Ok(_) => match run_opts::check_detach_attach(&inv) {
                Err(msg) => (msg + "\n", 1),
                Ok(()) => {
                    if !c.stderr.contains("Cannot connect to the Docker daemon") {
                        failures.push(format!("{line}: doca accepts it, docker said {:?}", c.stderr));
                    }
                    continue;
                }
            },
        };
        if stderr != c.stderr || exit != c.exit {
            failures.push(format!("{line}\n  got  {exit} {stderr:?}\n  want {} {:?}", c.exit, c.stderr));
        }
    }
    assert!(cases.len() > 30);
    assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
