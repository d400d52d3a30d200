//! The SVG of the diagram: regions, then wires, then boxes; the packet floats above it. Lists
//! are keyed by the layout's keys, so a step only patches the boxes that changed.
//!
//! Invariant: draws exactly the layout it is given; holds no state.

use yew::prelude::*;

use super::node_view::NodeView;
use super::packet::PacketView;
use super::wire_view::WireView;
use super::{ByPtr, num};
use crate::view::anim::PacketTone;
use crate::view::layout::{Kind, Layout, Point};
use crate::view::scene::NodeId;
use crate::view::scene_labels as t;

/// The packet to draw for the playing step.
#[derive(Clone, Debug, PartialEq)]
pub struct PacketSpec {
    /// Changes with every step, so the element is new.
    pub key: String,
    pub label: String,
    pub tone: PacketTone,
    pub at: Point,
}

#[derive(Properties, PartialEq)]
pub struct DiagramSvgProps {
    pub layout: ByPtr<Layout>,
    /// Screen pixels per diagram pixel (see [`crate::view::layout_fit`]).
    pub zoom: f64,
    pub highlight: Vec<NodeId>,
    pub selected: Option<NodeId>,
    pub onselect: Callback<NodeId>,
    pub packet: Option<PacketSpec>,
    pub packet_ref: NodeRef,
}

fn is_region(k: Kind) -> bool {
    matches!(k, Kind::Desktop | Kind::Host | Kind::ImageStore | Kind::VolumeArea | Kind::Zone)
}

#[component]
pub fn DiagramSvg(props: &DiagramSvgProps) -> Html {
    let l = &*props.layout;
    let (w, h) = (num(l.width * props.zoom), num(l.height * props.zoom));
    let lit = |id: &NodeId| props.highlight.contains(id);
    let node = |n: &crate::view::layout::Placed| {
        html! {
            <NodeView key={n.key.clone()} node={n.clone()} lit={lit(&n.object)}
                selected={props.selected.as_ref() == Some(&n.object)} onselect={props.onselect.clone()} />
        }
    };
    html! {
        <div class="dg-canvas" style={format!("width: {w}px; height: {h}px")}>
        <svg class={classes!("dg-svg", l.compact.then_some("dg-compact"))} xmlns="http://www.w3.org/2000/svg" viewBox={format!("0 0 {} {}", num(l.width), num(l.height))}
            width={w.clone()} height={h.clone()} role="group" aria-label={t::DIAGRAM_ALT}>
            <defs>
                <marker id="dg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                    <path d="M0,0 L10,5 L0,10 z" class="dg-arrowhead" />
                </marker>
            </defs>
            <g class="dg-regions">{ for l.nodes.iter().filter(|n| is_region(n.kind)).map(node) }</g>
            <g class="dg-wires">
                { for l.wires.iter().map(|w| html! {
                    <WireView key={w.key.clone()} wire={w.clone()} lit={lit(&w.from) && lit(&w.to)} />
                }) }
            </g>
            <g class="dg-boxes">{ for l.nodes.iter().filter(|n| !is_region(n.kind)).map(node) }</g>
        </svg>
            // Its own container, so the keyed packet never shares a child list with the SVG
            // (a mixed list makes Yew rebuild the SVG).
            <div class="dg-packets" style={format!("transform: scale({})", props.zoom)}>
                { for props.packet.iter().map(|p| html! {
                    <PacketView key={p.key.clone()} label={p.label.clone()} tone={p.tone} at={p.at} node_ref={props.packet_ref.clone()} />
                }) }
            </div>
        </div>
    }
}
