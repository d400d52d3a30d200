//! The image store: each image a stack of layer boxes, bottom layer at the bottom. A layer
//! keeps its colour and short digest in every image that uses it, and carries a `×N` badge
//! when several images share it. Layers that arrived before their image (a pull in
//! progress) stack up in a separate "Camadas chegando" pile.
//!
//! Invariant: layer boxes lie inside their image box; image boxes inside the store; the
//! store's height covers every row.

use super::layout::{Canvas, Kind, Rect, Tone, fit, layer_hue};
use super::scene::{DaemonView, LayerView, NodeId};
use super::scene_labels as t;
use crate::engine::ids::short;

/// At most this many images get a stack; the rest are counted.
pub const MAX_IMAGES: usize = 24;
const GAP: f64 = 8.0;
const HEAD: f64 = 30.0;
const FOOT: f64 = 6.0;

/// Layer geometry for this many images.
struct Stack {
    /// Height of one layer row (box + gap).
    row: f64,
    /// Layers drawn before the rest are counted.
    max: usize,
}

impl Stack {
    fn for_count(images: usize) -> Stack {
        if images > 6 { Stack { row: 10.0, max: 4 } } else { Stack { row: 13.0, max: 6 } }
    }
    fn height(&self, layers: usize) -> f64 {
        let drawn = layers.min(self.max) as f64;
        let more = if layers > self.max { self.row } else { 0.0 };
        (HEAD + drawn * self.row + more + FOOT).max(40.0)
    }
}

/// One stack to draw: an image, or the pile of loose layers.
struct Item<'a> {
    object: NodeId,
    kind: Kind,
    label: String,
    sublabel: String,
    layers: Vec<&'a LayerView>,
}

/// Places the image store of `d` at `(x, y)`, `w` wide; returns the store's index.
pub(crate) fn place_store(c: &mut Canvas, parent: u32, d: &DaemonView, x: f64, y: f64, w: f64) -> u32 {
    let n = d.images.len();
    let sub = if n == 0 { t::NO_IMAGES.to_string() } else { t::count_images(n) };
    let si = c.add_obj(Some(parent), Kind::ImageStore, NodeId::image_store(d.id), Rect::new(x, y, w, 0.0), t::IMAGES.into(), sub, Tone::Plain);
    let mut items: Vec<Item> = d
        .images
        .iter()
        .take(MAX_IMAGES)
        .map(|img| Item {
            object: NodeId::image(d.id, &img.id),
            kind: Kind::Image,
            label: img.tags.first().cloned().unwrap_or_else(|| "<none>".into()),
            sublabel: format!("{} · {}", short(&img.id), t::size(img.size)),
            layers: img.layers.iter().filter_map(|l| d.layer(l)).collect(),
        })
        .collect();
    let loose = d.loose_layers();
    if !loose.is_empty() {
        items.push(Item {
            object: NodeId::new_layers(d.id),
            kind: Kind::NewLayers,
            label: t::NEW_LAYERS.into(),
            sublabel: t::count_layers(loose.len()),
            layers: loose,
        });
    }
    let stack = Stack::for_count(items.len());
    let inner = w - 12.0;
    let cols = (((inner + GAP) / (112.0 + GAP)).floor() as usize).max(1);
    let iw = ((inner - (cols - 1) as f64 * GAP) / cols as f64).min(170.0);
    let mut top = y + 24.0;
    for row in items.chunks(cols) {
        let row_h = row.iter().map(|it| stack.height(it.layers.len())).fold(0.0, f64::max);
        for (col, it) in row.iter().enumerate() {
            let r = Rect::new(x + 6.0 + col as f64 * (iw + GAP), top, iw, stack.height(it.layers.len()));
            place_item(c, si, d, it, r, &stack);
        }
        top += row_h + GAP;
    }
    if n > MAX_IMAGES {
        let key = format!("moreimages:{}", d.id.0);
        c.add(Some(si), Kind::More, NodeId::image_store(d.id), key, Rect::new(x + 6.0, top, inner, 16.0), t::more_images(n - MAX_IMAGES), String::new(), Tone::Plain);
        top += 16.0 + GAP;
    }
    let h = if items.is_empty() { 48.0 } else { top - GAP + 6.0 - y };
    c.node(si).rect = Rect::new(x, y, w, h);
    si
}

fn place_item(c: &mut Canvas, store: u32, d: &DaemonView, it: &Item, r: Rect, stack: &Stack) {
    let ii = c.add_obj(Some(store), it.kind, it.object.clone(), r, fit(&it.label, r.w, 6.9), fit(&it.sublabel, r.w, 5.6), Tone::Plain);
    let n = it.layers.len();
    // Bottom layers are drawn (they are the shared base); the top ones are counted.
    let drawn = if n > stack.max { stack.max - 1 } else { n };
    let lw = r.w - 12.0;
    let bottom = r.bottom() - FOOT;
    for (k, l) in it.layers.iter().take(drawn).enumerate() {
        let lr = Rect::new(r.x + 6.0, bottom - (k + 1) as f64 * stack.row, lw, stack.row - 2.0);
        let object = NodeId::layer(d.id, &l.chain_id);
        let key = format!("{}@{}", object.0, it.object.0);
        let label = short(if l.blob_digest.is_empty() { &l.chain_id } else { &l.blob_digest }).to_string();
        let li = c.add(Some(ii), Kind::Layer, object, key, lr, label, t::size(l.size), Tone::Layer(layer_hue(&l.chain_id)));
        let users = d.layer_users(&l.chain_id).len();
        if users > 1 {
            c.node(li).badge = format!("×{users}");
        }
    }
    if n > drawn {
        let lr = Rect::new(r.x + 6.0, bottom - (drawn + 1) as f64 * stack.row, lw, stack.row - 2.0);
        let key = format!("morelayers@{}", it.object.0);
        c.add(Some(ii), Kind::More, it.object.clone(), key, lr, t::more_layers(n - drawn), String::new(), Tone::Plain);
    }
}
