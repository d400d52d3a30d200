//! Command lines run through the real docker 28.2.2 client with no daemon reachable
//! (tests/fixtures/usage/cases.json, recorded by capture.py) against doca's parser.
//!
//! When docker stopped before talking to a daemon (usage errors, `--help`, `--version`),
//! doca must print the same stdout, stderr and exit code. When docker got as far as
//! connecting ("Cannot connect to the Docker daemon"), or failed in a command's own
//! validation (listed below, the handlers' job), doca must accept the line and print
//! what docker printed before that point.

use std::path::Path;

use doca::cli::env::{Env, ServerInfo};
use doca::cli::parse;
use doca::shell::outcome::Stream;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    args: Vec<String>,
    stdout: String,
    stderr: String,
    exit: i32,
}

/// Errors docker reports from inside a command's `RunE`, after parsing succeeded.
const HANDLER_ERRORS: &[&str] = &[
    "Cannot connect to the Docker daemon",
    "docker: Cannot connect to the Docker daemon",
    "docker: invalid containerPort",
    "docker: invalid restart policy",
    "docker: --health-interval cannot be negative",
    "docker: invalid pull option",
    "docker: invalid range format for --expose",
    "unknown type: ",
    "failed to parse value as time or duration",
    "Error: Cannot perform an interactive login",
    "you must provide one or more flags",
];

fn env() -> Env {
    Env { server: ServerInfo::unreachable(), term_width: None, config_dir: "/root/.docker".into(), buildx: false }
}

#[test]
fn usage_matches_docker() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/usage/cases.json");
    let cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let env = env();
    let mut failures = Vec::new();
    let mut accepted = 0;
    for c in &cases {
        let line = format!("docker {}", c.args.join(" "));
        match parse(&c.args, &env) {
            Err(out) => {
                if out.stdout() != c.stdout || out.stderr() != c.stderr || out.exit != c.exit {
                    failures.push(format!(
                        "{line}\n  got  exit {} stdout {:?}\n       stderr {:?}\n  want exit {} stdout {:?}\n       stderr {:?}",
                        out.exit,
                        short(&out.stdout()),
                        short(&out.stderr()),
                        c.exit,
                        short(&c.stdout),
                        short(&c.stderr)
                    ));
                }
            }
            Ok(inv) => {
                accepted += 1;
                let pre_out: String =
                    inv.pre_output.iter().filter(|c| c.stream == Stream::Stdout).map(|c| c.text.as_str()).collect();
                let pre_err: String =
                    inv.pre_output.iter().filter(|c| c.stream == Stream::Stderr).map(|c| c.text.as_str()).collect();
                let rest = c.stderr.strip_prefix(pre_err.as_str());
                let handled = rest.is_some_and(|r| HANDLER_ERRORS.iter().any(|h| r.starts_with(h)));
                if !handled || !c.stdout.starts_with(&pre_out) {
                    failures.push(format!(
                        "{line}\n  doca accepted it ({:?}) but docker printed exit {} stdout {:?} stderr {:?}",
                        inv.path(),
                        c.exit,
                        short(&c.stdout),
                        short(&c.stderr)
                    ));
                }
            }
        }
    }
    assert!(cases.len() > 150);
    assert!(accepted > 30 && accepted < cases.len() - 100, "{accepted} accepted");
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

fn short(s: &str) -> String {
    match s.char_indices().nth(300) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
