//! The `doca` binary: natively the REPL and `doca script` ([`doca::native`]); in the browser
//! the web app.
//!
//! Invariant: this file only dispatches to the library; no logic lives here.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(doca::native::main());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
