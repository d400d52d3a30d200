//! What the diagram shows while a command animates: the scene before the command, with the
//! changes of the steps played so far applied one by one (a layer arrives, the image
//! appears, the container shows up as created, then turns running). Objects come from the
//! scene after the command when it still has them, or are sketched from the event (a
//! `--rm` container that is gone by the end).
//!
//! Invariant: `visible(b, a, steps, steps.len()) == *a`, and for a non-empty list
//! `visible(b, a, steps, 0) == *b`; in between, every step's change is applied in order,
//! exactly once.

use crate::engine::model::container::Status;

use super::anim::{Reveal, Step};
use super::scene::{ContainerView, DaemonView, EndpointView, ImageView, MountKind, Scene};

/// The scene with the first `applied` steps of the command revealed.
pub fn visible(before: &Scene, after: &Scene, steps: &[Step], applied: usize) -> Scene {
    if applied >= steps.len() {
        return after.clone();
    }
    let mut s = before.clone();
    for st in &steps[..applied] {
        apply(&mut s, after, &st.reveal);
    }
    s
}

fn sort_images(images: &mut [ImageView]) {
    images.sort_by(|a, b| (a.tags.is_empty(), a.tags.first(), &a.id).cmp(&(b.tags.is_empty(), b.tags.first(), &b.id)));
}

/// Applies one change to `s`, taking objects from `after`.
fn apply(s: &mut Scene, after: &Scene, r: &Reveal) {
    let daemon = match r {
        Reveal::Nothing => return,
        Reveal::LayerArrived { daemon, .. }
        | Reveal::ImageStored { daemon, .. }
        | Reveal::TagAdded { daemon, .. }
        | Reveal::TagRemoved { daemon, .. }
        | Reveal::ImageDeleted { daemon, .. }
        | Reveal::LayerDeleted { daemon, .. }
        | Reveal::ContainerCreated { daemon, .. }
        | Reveal::ContainerState { daemon, .. }
        | Reveal::ContainerRenamed { daemon, .. }
        | Reveal::ContainerRemoved { daemon, .. }
        | Reveal::WritableChanged { daemon, .. } => *daemon,
    };
    let later = after.daemon(daemon);
    let Some(d) = s.daemon_mut(daemon) else { return };
    match r {
        Reveal::Nothing => {}
        Reveal::LayerArrived { chain_id, .. } => {
            if d.layer(chain_id).is_none()
                && let Some(l) = later.and_then(|a| a.layer(chain_id)) {
                    d.layers.push(l.clone());
                }
        }
        Reveal::ImageStored { image, .. } => {
            if let Some(img) = later.and_then(|a| a.image(image)) {
                store_image(d, img, later);
            }
        }
        Reveal::TagAdded { image, reference, .. } => {
            if d.image(image).is_none()
                && let Some(img) = later.and_then(|a| a.image(image)) {
                    store_image(d, img, later);
                }
            if let Some(img) = d.images.iter_mut().find(|i| &i.id == image)
                && !img.tags.contains(reference) {
                    img.tags.push(reference.clone());
                    img.tags.sort();
                }
            sort_images(&mut d.images);
        }
        Reveal::TagRemoved { image, reference, .. } => {
            if let Some(img) = d.images.iter_mut().find(|i| &i.id == image) {
                img.tags.retain(|t| t != reference);
                img.digests.retain(|t| t != reference);
            }
            sort_images(&mut d.images);
        }
        Reveal::ImageDeleted { image, .. } => d.images.retain(|i| &i.id != image),
        Reveal::LayerDeleted { chain_id, .. } => d.layers.retain(|l| &l.chain_id != chain_id),
        Reveal::ContainerCreated { container, name, image, .. } => {
            if d.container(container).is_none() {
                let c = match later.and_then(|a| a.container(container)) {
                    Some(c) => fresh(c.clone()),
                    None => sketch(d, container, name, image),
                };
                // The volumes it mounts show up with it (they may be created by this command).
                for m in c.mounts.iter().filter(|m| m.kind == MountKind::Volume) {
                    if !d.volumes.iter().any(|v| v.name == m.source)
                        && let Some(v) = later.and_then(|a| a.volumes.iter().find(|v| v.name == m.source))
                    {
                        d.volumes.push(v.clone());
                        d.volumes.sort_by(|a, b| a.name.cmp(&b.name));
                    }
                }
                let pos = d.containers.iter().position(|x| x.seq > c.seq).unwrap_or(d.containers.len());
                d.containers.insert(pos, c);
            }
        }
        Reveal::ContainerState { container, status, .. } => {
            let final_view = later.and_then(|a| a.container(container));
            if let Some(c) = d.containers.iter_mut().find(|c| &c.id == container) {
                c.status = *status;
                match final_view {
                    Some(f) if f.status == *status => {
                        c.docker_status = f.docker_status.clone();
                        c.exit_code = f.exit_code;
                        c.networks = f.networks.clone();
                    }
                    _ => {
                        c.docker_status.clear();
                        if *status != Status::Running {
                            for ep in &mut c.networks {
                                ep.ip.clear();
                            }
                        }
                    }
                }
            }
        }
        Reveal::ContainerRenamed { container, name, .. } => {
            if let Some(c) = d.containers.iter_mut().find(|c| &c.id == container) {
                c.name = name.clone();
            }
        }
        Reveal::ContainerRemoved { container, .. } => d.containers.retain(|c| &c.id != container),
        Reveal::WritableChanged { container, paths, .. } => {
            let size = later.and_then(|a| a.container(container)).map(|c| c.rw_size);
            if let Some(c) = d.containers.iter_mut().find(|c| &c.id == container) {
                c.rw_changes = c.rw_changes.saturating_add(*paths);
                if let Some(size) = size {
                    c.rw_size = size;
                }
            }
        }
    }
}

