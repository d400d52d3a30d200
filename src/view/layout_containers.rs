//! Containers of one daemon: a strip of published host ports on top, then one zone per
//! network holding the tiles of the containers attached to it first, then chips for the
//! networks nobody uses. Tiles wrap in a grid; beyond [`COMPACT_ABOVE`] they shrink, beyond
//! [`GROUP_ABOVE`] stopped containers fold into one tile per zone, and at most
//! [`MAX_TILES`] tiles are drawn per daemon.
//!
//! Invariant: every container of the daemon is drawn as a tile or counted in exactly one
//! group tile; focused containers always get their own tile.

use std::collections::BTreeSet;

use super::layout::{COMPACT_ABOVE, Canvas, Focus, GROUP_ABOVE, Kind, MAX_TILES, Rect, Tone, fit};
use super::scene::{ContainerView, DaemonView, NodeId};
use super::scene_labels as t;
use crate::engine::model::container::Status;

const GAP: f64 = 8.0;
const ZONE_HEAD: f64 = 22.0;
const CHIP_H: f64 = 20.0;

/// Tile sizes.
struct Tiles {
    w: f64,
    h: f64,
    cols: usize,
    compact: bool,
}

impl Tiles {
    fn fit(inner: f64, compact: bool) -> Tiles {
        let (min_w, max_w, h) = if compact { (96.0, 124.0, 34.0) } else { (124.0, 176.0, 66.0) };
        let cols = (((inner + GAP) / (min_w + GAP)).floor() as usize).max(1);
        let w = ((inner - (cols - 1) as f64 * GAP) / cols as f64).min(max_w).max(40.0);
        Tiles { w, h, cols, compact }
    }
}

/// A tile in a zone.
enum Tile<'a> {
    One(&'a ContainerView),
    /// Folded containers: the group's object, its label, how many, whether all stopped.
    Many(NodeId, String, Vec<&'a ContainerView>, bool),
}

/// Which containers get their own tile.
fn split<'a>(d: &'a DaemonView, focus: &Focus) -> (Vec<&'a ContainerView>, BTreeSet<&'a str>, BTreeSet<&'a str>) {
    let all: Vec<&ContainerView> = d.containers.iter().collect();
    if all.len() <= GROUP_ABOVE {
        return (all, BTreeSet::new(), BTreeSet::new());
    }
    let wanted = |c: &&ContainerView| c.is_up() || focus.containers.contains(&c.id);
    let stopped: BTreeSet<&str> = all.iter().filter(|c| !wanted(c)).map(|c| c.id.as_str()).collect();
    let mut shown: Vec<&ContainerView> = all.iter().copied().filter(wanted).collect();
    let mut overflow = BTreeSet::new();
    if shown.len() > MAX_TILES {
        // Keep focused ones, then the newest.
        let mut keep: BTreeSet<&str> = shown.iter().filter(|c| focus.containers.contains(&c.id)).map(|c| c.id.as_str()).take(MAX_TILES).collect();
        for c in shown.iter().rev() {
            if keep.len() >= MAX_TILES {
                break;
            }
            keep.insert(&c.id);
        }
        overflow = shown.iter().filter(|c| !keep.contains(c.id.as_str())).map(|c| c.id.as_str()).collect();
        shown.retain(|c| keep.contains(c.id.as_str()));
    }
    (shown, stopped, overflow)
}

