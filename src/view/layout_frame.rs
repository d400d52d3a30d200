//! The outer regions of the layout: clients, hosts, registries, and the wires between them
//! (Engine API, registry API) and between objects (uses image, mounts volume, attached to
//! network, publishes port). Landscape: client | host | registries. Portrait: stacked.
//!
//! Invariant: regions of different hosts, clients and registries never overlap; a wire
//! joins two boxes that exist in the layout.

use super::layout::{Canvas, Focus, Kind, Options, Point, Rect, Tone, Viewport, WireKind, fit};
use super::layout_host::{Flow, place_host};
use super::scene::{NodeId, RegistryView, Scene};
use super::scene_labels as t;

const M: f64 = 16.0;
const GAP: f64 = 20.0;
const CLIENT_H: f64 = 64.0;
const DESKTOP_TITLE: f64 = 26.0;

/// Client | host | registries. Returns the height used.
pub(crate) fn landscape(c: &mut Canvas, scene: &Scene, vp: Viewport, focus: &Focus, opts: Options) -> f64 {
    let cw = (vp.width * 0.11).clamp(112.0, 168.0);
    let rw = (vp.width * 0.15).clamp(150.0, 230.0);
    let hx = M + cw + GAP;
    let hw = (vp.width - 2.0 * M - cw - rw - 2.0 * GAP).max(420.0);
    let mut y = M;
    let mut host_spans = Vec::new();
    for host in &scene.hosts {
        let desktop = host.platform.is_desktop();
        let top = if desktop { y + DESKTOP_TITLE } else { y };
        let hi = place_host(c, host, hx, top, hw, Flow::Columns, focus, opts);
        let r = c.nodes[hi as usize].rect;
        host_spans.push((host.id, hi, y, r.bottom()));
        y = r.bottom() + GAP + if desktop { 8.0 } else { 0.0 };
    }
    // Clients, level with the daemon they talk to.
    let mut next_free = M;
    for client in &scene.clients {
        let target = c.rect_of(&NodeId::daemon(client.daemon)).map_or(next_free, |r| r.center().y - CLIENT_H / 2.0);
        let cy = target.max(next_free);
        add_client(c, client, Rect::new(M, cy, cw, CLIENT_H));
        next_free = cy + CLIENT_H + 10.0;
    }
    // Docker Desktop: the machine frame around its clients and the VM.
    for (i, host) in scene.hosts.iter().enumerate() {
        if !host.platform.is_desktop() {
            continue;
        }
        let (_, hi, top, bottom) = host_spans[i];
        let vm = c.nodes[hi as usize].rect;
        let frame = Rect::new(M - 8.0, top, vm.right() + 8.0 - (M - 8.0), bottom + 8.0 - top);
        desktop_frame(c, scene, host, hi, frame);
    }
    let rx = vp.width - M - rw;
    let mut ry = scene.daemons().next().and_then(|d| c.rect_of(&NodeId::daemon(d.id))).map_or(M, |r| r.y);
    for r in &scene.registries {
        let h = place_registry(c, scene, r, Rect::new(rx, ry, rw, 0.0), focus);
        ry += h + GAP;
    }
    api_wires(c, scene, false, vp);
    object_wires(c, scene);
    y.max(next_free).max(ry) - GAP + M
}

/// Everything stacked: clients, hosts, registries. Returns the height used.
pub(crate) fn portrait(c: &mut Canvas, scene: &Scene, vp: Viewport, focus: &Focus, opts: Options) -> f64 {
    let w = vp.width - 2.0 * M;
    let framed = scene
        .hosts
        .first()
        .filter(|h| h.platform.is_desktop() && scene.clients.iter().any(|cl| cl.host == h.id));
    let mut y = M + if framed.is_some() { DESKTOP_TITLE } else { 0.0 };
    for client in &scene.clients {
        add_client(c, client, Rect::new(M, y, w, 52.0));
        y += 52.0 + 10.0;
    }
    y += GAP - 10.0;
    for host in &scene.hosts {
        let hi = place_host(c, host, M, y, w, Flow::Stack, focus, opts);
        let r = c.nodes[hi as usize].rect;
        if let Some(h) = framed.filter(|h| h.id == host.id) {
            let frame = Rect::new(M - 8.0, M, w + 16.0, r.bottom() + 8.0 - M);
            desktop_frame(c, scene, h, hi, frame);
            y = r.bottom() + 8.0 + GAP;
        } else {
            y = r.bottom() + GAP;
        }
    }
    for r in &scene.registries {
        let h = place_registry(c, scene, r, Rect::new(M, y, w, 0.0), focus);
        y += h + GAP;
    }
    api_wires(c, scene, true, vp);
    object_wires(c, scene);
    y - GAP + M
}

fn add_client(c: &mut Canvas, client: &super::scene::ClientView, r: Rect) {
    let (label, sub) = if t::CLIENT.chars().count() as f64 * 7.4 + 16.0 <= r.w {
        (t::CLIENT.to_string(), format!("contexto {}", client.context))
    } else {
        (t::CLIENT_SHORT.to_string(), "CLI docker".to_string())
    };
    c.add_obj(None, Kind::Client, NodeId::client(client.id), r, label, fit(&sub, r.w, 6.0), Tone::Plain);
}

