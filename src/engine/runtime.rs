//! The container runtime (containerd + shim + runc, as far as the learner can see): starts
//! a container's main process, runs processes as simulated time passes, delivers signals,
//! and applies exit handling (restart policies, `--rm`).
//!
//! Invariant: a container has a task exactly when it is running (including paused and
//! restarting-with-a-process); time only moves forward, and processes never run past the
//! world's clock.

use super::clock::{Span, Time};
use super::event::{Actor, DaemonId, EventKind};
use super::model::config::RestartPolicy;
use super::model::container::{Status, Task};
use super::model::daemon::Daemon;
use super::proc::{ProcStatus, SignalOutcome, SpawnFailure, SpawnSpec};
use super::procctx::{spawn_in, with_proc};
use super::world::World;

/// Upper bound on wake-ups processed in one `run_until`, so a process that wakes very often
/// can't freeze the app; the rest happens on the next call.
const MAX_STEPS: u32 = 20_000;

pub use super::procctx::Which;

fn kernel_of(w: &World, d: DaemonId) -> String {
    w.host(w.daemon(d).host).kernel.clone()
}

fn container_actor(d: DaemonId, id: &str) -> Actor {
    Actor::Container { daemon: d, container: id.to_string() }
}

fn emit_state(w: &mut World, d: DaemonId, id: &str, from: Status, to: Status) {
    if from != to {
        w.emit(
            Actor::Daemon { daemon: d },
            container_actor(d, id),
            EventKind::ContainerStateChanged { container: id.into(), from: from.as_str().into(), to: to.as_str().into() },
        );
    }
}

/// The environment of a container's main process (`CreateDaemonEnvironment`): PATH,
/// HOSTNAME, TERM with a tty, then the configured variables (replacing PATH in place).
pub fn process_env(config: &super::model::config::Config) -> Vec<String> {
    let mut env = vec![
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_string(),
        format!("HOSTNAME={}", config.hostname),
    ];
    if config.tty {
        env.push("TERM=xterm".into());
    }
    // `-e NAME` without a value (unset on the client) reaches no process.
    for kv in config.env.iter().filter(|kv| kv.contains('=')) {
        let key = kv.split_once('=').map_or(kv.as_str(), |(k, _)| k);
        match env.iter_mut().find(|e| e.split_once('=').map_or(e.as_str(), |(k, _)| k) == key) {
            Some(slot) => *slot = kv.clone(),
            None => env.push(kv.clone()),
        }
    }
    env
}

/// Starts container `id`'s main process. On failure the container keeps its state (Created
/// for a first start) with the exit code and error Docker records, and the runc error is
/// returned.
pub fn start(w: &mut World, d: DaemonId, id: &str) -> Result<(), SpawnFailure> {
    let now = w.now();
    let kernel = kernel_of(w, d);
    let (spec, before) = {
        let c = &w.daemon(d).containers[id];
        let mut argv = vec![c.path.clone()];
        argv.extend(c.args.iter().cloned());
        let spec = SpawnSpec {
            argv,
            env: process_env(&c.config),
            cwd: if c.config.working_dir.is_empty() { "/".into() } else { c.config.working_dir.clone() },
            user: c.config.user.clone(),
            tty: c.config.tty,
            stdin_open: c.config.open_stdin,
            pid1: true,
        };
        (spec, c.state.status())
    };
    for op in ["containerd: Containers.Create + Tasks.Create", "containerd-shim: iniciar o shim do contêiner", "runc create: namespaces, cgroups, rootfs"] {
        let (from, to) = match op.split(':').next() {
            Some("containerd") => (Actor::Daemon { daemon: d }, Actor::Containerd { daemon: d }),
            Some("containerd-shim") => (Actor::Containerd { daemon: d }, Actor::Shim { daemon: d, container: id.into() }),
            _ => (Actor::Shim { daemon: d, container: id.into() }, Actor::Runc { daemon: d }),
        };
        w.emit(from, to, EventKind::RuntimeCall { operation: op.into() });
    }
    let spawned = spawn_in(w, d, id, &spec, now, &kernel);
    let Some(spawned) = spawned else { return Ok(()) };
    let proc = match spawned {
        Ok(p) => p,
        Err(e) => {
            let c = w.daemon_mut(d).containers.get_mut(id).expect("container exists");
            c.state.exit_code = e.exit_code();
            c.state.error = e.message();
            return Err(e);
        }
    };
    let daemon = w.daemon_mut(d);
    let pid = daemon.next_pid;
    daemon.next_pid += 1 + (pid % 7);
    let c = daemon.containers.get_mut(id).expect("container exists");
    c.task = Some(Task { pid, main: proc, status: ProcStatus::Blocked, execs: Vec::new() });
    c.state.running = true;
    c.state.paused = false;
    c.state.restarting = false;
    c.state.pid = pid;
    c.state.exit_code = 0;
    c.state.error.clear();
    c.state.started_at = Some(now);
    c.restart_at = None;
    super::sandbox::connect_networks(w, d, id);
    super::sandbox::write_init_files(w, d, id, now);
    let command = spec.argv.join(" ");
    w.emit(Actor::Runc { daemon: d }, container_actor(d, id), EventKind::ProcessStarted { container: id.into(), command });
    emit_state(w, d, id, before, Status::Running);
    step(w, d, id, Which::Main, now);
    Ok(())
}

