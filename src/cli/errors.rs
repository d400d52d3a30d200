//! How the docker client words failures: daemon errors (`Error response from daemon: …`),
//! `docker run`'s `docker: …\n\nRun 'docker run --help' for more information` with its
//! exit codes (125 daemon/client, 126 not executable, 127 not found), and several
//! errors joined one per line (`docker rm a b`).
//!
//! Observed with the real client (exit 1 unless noted): container commands (`rm`, `stop`,
//! `logs`, `exec`, `container inspect`, …) print the daemon's `No such container: x`
//! behind [`daemon`]; `docker inspect x` prints `[]` on stdout and [`no_such_object`];
//! `docker start x` adds [`failed_to_start`]; `docker rename` adds [`failed_to_rename`];
//! several arguments give one line each (`rm a b`, `rmi a b`); `docker run` wraps every
//! error with [`with_help`] (exit 125/126/127), `docker create` only its option errors.
//!
//! Invariant: texts only; printing and exit codes go through [`super::Output::fail`].

/// An error the daemon returned, as the client prints it.
pub fn daemon(message: &str) -> String {
    format!("Error response from daemon: {message}")
}

/// docker/cli's `withHelp(err, cmd)` (run and create).
pub fn with_help(message: &str, command: &str) -> String {
    format!("docker: {message}\n\nRun 'docker {command} --help' for more information")
}

/// `docker run`'s `toStatusError`: the exit code for an error starting the container.
pub fn run_exit_code(message: &str) -> i32 {
    if message.contains("executable file not found")
        || message.contains("no such file or directory")
        || message.contains("system cannot find the file specified")
    {
        127
    } else if message.contains("permission denied") || message.contains("is a directory") {
        126
    } else {
        125
    }
}

/// `docker inspect` (without `--type`) when nothing matches a name.
pub fn no_such_object(name: &str) -> String {
    format!("Error: No such object: {name}")
}

/// `docker start a b` after the per-container errors.
pub fn failed_to_start(names: &[String]) -> String {
    format!("Error: failed to start containers: {}", names.join(", "))
}

/// `docker rename` after the daemon error.
pub fn failed_to_rename(name: &str) -> String {
    format!("Error: failed to rename container named {name}")
}

/// `errors.Join`: several errors, one per line (the client then exits 1).
pub fn join(messages: &[String]) -> String {
    messages.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wording() {
        assert_eq!(
            daemon("No such container: x"),
            "Error response from daemon: No such container: x"
        );
        assert_eq!(
            with_help(&daemon("Conflict."), "run"),
            "docker: Error response from daemon: Conflict.\n\nRun 'docker run --help' for more information"
        );
        assert_eq!(
            run_exit_code("exec: \"foo\": executable file not found in $PATH"),
            127
        );
        assert_eq!(run_exit_code("permission denied"), 126);
        assert_eq!(run_exit_code("Conflict."), 125);
        assert_eq!(join(&["a".into(), "b".into()]), "a\nb");
    }
}