/// Adds the frame of a Docker Desktop machine and makes it the parent of its VM and clients.
fn desktop_frame(c: &mut Canvas, scene: &Scene, host: &super::scene::HostView, vm: u32, frame: Rect) {
    let windows = host.platform == super::scene::Platform::WindowsDesktop;
    let fi = c.add(None, Kind::Desktop, NodeId(format!("desktop:{}", host.id.0)), format!("desktop:{}", host.id.0), frame, t::desktop_title(&host.name, windows), String::new(), Tone::Plain);
    c.node(vm).parent = Some(fi);
    for cl in scene.clients.iter().filter(|cl| cl.host == host.id) {
        if let Some(i) = c.nodes.iter().position(|n| n.object == NodeId::client(cl.id))
            && frame.contains(&c.nodes[i].rect) {
                c.nodes[i].parent = Some(fi);
            }
    }
}

/// Repositories worth showing: those the animation touches, those local images come from,
/// then the first ones, at most `MAX_REPOS`.
const MAX_REPOS: usize = 6;

fn place_registry(c: &mut Canvas, scene: &Scene, r: &RegistryView, at: Rect, focus: &Focus) -> f64 {
    let local: Vec<String> = scene
        .daemons()
        .flat_map(|d| d.images.iter())
        .flat_map(|i| i.tags.iter().chain(i.digests.iter()))
        .map(|tag| repo_name(tag).to_string())
        .collect();
    let mut picked: Vec<usize> = Vec::new();
    let pick = |i: usize, picked: &mut Vec<usize>| {
        if !picked.contains(&i) && picked.len() < MAX_REPOS {
            picked.push(i);
        }
    };
    for (i, repo) in r.repos.iter().enumerate() {
        if focus.repos.contains(&repo.path) {
            pick(i, &mut picked);
        }
    }
    for (i, repo) in r.repos.iter().enumerate() {
        if local.contains(&repo.familiar) {
            pick(i, &mut picked);
        }
    }
    for i in 0..r.repos.len() {
        if picked.len() >= 3 {
            break;
        }
        pick(i, &mut picked);
    }
    picked.sort_unstable();
    let more = r.repos.len() - picked.len();
    let row = 26.0;
    let h = 44.0 + picked.len() as f64 * row + if more > 0 { 18.0 } else { 0.0 } + 4.0;
    let (label, sub) = if r.hub {
        let full = format!("{} · {}", t::REGISTRY, r.domain);
        let sub = if full.chars().count() as f64 * 5.8 + 8.0 <= at.w { full } else { t::REGISTRY.to_string() };
        (t::HUB.to_string(), sub)
    } else {
        (r.domain.clone(), t::REGISTRY.to_string())
    };
    let tone = if r.online { Tone::Plain } else { Tone::Off };
    let ri = c.add_obj(None, Kind::Registry, NodeId::registry(r.id), Rect::new(at.x, at.y, at.w, h), fit(&label, at.w, 7.4), fit(&sub, at.w, 5.8), tone);
    let mut y = at.y + 42.0;
    for &i in &picked {
        let repo = &r.repos[i];
        let mut tags: Vec<&str> = repo.tags.iter().map(|(t, _)| t.as_str()).collect();
        tags.sort_by_key(|t| (*t != "latest", *t));
        let sub = fit(&tags.join(" · "), at.w * 0.55, 5.8);
        let rr = Rect::new(at.x + 6.0, y, at.w - 12.0, row - 4.0);
        c.add_obj(Some(ri), Kind::Repo, NodeId::repo(r.id, &repo.path), rr, fit(&repo.familiar, at.w * 0.45, 6.8), sub, Tone::Plain);
        y += row;
    }
    if more > 0 {
        let key = format!("morerepos:{}", r.id.0);
        c.add(Some(ri), Kind::More, NodeId::registry(r.id), key, Rect::new(at.x + 6.0, y, at.w - 12.0, 16.0), t::more_repos(more), String::new(), Tone::Plain);
    }
    h
}

/// `nginx:latest` → `nginx`; `localhost:5000/app:v1` → `localhost:5000/app`; `x@sha256:…` → `x`.
pub fn repo_name(reference: &str) -> &str {
    let no_digest = reference.split('@').next().unwrap_or(reference);
    match no_digest.rsplit_once(':') {
        Some((name, tag)) if !tag.contains('/') => name,
        _ => no_digest,
    }
}

