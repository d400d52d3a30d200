//! Container checks: name, image, state, exit code, published ports, environment, networks,
//! mounts, restart policy, logs and command, read from the daemon's containers as they are.
//!
//! Invariant: reads only; `changed` answers "cannot tell" until the engine models container
//! filesystems.

use super::eval::{Tally, eq, resolve, text, texts};
use super::spec::Key;
use super::{Check, Cond, MountWant, PortWant, Value};
use crate::engine::model::config::MountKind;
use crate::engine::model::container::{Container, Status};
use crate::engine::model::daemon::Daemon;
use crate::engine::reference;

pub(super) fn containers(check: &Check, d: &Daemon) -> Tally {
    let mut t = Tally::default();
    for c in d.containers.values() {
        t.add(check, check.conds.iter().map(|cond| answer(c, d, cond)));
    }
    t
}

fn answer(c: &Container, d: &Daemon, cond: &Cond) -> Option<bool> {
    let op = cond.op;
    let yes = match (&cond.key, &cond.value) {
        (Key::Name, Value::Text(w)) => text(op, &c.name, w),
        (Key::Image, Value::Ref(full)) => eq(op, uses_image(c, d, full)),
        (Key::State, Value::State(s)) => eq(op, c.state.status() == *s),
        (Key::Exit, Value::Number(n)) => {
            let ended = matches!(c.state.status(), Status::Exited | Status::Dead);
            ended && u64::try_from(c.state.exit_code).is_ok_and(|code| op.numbers(code, *n))
        }
        (Key::Publishes, Value::Port(p)) => publishes(c, p),
        (Key::Env, Value::Text(w)) => texts(op, c.config.env.iter().map(String::as_str), w),
        (Key::Network, Value::Text(w)) => texts(op, c.networks.keys().map(String::as_str), w),
        (Key::Volume, Value::Mount(m)) => mounts(c).iter().any(|have| have.kind == MountKind::Volume && fits(have, m)),
        (Key::Bind, Value::Mount(m)) => mounts(c).iter().any(|have| have.kind == MountKind::Bind && fits(have, m)),
        (Key::Mount, Value::Text(target)) => mounts(c).iter().any(|have| &have.target == target),
        (Key::Restart, Value::Text(w)) => text(op, c.host_config.restart_policy.name(), w),
        (Key::Logs, Value::Text(w)) => {
            let all: String = c.logs.iter().map(|l| l.text.as_str()).collect();
            text(op, &all, w)
        }
        (Key::Restarts, Value::Number(n)) => op.numbers(u64::from(c.restart_count), *n),
        (Key::Cmd, Value::Text(w)) => {
            let mut line = c.path.clone();
            for a in &c.args {
                line.push(' ');
                line.push_str(a);
            }
            text(op, &line, w)
        }
        (Key::Changed, Value::Text(path)) => super::eval_files::changed(c, path),
        _ => false,
    };
    Some(yes)
}

/// The container was created from the image `full` names: by the name it was given, or
/// because that name now points at the container's image.
fn uses_image(c: &Container, d: &Daemon, full: &str) -> bool {
    let named = reference::parse_normalized(&c.config.image)
        .map(|r| r.with_default_tag().to_string())
        .is_ok_and(|r| r == full);
    named || resolve(d, full).is_some_and(|id| id == c.image)
}

fn publishes(c: &Container, want: &PortWant) -> bool {
    let hc = &c.host_config;
    let proto_ok = |key: &str| key.split_once('/').map_or(want.proto == "tcp", |(_, p)| p == want.proto);
    let port_of = |key: &str| key.split_once('/').map_or(key, |(n, _)| n).parse::<u16>().ok();
    let bound = hc.port_bindings.iter().any(|(key, bindings)| {
        proto_ok(key)
            && want.container.is_none_or(|cp| port_of(key) == Some(cp))
            && match want.host {
                None => !bindings.is_empty(),
                Some(hp) => bindings.iter().any(|b| b.host_port.parse::<u16>().ok() == Some(hp)),
            }
    });
    // `-P` publishes every exposed port on a port the daemon picks.
    let all = hc.publish_all_ports
        && want.host.is_none()
        && c.config.exposed_ports.iter().any(|key| proto_ok(key) && want.container.is_none_or(|cp| port_of(key) == Some(cp)));
    bound || all
}

/// A mount as the container has it.
#[derive(Debug, PartialEq, Eq)]
struct Have {
    kind: MountKind,
    /// Volume name (empty when anonymous) or host path.
    source: String,
    target: String,
    read_only: bool,
}

/// Every mount of a container: `-v` strings, `--mount` specs, and the image's `VOLUME`s
/// that nothing else covers (anonymous volumes).
fn mounts(c: &Container) -> Vec<Have> {
    let mut out = Vec::new();
    for bind in &c.host_config.binds {
        let parts: Vec<&str> = bind.split(':').collect();
        let (source, target, opts) = match parts.as_slice() {
            [t] => ("", *t, ""),
            [s, t] => (*s, *t, ""),
            [s, t, o, ..] => (*s, *t, *o),
            [] => continue,
        };
        let kind = if source.starts_with('/') { MountKind::Bind } else { MountKind::Volume };
        let read_only = opts.split(',').any(|o| o == "ro");
        out.push(Have { kind, source: source.into(), target: target.into(), read_only });
    }
    for m in &c.host_config.mounts {
        let kind = match m.kind.as_str() {
            "bind" => MountKind::Bind,
            "tmpfs" => MountKind::Tmpfs,
            _ => MountKind::Volume,
        };
        out.push(Have { kind, source: m.source.clone(), target: m.target.clone(), read_only: m.read_only });
    }
    for target in &c.config.volumes {
        if !out.iter().any(|h| &h.target == target) {
            out.push(Have { kind: MountKind::Volume, source: String::new(), target: target.clone(), read_only: false });
        }
    }
    out
}

fn fits(have: &Have, want: &MountWant) -> bool {
    want.source.as_ref().is_none_or(|s| s == &have.source)
        && want.target.as_ref().is_none_or(|t| t == &have.target)
        && (!want.read_only || have.read_only)
}
