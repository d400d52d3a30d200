//! `cargo xtask test`: the native test suite (`cargo test`, every target, every package,
//! then doc tests), then the browser tests (Playwright in headless Chromium) against the
//! release build served on a free port. Ends with one line `N passed, N failed`.
//!
//! Invariant: every step runs even when an earlier one failed (a failing step counts as a
//! failure), and the exit status is non-zero whenever anything failed.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::{dist, env, root, serve};

/// Passed and failed counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// Reads a cargo `test result:` line or a plain `N passed, N failed` line.
pub fn parse_line(line: &str) -> Option<Tally> {
    let number_before = |word: &str| -> Option<u64> {
        let at = line.find(word)?;
        line[..at].split(|c: char| !c.is_ascii_digit()).rfind(|s| !s.is_empty())?.parse().ok()
    };
    let is_cargo = line.starts_with("test result:");
    let is_plain = line.trim_end().ends_with(" failed") || line.contains(" failed, ");
    if !(is_cargo || is_plain) {
        return None;
    }
    Some(Tally { passed: number_before(" passed")?, failed: number_before(" failed")? })
}

/// Runs a command, echoing its stdout line by line and adding up the results it reports.
/// A command that fails without reporting a failure counts as one failure.
fn counted(cmd: &mut Command, what: &str) -> Tally {
    let mut tally = Tally::default();
    let child = cmd.stdout(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            eprintln!("xtask: cannot run {what}: {e}");
            return Tally { passed: 0, failed: 1 };
        }
    };
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(t) = parse_line(&line) {
                tally.add(t);
            }
        }
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    if !ok && tally.failed == 0 {
        eprintln!("xtask: {what} failed");
        tally.failed += 1;
    }
    tally
}

fn step_failed(message: String) -> Tally {
    eprintln!("xtask: {message}");
    Tally { passed: 0, failed: 1 }
}

pub fn run() -> Result<(), String> {
    let mut total = Tally::default();

    println!("xtask: native tests (cargo test --workspace --all-targets)");
    total.add(counted(
        env::cargo().args(["test", "--workspace", "--all-targets", "--no-fail-fast"]),
        "cargo test",
    ));
    total.add(counted(env::cargo().args(["test", "--workspace", "--doc", "--no-fail-fast"]), "cargo test --doc"));

    println!("xtask: browser tests");
    total.add(browser());

    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed > 0 { Err(format!("{} failed", total.failed)) } else { Ok(()) }
}

fn browser() -> Tally {
    if let Err(e) = env::chromium().and_then(|_| env::npm_tools()) {
        return step_failed(e);
    }
    let site = match dist::run() {
        Ok(site) => site,
        Err(e) => return step_failed(e),
    };
    let port = match serve::spawn(site.dir) {
        Ok(port) => port,
        Err(e) => return step_failed(e),
    };
    let root = root();
    counted(
        Command::new("node")
            .arg(root.join("tests/browser/run.mjs"))
            .env("DOCA_URL", format!("http://127.0.0.1:{port}/"))
            .env("DOCA_SCREENSHOTS", root.join("target/screenshots"))
            .current_dir(&root),
        "browser tests",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cargo_and_plain_summaries() {
        let cargo = "test result: ok. 44 passed; 2 failed; 0 ignored; 0 measured; 5 filtered out; finished in 0.40s";
        assert_eq!(parse_line(cargo), Some(Tally { passed: 44, failed: 2 }));
        assert_eq!(parse_line("browser: 9 passed, 1 failed"), Some(Tally { passed: 9, failed: 1 }));
        assert_eq!(parse_line("12 passed, 0 failed"), Some(Tally { passed: 12, failed: 0 }));
        assert_eq!(parse_line("ok 3 - the app loads"), None);
        assert_eq!(parse_line("test view::x ... ok"), None);
    }
}
