//! Lifecycle endpoints: start, stop, restart, kill, pause, unpause, wait. Each follows
//! moby's rules and error texts, including the "not modified" answers (304) for starting a
//! running container or stopping a stopped one.
//!
//! Invariant: after any call, `State` is consistent (see [`crate::engine::model::container`])
//! and a container has a task exactly when it runs a process.

use super::lookup;
use super::{Api, ApiError, ApiResult, query_escape};
use crate::engine::clock::Span;
use crate::engine::event::{Actor, EventKind};
use crate::engine::model::container::Status;
use crate::engine::runtime;
use crate::engine::signal::{self, SIGKILL, SIGTERM};

/// Docker's default stop timeout, seconds.
pub const DEFAULT_STOP_TIMEOUT: i64 = 10;

/// A `304 Not Modified` answer: the container already was in the requested state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Changed {
    Yes,
    NotModified,
}

impl Api<'_> {
    fn container(&self, id: &str) -> &crate::engine::model::container::Container {
        &self.daemon().containers[id]
    }

    /// `POST /containers/{id}/start`.
    pub fn container_start(&mut self, name: &str) -> ApiResult<Changed> {
        let path = format!("/containers/{}/start", query_escape(name));
        self.call("POST", &path)?;
        let r = self.start_inner(name);
        let status = match &r {
            Ok(Changed::NotModified) => 304,
            _ => 204,
        };
        self.reply(status, r)
    }

    fn start_inner(&mut self, name: &str) -> ApiResult<Changed> {
        let id = lookup::container_id(self.daemon(), name)?;
        let c = self.container(&id);
        if c.state.paused {
            return Err(ApiError::conflict("cannot start a paused container, try unpause instead"));
        }
        if c.state.running && !c.state.restarting {
            return Ok(Changed::NotModified);
        }
        if c.state.removal_in_progress || c.state.dead {
            return Err(ApiError::conflict("container is marked for removal and cannot be started"));
        }
        // A network removed while the container was stopped: moby cannot connect it.
        if let Some(gone) = c.networks.keys().find(|n| self.daemon().network_by_name(n).is_none()) {
            return Err(ApiError::not_found(format!("network {gone} not found")));
        }
        let c = self.daemon_mut().containers.get_mut(&id).expect("found");
        c.state.has_been_manually_stopped = false;
        c.restart_cancelled = false;
        c.restart_at = None;
        c.state.restarting = false;
        c.state.running = false;
        let started = self.allocate_ports(&id).and_then(|ports| {
            self.set_ports(&id, ports);
            runtime::start(self.world, self.daemon, &id).map_err(|e| {
                self.set_ports(&id, Default::default());
                ApiError::bad_request(e.message())
            })
        });
        match started {
            Ok(()) => Ok(Changed::Yes),
            Err(e) => {
                let auto_remove = self.container(&id).host_config.auto_remove;
                if auto_remove {
                    self.destroy_with(&id, true);
                }
                Err(e)
            }
        }
    }

    /// `POST /containers/{id}/stop`.
    pub fn container_stop(&mut self, name: &str, timeout: Option<i64>, sig: Option<&str>) -> ApiResult<Changed> {
        let mut path = format!("/containers/{}/stop", query_escape(name));
        if let Some(t) = timeout {
            path.push_str(&format!("?t={t}"));
        }
        self.call("POST", &path)?;
        let r = (|| {
            let id = lookup::container_id(self.daemon(), name)?;
            if !self.container(&id).state.running {
                return Ok(Changed::NotModified);
            }
            self.stop_container(&id, timeout, sig).map_err(|e| match e {
                ApiError::Daemon { message, .. } => ApiError::server(format!("cannot stop container: {name}: {message}")),
                other => other,
            })?;
            Ok(Changed::Yes)
        })();
        let status = if r == Ok(Changed::NotModified) { 304 } else { 204 };
        self.reply(status, r)
    }

    /// `containerStop`: the stop signal, a wait of `timeout` seconds, then SIGKILL.
    pub(crate) fn stop_container(&mut self, id: &str, timeout: Option<i64>, sig: Option<&str>) -> ApiResult<()> {
        let c = self.container(id);
        let stop_signal = match sig.or(c.config.stop_signal.as_deref()) {
            Some(s) => signal::parse(s).map_err(ApiError::bad_request)?,
            None => SIGTERM,
        };
        let timeout = timeout.or(c.config.stop_timeout).unwrap_or(DEFAULT_STOP_TIMEOUT);
        self.kill_with_signal(id, stop_signal)?;
        let still_running = self.daemon().containers.get(id).is_some_and(|c| c.state.running);
        if !still_running {
            return Ok(());
        }
        // Wait for the process to exit on its own, at most `timeout` seconds (−1: forever,
        // capped at a day so nothing can hang).
        let wait = if timeout < 0 { Span::secs(86_400) } else { Span::secs(timeout as u64) };
        let limit = self.world.now() + wait;
        if runtime::wait_for_exit(self.world, self.daemon, id, limit) {
            return Ok(());
        }
        if timeout < 0 {
            return Ok(());
        }
        self.kill_with_signal(id, SIGKILL)?;
        Ok(())
    }

    /// `killWithSignal`: marks the container manually stopped, cancels its restart manager
    /// when the signal is a stopping one, and delivers the signal.
    fn kill_with_signal(&mut self, id: &str, sig: u8) -> ApiResult<()> {
        let c = self.container(id);
        if !c.state.running {
            return Err(ApiError::conflict(format!("container {id} is not running")));
        }
        let stopping = match &c.config.stop_signal {
            Some(s) if sig != SIGKILL => signal::parse(s).ok() == Some(sig),
            _ => true,
        };
        let restarting = c.state.restarting;
        let paused = c.state.paused;
        let c = self.daemon_mut().containers.get_mut(id).expect("found");
        c.state.has_been_manually_stopped = true;
        if stopping {
            c.restart_cancelled = true;
        }
        if restarting {
            // No process to signal: the restart will simply not happen.
            if stopping {
                c.state.restarting = false;
                c.state.running = false;
                c.restart_at = None;
                let d = self.daemon;
                self.world.emit(
                    Actor::Daemon { daemon: d },
                    Actor::Container { daemon: d, container: id.into() },
                    EventKind::ContainerStateChanged { container: id.into(), from: "restarting".into(), to: "exited".into() },
                );
            }
            return Ok(());
        }
        if paused && (stopping || sig == SIGKILL) {
            self.set_paused(id, false);
        }
        runtime::signal(self.world, self.daemon, id, sig);
        Ok(())
    }

    /// `POST /containers/{id}/kill`.
    pub fn container_kill(&mut self, name: &str, sig: Option<&str>) -> ApiResult<()> {
        let mut path = format!("/containers/{}/kill", query_escape(name));
        if let Some(s) = sig {
            path.push_str(&format!("?signal={}", query_escape(s)));
        }
        self.serve("POST", &path, 204, |api| {
            let r = (|| {
                let n = match sig {
                    Some(s) if !s.is_empty() => signal::parse(s).map_err(ApiError::bad_request)?,
                    _ => SIGKILL,
                };
                let id = lookup::container_id(api.daemon(), name)?;
                api.kill_with_signal(&id, n)
            })();
            r.map_err(|e| match e {
                ApiError::Daemon { status, message } => {
                    ApiError::Daemon { status, message: format!("cannot kill container: {name}: {message}") }
                }
                other => other,
            })
        })
    }

    /// `POST /containers/{id}/restart`: stop (if running), then start.
    pub fn container_restart(&mut self, name: &str, timeout: Option<i64>, sig: Option<&str>) -> ApiResult<()> {
        let mut path = format!("/containers/{}/restart", query_escape(name));
        if let Some(t) = timeout {
            path.push_str(&format!("?t={t}"));
        }
        self.serve("POST", &path, 204, |api| {
            let wrap = |e: ApiError| match e {
                ApiError::Daemon { status, message } => {
                    ApiError::Daemon { status, message: format!("Cannot restart container {name}: {message}") }
                }
                other => other,
            };
            let id = lookup::container_id(api.daemon(), name)?;
            if api.container(&id).state.running {
                api.stop_container(&id, timeout, sig).map_err(wrap)?;
            }
            let c = api.daemon_mut().containers.get_mut(&id).expect("found");
            c.state.has_been_manually_stopped = false;
            c.restart_cancelled = false;
            c.state.restarting = false;
            c.state.running = false;
            c.restart_at = None;
            let ports = api.allocate_ports(&id).map_err(wrap)?;
            api.set_ports(&id, ports);
            runtime::start(api.world, api.daemon, &id).map_err(|e| {
                api.set_ports(&id, Default::default());
                wrap(ApiError::bad_request(e.message()))
            })
        })
    }

    fn set_paused(&mut self, id: &str, paused: bool) {
        let c = self.daemon_mut().containers.get_mut(id).expect("found");
        let before = c.state.status();
        c.state.paused = paused;
        let after = c.state.status();
        let d = self.daemon;
        self.world.emit(
            Actor::Daemon { daemon: d },
            Actor::Container { daemon: d, container: id.into() },
            EventKind::ContainerStateChanged { container: id.into(), from: before.as_str().into(), to: after.as_str().into() },
        );
    }

    /// `POST /containers/{id}/pause`.
    pub fn container_pause(&mut self, name: &str) -> ApiResult<()> {
        let path = format!("/containers/{}/pause", query_escape(name));
        self.serve("POST", &path, 204, |api| {
            let id = lookup::container_id(api.daemon(), name)?;
            let st = &api.container(&id).state;
            if !st.running {
                return Err(ApiError::conflict(format!("container {id} is not running")));
            }
            if st.paused {
                return Err(ApiError::conflict(format!("Container {id} is already paused")));
            }
            if st.restarting {
                return Err(ApiError::conflict(format!(
                    "Container {id} is restarting, wait until the container is running"
                )));
            }
            api.set_paused(&id, true);
            Ok(())
        })
    }

    /// `POST /containers/{id}/unpause`.
    pub fn container_unpause(&mut self, name: &str) -> ApiResult<()> {
        let path = format!("/containers/{}/unpause", query_escape(name));
        self.serve("POST", &path, 204, |api| {
            let id = lookup::container_id(api.daemon(), name)?;
            if !api.container(&id).state.paused {
                return Err(ApiError::server(format!("Container {id} is not paused")));
            }
            api.set_paused(&id, false);
            Ok(())
        })
    }

    /// `POST /containers/{id}/wait` when the container is already stopped, or after letting
    /// time pass up to `limit_secs`: `Ok(Some(code))` once it exited, `Ok(None)` if it still
    /// runs.
    pub fn container_wait(&mut self, name: &str, limit_secs: u64) -> ApiResult<Option<i32>> {
        let path = format!("/containers/{}/wait", query_escape(name));
        self.serve("POST", &path, 200, |api| {
            let id = lookup::container_id(api.daemon(), name)?;
            let limit = api.world.now() + Span::secs(limit_secs);
            let d = api.daemon;
            if runtime::wait_for_exit(api.world, d, &id, limit) {
                let code = api.daemon().containers.get(&id).map_or(0, |c| c.state.exit_code);
                Ok(Some(code))
            } else {
                Ok(None)
            }
        })
    }

    /// Kills a running container at once (`rm -f`).
    pub(crate) fn force_kill(&mut self, id: &str) {
        let c = self.daemon_mut().containers.get_mut(id).expect("found");
        c.restart_cancelled = true;
        c.state.has_been_manually_stopped = true;
        if c.state.restarting {
            c.state.restarting = false;
            c.state.running = false;
            c.restart_at = None;
            return;
        }
        runtime::signal(self.world, self.daemon, id, SIGKILL);
    }

    /// When container `id`'s main process will next do something by itself, if it is
    /// running and sleeping (not blocked forever, not waiting for input). Read from an open
    /// attach stream: no request.
    pub fn container_next_wake(&self, id: &str) -> Option<crate::engine::clock::Time> {
        let c = self.daemon().containers.get(id)?;
        if c.state.restarting {
            return c.restart_at;
        }
        match c.task.as_ref()?.status {
            crate::engine::proc::ProcStatus::Sleeping(t) if !c.state.paused => Some(t),
            _ => None,
        }
    }

    /// The state name of a container (for callers that need it after a call).
    pub fn container_status(&self, id: &str) -> Option<Status> {
        self.daemon().containers.get(id).map(|c| c.state.status())
    }
}
