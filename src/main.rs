//! The `doca` binary: in the browser (wasm32) it mounts the web app; natively it is the REPL
//! and `doca script FILE [--json] [--events]` ([`doca::native`]).
//!
//! Invariant: this file only dispatches to the library; no logic lives here.

#[cfg(target_arch = "wasm32")]
fn main() {
    doca::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(doca::native::main());
}
