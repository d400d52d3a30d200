//! RUN: a process started in a throw-away build container (the stage's layers plus a fresh
//! writable layer) with the same userland as `docker run`, run on its own simulated clock
//! until it exits. Its writable layer becomes the step's layer.
//!
//! Invariant: bounded: a process that never ends (a server, `sleep infinity`, a read on
//! stdin) is killed after [`RUN_LIMIT_SECS`] simulated seconds or [`MAX_SLICES`] slices.

use crate::engine::clock::{Span, Time};
use crate::engine::fs::Tree;
use crate::engine::model::container::LogEntry;
use crate::engine::proc::{Proc, ProcCtx, ProcStatus, SpawnSpec};
use crate::unix::fs::UnionFs;

/// Longest a RUN may take (simulated).
pub const RUN_LIMIT_SECS: u64 = 600;
const MAX_SLICES: u32 = 5_000;

/// What a RUN did.
#[derive(Clone, Debug)]
pub struct RunResult {
    /// Exit code; `Err(message)` when the process could not start.
    pub exit: Result<i32, String>,
    /// Output lines (stdout and stderr interleaved) with their offset from the start.
    pub output: Vec<(Span, String)>,
    /// The writable layer after the process ended.
    pub layer: Tree,
    /// How long it ran.
    pub took: Span,
}

/// Runs `spec` over `lowers` (bottom first) starting at `start`.
pub fn run(lowers: &[&Tree], spec: &SpawnSpec, start: Time, kernel: &str) -> RunResult {
    let mut rw = Tree::new();
    let mut log: Vec<LogEntry> = Vec::new();
    let mut now = start;
    let exit = {
        let mut fs = UnionFs::new(lowers, &mut rw);
        let mut ctx = ProcCtx { now, fs: &mut fs, out: &mut log, hostname: "buildkitsandbox", kernel, processes: Vec::new(), net: None };
        match Proc::spawn(spec, &mut ctx) {
            Err(f) => {
                let m = f.message();
                Err(m.strip_prefix("failed to create task for container: ").unwrap_or(&m).to_string())
            }
            Ok(mut p) => {
                p.close_stdin();
                let limit = start + Span::secs(RUN_LIMIT_SECS);
                let mut code = 137;
                for _ in 0..MAX_SLICES {
                    ctx.now = now;
                    match p.run(&mut ctx, now) {
                        ProcStatus::Exited(c) => {
                            code = c;
                            break;
                        }
                        ProcStatus::Sleeping(wake) => now = if wake > now { wake } else { now + Span::millis(1) },
                        ProcStatus::Blocked | ProcStatus::WaitingInput => now = limit,
                    }
                    if now >= limit {
                        now = limit;
                        break;
                    }
                }
                Ok(code)
            }
        }
    };
    let mut output = Vec::new();
    let mut pending = String::new();
    let mut at = start;
    for e in log {
        at = e.at;
        pending.push_str(&e.text);
        while let Some(i) = pending.find('\n') {
            let line: String = pending.drain(..=i).collect();
            output.push((e.at.since(start), line.trim_end_matches('\n').to_string()));
        }
    }
    if !pending.is_empty() {
        output.push((at.since(start), pending));
    }
    RunResult { exit, output, layer: rw, took: now.since(start) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Tree {
        let mut t = Tree::new();
        t.program("/bin/sh", "busybox", Time(0)).program("/bin/echo", "busybox", Time(0)).program("/bin/sleep", "busybox", Time(0));
        t.dir("/tmp", Time(0));
        t
    }

    fn spec(cmd: &str) -> SpawnSpec {
        SpawnSpec {
            argv: vec!["/bin/sh".into(), "-c".into(), cmd.into()],
            env: vec!["PATH=/bin".into()],
            cwd: "/".into(),
            ..SpawnSpec::default()
        }
    }

    #[test]
    fn writes_land_in_the_layer_and_exit_codes_come_back() {
        let b = base();
        let r = run(&[&b], &spec("echo hi > /f; echo out; sleep 2; exit 3"), Time(0), "6.8.0");
        assert_eq!(r.exit, Ok(3));
        assert!(r.layer.get("/f").is_some());
        assert_eq!(r.output.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>(), vec!["out"]);
        assert!(r.took >= Span::secs(2));
    }

    #[test]
    fn endless_processes_are_bounded() {
        let b = base();
        let r = run(&[&b], &spec("sleep 100000"), Time(0), "6.8.0");
        assert_eq!(r.took, Span::secs(RUN_LIMIT_SECS));
    }
}
