//! The inside of a host box: per daemon a daemon bar (with containerd and runc in the deep
//! view), the image store, the containers in their network zones, the volumes (beside the
//! containers, since they outlive them), and one kernel bar shared by all containers.
//!
//! A narrow host (landscape) puts the volumes under the images instead of in a column of
//! their own, so the containers keep the width.
//!
//! Invariant: every box placed here lies inside the host box, and sibling regions are
//! side by side (columns) or one under the other (stack), never overlapping.

use super::layout::{Canvas, Focus, Kind, Options, Rect, Tone, fit};
use super::layout_containers;
use super::layout_images;
use super::scene::{DaemonView, HostView, NodeId, Platform};
use super::scene_labels as t;

/// How the regions of a host are arranged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flow {
    /// Images | containers | volumes side by side (landscape).
    Columns,
    /// Containers, kernel, images, volumes one under the other (portrait).
    Stack,
}

const PAD: f64 = 10.0;
const HEADER: f64 = 28.0;
const DAEMON_H: f64 = 48.0;
const KERNEL_H: f64 = 36.0;
const INNER_GAP: f64 = 10.0;
/// Inner width of a host from which the volumes get their own column (landscape).
const SIDE_VOLUMES_FROM: f64 = 640.0;

/// Places host `host` at `(x, y)` with width `w`; returns the host box's index.
#[allow(clippy::too_many_arguments)]
pub(crate) fn place_host(c: &mut Canvas, host: &HostView, x: f64, y: f64, w: f64, flow: Flow, focus: &Focus, opts: Options) -> u32 {
    let desktop = host.platform.is_desktop();
    let title = t::host_title(&host.name, desktop, host.platform == Platform::WindowsDesktop);
    let hi = c.add_obj(None, Kind::Host, NodeId::host(host.id), Rect::new(x, y, w, 0.0), fit(&title, w, 7.4), fit(&host.os_name, w * 0.4, 6.0), Tone::Plain);
    let x0 = x + PAD;
    let iw = w - 2.0 * PAD;
    let mut cy = y + HEADER;
    let mut kernel_placed = false;
    for d in &host.daemons {
        place_daemon_bar(c, hi, d, Rect::new(x0, cy, iw, DAEMON_H), opts);
        cy += DAEMON_H + INNER_GAP;
        match flow {
            Flow::Columns => {
                let isw = (iw * 0.24).clamp(140.0, 300.0);
                // A narrow host keeps the volumes under the images, leaving the containers
                // (the part that grows) the width.
                let side_volumes = iw >= SIDE_VOLUMES_FROM;
                let vw = (iw * 0.13).clamp(110.0, 170.0);
                let caw = if side_volumes { iw - isw - vw - 2.0 * INNER_GAP } else { iw - isw - INNER_GAP };
                let si = layout_images::place_store(c, hi, d, x0, cy, isw);
                let ch = layout_containers::place(c, hi, d, x0 + isw + INNER_GAP, cy, caw, focus);
                let store_h = c.nodes[si as usize].rect.h;
                if side_volumes {
                    let vi = place_volumes(c, hi, d, x0 + isw + caw + 2.0 * INNER_GAP, cy, vw, false);
                    let body = store_h.max(ch).max(c.nodes[vi as usize].rect.h);
                    for i in [si, vi] {
                        let r = c.nodes[i as usize].rect;
                        c.node(i).rect = Rect::new(r.x, r.y, r.w, body);
                    }
                    cy += body + INNER_GAP;
                } else {
                    let vy = cy + store_h + INNER_GAP;
                    let vi = place_volumes(c, hi, d, x0, vy, isw, false);
                    let left = store_h + INNER_GAP + c.nodes[vi as usize].rect.h;
                    let body = left.max(ch);
                    let r = c.nodes[vi as usize].rect;
                    c.node(vi).rect = Rect::new(r.x, r.y, r.w, body - store_h - INNER_GAP);
                    cy += body + INNER_GAP;
                }
            }
            Flow::Stack => {
                let ch = layout_containers::place(c, hi, d, x0, cy, iw, focus);
                cy += ch + INNER_GAP;
                if !kernel_placed {
                    place_kernel(c, hi, host, Rect::new(x0, cy, iw, KERNEL_H));
                    kernel_placed = true;
                    cy += KERNEL_H + INNER_GAP;
                }
                let si = layout_images::place_store(c, hi, d, x0, cy, iw);
                cy += c.nodes[si as usize].rect.h + INNER_GAP;
                let vi = place_volumes(c, hi, d, x0, cy, iw, true);
                cy += c.nodes[vi as usize].rect.h + INNER_GAP;
            }
        }
    }
    if !kernel_placed {
        place_kernel(c, hi, host, Rect::new(x0, cy, iw, KERNEL_H));
        cy += KERNEL_H + INNER_GAP;
    }
    let h = cy - y - INNER_GAP + PAD;
    c.node(hi).rect = Rect::new(x, y, w, h);
    hi
}