/// Places the containers of `d` in `[x, x + w]` from `y`; returns the height used.
pub(crate) fn place(c: &mut Canvas, parent: u32, d: &DaemonView, x: f64, y: f64, w: f64, focus: &Focus) -> f64 {
    let (shown, stopped, overflow) = split(d, focus);
    let compact = shown.len() > COMPACT_ABOVE;
    c.compact |= compact;
    let mut cy = y;
    // Zones: networks in the daemon's order, then unknown names.
    let mut zones: Vec<String> = d.networks.iter().map(|n| n.name.clone()).filter(|n| d.containers.iter().any(|ct| ct.primary_network() == n)).collect();
    for ct in &d.containers {
        let p = ct.primary_network().to_string();
        if !zones.contains(&p) {
            zones.push(p);
        }
    }
    if zones.is_empty() {
        zones.push(d.networks.first().map_or_else(|| "bridge".to_string(), |n| n.name.clone()));
    }
    // Published ports, on the host's side, in the order their containers are drawn. Folded
    // containers' ports are not shown (a stopped container listens on nothing).
    let ports: Vec<(&ContainerView, &super::scene::PortView)> = zones
        .iter()
        .flat_map(|z| shown.iter().filter(move |ct| ct.primary_network() == z))
        .flat_map(|ct| ct.ports.iter().map(move |p| (*ct, p)))
        .collect();
    if !ports.is_empty() {
        let chip_w = 96.0;
        let cols = (((w + GAP) / (chip_w + GAP)).floor() as usize).max(1);
        for (i, (ct, p)) in ports.iter().enumerate() {
            let r = Rect::new(x + (i % cols) as f64 * (chip_w + GAP), cy + (i / cols) as f64 * (CHIP_H + 6.0), chip_w, CHIP_H);
            let object = NodeId::port(d.id, &p.host_ip, &p.host_port);
            let key = format!("{}|{}|{}", object.0, ct.id, p.container_port);
            let tone = if ct.status == Status::Running { Tone::Lit } else { Tone::Plain };
            let pi = c.add(Some(parent), Kind::Port, object, key, r, t::port_chip(&p.host_ip, &p.host_port), format!("→ {}", p.container_port), tone);
            c.node(pi).badge = p.container_port.clone();
        }
        cy += ports.len().div_ceil(cols) as f64 * (CHIP_H + 6.0) + 4.0;
    }
    let inner = w - 12.0;
    let tiles = Tiles::fit(inner, compact);
    for zone in &zones {
        let mut items: Vec<Tile> = shown.iter().filter(|ct| ct.primary_network() == zone).map(|ct| Tile::One(ct)).collect();
        let folded_stopped: Vec<&ContainerView> = d.containers.iter().filter(|ct| ct.primary_network() == zone && stopped.contains(ct.id.as_str())).collect();
        if !folded_stopped.is_empty() {
            items.push(Tile::Many(NodeId::group(d.id, zone), t::group_stopped(folded_stopped.len()), folded_stopped, true));
        }
        let folded_more: Vec<&ContainerView> = d.containers.iter().filter(|ct| ct.primary_network() == zone && overflow.contains(ct.id.as_str())).collect();
        if !folded_more.is_empty() {
            items.push(Tile::Many(NodeId::group(d.id, &format!("{zone}/mais")), t::group_more(folded_more.len()), folded_more, false));
        }
        let net = d.network(zone);
        let title = t::network_title(zone, net.map_or("", |n| n.subnet.as_str()));
        // Single tiles wrap in the grid; group tiles take a full row each, so their count reads.
        let singles = items.iter().filter(|i| matches!(i, Tile::One(_))).count();
        let groups = items.len() - singles;
        let group_h = 26.0;
        let grid_h = if singles == 0 { 0.0 } else { singles.div_ceil(tiles.cols) as f64 * (tiles.h + GAP) };
        let zh = if items.is_empty() { ZONE_HEAD + 26.0 } else { ZONE_HEAD + grid_h + groups as f64 * (group_h + GAP) - GAP + 8.0 };
        let sub = if items.is_empty() { t::NO_CONTAINERS.to_string() } else { String::new() };
        let zi = c.add_obj(Some(parent), Kind::Zone, NodeId::network(d.id, zone), Rect::new(x, cy, w, zh), fit(&title, w, 6.4), sub, Tone::Plain);
        let mut gy = cy + ZONE_HEAD + grid_h;
        for (i, item) in items.iter().enumerate() {
            match item {
                Tile::One(ct) => {
                    let r = Rect::new(x + 6.0 + (i % tiles.cols) as f64 * (tiles.w + GAP), cy + ZONE_HEAD + (i / tiles.cols) as f64 * (tiles.h + GAP), tiles.w, tiles.h);
                    place_tile(c, zi, d, ct, r, &tiles);
                }
                Tile::Many(object, label, members, all_stopped) => {
                    let r = Rect::new(x + 6.0, gy, inner, group_h);
                    gy += group_h + GAP;
                    let tone = if *all_stopped { Tone::State(Status::Exited) } else { Tone::Plain };
                    c.add_obj(Some(zi), Kind::Group, object.clone(), r, fit(label, r.w, 6.8), String::new(), tone);
                    for m in members {
                        c.folded.insert(m.id.clone(), object.clone());
                    }
                }
            }
        }
        cy += zh + GAP;
    }
    // Networks nobody is drawn in.
    let idle: Vec<&super::scene::NetworkView> = d.networks.iter().filter(|n| !zones.contains(&n.name)).collect();
    if !idle.is_empty() {
        let chip_w = 104.0;
        let cols = (((w + GAP) / (chip_w + GAP)).floor() as usize).max(1);
        for (i, n) in idle.iter().enumerate() {
            let r = Rect::new(x + (i % cols) as f64 * (chip_w + GAP), cy + (i / cols) as f64 * (CHIP_H + 6.0), chip_w, CHIP_H);
            c.add_obj(Some(parent), Kind::NetworkChip, NodeId::network(d.id, &n.name), r, fit(&format!("{} {}", t::NETWORK, n.name), chip_w, 6.2), String::new(), Tone::Plain);
        }
        cy += idle.len().div_ceil(cols) as f64 * (CHIP_H + 6.0) + 2.0;
    }
    cy - y
}

fn place_tile(c: &mut Canvas, zone: u32, d: &DaemonView, ct: &ContainerView, r: Rect, tiles: &Tiles) {
    let object = NodeId::container(d.id, &ct.id);
    let tone = Tone::State(ct.status);
    if tiles.compact {
        let ti = c.add_obj(Some(zone), Kind::Container, object, r, fit(&ct.name, r.w - 14.0, 6.6), String::new(), tone);
        c.node(ti).badge = t::state_glyph(ct.status).to_string();
        c.add_obj(Some(ti), Kind::Writable, NodeId::writable(d.id, &ct.id), Rect::new(r.x + 3.0, r.bottom() - 6.0, r.w - 6.0, 3.0), String::new(), String::new(), tone);
    } else {
        let ti = c.add_obj(Some(zone), Kind::Container, object, r, fit(&ct.name, r.w, 7.2), fit(&ct.image_ref, r.w, 6.0), tone);
        c.node(ti).badge = t::state_tile(ct.status, ct.exit_code);
        let rw = if ct.rw_size > 0 || ct.rw_changes > 0 { format!("{} · {}", t::WRITABLE, t::size(ct.rw_size)) } else { t::WRITABLE.to_string() };
        c.add_obj(Some(ti), Kind::Writable, NodeId::writable(d.id, &ct.id), Rect::new(r.x + 4.0, r.bottom() - 14.0, r.w - 8.0, 10.0), fit(&rw, r.w - 8.0, 5.2), String::new(), tone);
    }
}
