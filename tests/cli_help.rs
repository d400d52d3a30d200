//! `docker … --help` rendered from the command table, compared byte for byte with the
//! real docker 28.2.2 output recorded in tests/fixtures/help (see capture.py): once with
//! no daemon reachable (API 1.50, every gate open) and once against Engine 20.10.

use std::path::Path;

use doca::cli::env::{Env, ServerInfo};
use doca::cli::{Cmd, help};

fn check_dir(mode: &str, server: ServerInfo) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/help").join(mode);
    let env = Env { server, term_width: None, config_dir: "/root/.docker".into(), buildx: false, vars: Vec::new(), stderr_tty: false };
    let mut failures = Vec::new();
    let mut count = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir).expect("fixtures").map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let words: Vec<&str> = name.split('_').skip(1).collect();
        let expected = std::fs::read_to_string(&path).unwrap();
        count += 1;
        let Some(cmd) = Cmd::find(&words) else {
            failures.push(format!("{name}: command not in the table"));
            continue;
        };
        let got = help::help(&cmd, &env);
        if got != expected {
            let first = got.lines().zip(expected.lines()).position(|(a, b)| a != b);
            let line = first.unwrap_or(got.lines().count().min(expected.lines().count()));
            failures.push(format!(
                "{name}: line {}\n  got:  {:?}\n  want: {:?}",
                line + 1,
                got.lines().nth(line).unwrap_or("<end>"),
                expected.lines().nth(line).unwrap_or("<end>")
            ));
        }
    }
    assert!(count > 180, "only {count} fixtures in {mode}");
    assert!(failures.is_empty(), "{} of {count} help texts differ ({mode}):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn help_matches_docker_without_daemon() {
    check_dir("offline", ServerInfo::unreachable());
}

#[test]
fn help_matches_docker_against_engine_20_10() {
    check_dir("engine-20.10", ServerInfo::engine_20_10());
}
