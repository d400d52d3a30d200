//! `cargo xtask`: builds, serves, tests and measures doca without any tool installed
//! globally (wasm-bindgen is a library here; wasm-opt and Playwright come from npm).
//!
//! - `cargo xtask dist`   release build of the site into `dist/`
//! - `cargo xtask serve [--port N]`   `dist` then serve it on 127.0.0.1
//! - `cargo xtask test`   native tests, then browser tests against the release build
//! - `cargo xtask bench`  first-load sizes and load times into `target/bench.json`
//!
//! Invariant: every step either does its job or says exactly what is missing and how to
//! install it; nothing here needs a terminal or asks a question.

mod bench;
mod dist;
mod env;
mod serve;
mod sizes;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

const USAGE: &str = "usage: cargo xtask <dist | serve [--port N] | test | bench>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") => dist::run().map(|_| ()),
        Some("serve") => port_arg(&args[1..]).and_then(serve::run),
        Some("test") => test::run(),
        Some("bench") => bench::run(),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `--port N` / `--port=N`; `None` picks 8080 or the next free port.
fn port_arg(args: &[String]) -> Result<Option<u16>, String> {
    let mut port = None;
    let mut i = 0;
    while i < args.len() {
        let value = match args[i].as_str() {
            "--port" => {
                i += 1;
                args.get(i).cloned().ok_or("--port needs a number")?
            }
            a if a.starts_with("--port=") => a["--port=".len()..].to_string(),
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        };
        port = Some(value.parse::<u16>().map_err(|_| format!("bad port: {value}"))?);
        i += 1;
    }
    Ok(port)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn port_option_forms() {
        assert_eq!(port_arg(&s(&[])), Ok(None));
        assert_eq!(port_arg(&s(&["--port", "9000"])), Ok(Some(9000)));
        assert_eq!(port_arg(&s(&["--port=81"])), Ok(Some(81)));
        assert!(port_arg(&s(&["--port"])).is_err());
        assert!(port_arg(&s(&["--port", "x"])).is_err());
        assert!(port_arg(&s(&["--nope"])).is_err());
    }
}
