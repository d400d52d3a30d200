//! Every scripted session in tests/scripts/ replayed on a fresh world: the transcript
//! (output, exit codes and the pt-BR narration of each event) is an insta snapshot
//! reviewed like code, and each line is compared with what real Docker answered
//! (tests/reference/, normalized by tests/common/normalize.rs).
//!
//! Conformance is a ratchet: tests/reference/conformance.txt records, per session, how
//! many lines match real Docker exactly (stdout, stderr, exit code after normalization);
//! a session may never match fewer. `DOCA_UPDATE_CONFORMANCE=1` rewrites the file after
//! an improvement. `DOCA_SHOW_MISMATCHES=1` prints each differing line.

#[path = "common/normalize.rs"]
mod normalize;
#[path = "common/sessions.rs"]
mod sessions;

use std::collections::BTreeMap;
use std::fs;

use doca::Session;
use doca::native::{run_line, transcript};
use normalize::normalize;
use serde_json::Value;
use sessions::{root, sessions};

/// One line's result, for comparison.
struct Answer {
    stdout: String,
    stderr: String,
    exit: i64,
}

fn reference(name: &str) -> Vec<(Answer, bool)> {
    let path = root().join("reference").join(format!("{name}.json"));
    let Ok(text) = fs::read_to_string(path) else { return Vec::new() };
    let v: Value = serde_json::from_str(&text).expect("reference is JSON");
    v["lines"]
        .as_array()
        .map(|lines| {
            lines
                .iter()
                .map(|l| {
                    (
                        Answer {
                            stdout: l["stdout"].as_str().unwrap_or("").to_string(),
                            stderr: l["stderr"].as_str().unwrap_or("").to_string(),
                            exit: l["exit"].as_i64().unwrap_or(-1),
                        },
                        l["tty"].as_bool().unwrap_or(false),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn baseline() -> BTreeMap<String, usize> {
    let text = fs::read_to_string(root().join("reference/conformance.txt")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            Some((it.next()?.to_string(), it.next()?.parse().ok()?))
        })
        .collect()
}

#[test]
fn sessions_match_snapshots_and_real_docker() {
    let show = std::env::var("DOCA_SHOW_MISMATCHES").is_ok();
    let mut results: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut report = String::new();
    for script in sessions() {
        let name = script.file_stem().unwrap().to_string_lossy().to_string();
        let text = fs::read_to_string(&script).unwrap();
        let refs = reference(&name);
        let mut session = Session::new();
        let mut snap = String::new();
        let (mut matched, mut total, mut i) = (0, 0, 0);
        for line in text.lines() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            let out = run_line(&mut session, line);
            snap.push_str(&transcript("$ ", line, &out, true));
            if let Some((want, tty)) = refs.get(i) {
                if !tty {
                    total += 1;
                    let ok = normalize(&out.stdout()) == normalize(&want.stdout)
                        && normalize(&out.stderr()) == normalize(&want.stderr)
                        && i64::from(out.exit) == want.exit;
                    if ok {
                        matched += 1;
                    } else if show {
                        report.push_str(&format!(
                            "--- {name}: {line}\n  doca   [{}] out={:?} err={:?}\n  docker [{}] out={:?} err={:?}\n",
                            out.exit,
                            normalize(&out.stdout()),
                            normalize(&out.stderr()),
                            want.exit,
                            normalize(&want.stdout),
                            normalize(&want.stderr)
                        ));
                    }
                }
            }
            i += 1;
        }
        insta::assert_snapshot!(name.clone(), snap);
        results.insert(name, (matched, total));
    }
    if show {
        eprintln!("{report}");
    }
    let summary: String = results.iter().map(|(n, (m, t))| format!("{n} {m} {t}\n")).collect();
    let (m, t) = results.values().fold((0, 0), |(a, b), (m, t)| (a + m, b + t));
    eprintln!("conformance with real Docker: {m}/{t} lines");
    if std::env::var("DOCA_UPDATE_CONFORMANCE").is_ok() {
        let header = "# session, lines matching real Docker, lines compared (see tests/transcripts.rs)\n";
        fs::write(root().join("reference/conformance.txt"), format!("{header}{summary}")).unwrap();
        return;
    }
    let base = baseline();
    let regressions: Vec<String> = results
        .iter()
        .filter(|(n, (m, _))| base.get(*n).is_some_and(|b| m < b))
        .map(|(n, (m, _))| format!("{n}: {m} < {}", base[n]))
        .collect();
    assert!(regressions.is_empty(), "sessions matching real Docker less than before:\n{}", regressions.join("\n"));
}
