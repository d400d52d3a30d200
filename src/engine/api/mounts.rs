//! A new container's mount points (moby's `registerMountPoints` and the image volumes of
//! `createContainerOSSpecificSettings`): `--volumes-from`, then `-v` binds and volumes
//! (`ParseMountRaw`), then `--mount` specs (`ParseMountSpec`), then an anonymous volume for
//! every `VOLUME` of the image (or `-v /path`) nothing else mounts. An empty volume gets a
//! copy of what the image has at its mount point. Also what `rm -v` and `--rm` remove.
//!
//! Invariant: on error no volume is left half-made for the container (volumes created
//! before the error stay, as in Docker); mount points are sorted by destination.

use super::{Api, ApiError, ApiResult};
use super::volumes::VolumeCreate;
use crate::engine::event::{Actor, EventKind};
use crate::engine::model::config::{Config, HostConfig, MountKind, MountSpec};
use crate::engine::model::volume::MountPoint;
use crate::unix::fs::{Cred, Fs, UnionFs, path};

const RW_MODES: &[&str] = &["rw", "ro"];
const LABEL_MODES: &[&str] = &["z", "Z"];
const PROPAGATIONS: &[&str] = &["private", "rprivate", "slave", "rslave", "shared", "rshared"];
const CONSISTENCY: &[&str] = &["consistent", "cached", "delegated"];
const COPY_MODES: &[&str] = &["nocopy"];

/// `linuxValidMountMode`: comma-separated, at most one of each family.
fn valid_mode(mode: &str) -> bool {
    if mode.is_empty() {
        return true;
    }
    let mut counts = [0u8; 5];
    for o in mode.split(',') {
        let i = [RW_MODES, LABEL_MODES, PROPAGATIONS, COPY_MODES, CONSISTENCY].iter().position(|f| f.contains(&o));
        match i {
            Some(i) => counts[i] += 1,
            None => return false,
        }
    }
    counts.iter().all(|c| *c <= 1)
}

fn invalid_spec(raw: &str) -> String {
    format!("invalid volume specification: '{raw}'")
}

/// `errMountConfig`.
fn mount_config(kind: &str, e: &str) -> String {
    format!("invalid mount config for type \"{kind}\": {e}")
}

/// Target checks shared by `-v` and `--mount`.
fn check_target(kind: &str, target: &str) -> Result<(), String> {
    if target.is_empty() {
        return Err(mount_config(kind, "field Target must not be empty"));
    }
    if path::normalize("/", target) == "/" && target.starts_with('/') {
        return Err(mount_config(kind, "invalid specification: destination can't be '/'"));
    }
    if !target.starts_with('/') {
        return Err(mount_config(kind, &format!("invalid mount path: '{target}' mount path must be absolute")));
    }
    Ok(())
}

/// A `-v` string parsed (`ParseMountRaw`): (mount point without its volume resolved,
/// copy data). Bind sources are not checked for existence (the daemon creates them).
pub fn parse_bind(raw: &str) -> Result<(MountPoint, bool), String> {
    let arr: Vec<&str> = raw.splitn(4, ':').collect();
    if arr[0].is_empty() {
        return Err(invalid_spec(raw));
    }
    let (source, target, mode) = match arr.as_slice() {
        [t] => ("", *t, ""),
        [s, t] => {
            if valid_mode(t) {
                return Err(invalid_spec(raw));
            }
            (*s, *t, "")
        }
        [s, t, m] => (*s, *t, *m),
        _ => return Err(invalid_spec(raw)),
    };
    if !valid_mode(mode) {
        return Err(format!("invalid mode: {mode}"));
    }
    let bind = source.starts_with('/');
    let kind = if bind { "bind" } else { "volume" };
    check_target(kind, target).map_err(|e| format!("{}: {e}", invalid_spec(raw)))?;
    let rw = !mode.split(',').any(|o| o == "ro");
    let propagation = mode.split(',').find(|o| PROPAGATIONS.contains(o)).unwrap_or("rprivate");
    let mp = MountPoint {
        kind: if bind { MountKind::Bind } else { MountKind::Volume },
        name: if bind { String::new() } else { source.to_string() },
        source: if bind { path::normalize("/", source) } else { String::new() },
        destination: path::normalize("/", target),
        driver: String::new(),
        mode: mode.to_string(),
        rw,
        propagation: if bind { propagation.to_string() } else { String::new() },
        anonymous: source.is_empty(),
    };
    Ok((mp, !mode.split(',').any(|o| o == "nocopy")))
}

