//! The engine's import rule, enforced: the simulated daemons know nothing of the client,
//! the shell, the view or the browser, and use no randomness, no wall clock and no
//! hash-ordered collections. The userland (`unix`) follows the same rule.

use std::path::Path;

const FORBIDDEN: &[(&str, &str)] = &[
    ("crate::cli", "the engine must not know the docker client"),
    ("crate::shell", "the engine must not know the learner's shell"),
    ("crate::view", "the engine must not know the view"),
    ("crate::ui", "the engine must not know the browser UI"),
    ("crate::native", "the engine must not know the native twin"),
    ("web_sys", "no browser APIs in the engine"),
    ("js_sys", "no browser APIs in the engine"),
    ("wasm_bindgen", "no browser APIs in the engine"),
    ("gloo", "no browser APIs in the engine"),
    ("yew", "no UI framework in the engine"),
    ("rand::", "no randomness: IDs come from a counter"),
    ("Instant::", "no wall clock: time is simulated"),
    ("SystemTime::", "no wall clock: time is simulated"),
    ("std::time", "no wall clock: time is simulated"),
    ("chrono", "no wall clock: time is simulated"),
    ("HashMap", "hash order must not reach output: use BTreeMap"),
    ("HashSet", "hash order must not reach output: use BTreeSet"),
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn engine_and_userland_follow_the_import_rule() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join("engine"), &mut files);
    rust_files(&root.join("unix"), &mut files);
    assert!(!files.is_empty());
    let mut broken = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for (needle, why) in FORBIDDEN {
                if code.contains(needle) {
                    broken.push(format!("{}:{}: `{needle}`: {why}", f.display(), n + 1));
                }
            }
        }
    }
    assert!(broken.is_empty(), "import rule broken:\n{}", broken.join("\n"));
}

#[test]
fn every_module_states_what_it_is() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let missing: Vec<String> = files
        .iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            !text.trim_start().starts_with("//!")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(missing.is_empty(), "modules without a //! doc:\n{}", missing.join("\n"));
}
