//! What the build and tests need from the machine, installed when it can be done locally
//! (the wasm target with rustup, npm packages with `npm ci`) and named exactly when it
//! cannot (chromium: the `apt-get` line).
//!
//! Invariant: never installs anything globally except through rustup and apt's own
//! message; npm packages go to the repository's `node_modules/`.

use std::path::PathBuf;
use std::process::Command;

use crate::root;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Runs a command, inheriting output; errors say which command failed.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let status = cmd.status().map_err(|e| format!("cannot run {shown}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{shown} failed ({status})")) }
}

/// The `cargo` that runs us.
pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

/// Makes sure the wasm32 standard library is installed.
pub fn wasm_target() -> Result<(), String> {
    let sysroot = Command::new("rustc").args(["--print", "sysroot"]).output();
    if let Ok(out) = sysroot {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("lib/rustlib").join(WASM_TARGET);
        if dir.exists() {
            return Ok(());
        }
    }
    println!("xtask: installing the Rust target {WASM_TARGET}");
    run(Command::new("rustup").args(["target", "add", WASM_TARGET])).map_err(|e| {
        format!("{e}\nthe Rust target {WASM_TARGET} is missing: install rustup, then `rustup target add {WASM_TARGET}`")
    })
}

/// Makes sure `node_modules/` has the pinned npm tools (`npm ci`).
pub fn npm_tools() -> Result<(), String> {
    let root = root();
    let ready = root.join("node_modules/.bin/wasm-opt").exists()
        && root.join("node_modules/playwright-core/package.json").exists();
    if ready {
        return Ok(());
    }
    println!("xtask: installing npm tools (npm ci)");
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&root)).map_err(|e| {
        format!("{e}\nnode and npm are needed for wasm-opt and the browser tests: apt-get install -y nodejs npm")
    })
}

/// Path of wasm-opt from npm's binaryen (never the distribution's, which is too old).
pub fn wasm_opt() -> Result<PathBuf, String> {
    npm_tools()?;
    Ok(root().join("node_modules/.bin/wasm-opt"))
}

/// Checks that chromium is installed for the browser tests.
pub fn chromium() -> Result<(), String> {
    if PathBuf::from(CHROMIUM).exists() {
        Ok(())
    } else {
        Err(format!(
            "{CHROMIUM} is missing: as root run `apt-get update && apt-get install -y chromium chromium-driver`"
        ))
    }
}