impl Api<'_> {
    /// The mount points of a container being created with `config` and `hc`.
    pub(crate) fn register_mounts(&mut self, config: &Config, hc: &HostConfig) -> ApiResult<(Vec<MountPoint>, Vec<(String, bool)>)> {
        let mut points: Vec<MountPoint> = Vec::new();
        // Destinations whose (new, empty) volume should get the image's files.
        let mut copy: Vec<(String, bool)> = Vec::new();
        let replace = |points: &mut Vec<MountPoint>, mp: MountPoint| {
            points.retain(|m| m.destination != mp.destination);
            points.push(mp);
        };
        for spec in &hc.volumes_from {
            let (name, mode) = spec.split_once(':').unwrap_or((spec.as_str(), "rw"));
            if spec.is_empty() {
                return Err(ApiError::bad_request("volumes-from specification cannot be an empty string"));
            }
            if !valid_mode(mode) || mode.split(',').any(|o| PROPAGATIONS.contains(&o) || o == "nocopy") {
                return Err(ApiError::bad_request(format!("invalid mode: {mode}")));
            }
            let id = super::lookup::container_id(self.daemon(), name).map_err(|e| ApiError::bad_request(e.message()))?;
            let ro = mode.split(',').any(|o| o == "ro");
            for m in self.daemon().containers[&id].mounts.clone() {
                let mut cp = m;
                cp.rw = cp.rw && !ro;
                replace(&mut points, cp);
            }
        }
        let mut bound: Vec<String> = Vec::new();
        for b in &hc.binds {
            let (mut mp, copy_data) = parse_bind(b).map_err(ApiError::bad_request)?;
            if bound.contains(&mp.destination) || hc.tmpfs.contains_key(&mp.destination) {
                return Err(ApiError::bad_request(format!("Duplicate mount point: {}", mp.destination)));
            }
            if mp.kind == MountKind::Volume {
                let v = self.ensure_volume(VolumeCreate { name: mp.name.clone(), ..Default::default() })?;
                mp.name = v.name.clone();
                mp.source = v.mountpoint();
                mp.driver = v.driver.clone();
                if mp.mode.is_empty() {
                    mp.mode = "z".into();
                }
                copy.push((mp.destination.clone(), copy_data));
            }
            bound.push(mp.destination.clone());
            replace(&mut points, mp);
        }
        for spec in &hc.mounts {
            let mp = self.mount_spec(spec)?;
            if bound.contains(&mp.destination) {
                return Err(ApiError::bad_request(format!("Duplicate mount point: {}", spec.target)));
            }
            if mp.kind == MountKind::Volume {
                copy.push((mp.destination.clone(), !spec.volume_no_copy));
            }
            replace(&mut points, mp);
        }
        for dest in &config.volumes {
            let dest = path::normalize("/", dest);
            if points.iter().any(|m| m.destination == dest) || hc.tmpfs.contains_key(&dest) {
                continue;
            }
            let v = self.ensure_volume(VolumeCreate::default())?;
            copy.push((dest.clone(), true));
            points.push(MountPoint {
                kind: MountKind::Volume,
                name: v.name.clone(),
                source: v.mountpoint(),
                destination: dest,
                driver: v.driver.clone(),
                mode: String::new(),
                rw: true,
                propagation: String::new(),
                anonymous: true,
            });
        }
        points.sort_by(|a, b| a.destination.cmp(&b.destination));
        Ok((points, copy))
    }

    /// One `--mount` (`ParseMountSpec`, with the bind source checked on the host).
    fn mount_spec(&mut self, spec: &MountSpec) -> ApiResult<MountPoint> {
        let kind = spec.kind.as_str();
        let bad = |e: String| ApiError::bad_request(e);
        check_target(kind, &spec.target).map_err(bad)?;
        let destination = path::normalize("/", &spec.target);
        let mut mp = MountPoint {
            kind: MountKind::Volume,
            name: String::new(),
            source: String::new(),
            destination,
            driver: String::new(),
            mode: String::new(),
            rw: !spec.read_only,
            propagation: String::new(),
            anonymous: false,
        };
        match kind {
            "bind" => {
                if spec.source.is_empty() {
                    return Err(bad(mount_config(kind, "field Source must not be empty")));
                }
                if !spec.source.starts_with('/') {
                    return Err(bad(mount_config(kind, &format!("invalid mount path: '{}' mount path must be absolute", spec.source))));
                }
                let source = path::normalize("/", &spec.source);
                let host = self.world.daemon(self.daemon).host;
                if !crate::engine::hostfs::exists(&mut self.world.hosts[host.0 as usize], &source) {
                    return Err(bad(mount_config(kind, &format!("bind source path does not exist: {source}"))));
                }
                mp.kind = MountKind::Bind;
                mp.source = source;
                mp.propagation = if spec.bind_propagation.is_empty() { "rprivate".into() } else { spec.bind_propagation.clone() };
            }
            "volume" => {
                if spec.read_only && spec.source.is_empty() {
                    return Err(bad(mount_config(kind, "must not set ReadOnly mode when using anonymous volumes")));
                }
                let v = self.ensure_volume(VolumeCreate { name: spec.source.clone(), labels: spec.volume_labels.clone(), ..Default::default() })?;
                mp.name = v.name.clone();
                mp.source = v.mountpoint();
                mp.driver = v.driver.clone();
                mp.mode = "z".into();
                mp.anonymous = spec.source.is_empty();
            }
            "tmpfs" => {
                if !spec.source.is_empty() {
                    return Err(bad(mount_config(kind, "field Source must not be specified")));
                }
                mp.kind = MountKind::Tmpfs;
            }
            _ => return Err(bad(mount_config(kind, "mount type unknown"))),
        }
        Ok(mp)
    }

    /// Creates missing `-v` bind sources on the host, as the daemon does (root, 0755).
    pub(crate) fn create_bind_sources(&mut self, points: &[MountPoint], hc: &HostConfig) {
        let host = self.world.daemon(self.daemon).host;
        let now = self.world.now();
        for m in points.iter().filter(|m| m.kind == MountKind::Bind) {
            if hc.binds.iter().any(|b| b.starts_with(&format!("{}:", m.source)) || path::normalize("/", b.split(':').next().unwrap_or("")) == m.source) {
                let h = &mut self.world.hosts[host.0 as usize];
                if !crate::engine::hostfs::exists(h, &m.source) {
                    crate::engine::hostfs::mkdir_all(h, &m.source, now);
                }
            }
        }
    }

    /// Copies what the image has at each new volume's mount point into the volume, when
    /// the volume is empty (`copyExistingContents`).
    pub(crate) fn populate_volumes(&mut self, id: &str, copy: &[(String, bool)]) {
        let d = self.daemon;
        let Some(c) = self.daemon().containers.get(id) else { return };
        let Some(lowers) = crate::engine::rootfs::lowers_of(self.daemon(), c) else { return };
        let targets: Vec<(String, String)> = c
            .mounts
            .iter()
            .filter(|m| m.kind == MountKind::Volume && copy.iter().any(|(dst, yes)| *yes && *dst == m.destination))
            .map(|m| (m.name.clone(), m.destination.clone()))
            .collect();
        let now = self.world.now();
        for (name, dest) in targets {
            let empty = self.daemon().volumes.get(&name).is_some_and(|v| v.content.is_empty());
            if !empty {
                continue;
            }
            let refs: Vec<&crate::engine::fs::Tree> = lowers.iter().map(|a| &**a).collect();
            let mut scratch = crate::engine::fs::Tree::new();
            let view = UnionFs::new(&refs, &mut scratch);
            let mut tree = crate::engine::fs::Tree::new();
            let mut count = 0u32;
            copy_dir(&view, &dest, "/", &mut tree, &mut count, now);
            if count == 0 {
                continue;
            }
            if let Some(v) = self.daemon_mut().volumes.get_mut(&name) {
                v.content = tree;
            }
            let to = Actor::Volume { daemon: d, volume: name.clone() };
            self.emit_from_daemon(to, EventKind::VolumePopulated { volume: name, destination: dest, paths: count });
        }
    }
}

