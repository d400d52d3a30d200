//! One box of the diagram: its shape, its state colour, its highlight while a step
//! involves it, and (when focusable) click or Enter/Space to open the inspector.
//!
//! Invariant: a focusable box is reachable with Tab and announces its kind and name.

use yew::prelude::*;

use super::node_shapes::{aria, kind_class, shape, tone_class};
use crate::view::layout::Placed;
use crate::view::scene::NodeId;

#[derive(Properties, PartialEq)]
pub struct NodeViewProps {
    pub node: Placed,
    /// The playing step involves it.
    pub lit: bool,
    /// Open in the inspector.
    pub selected: bool,
    pub onselect: Callback<NodeId>,
}

#[component]
pub fn NodeView(props: &NodeViewProps) -> Html {
    let n = &props.node;
    let class = classes!(
        "dg-node",
        kind_class(n.kind),
        tone_class(n.tone),
        props.lit.then_some("dg-hl"),
        props.selected.then_some("dg-sel"),
    );
    if !n.focusable {
        return html! { <g class={class}>{ shape(n) }</g> };
    }
    let onclick = {
        let (cb, id) = (props.onselect.clone(), n.object.clone());
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            cb.emit(id.clone());
        })
    };
    let onkeydown = {
        let (cb, id) = (props.onselect.clone(), n.object.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                cb.emit(id.clone());
            }
        })
    };
    html! {
        <g class={class} tabindex="0" role="button" aria-label={aria(n)} data-node={n.object.0.clone()} {onclick} {onkeydown}>
            { shape(n) }
        </g>
    }
}
