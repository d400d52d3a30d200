//! The diagram pane: controls, the animated SVG, the caption of the current step, the
//! narration log and the inspector. It plays the commands of the app's [`Feed`] as they
//! arrive (queueing when the learner types ahead), sized to the space it gets, and honours
//! the OS "reduced motion" setting.
//!
//! Invariant: the pane keeps only playback state (which step, speed, pause, selection);
//! what it draws is computed from the feed's scenes by the pure `view` modules.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::super::labels;
use super::ByPtr;
use super::controls::Controls;
use super::diagram_svg::{DiagramSvg, PacketSpec};
use super::inspector::Inspector;
use super::narration_log::NarrationLog;
use super::style::CSS;
use super::ticker::{Shared, Ticker, along};
use crate::view::anim_feed::Feed;
use crate::view::anim_playback::Playback;
use crate::view::layout::{Focus, Layout, Viewport};
use crate::view::layout_fit::{Fit, fit};
use crate::view::scene::{NodeId, Scene};
use crate::view::scene_inspect::details;
use crate::view::scene_labels as t;

#[derive(Properties, PartialEq)]
pub struct DiagramPaneProps {
    /// The commands recorded by the app (see [`Feed::record`]).
    pub feed: Rc<Feed>,
    /// Draw containerd and runc beside the daemon.
    #[prop_or_default]
    pub deep: bool,
}

const REDUCED_MOTION: &str = "(prefers-reduced-motion: reduce)";