/// Client → daemon and daemon → registry lines.
fn api_wires(c: &mut Canvas, scene: &Scene, portrait: bool, vp: Viewport) {
    for client in &scene.clients {
        let (Some(a), Some(b)) = (c.rect_of(&NodeId::client(client.id)), c.rect_of(&NodeId::daemon(client.daemon))) else { continue };
        let pts = if portrait {
            vec![Point::new(a.center().x.min(b.right() - 20.0), a.bottom()), Point::new(a.center().x.min(b.right() - 20.0), b.y)]
        } else {
            elbow(Point::new(a.right(), a.center().y), Point::new(b.x, b.center().y), a.right() + GAP / 2.0)
        };
        c.wire(WireKind::Api, NodeId::client(client.id), NodeId::daemon(client.daemon), pts);
    }
    for d in scene.daemons() {
        let Some(a) = c.rect_of(&NodeId::daemon(d.id)) else { continue };
        for r in &scene.registries {
            let Some(b) = c.rect_of(&NodeId::registry(r.id)) else { continue };
            let pts = if portrait {
                let x = vp.width - 8.0;
                vec![Point::new(a.right(), a.center().y), Point::new(x, a.center().y), Point::new(x, b.y + 20.0), Point::new(b.right(), b.y + 20.0)]
            } else {
                let start = Point::new(a.right(), a.center().y);
                elbow(start, Point::new(b.x, b.y + 20.0), b.x - GAP / 2.0)
            };
            c.wire(WireKind::Registry, NodeId::daemon(d.id), NodeId::registry(r.id), pts);
        }
    }
}

/// A horizontal–vertical–horizontal path from `a` to `b` turning at `x`.
fn elbow(a: Point, b: Point, x: f64) -> Vec<Point> {
    if (a.y - b.y).abs() < 0.5 {
        return vec![a, b];
    }
    vec![a, Point::new(x, a.y), Point::new(x, b.y), b]
}

/// A line between facing sides of two boxes, top/bottom first when one is above the other.
fn connect_vertical(a: Rect, b: Rect) -> Vec<Point> {
    if b.y >= a.bottom() {
        vec![Point::new(a.center().x, a.bottom()), Point::new(b.center().x, b.y)]
    } else if b.bottom() <= a.y {
        vec![Point::new(a.center().x, a.y), Point::new(b.center().x, b.bottom())]
    } else {
        connect(a, b)
    }
}

/// The shortest side-to-side line between two boxes.
pub(crate) fn connect(a: Rect, b: Rect) -> Vec<Point> {
    if b.right() <= a.x {
        vec![Point::new(a.x, a.center().y), Point::new(b.right(), b.center().y)]
    } else if b.x >= a.right() {
        vec![Point::new(a.right(), a.center().y), Point::new(b.x, b.center().y)]
    } else if b.bottom() <= a.y {
        vec![Point::new(a.center().x, a.y), Point::new(b.center().x, b.bottom())]
    } else {
        vec![Point::new(a.center().x, a.bottom()), Point::new(b.center().x, b.y)]
    }
}

/// Uses image, mounts volume, attached to (secondary) network, publishes port.
fn object_wires(c: &mut Canvas, scene: &Scene) {
    for d in scene.daemons() {
        for ct in &d.containers {
            let cid = NodeId::container(d.id, &ct.id);
            let from = if c.rect_of(&cid).is_some() { cid } else if let Some(g) = c.folded.get(&ct.id) { g.clone() } else { continue };
            let Some(a) = c.rect_of(&from) else { continue };
            let img = NodeId::image(d.id, &ct.image);
            if let Some(b) = c.rect_of(&img) {
                c.wire(WireKind::UsesImage, from.clone(), img, connect(a, b));
            }
            for m in ct.mounts.iter().filter(|m| m.kind == super::scene::MountKind::Volume) {
                let v = NodeId::volume(d.id, &m.source);
                if let Some(b) = c.rect_of(&v) {
                    c.wire(WireKind::MountsVolume, from.clone(), v, connect(a, b));
                }
            }
            for ep in ct.networks.iter().skip(1) {
                let n = NodeId::network(d.id, &ep.network);
                if let Some(b) = c.rect_of(&n) {
                    c.wire(WireKind::AttachedTo, from.clone(), n, connect(a, b));
                }
            }
            for p in &ct.ports {
                let port = NodeId::port(d.id, &p.host_ip, &p.host_port);
                if let Some(b) = c.rect_of(&port) {
                    c.wire(WireKind::PublishesPort, port, from.clone(), connect_vertical(b, a));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repo_names_drop_tag_and_digest() {
        assert_eq!(repo_name("nginx:latest"), "nginx");
        assert_eq!(repo_name("localhost:5000/app:v1"), "localhost:5000/app");
        assert_eq!(repo_name("localhost:5000/app"), "localhost:5000/app");
        assert_eq!(repo_name("ubuntu@sha256:abc"), "ubuntu");
    }

    #[test]
    fn connect_picks_facing_sides() {
        let a = Rect::new(100.0, 0.0, 50.0, 20.0);
        let b = Rect::new(0.0, 0.0, 50.0, 20.0);
        assert_eq!(connect(a, b), vec![Point::new(100.0, 10.0), Point::new(50.0, 10.0)]);
        let below = Rect::new(100.0, 50.0, 50.0, 20.0);
        assert_eq!(connect(a, below)[0], Point::new(125.0, 20.0));
    }
}