/// Runs process `which` of container `id` up to `until` and handles its exit.
fn step(w: &mut World, d: DaemonId, id: &str, which: Which, until: Time) {
    let kernel = kernel_of(w, d);
    let now = w.now();
    let status = with_proc(w, d, id, which, now, &kernel, |ctx, proc, status| {
        *status = proc.run(ctx, until);
        *status
    });
    pump_stream(w.daemon_mut(d), id);
    if let Some(ProcStatus::Exited(code)) = status {
        match which {
            Which::Main => exited(w, d, id, code),
            Which::Exec(i) => exec_exited(w, d, id, i, code),
        }
    }
}

/// Delivers signal `sig` to container `id`'s main process. Returns whether it exited.
pub fn signal(w: &mut World, d: DaemonId, id: &str, sig: u8) -> bool {
    let kernel = kernel_of(w, d);
    let now = w.now();
    w.emit(
        Actor::Daemon { daemon: d },
        container_actor(d, id),
        EventKind::SignalSent { container: id.into(), signal: super::signal::name(sig) },
    );
    let outcome = with_proc(w, d, id, Which::Main, now, &kernel, |ctx, proc, _| proc.signal(sig, ctx));
    match outcome {
        Some(SignalOutcome::Exited(code)) => {
            exited(w, d, id, code);
            true
        }
        _ => false,
    }
}

/// Starts an exec process in running container `id`. Returns its index in the task.
pub fn exec_start(w: &mut World, d: DaemonId, id: &str, exec_id: &str, spec: &SpawnSpec) -> Result<usize, SpawnFailure> {
    let now = w.now();
    let kernel = kernel_of(w, d);
    let proc = match spawn_in(w, d, id, spec, now, &kernel) {
        Some(r) => r?,
        None => return Err(SpawnFailure::NotInPath(spec.argv.first().cloned().unwrap_or_default())),
    };
    let daemon = w.daemon_mut(d);
    let pid = daemon.next_pid;
    daemon.next_pid += 1 + (pid % 5);
    let Some(task) = daemon.containers.get_mut(id).and_then(|c| c.task.as_mut()) else {
        return Err(SpawnFailure::NotInPath(spec.argv.first().cloned().unwrap_or_default()));
    };
    task.execs.push(super::model::container::ExecProcess {
        id: exec_id.to_string(),
        pid,
        proc,
        status: ProcStatus::Blocked,
        output: Vec::new(),
        exit_code: None,
    });
    let index = task.execs.len() - 1;
    w.emit(
        Actor::Runc { daemon: d },
        container_actor(d, id),
        EventKind::ProcessStarted { container: id.into(), command: spec.argv.join(" ") },
    );
    step(w, d, id, Which::Exec(index), now);
    Ok(index)
}

/// An exec process ended: it keeps its slot (with its exit code) until the client collects it.
fn exec_exited(w: &mut World, d: DaemonId, id: &str, index: usize, code: i32) {
    if let Some(e) = w.daemon_mut(d).containers.get_mut(id).and_then(|c| c.task.as_mut()).and_then(|t| t.execs.get_mut(index)) {
        e.exit_code = Some(code);
    }
    w.emit(Actor::Shim { daemon: d, container: id.into() }, container_actor(d, id), EventKind::ProcessExited { container: id.into(), code });
}

