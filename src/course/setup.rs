//! Starting a lesson: the world its front matter describes (one host or several), its setup
//! lines replayed silently, then the learner's own saved lines replayed to bring the world
//! back to where they left it. Replay is the persistence format: lines typed, plus
//! [`INTERRUPT`] where the learner pressed Ctrl+C.
//!
//! Invariant: replay is bounded by the number of lines given, and never panics.

use super::lesson::Setup;
use crate::engine::World;
use crate::shell::Session;

/// Stands for a Ctrl+C in a replay log (a typed line can never hold this character).
pub const INTERRUPT: &str = "\u{3}";

/// A setup line that did not succeed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetupFailure {
    pub line: String,
    pub exit: i32,
    pub stderr: String,
}

/// The world a lesson's `hosts:` describes: the first host is the learner's (the default
/// world's `doca`, renamed), each other host gets its own daemon and `docker` CLI (client
/// `i` lives on host `i`).
pub fn build_world(setup: &Setup) -> World {
    let mut world = World::new();
    for (i, spec) in setup.hosts.iter().enumerate() {
        if i == 0 {
            world.hosts[0].name = spec.name.clone();
            world.hosts[0].ip = spec.ip.clone();
        } else {
            let host = world.add_linux_host(&spec.name, &spec.ip);
            let daemon = world.add_daemon(host);
            world.add_client(host, daemon);
        }
    }
    world
}

/// A session for a lesson: the lesson's world with its setup lines run. Setup lines that
/// fail are returned (a correct lesson has none; the tests check it).
///
/// A world of several hosts needs the shell to accept a prepared world; until it does, such
/// a lesson runs on the default world (see [`needs_custom_world`]).
pub fn start_session(setup: &Setup) -> (Session, Vec<SetupFailure>) {
    let mut session = Session::new();
    let mut failures = Vec::new();
    for line in &setup.lines {
        let out = session.submit(line);
        if out.exit != 0 {
            failures.push(SetupFailure { line: line.clone(), exit: out.exit, stderr: out.stderr() });
        }
    }
    (session, failures)
}

/// Whether the lesson's world differs from the default one (several hosts or another name).
pub fn needs_custom_world(setup: &Setup) -> bool {
    !setup.hosts.is_empty()
}

/// Replays a learner's saved lines on a session.
pub fn replay(session: &mut Session, log: &[String]) {
    for line in log {
        if line == INTERRUPT {
            session.interrupt();
        } else {
            session.submit(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::lesson::HostSpec;

    #[test]
    fn several_hosts_each_with_daemon_and_client() {
        let setup = Setup {
            hosts: vec![
                HostSpec { name: "gerente".into(), ip: "10.0.0.2".into() },
                HostSpec { name: "trabalhador1".into(), ip: "10.0.0.3".into() },
                HostSpec { name: "trabalhador2".into(), ip: "10.0.0.4".into() },
            ],
            lines: Vec::new(),
        };
        let w = build_world(&setup);
        assert_eq!(w.hosts.iter().map(|h| h.name.as_str()).collect::<Vec<_>>(), ["gerente", "trabalhador1", "trabalhador2"]);
        assert_eq!(w.daemons.len(), 3);
        assert_eq!(w.clients.len(), 3);
        for (i, c) in w.clients.iter().enumerate() {
            assert_eq!(c.host.0 as usize, i);
            assert_eq!(w.daemon(c.context().daemon).host, c.host);
        }
        assert!(needs_custom_world(&setup));
        assert!(!needs_custom_world(&Setup::default()));
        assert_eq!(build_world(&Setup::default()).hosts.len(), 1);
    }

    #[test]
    fn replay_runs_lines_and_interrupts() {
        let (mut s, _) = start_session(&Setup::default());
        replay(&mut s, &["echo a".to_string(), INTERRUPT.to_string(), "echo b".to_string()]);
        assert_eq!(s.history(), ["echo a", "echo b"]);
    }
}