/// Removes the anonymous volumes of a container being removed (`rm -v`, `--rm`), unless
/// another container still uses them.
pub fn remove_anonymous_volumes(w: &mut crate::engine::World, d: crate::engine::event::DaemonId, points: &[MountPoint]) {
    for m in points.iter().filter(|m| m.kind == MountKind::Volume && m.anonymous) {
        let used = w.daemon(d).containers.values().any(|c| c.mounts.iter().any(|x| x.name == m.name));
        if !used && w.daemon_mut(d).volumes.remove(&m.name).is_some() {
            w.emit(
                Actor::Daemon { daemon: d },
                Actor::Volume { daemon: d, volume: m.name.clone() },
                EventKind::VolumeRemoved { volume: m.name.clone() },
            );
        }
    }
}

/// Copies `src` (a directory of `fs`) into `tree` at `dst`, with metadata; counts files.
fn copy_dir(fs: &UnionFs<'_>, src: &str, dst: &str, tree: &mut crate::engine::fs::Tree, count: &mut u32, now: crate::engine::clock::Time) {
    let Ok(st) = fs.lstat(src) else { return };
    if st.kind != crate::unix::fs::Kind::Dir {
        return;
    }
    if let Some(n) = fs.lookup(src) {
        tree.put_node(dst, n.into_owned());
    }
    let _ = now;
    for name in fs.readdir(src, Cred::ROOT).unwrap_or_default().into_iter().take(10_000) {
        let s = path::child(src, &name);
        let d = path::child(dst, &name);
        match fs.lstat(&s) {
            Ok(st) if st.kind == crate::unix::fs::Kind::Dir => {
                if dst.matches('/').count() < 64 {
                    copy_dir(fs, &s, &d, tree, count, now);
                }
            }
            Ok(_) => {
                if let Some(n) = fs.lookup(&s) {
                    tree.put_node(&d, n.into_owned());
                    *count += 1;
                }
            }
            Err(_) => {}
        }
    }
}