fn place_daemon_bar(c: &mut Canvas, parent: u32, d: &DaemonView, r: Rect, opts: Options) {
    let (sub, tone) = if d.running {
        ("escuta a API do Docker em /var/run/docker.sock", Tone::Plain)
    } else {
        (t::DAEMON_OFF, Tone::Off)
    };
    let chips = opts.deep && r.w >= 330.0;
    let text_w = if chips { r.w - 200.0 } else { r.w };
    let di = c.add_obj(Some(parent), Kind::Daemon, NodeId::daemon(d.id), r, t::DAEMON.into(), fit(sub, text_w, 6.0), tone);
    if chips {
        let cw = 88.0;
        let y = r.y + (r.h - 24.0) / 2.0;
        let x1 = r.right() - 2.0 * cw - 16.0;
        c.add_obj(Some(di), Kind::Containerd, NodeId::containerd(d.id), Rect::new(x1, y, cw, 24.0), t::CONTAINERD.into(), String::new(), tone);
        c.add_obj(Some(di), Kind::Runc, NodeId::runc(d.id), Rect::new(x1 + cw + 8.0, y, cw, 24.0), t::RUNC.into(), String::new(), tone);
    }
}

fn place_kernel(c: &mut Canvas, parent: u32, host: &HostView, r: Rect) {
    let label = fit(&t::kernel_bar(&host.kernel), r.w, 6.6);
    c.add_obj(Some(parent), Kind::Kernel, NodeId::kernel(host.id), r, label, fit(t::KERNEL_SHARED, r.w, 5.8), Tone::Plain);
}

/// The volumes region: a column of chips (landscape) or a wrapping grid (portrait).
/// Returns its index.
fn place_volumes(c: &mut Canvas, parent: u32, d: &DaemonView, x: f64, y: f64, w: f64, grid: bool) -> u32 {
    let n = d.volumes.len();
    let sub = if n == 0 { t::NO_VOLUMES.to_string() } else { format!("{n}") };
    let vi = c.add_obj(Some(parent), Kind::VolumeArea, NodeId::volume_area(d.id), Rect::new(x, y, w, 0.0), t::VOLUMES.into(), sub, Tone::Plain);
    let chip_h = 26.0;
    let gap = 6.0;
    let inner = w - 12.0;
    let cols = if grid { (((inner + gap) / (150.0 + gap)).floor() as usize).max(1) } else { 1 };
    let chip_w = (inner - (cols - 1) as f64 * gap) / cols as f64;
    let top = y + 24.0;
    for (i, v) in d.volumes.iter().enumerate() {
        let (row, col) = (i / cols, i % cols);
        let r = Rect::new(x + 6.0 + col as f64 * (chip_w + gap), top + row as f64 * (chip_h + gap), chip_w, chip_h);
        let label = if v.anonymous { crate::engine::ids::short(&v.name).to_string() } else { v.name.clone() };
        c.add_obj(Some(vi), Kind::Volume, NodeId::volume(d.id, &v.name), r, fit(&label, chip_w, 6.4), String::new(), Tone::Plain);
    }
    let rows = n.div_ceil(cols);
    let h = 24.0 + rows as f64 * (chip_h + gap) + 4.0;
    c.node(vi).rect = Rect::new(x, y, w, h.max(44.0));
    vi
}
