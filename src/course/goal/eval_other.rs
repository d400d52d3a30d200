//! Network, daemon, registry and repository checks.
//!
//! Invariant: reads only; a repository check looks at every registry of the world, whatever
//! daemon the learner talks to (registries live outside hosts).

use super::eval::{Tally, container_id, eq, resolve, text};
use super::spec::Key;
use super::{Check, Value};
use crate::engine::World;
use crate::engine::event::ClientId;
use crate::engine::model::daemon::Daemon;
use crate::engine::model::network::Network;

pub(super) fn networks(check: &Check, d: &Daemon) -> Tally {
    let mut t = Tally::default();
    for n in d.networks.values() {
        t.add(check, check.conds.iter().map(|c| Some(network(n, d, c.key, c.op, &c.value))));
    }
    t
}

fn network(n: &Network, d: &Daemon, key: Key, op: super::Op, value: &Value) -> bool {
    match (key, value) {
        (Key::Name, Value::Text(w)) => text(op, &n.name, w),
        (Key::Driver, Value::Text(w)) => text(op, &n.driver, w),
        (Key::Has, Value::Text(name)) => {
            let attached = container_id(d, name)
                .and_then(|id| d.containers.get(&id))
                .is_some_and(|c| c.networks.values().any(|e| e.network_id == n.id));
            eq(op, attached)
        }
        _ => false,
    }
}

pub(super) fn daemon(check: &Check, d: &Daemon) -> Tally {
    let mut t = Tally::default();
    t.add(
        check,
        check.conds.iter().map(|c| match (&c.key, &c.value) {
            (Key::Running, Value::Bool(b)) => Some(d.running == *b),
            _ => Some(false),
        }),
    );
    t
}

pub(super) fn registries(check: &Check, world: &World) -> Tally {
    let mut t = Tally::default();
    for r in &world.registries {
        t.add(
            check,
            check.conds.iter().map(|c| {
                Some(match (&c.key, &c.value) {
                    (Key::Domain, Value::Text(w)) => text(c.op, &r.domain, w),
                    (Key::Online, Value::Bool(b)) => r.online == *b,
                    _ => false,
                })
            }),
        );
    }
    t
}

/// Every tag of every repository of every registry is one object.
pub(super) fn repositories(check: &Check, world: &World) -> Tally {
    let learner = world.clients.get(ClientId(0).0 as usize).map(|c| c.context().daemon);
    let local = learner.filter(|d| (d.0 as usize) < world.daemons.len()).map(|d| world.daemon(d));
    let mut t = Tally::default();
    for r in &world.registries {
        for (path, repo) in &r.content.repos {
            let name = format!("{}/{path}", r.domain);
            for (tag, manifest) in &repo.tags {
                let config = r.content.manifests.get(manifest).map(|m| m.config.as_str());
                let answers = check.conds.iter().map(|c| {
                    Some(match (&c.key, &c.value) {
                        (Key::Name, Value::Repo(w)) => &name == w,
                        (Key::Tag, Value::Text(w)) => text(c.op, tag, w),
                        (Key::SameAs, Value::Ref(full)) => {
                            let same = local.and_then(|d| resolve(d, full)).is_some_and(|id| Some(id.as_str()) == config);
                            eq(c.op, same)
                        }
                        _ => false,
                    })
                });
                t.add(check, answers);
            }
        }
    }
    t
}
