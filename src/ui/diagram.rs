//! The architecture diagram (placeholder): the client, the daemon inside its host with its
//! image and container stores, and Docker Hub. The links light up when the latest command
//! used them; a laid-out diagram animated step by step from the events will replace it.
//!
//! Invariant: built with `html!` SVG only, never raw HTML strings; stateless.

use std::rc::Rc;

use yew::prelude::*;

use super::labels;
use crate::engine::event::{Event, EventKind};

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub events: Rc<Vec<Event>>,
    /// Changes whenever `events` is replaced, to replay the highlight.
    pub rev: u64,
}

/// A labelled box.
fn node(x: i32, y: i32, w: i32, h: i32, class: &'static str, title: &'static str, sub: &'static str) -> Html {
    let cx = x + w / 2;
    html! {
        <g class={classes!("node", class)}>
            <rect x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} rx="10" />
            <text x={cx.to_string()} y={(y + h / 2 - 4).to_string()} class="title">{ title }</text>
            <text x={cx.to_string()} y={(y + h / 2 + 18).to_string()} class="sub">{ sub }</text>
        </g>
    }
}

#[component]
pub fn Diagram(props: &DiagramProps) -> Html {
    let api = props.events.iter().any(|e| matches!(e.kind, EventKind::ApiRequest { .. }));
    let registry = props.events.iter().any(|e| {
        matches!(
            e.kind,
            EventKind::RegistryRequest { .. } | EventKind::LayerDownloaded { .. } | EventKind::LayerPushed { .. }
        )
    });
    let rev = props.rev.to_string();
    html! {
        <svg class="diagram" viewBox="0 0 640 360" role="img" aria-label={labels::DIAGRAM_ALT}
            preserveAspectRatio="xMidYMid meet">
            <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="4" markerHeight="4"
                    orient="auto-start-reverse">
                    <path d="M0,0 L10,5 L0,10 z" class="arrowhead" />
                </marker>
            </defs>
            <g class="host">
                <rect x="188" y="24" width="284" height="316" rx="14" />
                <text x="204" y="50" class="host-label">{ labels::HOST }</text>
            </g>
            { node(10, 128, 144, 96, "client", labels::CLIENT, labels::CLIENT_SUB) }
            { node(206, 66, 248, 84, "daemon", labels::DAEMON, labels::DAEMON_SUB) }
            { node(206, 186, 118, 134, "store", labels::IMAGES, "") }
            { node(336, 186, 118, 134, "store", labels::CONTAINERS, "") }
            { node(494, 120, 140, 112, "registry", labels::HUB, labels::REGISTRY) }
            // Keyed by the events' revision so the highlight animation replays each time.
            { for std::iter::once(html! {
                <g key={rev}>
                    <g class={classes!("link", api.then_some("active"))}>
                        <path d="M156,168 C180,168 180,108 202,108" marker-end="url(#arrow)"
                            marker-start="url(#arrow)" />
                        <text x="82" y="112" class="link-label">{ labels::API }</text>
                    </g>
                    <g class={classes!("link", registry.then_some("active"))}>
                        <path d="M456,108 C476,108 472,168 490,168" marker-end="url(#arrow)"
                            marker-start="url(#arrow)" />
                        <text x="564" y="108" class="link-label">{ labels::PULL }</text>
                    </g>
                </g>
            }) }
        </svg>
    }
}
