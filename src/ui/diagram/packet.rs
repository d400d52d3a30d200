//! The packet travelling between two actors with its label (`POST /containers/create`,
//! `200 OK`, `camada 2/7 · 28,2 MB`). It is an HTML element over the SVG with its own
//! compositor layer: the pane's animation loop moves it every frame by rewriting its
//! `transform`, which repaints neither the diagram nor the rest of the page.
//!
//! Invariant: one element per step (keyed by the pane), so a new step never inherits the
//! previous step's position.

use yew::prelude::*;

use super::num;
use crate::view::anim::PacketTone;
use crate::view::layout::Point;

#[derive(Properties, PartialEq)]
pub struct PacketViewProps {
    pub label: String,
    pub tone: PacketTone,
    /// Where it is when rendered (the loop moves it afterwards), in diagram pixels.
    pub at: Point,
    pub node_ref: NodeRef,
}

fn tone_class(t: PacketTone) -> &'static str {
    match t {
        PacketTone::Request => "dg-p-request",
        PacketTone::Reply => "dg-p-reply",
        PacketTone::Error => "dg-p-error",
        PacketTone::Data => "dg-p-data",
        PacketTone::Signal => "dg-p-signal",
        PacketTone::Runtime => "dg-p-runtime",
    }
}

/// The inline style placing the packet at `p`.
pub fn place(p: Point) -> String {
    format!("transform: translate3d({}px, {}px, 0)", num(p.x), num(p.y))
}

#[component]
pub fn PacketView(props: &PacketViewProps) -> Html {
    html! {
        <div ref={props.node_ref.clone()} class={classes!("dg-packet", tone_class(props.tone))}
            style={place(props.at)} aria-hidden="true">
            <span class="dg-packet-label">{ props.label.clone() }</span>
            <span class="dg-packet-dot"></span>
        </div>
    }
}
