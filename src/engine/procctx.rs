//! Running one process of a container: assembles its [`ProcCtx`] (the container's root file
//! system with mounts, where its output goes, the processes `ps` lists, the network as seen
//! from the container) and hands it to the runtime's callback.
//!
//! Invariant: the container is back in its daemon when these functions return.

use super::clock::Time;
use super::event::DaemonId;
use super::model::container::Task;
use super::proc::{Proc, ProcCtx, ProcStatus, SpawnFailure, SpawnSpec};
use super::rootfs::with_container;
use super::world::World;
use crate::unix::process::ProcInfo;

/// Which process of a container to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    Main,
    /// Index into `Task::execs`.
    Exec(usize),
}

/// Builds the process context of container `id` for process `which` and runs `f` with it and
/// that process's slot. Output of the main process goes to the container's log; an exec's
/// output to its own buffer.
pub fn with_proc<R>(
    w: &mut World,
    d: DaemonId,
    id: &str,
    which: Which,
    now: Time,
    kernel: &str,
    f: impl FnOnce(&mut ProcCtx, &mut Proc, &mut ProcStatus) -> R,
) -> Option<R> {
    with_container(w, d, id, |world, fs, c| {
        let task = c.task.as_mut()?;
        let processes = process_list(task);
        let (out, proc, status, logs) = match which {
            Which::Main => (&mut c.logs, &mut task.main, &mut task.status, None),
            Which::Exec(i) => {
                let e = task.execs.get_mut(i)?;
                (&mut e.output, &mut e.proc, &mut e.status, Some(&mut c.logs))
            }
        };
        let net = super::net::NetCtx::container(world, d, id, &c.networks, &c.host_config.network_mode, logs);
        let mut ctx = ProcCtx { now, fs, out, hostname: &c.config.hostname, kernel, processes, net };
        Some(f(&mut ctx, proc, status))
    })
    .flatten()
}

/// The processes of a container as `ps` inside it lists them.
pub fn process_list(task: &Task) -> Vec<ProcInfo> {
    let mut out: Vec<ProcInfo> = task
        .main
        .processes()
        .into_iter()
        .map(|(pid, command)| ProcInfo { pid, user: "root".into(), command })
        .collect();
    for e in task.execs.iter().filter(|e| e.exit_code.is_none()) {
        for (pid, command) in e.proc.processes() {
            out.push(ProcInfo { pid, user: "root".into(), command });
        }
    }
    out
}

/// Spawns a process in container `id`'s filesystem without attaching it anywhere.
pub fn spawn_in(
    w: &mut World,
    d: DaemonId,
    id: &str,
    spec: &SpawnSpec,
    now: Time,
    kernel: &str,
) -> Option<Result<Proc, SpawnFailure>> {
    with_container(w, d, id, |world, fs, c| {
        let processes = c.task.as_ref().map(process_list).unwrap_or_default();
        let mut scratch = Vec::new();
        let net = super::net::NetCtx::container(world, d, id, &c.networks, &c.host_config.network_mode, Some(&mut c.logs));
        let mut ctx = ProcCtx { now, fs, out: &mut scratch, hostname: &c.config.hostname, kernel, processes, net };
        Proc::spawn(spec, &mut ctx)
    })
}
