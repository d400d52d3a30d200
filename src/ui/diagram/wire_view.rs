//! One wire: the Engine API and registry lines, and the object edges (uses image, mounts
//! volume, attached to network, publishes port, the last with an arrow host → container).
//!
//! Invariant: drawn as one SVG path from the layout's points; no text.

use yew::prelude::*;

use super::num;
use crate::view::layout::{Wire, WireKind};

#[derive(Properties, PartialEq)]
pub struct WireViewProps {
    pub wire: Wire,
    /// A step of the animation runs along it.
    pub lit: bool,
}

fn kind_class(k: WireKind) -> &'static str {
    match k {
        WireKind::Api => "dg-w-api",
        WireKind::Registry => "dg-w-registry",
        WireKind::UsesImage => "dg-w-image",
        WireKind::MountsVolume => "dg-w-volume",
        WireKind::AttachedTo => "dg-w-network",
        WireKind::PublishesPort => "dg-w-port",
    }
}

#[component]
pub fn WireView(props: &WireViewProps) -> Html {
    let w = &props.wire;
    let mut d = String::new();
    for (i, p) in w.points.iter().enumerate() {
        d.push_str(if i == 0 { "M" } else { " L" });
        d.push_str(&format!("{},{}", num(p.x), num(p.y)));
    }
    let marker = (w.kind == WireKind::PublishesPort).then_some("url(#dg-arrow)");
    html! {
        <path class={classes!("dg-w", kind_class(w.kind), props.lit.then_some("dg-w-lit"))} d={d} marker-end={marker} />
    }
}
