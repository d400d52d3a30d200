//! How each kind of box is drawn: the frame and where its label, sublabel and badge go.
//! Pure `html!` helpers used by [`super::node_view::NodeView`].
//!
//! Invariant: text stays inside its box (the layout already cut it to fit).

use yew::prelude::*;

use super::num;
use crate::engine::model::container::Status;
use crate::view::layout::{Kind, Placed, Tone};

/// CSS class of a kind.
pub fn kind_class(k: Kind) -> &'static str {
    match k {
        Kind::Client => "dg-n-client",
        Kind::Desktop => "dg-n-desktop",
        Kind::Host => "dg-n-host",
        Kind::Daemon => "dg-n-daemon",
        Kind::Containerd | Kind::Runc => "dg-n-runtime",
        Kind::ImageStore => "dg-n-store",
        Kind::Image => "dg-n-image",
        Kind::Layer => "dg-n-layer",
        Kind::NewLayers => "dg-n-newlayers",
        Kind::More => "dg-n-more",
        Kind::Zone => "dg-n-zone",
        Kind::NetworkChip => "dg-n-netchip",
        Kind::Container => "dg-n-container",
        Kind::Writable => "dg-n-writable",
        Kind::Group => "dg-n-group",
        Kind::Port => "dg-n-port",
        Kind::VolumeArea => "dg-n-volarea",
        Kind::Volume => "dg-n-volume",
        Kind::Kernel => "dg-n-kernel",
        Kind::Registry => "dg-n-registry",
        Kind::Repo => "dg-n-repo",
    }
}

/// CSS class of a tone.
pub fn tone_class(t: Tone) -> String {
    match t {
        Tone::Plain => String::new(),
        Tone::Off => "dg-off".into(),
        Tone::Lit => "dg-on".into(),
        Tone::Layer(h) => format!("dg-hue-{h}"),
        Tone::State(s) => format!(
            "dg-s-{}",
            match s {
                Status::Created => "created",
                Status::Running => "running",
                Status::Paused => "paused",
                Status::Restarting => "restarting",
                Status::Removing => "removing",
                Status::Exited => "exited",
                Status::Dead => "dead",
            }
        ),
    }
}

fn text(x: f64, y: f64, class: &'static str, anchor: &'static str, s: &str) -> Html {
    if s.is_empty() {
        return html! {};
    }
    html! { <text x={num(x)} y={num(y)} class={class} text-anchor={anchor}>{ s.to_string() }</text> }
}

fn frame(n: &Placed, rx: f64) -> Html {
    let r = n.rect;
    html! { <rect class="dg-frame" x={num(r.x)} y={num(r.y)} width={num(r.w)} height={num(r.h)} rx={num(rx)} /> }
}

/// The SVG content of box `n`.
pub fn shape(n: &Placed) -> Html {
    let r = n.rect;
    let (cx, cy) = (r.x + r.w / 2.0, r.y + r.h / 2.0);
    match n.kind {
        // Regions: title at the top left, count at the top right.
        Kind::Desktop | Kind::Host | Kind::ImageStore | Kind::VolumeArea | Kind::Zone => {
            // The count goes under the title when both do not fit on one line.
            let one_line = n.label.chars().count() as f64 * 7.4 + n.sublabel.chars().count() as f64 * 6.0 + 24.0 <= r.w;
            let (sx, sy, anchor) = if one_line { (r.right() - 8.0, r.y + 16.0, "end") } else { (r.x + 8.0, r.y + 30.0, "start") };
            html! {
                <>
                    { frame(n, 10.0) }
                    { text(r.x + 8.0, r.y + 16.0, "dg-title", "start", &n.label) }
                    { text(sx, sy, "dg-sub", anchor, &n.sublabel) }
                </>
            }
        }
        Kind::Client | Kind::Daemon | Kind::Registry => html! {
            <>
                { frame(n, 10.0) }
                { text(r.x + 10.0, r.y + 20.0, "dg-label", "start", &n.label) }
                { text(r.x + 10.0, r.y + 36.0, "dg-sub", "start", &n.sublabel) }
            </>
        },
        Kind::Containerd | Kind::Runc | Kind::Port | Kind::NetworkChip | Kind::Volume => html! {
            <>
                { frame(n, if n.kind == Kind::Volume { 12.0 } else { r.h / 2.0 }) }
                { text(cx, cy + 4.0, "dg-small", "middle", &n.label) }
            </>
        },
        Kind::Image | Kind::NewLayers => html! {
            <>
                { frame(n, 6.0) }
                { text(r.x + 6.0, r.y + 13.0, "dg-label-s", "start", &n.label) }
                { text(r.x + 6.0, r.y + 25.0, "dg-mono", "start", &n.sublabel) }
            </>
        },
        Kind::Layer => html! {
            <>
                { frame(n, 2.0) }
                { if r.h >= 9.0 { text(r.x + 4.0, r.bottom() - 2.5, "dg-mono-xs", "start", &n.label) } else { html! {} } }
                { text(r.right() - 4.0, r.bottom() - 2.5, "dg-mono-xs", "end", &n.badge) }
            </>
        },
        Kind::Container if r.h < 50.0 => html! {
            <>
                { frame(n, 6.0) }
                { text(r.x + 6.0, r.y + 16.0, "dg-label-s", "start", &n.label) }
                { text(r.right() - 6.0, r.y + 16.0, "dg-small", "end", &n.badge) }
            </>
        },
        Kind::Container => html! {
            <>
                { frame(n, 8.0) }
                { text(r.x + 8.0, r.y + 16.0, "dg-label", "start", &n.label) }
                { text(r.x + 8.0, r.y + 30.0, "dg-sub", "start", &n.sublabel) }
                { text(r.x + 8.0, r.y + 44.0, "dg-state", "start", &n.badge) }
            </>
        },
        Kind::Writable => html! {
            <>
                { frame(n, 2.0) }
                { text(r.x + 4.0, r.bottom() - 2.0, "dg-mono-xs", "start", &n.label) }
            </>
        },
        Kind::Group => html! {
            <>
                { frame(n, 6.0) }
                { text(cx, cy + 4.0, "dg-small", "middle", &n.label) }
            </>
        },
        Kind::Kernel => html! {
            <>
                { frame(n, 6.0) }
                { text(cx, r.y + 15.0, "dg-label-s", "middle", &n.label) }
                { text(cx, r.y + 29.0, "dg-sub", "middle", &n.sublabel) }
            </>
        },
        Kind::Repo => html! {
            <>
                { frame(n, 4.0) }
                { text(r.x + 6.0, cy + 4.0, "dg-small", "start", &n.label) }
                { text(r.right() - 6.0, cy + 4.0, "dg-mono", "end", &n.sublabel) }
            </>
        },
        Kind::More => text(r.x + 4.0, r.bottom() - 3.0, "dg-sub", "start", &n.label),
    }
}

/// The spoken name of a box (`Contêiner web, em execução`).
pub fn aria(n: &Placed) -> String {
    use crate::view::scene_labels as t;
    // Most labels already name their kind ("Daemon (dockerd)", "Rede bridge").
    let kind = match n.kind {
        Kind::Image => t::IMAGE,
        Kind::Layer => t::LAYER,
        Kind::Container => t::CONTAINER,
        Kind::Port => t::PORT,
        Kind::Volume => t::VOLUME,
        Kind::Repo => t::REPOSITORY,
        _ => "",
    };
    let state = match n.tone {
        Tone::State(s) => t::state_short(s).to_string(),
        _ => String::new(),
    };
    [kind, n.label.as_str(), state.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", ")
}
