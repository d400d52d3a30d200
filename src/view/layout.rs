//! Layout: scene + viewport → boxes and wires with coordinates, a pure function. Landscape
//! puts the client on the left, the host (daemon, image store, network zones of containers,
//! volumes, kernel bar) in the centre and the registries on the right; portrait (phones)
//! stacks the same regions top to bottom. Beyond 12 containers tiles turn compact, beyond
//! 30 stopped containers fold into one tile per network; the height grows and the pane
//! scrolls.
//!
//! Invariant: coordinates are rounded to 0.1 px; boxes that are not ancestor and descendant
//! never overlap, and every box lies inside its parent; the same input gives the same output.

use std::collections::{BTreeMap, BTreeSet};

use crate::engine::model::container::Status;

use super::scene::{NodeId, Scene};

/// Rounds to one decimal, so layouts compare exactly and print short.
pub fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A point in diagram pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x: r1(x), y: r1(y) }
    }
}

/// An axis-aligned box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x: r1(x), y: r1(y), w: r1(w.max(0.0)), h: r1(h.max(0.0)) }
    }
    pub fn right(&self) -> f64 {
        r1(self.x + self.w)
    }
    pub fn bottom(&self) -> f64 {
        r1(self.y + self.h)
    }
    pub fn center(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
    /// `other` lies within this box (edges may touch).
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x && other.y >= self.y && other.right() <= self.right() && other.bottom() <= self.bottom()
    }
    /// The interiors intersect (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }
}

/// What a box is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Client,
    /// The Windows or macOS machine around a Docker Desktop VM.
    Desktop,
    Host,
    Daemon,
    Containerd,
    Runc,
    ImageStore,
    Image,
    Layer,
    /// Layers that arrived and belong to no image yet.
    NewLayers,
    /// The "+N" line of a list cut short.
    More,
    /// A network with its containers drawn inside.
    Zone,
    /// A network with no container drawn, as a small chip.
    NetworkChip,
    Container,
    Writable,
    /// Containers folded into one tile.
    Group,
    Port,
    VolumeArea,
    Volume,
    Kernel,
    Registry,
    Repo,
}

/// The colour family of a box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// A container state.
    State(Status),
    /// A daemon or registry that does not answer.
    Off,
    /// A layer: colour index from its chain ID, so a shared layer has the same colour everywhere.
    Layer(u8),
    /// A published port whose container runs.
    Lit,
}

/// One placed box.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Unique within the layout (keys the SVG list).
    pub key: String,
    /// The object it shows (highlights and the inspector use it); shared layers repeat it.
    pub object: NodeId,
    pub kind: Kind,
    pub rect: Rect,
    pub label: String,
    pub sublabel: String,
    /// A third line or badge (container state, `×3` on a shared layer).
    pub badge: String,
    pub tone: Tone,
    /// Index of the enclosing box in [`Layout::nodes`].
    pub parent: Option<u32>,
    /// Can be focused and inspected.
    pub focusable: bool,
}

/// What a wire means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WireKind {
    /// Client → daemon over the Engine API.
    Api,
    /// Daemon → registry over the registry HTTP API.
    Registry,
    UsesImage,
    MountsVolume,
    AttachedTo,
    /// Host port → container (only for `-p`).
    PublishesPort,
}

/// A line between two boxes.
#[derive(Clone, Debug, PartialEq)]
pub struct Wire {
    pub key: String,
    pub kind: WireKind,
    pub from: NodeId,
    pub to: NodeId,
    pub points: Vec<Point>,
}

/// The drawing area, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
}

/// Objects that must be drawn individually (those the current animation touches).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Focus {
    pub containers: BTreeSet<String>,
    /// Repository paths (`library/nginx`).
    pub repos: BTreeSet<String>,
}

/// Drawing options.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Options {
    /// The deep view: containerd and runc drawn beside the daemon.
    pub deep: bool,
    /// Stack the regions (`Some(true)`) or put them side by side (`Some(false)`); `None`
    /// decides from the viewport's shape (see [`super::layout_fit`] for the pane's choice).
    pub portrait: Option<bool>,
}

/// The placed diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub portrait: bool,
    pub compact: bool,
    pub nodes: Vec<Placed>,
    pub wires: Vec<Wire>,
    /// Containers folded into a group tile: container ID → the group's object.
    pub folded: BTreeMap<String, NodeId>,
}

/// Below this width, or taller than wide, the diagram stacks vertically.
pub const PORTRAIT_BELOW: f64 = 760.0;
/// More containers than this: compact tiles.
pub const COMPACT_ABOVE: usize = 12;
/// More containers than this: stopped ones fold into a group tile.
pub const GROUP_ABOVE: usize = 30;
/// At most this many container tiles per daemon; the rest fold too.
pub const MAX_TILES: usize = 40;

/// Places `scene` in a viewport.
pub fn layout(scene: &Scene, vp: Viewport, focus: &Focus, opts: Options) -> Layout {
    let vp = Viewport { width: vp.width.clamp(320.0, 4000.0), height: vp.height.clamp(240.0, 4000.0) };
    let portrait = opts.portrait.unwrap_or(vp.width < PORTRAIT_BELOW || vp.height > vp.width * 1.15);
    let mut canvas = Canvas::default();
    let height = if portrait {
        super::layout_frame::portrait(&mut canvas, scene, vp, focus, opts)
    } else {
        super::layout_frame::landscape(&mut canvas, scene, vp, focus, opts)
    };
    Layout {
        width: r1(vp.width),
        height: r1(height.max(vp.height)),
        portrait,
        compact: canvas.compact,
        nodes: canvas.nodes,
        wires: canvas.wires,
        folded: canvas.folded,
    }
}

