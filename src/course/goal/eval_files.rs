//! Checks on files and volumes: `file` (a file's existence and text, in a container, a
//! volume, an image or on the host), `volume` (exists, used by a container) and a
//! container's `changed` paths (its writable layer).
//!
//! Invariant: read-only; a container's file is read through the same layering Docker
//! uses (image layers, the daemon's mounted files, the writable layer, then its mounts),
//! on copies, so checking never changes the world.

use super::eval::{Tally, resolve, text};

use super::spec::Key;
use super::{Check, Cond, Value};
use crate::engine::World;
use crate::engine::fs::Tree;
use crate::engine::model::config::MountKind;
use crate::engine::model::container::Container;
use crate::engine::model::daemon::Daemon;
use crate::unix::fs::{Cred, Fs, UnionFs};

fn want_text(cond: &Cond) -> Option<&str> {
    match &cond.value {
        Value::Text(t) | Value::Ref(t) => Some(t),
        _ => None,
    }
}

/// `volume name=… used-by=…`.
pub(super) fn volumes(check: &Check, d: &Daemon) -> Tally {
    let mut t = Tally::default();
    for v in d.volumes.values() {
        t.add(
            check,
            check.conds.iter().map(|cond| {
                let w = want_text(cond)?;
                match cond.key {
                    Key::Name => Some(text(cond.op, &v.name, w)),
                    Key::UsedBy => Some(d.containers.values().any(|c| c.name == w && c.mounts.iter().any(|m| m.name == v.name))),
                    _ => None,
                }
            }),
        );
    }
    t
}

/// Reads `path` from layers stacked bottom first, with trees mounted over them.
fn read(lowers: &[&Tree], upper: &Tree, mounts: Vec<(String, Tree, bool)>, path: &str) -> Option<String> {
    let mut rw = upper.clone();
    let mut mounts = mounts;
    let mut fs = UnionFs::new(lowers, &mut rw);
    for (target, tree, ro) in mounts.iter_mut() {
        fs = fs.mount(target, tree, *ro);
    }
    fs.read(path, Cred::ROOT).ok().map(|d| String::from_utf8_lossy(&d.bytes()).into_owned())
}

/// The text of `path` in container `c`, as a process in it would read it.
fn container_file(w: &World, d: &Daemon, c: &Container, path: &str) -> Option<String> {
    let lowers = crate::engine::rootfs::lowers_of(d, c)?;
    let mut refs: Vec<&Tree> = lowers.iter().map(|a| &**a).collect();
    refs.push(&c.init);
    let host = &w.hosts[d.host.0 as usize];
    let mounts = c
        .mounts
        .iter()
        .filter_map(|m| {
            let tree = match m.kind {
                MountKind::Volume => d.volumes.get(&m.name)?.content.clone(),
                MountKind::Bind => crate::engine::hostfs::snapshot(host, &m.source),
                MountKind::Tmpfs => c.tmpfs.get(&m.destination).cloned().unwrap_or_default(),
            };
            Some((m.destination.clone(), tree, !m.rw))
        })
        .collect();
    read(&refs, &c.rw, mounts, path)
}

/// `file path=… contains=… [container=…|volume=…|image=…]`: one object per place asked.
pub(super) fn files(check: &Check, w: &World, d: &Daemon) -> Tally {
    let mut t = Tally::default();
    let path = check.conds.iter().find(|c| c.key == Key::Path).and_then(want_text).unwrap_or("/");
    let mut contents: Vec<Option<String>> = Vec::new();
    if let Some(name) = check.conds.iter().find(|c| c.key == Key::Container).and_then(want_text) {
        contents.extend(d.containers.values().filter(|c| c.name == name).map(|c| container_file(w, d, c, path)));
    } else if let Some(name) = check.conds.iter().find(|c| c.key == Key::Volume).and_then(want_text) {
        contents.extend(d.volumes.get(name).map(|v| read(&[], &v.content, Vec::new(), path)));
    } else if let Some(full) = check.conds.iter().find(|c| c.key == Key::Image).and_then(want_text) {
        if let Some(img) = resolve(d, full).and_then(|id| d.images.get(&id)) {
            let layers: Vec<&Tree> = crate::engine::oci::chain_ids(&img.layers).iter().filter_map(|ch| d.layers.get(ch)).map(|l| &*l.content).collect();
            contents.push(read(&layers, &Tree::new(), Vec::new(), path));
        }
    } else {
        let host = &w.hosts[d.host.0 as usize];
        let dir = crate::unix::fs::path::parent(path);
        let name = &path[dir.len()..].trim_start_matches('/').to_string();
        let tree = crate::engine::hostfs::snapshot(host, dir);
        contents.push(read(&[], &tree, Vec::new(), &format!("/{name}")));
    }
    for content in contents {
        t.add(
            check,
            check.conds.iter().map(|cond| match cond.key {
                Key::Path => Some(content.is_some()),
                // `contains=TEXT`: the file holds the text (`!=`: it does not).
                Key::Contains => Some(content.as_deref().is_some_and(|c| {
                    want_text(cond).is_some_and(|w| if cond.op == super::Op::Ne { !c.contains(w) } else { c.contains(w) })
                })),
                Key::Container | Key::Volume | Key::Image => Some(true),
                _ => None,
            }),
        );
    }
    t
}

/// `container changed=/path`: the path is in the container's writable layer.
pub(super) fn changed(c: &Container, path: &str) -> bool {
    c.rw.get(path).is_some()
}
