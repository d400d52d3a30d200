//! Checks the recorded reference (tests/reference/*.json) against the sessions it answers
//! (tests/scripts/*.txt) and the normalization future transcript comparisons will use.
//!
//! Invariant: every session has a reference file whose lines are the session's commands,
//! in order, each with stdout, stderr and an exit code.
//!
//! `DOCA_REFERENCE_AGAIN=<dir>` compares a fresh recording (tools/record-reference/record
//! --out <dir>) with the committed one after normalization: that is how a session is shown
//! to be deterministic.

#[path = "common/normalize.rs"]
mod normalize;
#[path = "common/sessions.rs"]
mod sessions;

use normalize::normalize;
use serde_json::Value;
use std::fs;
use std::path::Path;

use sessions::{commands, root, sessions};

fn reference(dir: &Path, script: &Path) -> Value {
    let name = script
        .file_stem()
        .expect("file name")
        .to_string_lossy()
        .to_string();
    let path = dir.join(format!("{name}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn there_are_enough_sessions() {
    assert!(sessions().len() >= 45, "only {} sessions", sessions().len());
}

#[test]
fn every_session_has_its_reference() {
    for script in sessions() {
        let doc = reference(&root().join("reference"), &script);
        let lines = doc["lines"].as_array().expect("lines array");
        let recorded: Vec<&str> = lines
            .iter()
            .map(|l| l["command"].as_str().expect("command"))
            .collect();
        assert_eq!(
            recorded,
            commands(&script),
            "{} is out of date: record it again",
            script.display()
        );
        for line in lines {
            assert!(
                line["stdout"].is_string() && line["stderr"].is_string(),
                "{line}"
            );
            let exit = line["exit"].as_u64().expect("exit code");
            assert!(exit <= 255, "{line}");
            assert!(
                line.get("timeout").is_none(),
                "{}: a line timed out: {line}",
                script.display()
            );
        }
        assert_eq!(doc["versions"]["client"], "28.2.2", "{}", script.display());
    }
}

#[test]
fn sessions_start_from_an_empty_daemon_and_use_catalog_images() {
    const CATALOG: [&str; 16] = [
        "hello-world",
        "busybox",
        "alpine",
        "ubuntu",
        "debian",
        "nginx",
        "httpd",
        "redis",
        "postgres",
        "mysql",
        "mongo",
        "node",
        "python",
        "golang",
        "registry",
        "traefik",
    ];
    for script in sessions() {
        let doc = reference(&root().join("reference"), &script);
        for line in doc["lines"].as_array().expect("lines") {
            let text = format!(
                "{}{}",
                line["stdout"].as_str().unwrap_or(""),
                line["stderr"].as_str().unwrap_or("")
            );
            for pulled in text
                .lines()
                .filter_map(|l| l.strip_prefix("Status: Downloaded newer image for "))
            {
                let repo = pulled.rsplit_once(':').map_or(pulled, |(r, _)| r);
                let host = repo.split('/').next().unwrap_or("");
                if repo.contains('/') && (host.contains('.') || host.contains(':') || host == "localhost") {
                    continue; // a registry of the session's own, not Docker Hub
                }
                assert!(
                    CATALOG.contains(&repo),
                    "{}: {repo} is not in doca's catalog",
                    script.display()
                );
            }
        }
    }
}

#[test]
fn normalization_is_idempotent_on_the_reference() {
    for script in sessions() {
        let doc = reference(&root().join("reference"), &script);
        for line in doc["lines"].as_array().expect("lines") {
            for stream in ["stdout", "stderr"] {
                let once = normalize(line[stream].as_str().expect("text"));
                assert_eq!(
                    normalize(&once),
                    once,
                    "{}: {}",
                    script.display(),
                    line["command"]
                );
            }
        }
    }
}

#[test]
fn a_new_recording_matches_after_normalization() {
    let Some(dir) = std::env::var_os("DOCA_REFERENCE_AGAIN") else {
        return;
    };
    let mut differences = Vec::new();
    for script in sessions() {
        let (a, b) = (
            reference(&root().join("reference"), &script),
            reference(Path::new(&dir), &script),
        );
        let (la, lb) = (
            a["lines"].as_array().expect("lines"),
            b["lines"].as_array().expect("lines"),
        );
        for (x, y) in la.iter().zip(lb) {
            for key in ["stdout", "stderr"] {
                let (nx, ny) = (
                    normalize(x[key].as_str().unwrap_or("")),
                    normalize(y[key].as_str().unwrap_or("")),
                );
                if nx != ny {
                    differences.push(format!(
                        "{} | {} | {key}:\n{nx}---\n{ny}",
                        script.display(),
                        x["command"]
                    ));
                }
            }
            if x["exit"] != y["exit"] {
                differences.push(format!(
                    "{} | {} | exit {} vs {}",
                    script.display(),
                    x["command"],
                    x["exit"],
                    y["exit"]
                ));
            }
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n\n"));
}