/// The layout under construction.
#[derive(Default)]
pub(crate) struct Canvas {
    pub nodes: Vec<Placed>,
    pub wires: Vec<Wire>,
    pub folded: BTreeMap<String, NodeId>,
    pub compact: bool,
}

impl Canvas {
    /// Adds a box and returns its index.
    #[allow(clippy::too_many_arguments)]
    pub fn add(&mut self, parent: Option<u32>, kind: Kind, object: NodeId, key: String, rect: Rect, label: String, sublabel: String, tone: Tone) -> u32 {
        let focusable = !matches!(kind, Kind::Writable | Kind::More | Kind::Layer);
        self.nodes.push(Placed { key, object, kind, rect, label, sublabel, badge: String::new(), tone, parent, focusable });
        (self.nodes.len() - 1) as u32
    }

    /// Adds a box keyed by its object.
    #[allow(clippy::too_many_arguments)]
    pub fn add_obj(&mut self, parent: Option<u32>, kind: Kind, object: NodeId, rect: Rect, label: String, sublabel: String, tone: Tone) -> u32 {
        let key = object.0.clone();
        self.add(parent, kind, object, key, rect, label, sublabel, tone)
    }

    pub fn node(&mut self, i: u32) -> &mut Placed {
        &mut self.nodes[i as usize]
    }

    pub fn rect_of(&self, object: &NodeId) -> Option<Rect> {
        self.nodes.iter().find(|n| &n.object == object).map(|n| n.rect)
    }

    pub fn wire(&mut self, kind: WireKind, from: NodeId, to: NodeId, points: Vec<Point>) {
        let key = format!("{kind:?}|{}|{}", from.0, to.0);
        if self.wires.iter().any(|w| w.key == key) {
            return;
        }
        self.wires.push(Wire { key, kind, from, to, points });
    }
}

/// Cuts `text` to fit `width` px at about `char_px` per character, ending in `…`.
pub fn fit(text: &str, width: f64, char_px: f64) -> String {
    let max = ((width - 8.0) / char_px).floor().max(1.0) as usize;
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

impl Layout {
    /// Where a packet to or from `object` starts or ends: the centre of its box, or of the
    /// box that stands for it when it is not drawn (folded container, deep-view actor in the
    /// normal view, a repository beyond the list).
    pub fn anchor(&self, object: &NodeId) -> Option<Point> {
        self.rect_for(object).map(|r| r.center())
    }

    /// The box standing for `object` (see [`Layout::anchor`]).
    pub fn rect_for(&self, object: &NodeId) -> Option<Rect> {
        let find = |id: &NodeId| self.nodes.iter().find(|n| &n.object == id).map(|n| n.rect);
        if let Some(r) = find(object) {
            return Some(r);
        }
        let d = object.daemon_index().map(crate::engine::event::DaemonId);
        let key = object.object_key();
        match (object.kind(), d) {
            ("containerd" | "runc" | "shim", Some(d)) => find(&NodeId::daemon(d)),
            ("container" | "rw", Some(d)) => self
                .folded
                .get(key)
                .and_then(find)
                .or_else(|| self.nodes.iter().find(|n| n.kind == Kind::Zone && n.object.daemon_index() == Some(d.0)).map(|n| n.rect))
                .or_else(|| find(&NodeId::daemon(d))),
            ("image" | "layer", Some(d)) => find(&NodeId::new_layers(d)).or_else(|| find(&NodeId::image_store(d))),
            ("volume", Some(d)) => find(&NodeId::volume_area(d)),
            ("network" | "port" | "group", Some(d)) => find(&NodeId::daemon(d)),
            ("repo", _) => {
                let r: u32 = object.0.split(':').nth(1)?.parse().ok()?;
                find(&NodeId::registry(crate::engine::event::RegistryId(r)))
            }
            _ => None,
        }
    }

    /// Index of the box keyed `key`.
    pub fn index_of(&self, key: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.key == key)
    }

    /// `a` encloses `b` (directly or not).
    pub fn is_ancestor(&self, a: usize, b: usize) -> bool {
        let mut cur = self.nodes[b].parent;
        let mut guard = 0;
        while let Some(p) = cur {
            if p as usize == a {
                return true;
            }
            cur = self.nodes[p as usize].parent;
            guard += 1;
            if guard > 64 {
                break;
            }
        }
        false
    }
}

/// A colour index (0..8) for a layer, stable across images and sessions.
pub fn layer_hue(chain_id: &str) -> u8 {
    let hex = chain_id.split_once(':').map_or(chain_id, |(_, h)| h);
    let v = hex.bytes().take(4).fold(0u32, |acc, b| acc.wrapping_mul(31).wrapping_add(u32::from(b)));
    (v % 8) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rects_round_and_compare() {
        let a = Rect::new(0.04, 0.0, 10.06, 10.0);
        assert_eq!(a.x, 0.0);
        assert_eq!(a.w, 10.1);
        let b = Rect::new(10.1, 0.0, 5.0, 5.0);
        assert!(!a.overlaps(&b), "touching is not overlapping");
        assert!(Rect::new(0.0, 0.0, 20.0, 20.0).contains(&Rect::new(2.0, 2.0, 5.0, 5.0)));
    }

    #[test]
    fn fit_cuts_with_ellipsis() {
        assert_eq!(fit("nginx", 100.0, 7.0), "nginx");
        assert_eq!(fit("um-nome-de-conteiner-bem-comprido", 80.0, 7.0), "um-nome-d…");
    }
}
