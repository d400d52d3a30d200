//! The scripted sessions (tests/scripts/*.txt) and their recorded references
//! (tests/reference/*.json), shared by the tests that read them.
//!
//! Invariant: sessions come in file-name order; a session's commands are its non-empty,
//! non-comment lines.

use std::fs;
use std::path::{Path, PathBuf};

/// The tests/ directory.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Every session file, sorted.
pub fn sessions() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(root().join("scripts"))
        .expect("tests/scripts exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// The commands of a session, in order.
#[allow(dead_code)]
pub fn commands(script: &Path) -> Vec<String> {
    fs::read_to_string(script)
        .expect("readable session")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(str::to_string)
        .collect()
}