/// Ctrl+C typed in a terminal attached with a tty to process `which`: the foreground job
/// of an interactive shell is interrupted, other programs get SIGINT.
pub fn interrupt(w: &mut World, d: DaemonId, id: &str, which: Which) {
    let now = w.now();
    let kernel = kernel_of(w, d);
    let outcome = with_proc(w, d, id, which, now, &kernel, |ctx, proc, _| proc.interrupt(ctx));
    match (outcome, which) {
        (Some(SignalOutcome::Exited(code)), Which::Main) => exited(w, d, id, code),
        (Some(SignalOutcome::Exited(code)), Which::Exec(i)) => exec_exited(w, d, id, i, code),
        _ => step(w, d, id, which, now),
    }
}

/// The prompt an interactive shell (process `which`) shows while it waits for a line.
pub fn prompt(w: &World, d: DaemonId, id: &str, which: Which) -> Option<String> {
    let c = w.daemon(d).containers.get(id)?;
    let task = c.task.as_ref()?;
    let proc = match which {
        Which::Main => &task.main,
        Which::Exec(i) => &task.execs.get(i)?.proc,
    };
    proc.prompt(&c.config.hostname)
}

/// Feeds a line to process `which`'s stdin and runs it.
pub fn feed(w: &mut World, d: DaemonId, id: &str, which: Which, data: &str) {
    let now = w.now();
    let kernel = kernel_of(w, d);
    with_proc(w, d, id, which, now, &kernel, |_, proc, _| proc.feed_stdin(data));
    step(w, d, id, which, now);
}

/// Closes process `which`'s stdin (the client's input ended) and runs it.
pub fn close_stdin(w: &mut World, d: DaemonId, id: &str, which: Which) {
    let now = w.now();
    let kernel = kernel_of(w, d);
    with_proc(w, d, id, which, now, &kernel, |_, proc, _| proc.close_stdin());
    step(w, d, id, which, now);
}

/// Ctrl+D on the tty of process `which` of `id`: its next read of stdin gets end of file.
pub fn end_of_input(w: &mut World, d: DaemonId, id: &str, which: Which) {
    let now = w.now();
    let kernel = kernel_of(w, d);
    with_proc(w, d, id, which, now, &kernel, |_, proc, _| proc.end_of_input());
    step(w, d, id, which, now);
}

/// Copies what the main process of `id` logged since the last copy into its attach stream,
/// if a client is attached.
fn pump_stream(daemon: &mut Daemon, id: &str) {
    let Daemon { containers, streams, .. } = daemon;
    let (Some(c), Some(s)) = (containers.get(id), streams.get_mut(id)) else { return };
    if s.log_cursor < c.logs.len() {
        s.output.extend(c.logs[s.log_cursor..].iter().cloned());
        s.log_cursor = c.logs.len();
    }
}

