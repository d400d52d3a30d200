//! The packet travelling between two actors with its label (`POST /containers/create`,
//! `200 OK`, `camada 2/7 · 28,2 MB`). Its position is a `transform` on one element: the
//! pane's animation loop moves it every frame through `node_ref` without re-rendering.
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
    /// Where it is when rendered (the loop moves it afterwards).
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

/// `translate(x,y)` for a point.
pub fn translate(p: Point) -> String {
    format!("translate({},{})", num(p.x), num(p.y))
}

#[component]
pub fn PacketView(props: &PacketViewProps) -> Html {
    // About 6.2 px per character at the label's size.
    let w = (props.label.chars().count() as f64 * 6.2 + 14.0).max(24.0);
    html! {
        <g ref={props.node_ref.clone()} class={classes!("dg-packet", tone_class(props.tone))}
            transform={translate(props.at)} aria-hidden="true">
            <circle r="6" />
            <rect x={num(-w / 2.0)} y="-28" width={num(w)} height="18" rx="9" />
            <text x="0" y="-15" text-anchor="middle">{ props.label.clone() }</text>
        </g>
    }
}