/// Puts `img` in the store (replacing an older view of it) with the layers it needs.
fn store_image(d: &mut DaemonView, img: &ImageView, later: Option<&DaemonView>) {
    for l in &img.layers {
        if d.layer(l).is_none()
            && let Some(lv) = later.and_then(|a| a.layer(l)) {
                d.layers.push(lv.clone());
            }
    }
    d.images.retain(|i| i.id != img.id);
    d.images.push(img.clone());
    sort_images(&mut d.images);
}

/// A container as it is at creation: not started, no address, empty writable layer.
fn fresh(mut c: ContainerView) -> ContainerView {
    c.status = Status::Created;
    c.exit_code = 0;
    c.docker_status = "Created".into();
    c.rw_size = 0;
    c.rw_changes = 0;
    for ep in &mut c.networks {
        ep.ip.clear();
    }
    c
}

/// A container the final scene no longer has (removed within the same command).
fn sketch(d: &DaemonView, id: &str, name: &str, image: &str) -> ContainerView {
    let image_ref = d
        .image(image)
        .and_then(|i| i.tags.first().cloned())
        .unwrap_or_else(|| crate::engine::ids::short(image).to_string());
    let network = d.networks.first().map_or_else(|| "bridge".to_string(), |n| n.name.clone());
    ContainerView {
        id: id.into(),
        name: name.into(),
        seq: d.containers.iter().map(|c| c.seq + 1).max().unwrap_or(0),
        image: image.into(),
        image_ref,
        status: Status::Created,
        exit_code: 0,
        docker_status: "Created".into(),
        command: String::new(),
        env: Vec::new(),
        working_dir: String::new(),
        restart_policy: "no".into(),
        auto_remove: true,
        exposed_ports: Vec::new(),
        ports: Vec::new(),
        networks: vec![EndpointView { network, ip: String::new() }],
        mounts: Vec::new(),
        rw_size: 0,
        rw_changes: 0,
    }
}
