//! The release build of the site: `cargo build --release` for wasm32, wasm-bindgen (as a
//! library, web target), `wasm-opt -Oz`, then `www/` copied into `dist/` with content-hashed
//! names for the CSS, JS and wasm (so a browser never pairs a new page with a stale wasm).
//!
//! Invariant: `dist/` is rebuilt from scratch each time and `index.html` only references
//! files that exist in it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use wasm_bindgen_cli_support::Bindgen;

use crate::{env, root, sizes};

/// The files of one build that a first visit downloads: the first stage (the page and its
/// stylesheet: the app's frame and a terminal that takes lines) and the second stage (the
/// simulator: JS glue and WebAssembly), fetched right away, in parallel with the first.
pub struct Site {
    pub dir: PathBuf,
    pub first_stage: Vec<PathBuf>,
    pub second_stage: Vec<PathBuf>,
}

impl Site {
    /// Everything a first visit downloads.
    pub fn first_load(&self) -> Vec<PathBuf> {
        self.first_stage.iter().chain(&self.second_stage).cloned().collect()
    }
}

/// FNV-1a 64-bit: a short, stable content hash for cache-busting file names.
pub fn short_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:016x}", h)[..10].to_string()
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Builds everything into `dist/` and prints the first-load sizes.
pub fn run() -> Result<Site, String> {
    let root = root();
    env::wasm_target()?;
    let wasm_opt = env::wasm_opt()?;

    println!("xtask: cargo build --release --target {} --bin doca", env::WASM_TARGET);
    env::run(env::cargo().args(["build", "--release", "--target", env::WASM_TARGET, "--bin", "doca"]))?;
    let built = root.join("target").join(env::WASM_TARGET).join("release/doca.wasm");

    println!("xtask: wasm-bindgen (web)");
    let bindgen_dir = root.join("target/xtask/bindgen");
    let _ = fs::remove_dir_all(&bindgen_dir);
    fs::create_dir_all(&bindgen_dir).map_err(|e| e.to_string())?;
    Bindgen::new()
        .input_path(&built)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?
        .omit_default_module_path(false)
        .typescript(false)
        .remove_producers_section(true)
        .generate(&bindgen_dir)
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?;

    println!("xtask: wasm-opt -Oz");
    let optimized = bindgen_dir.join("doca_opt.wasm");
    env::run(
        Command::new(&wasm_opt)
            .arg(bindgen_dir.join("doca_bg.wasm"))
            .args(["-Oz", "--strip-debug", "--strip-producers", "-o"])
            .arg(&optimized),
    )?;

    let dist = root.join("dist");
    let _ = fs::remove_dir_all(&dist);
    fs::create_dir_all(&dist).map_err(|e| format!("cannot create {}: {e}", dist.display()))?;

    let wasm = read(&optimized)?;
    let wasm_name = format!("doca-{}_bg.wasm", short_hash(&wasm));
    write(&dist.join(&wasm_name), &wasm)?;

    let js = read(&bindgen_dir.join("doca.js"))?;
    let js_name = format!("doca-{}.js", short_hash(&js));
    write(&dist.join(&js_name), &js)?;
    let snippets = bindgen_dir.join("snippets");
    if snippets.exists() {
        copy_dir(&snippets, &dist.join("snippets"))?;
    }

    let www = root.join("www");
    let css = read(&www.join("style.css"))?;
    let css_name = format!("style-{}.css", short_hash(&css));
    write(&dist.join(&css_name), &css)?;

    for entry in fs::read_dir(&www).map_err(|e| format!("cannot read www/: {e}"))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().to_string();
        if name == "index.html" || name == "style.css" {
            continue;
        }
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &dist.join(&name))?;
        } else {
            write(&dist.join(&name), &read(&entry.path())?)?;
        }
    }

    let html = String::from_utf8(read(&www.join("index.html"))?).map_err(|e| e.to_string())?;
    let html = fill(&html, &css_name, &js_name, &wasm_name, wasm.len())?;
    write(&dist.join("index.html"), html.as_bytes())?;

    let names = |list: &[&str]| list.iter().map(|n| dist.join(n)).collect::<Vec<_>>();
    let site = Site {
        first_stage: names(&["index.html", &css_name]),
        second_stage: names(&[&js_name, &wasm_name]),
        dir: dist.clone(),
    };
    let report = sizes::measure(&site.first_load())?;
    println!("xtask: dist/ ready, first load (first stage: the first two files):");
    print!("{}", sizes::table(&report));
    Ok(site)
}

/// Fills the page's placeholders; fails if one is left (a typo would ship a broken page).
fn fill(html: &str, css: &str, js: &str, wasm: &str, wasm_bytes: usize) -> Result<String, String> {
    let out = html
        .replace("{{CSS}}", css)
        .replace("{{JS}}", js)
        .replace("{{WASM}}", wasm)
        .replace("{{WASM_BYTES}}", &wasm_bytes.to_string());
    match out.find("{{") {
        Some(at) => Err(format!("www/index.html: unknown placeholder at {}", &out[at..(at + 20).min(out.len())])),
        None => Ok(out),
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in fs::read_dir(from).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_all_filled() {
        let page = "<link href=\"{{CSS}}\"><script>import x from \"./{{JS}}\"; f(\"{{WASM}}\", {{WASM_BYTES}});</script>";
        let out = fill(page, "s.css", "d.js", "d.wasm", 1234).unwrap();
        assert_eq!(out, "<link href=\"s.css\"><script>import x from \"./d.js\"; f(\"d.wasm\", 1234);</script>");
        assert!(fill("{{NOPE}}", "a", "b", "c", 1).is_err());
    }

    #[test]
    fn the_real_page_has_only_known_placeholders() {
        let page = std::fs::read_to_string(crate::root().join("www/index.html")).unwrap();
        let out = fill(&page, "s.css", "d.js", "d.wasm", 1).unwrap();
        assert!(out.contains("d.wasm") && out.contains("./d.js") && out.contains("s.css"));
    }

    #[test]
    fn hash_is_stable_and_content_sensitive() {
        assert_eq!(short_hash(b"doca"), short_hash(b"doca"));
        assert_ne!(short_hash(b"doca"), short_hash(b"doca!"));
        assert_eq!(short_hash(b"").len(), 10);
    }
}