#[component]
pub fn DiagramPane(props: &DiagramPaneProps) -> Html {
    let player = use_mut_ref(|| Playback::new(&props.feed));
    let redraw = use_force_update();
    let ticker = use_mut_ref(Ticker::default);
    let packet_ref = use_node_ref();
    let stage = use_node_ref();
    let size = use_state_eq(|| (1366.0_f64, 768.0_f64));
    let selected = use_state(|| None::<NodeId>);
    let shared = {
        let (player, redraw, packet_ref) = (player.clone(), redraw.clone(), packet_ref.clone());
        use_memo((), move |_| {
            Rc::new(Shared {
                player,
                path: Rc::new(RefCell::new(None)),
                packet: packet_ref,
                redraw: Callback::from(move |_| redraw.force_update()),
            })
        })
    };

    // New commands from the app.
    {
        let (player, redraw, ticker, shared) = (player.clone(), redraw.clone(), ticker.clone(), (*shared).clone());
        use_effect_with(props.feed.clone(), move |feed| {
            if player.borrow_mut().sync(feed) {
                redraw.force_update();
                Ticker::ensure(&ticker, &shared);
            }
        });
    }
    // The OS "reduced motion" setting, followed live.
    {
        let (player, redraw) = (player.clone(), redraw.clone());
        use_effect_with((), move |_| {
            let mql = gloo::utils::window().match_media(REDUCED_MOTION).ok().flatten();
            let listener = mql.map(|mql| {
                player.borrow_mut().set_reduced_motion(mql.matches());
                let target: web_sys::EventTarget = mql.clone().into();
                EventListener::new(&target, "change", move |_| {
                    player.borrow_mut().set_reduced_motion(mql.matches());
                    redraw.force_update();
                })
            });
            move || drop(listener)
        });
    }
    // The space the stage gets, measured now and whenever it changes size (window resize,
    // the lesson pane opening, a phone turning).
    {
        let (stage, size) = (stage.clone(), size.clone());
        use_effect_with((), move |_| {
            let target = stage.clone();
            let measure = Rc::new(move || {
                if let Some(el) = target.cast::<web_sys::Element>() {
                    let (w, h) = (f64::from(el.client_width()), f64::from(el.client_height()));
                    if w > 0.0 && h > 0.0 {
                        size.set((w.round(), h.round()));
                    }
                }
            });
            measure();
            let watch = crate::ui::dom::observe_size(&stage, measure.clone());
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| measure());
            move || drop((listener, watch))
        });
    }
    // Stop the loop when the pane goes away.
    {
        let ticker = ticker.clone();
        use_effect_with((), move |_| move || Ticker::stop(&ticker));
    }

    let frame = player.borrow().frame();
    let epoch = player.borrow().epoch();
    // The fit holds for a whole command (its scenes before and after), so the zoom does not
    // jump while the command plays.
    let fitted: Fit = {
        let player = player.clone();
        let deps = (epoch, frame.clip, (size.0 as u32, size.1 as u32), props.deep);
        *use_memo(deps, move |deps| {
            let p = player.borrow();
            let stage = Viewport { width: f64::from(deps.2.0), height: f64::from(deps.2.1) };
            match p.clip() {
                Some(c) => fit(&[&c.before, &c.after], stage, &c.focus, deps.3),
                None => fit(&[&p.scene()], stage, &Focus::default(), deps.3),
            }
        })
    };
    let (scene, layout_now): (Rc<Scene>, Rc<Layout>) = {
        let player = player.clone();
        let deps = (epoch, frame.clip, frame.applied, fitted, props.deep);
        let memo = use_memo(deps, move |deps| {
            let p = player.borrow();
            let scene = p.scene();
            let focus = p.clip().map_or_else(Focus::default, |c| c.focus.clone());
            let l = deps.3.layout(&scene, &focus, deps.4);
            (Rc::new(scene), Rc::new(l))
        });
        (memo.0.clone(), memo.1.clone())
    };

    // The packet of the playing step, between the boxes standing for its two actors.
    let packet = frame.packet.as_ref().and_then(|p| {
        let (a, b) = (layout_now.anchor(&p.from)?, layout_now.anchor(&p.to)?);
        *shared.path.borrow_mut() = Some((a, b));
        Some(PacketSpec {
            key: format!("{}:{}:{}", epoch, frame.clip.unwrap_or(0), frame.step),
            label: p.label.clone(),
            tone: p.tone,
            at: along((a, b), frame.progress),
        })
    });
    if packet.is_none() {
        *shared.path.borrow_mut() = None;
    }

    let control = |f: fn(&mut Playback)| {
        let (player, redraw, ticker, shared) = (player.clone(), redraw.clone(), ticker.clone(), (*shared).clone());
        Callback::from(move |_: ()| {
            f(&mut player.borrow_mut());
            redraw.force_update();
            Ticker::ensure(&ticker, &shared);
        })
    };
    let onspeed = {
        let (player, redraw) = (player.clone(), redraw.clone());
        Callback::from(move |s: u32| {
            player.borrow_mut().set_speed(s);
            redraw.force_update();
        })
    };
    let onselect = {
        let selected = selected.clone();
        Callback::from(move |id: NodeId| {
            let same = selected.as_ref() == Some(&id);
            selected.set(if same { None } else { Some(id) });
        })
    };
    let onclose = {
        let selected = selected.clone();
        Callback::from(move |_| {
            if let Some(id) = selected.as_ref() {
                refocus(id);
            }
            selected.set(None);
        })
    };
    let inspected = selected.as_ref().and_then(|id| details(&scene, id));
    let log: Vec<_> = player.borrow().log().iter().cloned().collect();
    let live = if frame.paused { "polite" } else { "off" };

    html! {
        <section class="dg-pane">
            <style>{ CSS }</style>
            <div class="dg-top">
                <h2 class="pane-title">{ labels::DIAGRAM }</h2>
                <Controls paused={frame.paused} step={frame.step} steps={frame.steps} speed={frame.speed}
                    ontogglepause={control(Playback::toggle_pause)} onback={control(Playback::step_back)}
                    onforward={control(Playback::step_forward)} onreplay={control(Playback::replay)} {onspeed} />
            </div>
            <div class="dg-now">
                <code class="dg-line">{ if frame.line.is_empty() { String::new() } else { format!("$ {}", frame.line) } }</code>
                if frame.steps > 0 {
                    <span class="dg-step">{ t::step_of(frame.step, frame.steps) }</span>
                }
            </div>
            <div class="dg-body">
                <div class="dg-stage" ref={stage}>
                    <DiagramSvg layout={ByPtr(layout_now.clone())} zoom={fitted.zoom} highlight={frame.highlight.clone()}
                        selected={(*selected).clone()} {onselect} {packet} packet_ref={packet_ref.clone()} />
                </div>
                if let Some(d) = inspected {
                    <Inspector details={d} {onclose} />
                }
            </div>
            <p class="dg-caption" aria-live={live}>{ frame.caption.clone() }</p>
            <NarrationLog entries={log} />
        </section>
    }
}

/// Gives keyboard focus back to the box of `id` (after the inspector closes).
fn refocus(id: &NodeId) {
    use wasm_bindgen::JsCast;
    let selector = format!("[data-node=\"{}\"]", id.0.replace(['"', '\\'], ""));
    if let Ok(Some(el)) = gloo::utils::document().query_selector(&selector) {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

