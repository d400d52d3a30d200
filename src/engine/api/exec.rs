//! `docker exec`: creating an exec instance in a running container and starting it. The
//! process shares the container's filesystem, environment and namespaces.
//!
//! Invariant: an exec only starts in a running, unpaused, not-restarting container.

use super::lookup;
use super::{Api, ApiError, ApiResult, query_escape};
use crate::engine::model::container::{LogEntry, LogStream};
use crate::engine::proc::{SpawnFailure, SpawnSpec};
use crate::engine::runtime::{self, Which};

/// `POST /containers/{id}/exec` body.
#[derive(Clone, Debug, Default)]
pub struct ExecConfig {
    pub cmd: Vec<String>,
    /// `KEY=value` added to the container's environment.
    pub env: Vec<String>,
    pub user: String,
    pub working_dir: String,
    pub tty: bool,
    pub stdin: bool,
}

/// Where a started exec stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExecState {
    pub container: String,
    pub index: usize,
    /// Output produced so far and not yet taken.
    pub output: Vec<LogEntry>,
    /// Set once it ended.
    pub exit_code: Option<i32>,
}

impl Api<'_> {
    /// `POST /containers/{id}/exec`: returns the exec ID.
    pub fn exec_create(&mut self, name: &str, cfg: ExecConfig) -> ApiResult<String> {
        let path = format!("/containers/{}/exec", query_escape(name));
        self.serve("POST", &path, 201, |api| {
            let id = lookup::container_id(api.daemon(), name)?;
            let c = &api.daemon().containers[&id];
            if !c.state.running {
                return Err(ApiError::conflict(format!("container {id} is not running")));
            }
            if c.state.paused {
                return Err(ApiError::conflict(format!("Container {name} is paused, unpause the container before exec")));
            }
            if c.state.restarting {
                return Err(ApiError::conflict(format!(
                    "Container {id} is restarting, wait until the container is running"
                )));
            }
            let mut env = runtime::process_env(&c.config);
            for kv in &cfg.env {
                let key = kv.split_once('=').map_or(kv.as_str(), |(k, _)| k);
                match env.iter_mut().find(|e| e.split_once('=').map_or(e.as_str(), |(k, _)| k) == key) {
                    Some(slot) => *slot = kv.clone(),
                    None => env.push(kv.clone()),
                }
            }
            let spec = SpawnSpec {
                argv: cfg.cmd.clone(),
                env,
                cwd: if !cfg.working_dir.is_empty() {
                    cfg.working_dir.clone()
                } else if c.config.working_dir.is_empty() {
                    "/".into()
                } else {
                    c.config.working_dir.clone()
                },
                user: if cfg.user.is_empty() { c.config.user.clone() } else { cfg.user.clone() },
                tty: cfg.tty,
                stdin_open: cfg.stdin,
                pid1: false,
            };
            let exec_id = api.world.ids.fresh("exec");
            api.daemon_mut().pending_execs.insert(exec_id.clone(), (id, spec));
            Ok(exec_id)
        })
    }

    /// `POST /exec/{id}/start`: runs the process until it ends or waits. A process that
    /// cannot start is an error for a detached start; an attached client instead reads the
    /// daemon's message on its stream (stdout, `\r\n`), with moby's exit code.
    pub fn exec_start(&mut self, exec_id: &str, detach: bool) -> ApiResult<ExecState> {
        let path = format!("/exec/{exec_id}/start");
        self.serve("POST", &path, 200, |api| {
            let Some((container, spec)) = api.daemon_mut().pending_execs.remove(exec_id) else {
                return Err(ApiError::not_found(format!("No such exec instance: {exec_id}")));
            };
            let running = api.daemon().containers.get(&container).is_some_and(|c| c.state.running && !c.state.paused);
            if !running {
                return Err(ApiError::conflict(format!("container {container} is not running")));
            }
            match runtime::exec_start(api.world, api.daemon, &container, exec_id, &spec) {
                Ok(index) => Ok(api.exec_take(&container, index)),
                Err(e) if detach => Err(ApiError::bad_request(e.exec_message())),
                Err(e) => {
                    let message = e.exec_message();
                    let code = exec_failure_code(&message, matches!(e, SpawnFailure::NoSuchUser(_)));
                    let at = api.world.now();
                    let output = vec![LogEntry { at, stream: LogStream::Stdout, text: format!("{message}\r\n") }];
                    Ok(ExecState { container, index: usize::MAX, output, exit_code: Some(code) })
                }
            }
        })
    }

    /// Takes what exec `index` of `container` wrote since the last call, and its exit code.
    /// Ended execs keep their slot (indices stay stable) until the container stops.
    pub fn exec_take(&mut self, container: &str, index: usize) -> ExecState {
        let mut state = ExecState { container: container.to_string(), index, output: Vec::new(), exit_code: None };
        let Some(task) = self.daemon_mut().containers.get_mut(container).and_then(|c| c.task.as_mut()) else {
            // The container stopped: its execs died with it.
            state.exit_code = Some(137);
            return state;
        };
        if let Some(e) = task.execs.get_mut(index) {
            state.output = std::mem::take(&mut e.output);
            state.exit_code = e.exit_code;
        } else {
            state.exit_code = Some(137);
        }
        state
    }

    /// Sends a line to a running exec's stdin.
    pub fn exec_input(&mut self, container: &str, index: usize, data: &str) {
        let d = self.daemon;
        runtime::feed(self.world, d, container, Which::Exec(index), data);
    }

    /// Closes a running exec's stdin (the data piped to `docker exec -i` ended).
    pub fn exec_close_stdin(&mut self, container: &str, index: usize) {
        let d = self.daemon;
        runtime::close_stdin(self.world, d, container, Which::Exec(index));
    }

    /// When exec `index` of `container` will next do something by itself, if it runs and
    /// sleeps (read from its open stream: no request).
    pub fn exec_next_wake(&self, container: &str, index: usize) -> Option<crate::engine::clock::Time> {
        let c = self.daemon().containers.get(container)?;
        if c.state.paused {
            return None;
        }
        let e = c.task.as_ref()?.execs.get(index)?;
        match (e.exit_code, e.status) {
            (None, crate::engine::proc::ProcStatus::Sleeping(t)) => Some(t),
            _ => None,
        }
    }
}

/// moby's `setExitCodeFromError` for an exec that could not start: 126 when the command
/// cannot be invoked (or failed before runc), 127 when it does not exist.
fn exec_failure_code(message: &str, before_runc: bool) -> i32 {
    let m = message.to_lowercase();
    if before_runc || m.contains("permission denied") || m.contains("is a directory") {
        return 126;
    }
    let not_found = ["not a directory", "executable file not found", "no such file or directory", "system cannot find the file specified"];
    if not_found.iter().any(|s| m.contains(s)) { 127 } else { 126 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failure_codes() {
        let base = "OCI runtime exec failed: exec failed: unable to start container process: ";
        assert_eq!(exec_failure_code(&format!("{base}exec: \"x\": executable file not found in $PATH"), false), 127);
        assert_eq!(exec_failure_code(&format!("{base}exec: \"/etc/passwd\": permission denied"), false), 126);
        assert_eq!(exec_failure_code("unable to find user nobody2: no matching entries in passwd file", true), 126);
    }
}
