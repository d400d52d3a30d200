//! What the container commands share: how the client library checks a container name
//! (`trimID`), how a daemon error prints, and docker/cli's pattern for commands taking
//! several containers (print each name that worked, then the joined errors).
//!
//! Invariant: texts are docker/cli 28.2.2's; exit status 1 whenever an error printed.

use crate::cli::errors;
use crate::cli::output::Output;
use crate::engine::api::ApiError;

/// The client library's `trimID("container", id)`: surrounding spaces dropped, empty
/// refused before any request.
pub fn trim_id(name: &str) -> Result<&str, String> {
    let t = name.trim();
    if t.is_empty() {
        return Err("invalid container name or ID: value is empty".into());
    }
    Ok(t)
}

/// An API error as the client prints it: `Error response from daemon: …`, or the
/// connection error as it is.
pub fn api_error(e: &ApiError) -> String {
    match e {
        ApiError::Unreachable { .. } => e.message(),
        ApiError::Daemon { message, .. } => errors::daemon(message),
    }
}

/// Runs `op` for each container named, in order: the name on stdout when it worked, the
/// error kept for the end (`errors.Join`, exit 1).
pub fn for_each(names: &[String], out: &mut Output, mut op: impl FnMut(&str) -> Result<(), String>) -> Vec<String> {
    let mut errs = Vec::new();
    for name in names {
        match trim_id(name).and_then(&mut op) {
            Ok(()) => out.out(&format!("{name}\n")),
            Err(e) => errs.push(e),
        }
    }
    errs
}

/// Ends a command: the joined errors on stderr and exit 1, or success.
pub fn finish(out: Output, errs: &[String]) -> Output {
    if errs.is_empty() {
        return out;
    }
    out.fail(&errors::join(errs), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_containers() {
        let mut out = Output::default();
        let errs = for_each(&["a".into(), " ".into(), "b".into()], &mut out, |n| {
            if n == "b" { Err("Error response from daemon: No such container: b".into()) } else { Ok(()) }
        });
        let out = finish(out, &errs);
        assert_eq!(out.stdout(), "a\n");
        assert_eq!(
            out.stderr(),
            "invalid container name or ID: value is empty\nError response from daemon: No such container: b\n"
        );
        assert_eq!(out.exit, 1);
    }
}
