//! Containers as the daemon keeps them: config, state machine, writable layer, logs.
//! The state mirrors moby's `container.State` field for field, so the status strings and
//! the lifecycle rules can be derived exactly as Docker derives them.
//!
//! Invariant: `running` is false whenever `dead` or `removal_in_progress` is true, and
//! `paused`/`restarting` imply `running` (as in moby).

use super::config::{Config, HostConfig};
use crate::engine::clock::Time;

/// The lifecycle state names Docker uses (`docker ps --filter status=…`, `State.Status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Created,
    Running,
    Paused,
    Restarting,
    Removing,
    Exited,
    Dead,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Created => "created",
            Status::Running => "running",
            Status::Paused => "paused",
            Status::Restarting => "restarting",
            Status::Removing => "removing",
            Status::Exited => "exited",
            Status::Dead => "dead",
        }
    }

    pub const ALL: [Status; 7] = [
        Status::Created,
        Status::Running,
        Status::Paused,
        Status::Restarting,
        Status::Removing,
        Status::Exited,
        Status::Dead,
    ];

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// Health of a container with a healthcheck.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Health {
    Starting,
    Healthy,
    Unhealthy,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Starting => "health: starting",
            Health::Healthy => "healthy",
            Health::Unhealthy => "unhealthy",
        }
    }
}

/// moby's `container.State`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    pub running: bool,
    pub paused: bool,
    pub restarting: bool,
    pub oom_killed: bool,
    pub removal_in_progress: bool,
    pub dead: bool,
    pub pid: u32,
    pub exit_code: i32,
    pub error: String,
    pub started_at: Option<Time>,
    pub finished_at: Option<Time>,
    pub health: Option<Health>,
    /// The container was stopped by the user (`docker stop`/`kill`), which matters to
    /// `unless-stopped` and to `always` after a daemon restart.
    pub has_been_manually_stopped: bool,
}

impl State {
    /// `StateString()`: the lifecycle state.
    pub fn status(&self) -> Status {
        if self.running {
            if self.paused {
                return Status::Paused;
            }
            if self.restarting {
                return Status::Restarting;
            }
            return Status::Running;
        }
        if self.removal_in_progress {
            return Status::Removing;
        }
        if self.dead {
            return Status::Dead;
        }
        if self.started_at.is_none() {
            return Status::Created;
        }
        Status::Exited
    }
}

/// Which stream a log line was written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogStream {
    Stdout,
    Stderr,
}

/// One chunk of output a container's main process wrote (what `docker logs` replays).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    pub at: Time,
    pub stream: LogStream,
    pub text: String,
}

/// A container in a daemon.
#[derive(Clone, Debug)]
pub struct Container {
    /// 64 hex digits.
    pub id: String,
    /// Without the leading `/` Docker stores.
    pub name: String,
    /// Creation order within its daemon.
    pub seq: u64,
    pub created: Time,
    /// The program run (first of entrypoint + cmd).
    pub path: String,
    pub args: Vec<String>,
    pub config: Config,
    pub host_config: HostConfig,
    /// Image ID (`sha256:…`).
    pub image: String,
    pub state: State,
    pub restart_count: u32,
    /// Output of the main process, in order.
    pub logs: Vec<LogEntry>,
    /// The writable layer (container's own changes to the filesystem).
    pub rw: crate::engine::fs::Tree,
    /// What Docker mounts into every container (`/etc/hostname`, `/etc/hosts`,
    /// `/etc/resolv.conf`, `/.dockerenv`), written at each start; not part of `docker diff`.
    pub init: crate::engine::fs::Tree,
    /// Simulated size of data written to the writable layer, in bytes.
    pub rw_size: u64,
    /// When a restart policy will bring it back (`Restarting` state), if pending.
    pub restart_at: Option<Time>,
    /// The restart manager was cancelled (`ExitOnNext`: stop, or kill with the stop signal).
    pub restart_cancelled: bool,
    /// Current restart back-off (moby: 100 ms, doubling, at most 1 minute).
    pub restart_backoff: crate::engine::clock::Span,
    /// The running processes, while the container runs (containerd's task).
    pub task: Option<Task>,
    /// Network name → attachment.
    pub networks: std::collections::BTreeMap<String, super::network::Endpoint>,
    /// Volumes, bind mounts and tmpfs, sorted by destination.
    pub mounts: Vec<super::volume::MountPoint>,
    /// The content of its tmpfs mounts while it runs (destination → files).
    pub tmpfs: std::collections::BTreeMap<String, crate::engine::fs::Tree>,
    /// Connections its servers accepted (nginx numbers them in its error log).
    pub connections: u32,
}

/// A running container's processes.
#[derive(Clone, Debug)]
pub struct Task {
    /// Host PID of the main process.
    pub pid: u32,
    pub main: crate::engine::proc::Proc,
    /// Where the main process stood after it last ran.
    pub status: crate::engine::proc::ProcStatus,
    /// Processes started with `docker exec`, still running.
    pub execs: Vec<ExecProcess>,
}

/// A process started by `docker exec`.
#[derive(Clone, Debug)]
pub struct ExecProcess {
    pub id: String,
    pub pid: u32,
    pub proc: crate::engine::proc::Proc,
    pub status: crate::engine::proc::ProcStatus,
    /// Output not yet delivered to the client attached to it.
    pub output: Vec<LogEntry>,
    /// Set when it has ended.
    pub exit_code: Option<i32>,
}

impl Container {
    /// `State.String()`: the STATUS column of `docker ps` at `now`.
    pub fn status_line(&self, now: Time) -> String {
        let human = crate::engine::units::human_duration;
        let s = &self.state;
        if s.running {
            let up = human(now.since(s.started_at.unwrap_or(now)));
            if s.paused {
                return format!("Up {up} (Paused)");
            }
            if s.restarting {
                let ago = human(now.since(s.finished_at.unwrap_or(now)));
                return format!("Restarting ({}) {ago} ago", s.exit_code);
            }
            if let Some(h) = s.health {
                return format!("Up {up} ({})", h.as_str());
            }
            return format!("Up {up}");
        }
        if s.removal_in_progress {
            return "Removal In Progress".into();
        }
        if s.dead {
            return "Dead".into();
        }
        match (s.started_at, s.finished_at) {
            (None, _) => "Created".into(),
            (Some(_), None) => String::new(),
            (Some(_), Some(f)) => format!("Exited ({}) {} ago", s.exit_code, human(now.since(f))),
        }
    }
}
