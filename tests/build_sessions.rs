//! Snapshot transcripts of the build and registry sessions (tests/build_scripts/*.txt).
//! They have no recorded reference yet (recording needs buildx and a registry beside the
//! reference daemon), so they live apart from tests/scripts, whose sessions all have one.

use std::fs;
use std::path::PathBuf;

use doca::Session;

#[test]
fn build_and_registry_sessions() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/build_scripts");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    assert!(!files.is_empty());
    for f in files {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        let mut session = Session::new();
        let mut snap = String::new();
        for line in fs::read_to_string(&f).unwrap().lines() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            let out = doca::native::run_line(&mut session, line);
            snap.push_str(&doca::native::transcript("$ ", line, &out, false));
        }
        insta::assert_snapshot!(name, snap);
    }
}
