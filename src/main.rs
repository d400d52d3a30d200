//! The `doca` binary. In the browser (wasm32) it mounts the web app; natively it will be
//! the REPL and `doca script FILE [--json]` (for now it does nothing).
//!
//! Invariant: this file only dispatches to the library; no logic lives here.

#[cfg(target_arch = "wasm32")]
fn main() {
    doca::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
