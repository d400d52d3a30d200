//! Compatibility corpus: each `tests/unix_compat/NAME.sh` was run by busybox 1.35 `sh`,
//! dash 0.5.12 (as `sh`) and bash 5.2 with `HOME=/root` in the C locale; `NAME.ash`,
//! `NAME.dash` and `NAME.bash` hold what they printed (stdout, `--stderr--`, stderr,
//! `--rc-- STATUS`). doca must print the same, byte for byte.

use std::path::Path;

use doca::engine::clock::Time;
use doca::unix::process::RunStatus;
use doca::unix::testing::{busybox_rootfs, debian_rootfs, run_script};

fn render(o: &str, e: &str, s: &RunStatus) -> String {
    let code = match s {
        RunStatus::Exited(c) => c.to_string(),
        other => format!("{other:?}"),
    };
    format!("{o}--stderr--\n{e}--rc-- {code}")
}

#[test]
fn shells_answer_like_the_real_ones() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/unix_compat");
    let mut names: Vec<_> = std::fs::read_dir(&dir).expect("corpus").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    names.sort();
    let mut checked = 0;
    let mut failures = Vec::new();
    for p in names.iter().filter(|p| p.extension().is_some_and(|e| e == "sh")) {
        let script = std::fs::read_to_string(p).expect("case").trim_end_matches('\n').to_string();
        for (dialect, shell) in [("ash", "sh"), ("dash", "sh"), ("bash", "bash")] {
            let Ok(expected) = std::fs::read_to_string(p.with_extension(dialect)) else { continue };
            let base = if dialect == "ash" { busybox_rootfs(Time::START) } else { debian_rootfs(Time::START) };
            let (o, e, s) = run_script(&base, shell, &script);
            let got = render(&o, &e, &s);
            checked += 1;
            if got.trim_end() != expected.trim_end() {
                failures.push(format!("{} [{dialect}]\n--- expected\n{expected}\n--- got\n{got}\n", p.display()));
            }
        }
    }
    assert!(checked > 300, "only {checked} cases");
    assert!(failures.is_empty(), "{} of {checked} differ:\n{}", failures.len(), failures.join("\n"));
}