/// The main process of `id` ended with `code`: moby's `handleContainerExit`.
pub fn exited(w: &mut World, d: DaemonId, id: &str, code: i32) {
    let now = w.now();
    let Some(c) = w.daemon_mut(d).containers.get_mut(id) else { return };
    let before = c.state.status();
    c.task = None;
    let ran = now.since(c.state.started_at.unwrap_or(now));
    if ran >= Span::secs(10) {
        c.restart_backoff = Span::ZERO;
    }
    c.restart_backoff = if c.restart_backoff == Span::ZERO {
        Span::millis(100)
    } else {
        Span(c.restart_backoff.0.saturating_mul(2).min(Span::secs(60).0))
    };
    let policy = c.host_config.restart_policy.clone();
    let manually = c.state.has_been_manually_stopped;
    let restart = !c.restart_cancelled
        && match policy {
            RestartPolicy::No | RestartPolicy::Unknown { .. } => false,
            RestartPolicy::Always => true,
            RestartPolicy::UnlessStopped => !manually,
            RestartPolicy::OnFailure { max_retries } => {
                (max_retries == 0 || c.restart_count < max_retries) && code != 0
            }
        };
    for ep in c.networks.values_mut() {
        ep.ip.clear();
        ep.mac.clear();
        ep.gateway.clear();
        ep.prefix_len = 0;
        ep.endpoint_id.clear();
        if !restart {
            ep.ports.clear();
        }
    }
    c.state.exit_code = code;
    c.state.finished_at = Some(now);
    c.state.pid = 0;
    c.state.paused = false;
    w.emit(Actor::Shim { daemon: d, container: id.into() }, container_actor(d, id), EventKind::ProcessExited { container: id.into(), code });
    // An attached client sees the exit ("next-exit"), even if a restart follows.
    pump_stream(w.daemon_mut(d), id);
    if let Some(s) = w.daemon_mut(d).streams.get_mut(id) {
        s.exit = Some(code);
    }
    let c = w.daemon_mut(d).containers.get_mut(id).expect("container exists");
    if restart {
        c.restart_count += 1;
        c.state.running = true;
        c.state.restarting = true;
        c.restart_at = Some(now + c.restart_backoff);
        emit_state(w, d, id, before, Status::Restarting);
        return;
    }
    c.state.running = false;
    c.state.restarting = false;
    c.restart_at = None;
    let auto_remove = c.host_config.auto_remove;
    emit_state(w, d, id, before, Status::Exited);
    if auto_remove {
        let removed = w.daemon_mut(d).containers.remove(id);
        w.emit(Actor::Daemon { daemon: d }, container_actor(d, id), EventKind::ContainerRemoved { container: id.into() });
        if let Some(c) = removed {
            w.daemon_mut(d).release_retained(&c.image);
            super::api::mounts::remove_anonymous_volumes(w, d, &c.mounts);
        }
    }
}

/// The earliest moment something is due in any daemon, if at or before `target`.
fn next_due(w: &World, target: Time) -> Option<(Time, DaemonId, String, Which)> {
    let mut best: Option<(Time, DaemonId, String, Which)> = None;
    let mut consider = |t: Time, d: DaemonId, id: &str, which: Which| {
        if t <= target && best.as_ref().is_none_or(|(bt, ..)| t < *bt) {
            best = Some((t, d, id.to_string(), which));
        }
    };
    for d in &w.daemons {
        if !d.running {
            continue;
        }
        for c in d.containers.values() {
            if c.state.restarting {
                if let Some(t) = c.restart_at {
                    consider(t, d.id, &c.id, Which::Main);
                }
                continue;
            }
            let Some(task) = &c.task else { continue };
            if c.state.paused {
                continue;
            }
            if let ProcStatus::Sleeping(wake) = task.status {
                consider(wake, d.id, &c.id, Which::Main);
            }
            for (i, e) in task.execs.iter().enumerate() {
                if let (ProcStatus::Sleeping(wake), None) = (e.status, e.exit_code) {
                    consider(wake, d.id, &c.id, Which::Exec(i));
                }
            }
        }
    }
    best
}

/// Runs everything due up to `target`, in time order. The clock ends at `target` (the caller
/// sets it).
pub fn run_until(w: &mut World, target: Time) {
    for _ in 0..MAX_STEPS {
        let Some((t, d, id, which)) = next_due(w, target) else { break };
        w.clock.advance_to(t);
        let restarting = w.daemon(d).containers.get(&id).is_some_and(|c| c.state.restarting && c.task.is_none());
        if restarting {
            let _ = start(w, d, &id);
        } else {
            step(w, d, &id, which, t);
        }
    }
}

/// Runs container `id` until it stops running or `limit` passes, advancing the world.
/// Returns whether it stopped.
pub fn wait_for_exit(w: &mut World, d: DaemonId, id: &str, limit: Time) -> bool {
    loop {
        let running = w.daemon(d).containers.get(id).is_some_and(|c| c.state.running);
        if !running {
            return true;
        }
        let now = w.now();
        if now >= limit {
            return false;
        }
        // Jump to this container's next wake-up (or the limit).
        let wake = w
            .daemon(d)
            .containers
            .get(id)
            .and_then(|c| match (&c.task, c.restart_at) {
                (_, Some(t)) if c.state.restarting => Some(t),
                (Some(t), _) => match t.status {
                    ProcStatus::Sleeping(wake) => Some(wake),
                    _ => None,
                },
                _ => None,
            })
            .map_or(limit, |t| t.min(limit));
        if wake <= now {
            w.advance(Span(1));
        } else {
            w.advance(wake.since(now));
        }
    }
}
