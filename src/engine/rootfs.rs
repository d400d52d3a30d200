//! A container's root file system as its processes see it: the image's layers, the files
//! Docker writes at each start (`init`), the writable layer, and its mounts (volumes, bind
//! mounts of host directories, tmpfs) layered on top.
//!
//! While a process runs, the container is taken out of its daemon and its mounted trees are
//! lent to it (a volume's files, a host directory), so the rest of the world stays
//! reachable (the network); everything is put back when the process yields. A tree that
//! another container also mounts is copied rather than taken, so that container still
//! sees it.
//!
//! Invariant: after [`with_container`] returns, the container, its volumes and the host's
//! files are back where they were, with the process's changes applied.

use std::sync::Arc;

use super::event::DaemonId;
use super::fs::Tree;
use super::model::config::MountKind;
use super::model::container::Container;
use super::model::daemon::Daemon;
use super::world::World;
use crate::unix::fs::UnionFs;

/// Where a lent tree comes from.
#[derive(Debug)]
enum Origin {
    Volume(String),
    Bind(String),
    Tmpfs(String),
}

/// A mounted tree lent to a running process.
#[derive(Debug)]
pub struct Lent {
    pub target: String,
    pub tree: Tree,
    pub read_only: bool,
    origin: Origin,
    /// Copied (shared with another container) rather than taken.
    copied: bool,
}

/// The image layers of `c`, bottom first (shared, not copied).
pub fn lowers_of(d: &Daemon, c: &Container) -> Option<Vec<Arc<Tree>>> {
    let img = d.image_of(c)?;
    Some(super::oci::chain_ids(&img.layers).iter().filter_map(|ch| d.layers.get(ch)).map(|l| l.content.clone()).collect())
}

/// Whether a container other than `id` mounts volume `name` (resp. host dir `source`).
fn shared(d: &Daemon, id: &str, kind: &MountKind, key: &str) -> bool {
    d.containers.values().filter(|c| c.id != id).any(|c| {
        c.mounts.iter().any(|m| &m.kind == kind && if *kind == MountKind::Volume { m.name == key } else { m.source == key })
    })
}

/// Lends `c`'s mounts (volumes, binds, tmpfs) out of the world, in mount order.
pub fn lend(w: &mut World, d: DaemonId, c: &mut Container) -> Vec<Lent> {
    let mut out = Vec::new();
    let host = w.daemon(d).host;
    let mut tmpfs_targets: Vec<String> = c.host_config.tmpfs.keys().cloned().collect();
    for m in &c.mounts {
        let ro = !m.rw;
        match m.kind {
            MountKind::Volume => {
                let copied = shared(w.daemon(d), &c.id, &m.kind, &m.name);
                let Some(v) = w.daemon_mut(d).volumes.get_mut(&m.name) else { continue };
                let tree = if copied { v.content.clone() } else { std::mem::take(&mut v.content) };
                out.push(Lent { target: m.destination.clone(), tree, read_only: ro, origin: Origin::Volume(m.name.clone()), copied });
            }
            MountKind::Bind => {
                let copied = shared(w.daemon(d), &c.id, &m.kind, &m.source)
                    || out.iter().any(|l: &Lent| matches!(&l.origin, Origin::Bind(s) if crate::unix::fs::path::is_under(s, &m.source) || crate::unix::fs::path::is_under(&m.source, s)));
                let tree = super::hostfs::lend(&mut w.hosts[host.0 as usize], &m.source, !copied);
                out.push(Lent { target: m.destination.clone(), tree, read_only: ro, origin: Origin::Bind(m.source.clone()), copied });
            }
            MountKind::Tmpfs => tmpfs_targets.push(m.destination.clone()),
        }
    }
    tmpfs_targets.sort();
    tmpfs_targets.dedup();
    for t in tmpfs_targets {
        let tree = c.tmpfs.remove(&t).unwrap_or_default();
        out.push(Lent { target: t.clone(), tree, read_only: false, origin: Origin::Tmpfs(t), copied: false });
    }
    out
}

/// Puts lent trees back, last lent first.
pub fn give_back(w: &mut World, d: DaemonId, c: &mut Container, lent: Vec<Lent>) {
    let host = w.daemon(d).host;
    for l in lent.into_iter().rev() {
        match l.origin {
            Origin::Volume(name) => {
                if let Some(v) = w.daemon_mut(d).volumes.get_mut(&name)
                    && (!l.copied || !l.read_only)
                {
                    v.content = l.tree;
                }
            }
            Origin::Bind(source) => {
                if !l.copied || !l.read_only {
                    super::hostfs::give_back(&mut w.hosts[host.0 as usize], &source, l.tree);
                }
            }
            Origin::Tmpfs(target) => {
                c.tmpfs.insert(target, l.tree);
            }
        }
    }
}

/// Runs `f` with container `id` out of its daemon and its root file system assembled;
/// `f` also gets the world (everything but this container). `None` if there is no such
/// container or its image is gone.
pub fn with_container<R>(
    w: &mut World,
    d: DaemonId,
    id: &str,
    f: impl FnOnce(&mut World, &mut UnionFs<'_>, &mut Container) -> R,
) -> Option<R> {
    let lowers = {
        let daemon = w.daemon(d);
        lowers_of(daemon, daemon.containers.get(id)?)?
    };
    let mut c = w.daemon_mut(d).containers.remove(id)?;
    let mut lent = lend(w, d, &mut c);
    let mut rw = std::mem::take(&mut c.rw);
    let init = std::mem::take(&mut c.init);
    let r = {
        let mut refs: Vec<&Tree> = lowers.iter().map(|a| &**a).collect();
        refs.push(&init);
        let mut fs = UnionFs::new(&refs, &mut rw).read_only(c.host_config.readonly_rootfs);
        for l in lent.iter_mut() {
            fs = fs.mount(&l.target, &mut l.tree, l.read_only);
        }
        f(w, &mut fs, &mut c)
    };
    c.rw = rw;
    c.init = init;
    give_back(w, d, &mut c, lent);
    w.daemon_mut(d).containers.insert(id.to_string(), c);
    Some(r)
}
