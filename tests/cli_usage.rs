//! Command lines run through the real docker 28.2.2 client with no daemon reachable
//! (tests/fixtures/usage/cases.json, recorded by capture.py) against doca's parser.
//!
//! When doca's parser ends the line (usage errors, `--help`, `--version`), it must print
//! the same stdout, stderr and exit code as docker. When it accepts the line, docker must
//! not have stopped at parsing (see [`parse_level`]), and what doca printed before the
//! handler (deprecation notices, the legacy-builder warning) must begin docker's output.

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

/// docker stopped at parsing (usage error, `--help`, `--version`): doca must not accept
/// such a line. Anything else happened inside a command (a daemon call, a local file, a
/// command's own checks), which is a handler's job.
fn parse_level(c: &Case) -> bool {
    const MARKERS: &[&str] = &[
        "unknown flag: ",
        "unknown shorthand flag: ",
        "flag needs an argument: ",
        "invalid argument ",
        "bad flag syntax: ",
        "docker: unknown command: ",
        "accepts ",
        "invalid scale specifier",
        "Unable to parse logging level",
        "conflicting options: cannot specify both --host and --context",
        "unknown help topic",
        "ERROR: docker bake requires the buildx component",
    ];
    let err = c.stderr.trim_start_matches(BUILDX_WARNING);
    let stdout = &c.stdout;
    err.contains("\n\nUsage:  ")
        || err.starts_with("docker: '")
        || MARKERS.iter().any(|m| err.starts_with(m) || err.contains(&format!("\n{m}")))
        || stdout.contains("Usage:  ")
        || stdout.starts_with("Docker version ")
        || err.contains("Usage:  docker")
}

const BUILDX_WARNING: &str = "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/\n\n";

fn env() -> Env {
    Env { server: ServerInfo::unreachable(), term_width: None, config_dir: "/root/.docker".into(), buildx: false, vars: Vec::new(), stderr_tty: false }
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
                if parse_level(c) || !c.stderr.starts_with(&pre_err) || !c.stdout.starts_with(&pre_out) {
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
