//! Spelling of everything the course says in pt-BR, checked with hunspell's Brazilian
//! Portuguese dictionary. Code (inline or in blocks) is not checked; technical terms the
//! dictionary lacks are listed, one per line, in `tests/spelling-words.txt`.
//!
//! Needs the Debian packages `hunspell` and `hunspell-pt-br`.

use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

use doca::course::catalog::load;
use doca::course::extract::prose;
use doca::course::lesson::Part;

fn allowed() -> BTreeSet<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spelling-words.txt");
    let text = std::fs::read_to_string(&path).expect("tests/spelling-words.txt");
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect()
}

/// The string literals of a source file (pt-BR interface labels).
fn literals(file: &str) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let src = std::fs::read_to_string(&path).unwrap_or_default();
    let mut out = Vec::new();
    for line in src.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut parts = line.split('"');
        parts.next();
        while let (Some(lit), _) = (parts.next(), parts.next()) {
            out.push(lit.to_string());
        }
    }
    out
}

/// The words hunspell does not know, or an explanation of what is missing.
fn misspelled(text: &str) -> Result<BTreeSet<String>, String> {
    let child = Command::new("hunspell")
        .args(["-d", "pt_BR", "-l", "-i", "utf-8"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = child.map_err(|e| {
        format!("cannot run `hunspell` ({e}): install the Debian packages `hunspell` and `hunspell-pt-br`")
    })?;
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() || err.contains("Can't open affix or dictionary") {
        return Err(format!("hunspell failed ({err}): install the Debian package `hunspell-pt-br` (dictionary pt_BR)"));
    }
    Ok(String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect())
}

#[test]
fn the_course_is_spelled_right() {
    let (lessons, errors) = load();
    assert!(errors.is_empty());
    let mut text = String::new();
    for l in &lessons {
        for p in prose(l) {
            text.push_str(&p);
            text.push('\n');
        }
    }
    for p in Part::ALL {
        text.push_str(p.label());
        text.push('\n');
    }
    for lit in literals("src/ui/lesson_labels.rs") {
        text.push_str(&lit);
        text.push('\n');
    }
    let words = misspelled(&text).unwrap_or_else(|e| panic!("{e}"));
    let allowed = allowed();
    let wrong: Vec<&String> = words.iter().filter(|w| !allowed.contains(w.as_str())).collect();
    assert!(wrong.is_empty(), "misspelled (fix them, or add technical terms to tests/spelling-words.txt): {wrong:?}");
}

#[test]
fn the_checker_catches_mistakes() {
    let words = misspelled("Execute o contêiner e veja a imajem no hospedeiro.\n").unwrap_or_else(|e| panic!("{e}"));
    assert!(words.contains("imajem"), "{words:?}");
    assert!(!words.contains("contêiner"), "{words:?}");
}
