//! Playback controls, in one compact row: step back, pause/continue, step forward, replay
//! and the speed (0,25×–4×). Plain buttons and a native `<select>`, so they work with the
//! keyboard, screen readers and touch; each glyph button carries its pt-BR name.
//!
//! Invariant: every control has a pt-BR accessible name; pause carries `aria-pressed`.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::view::anim_playback::SPEEDS;
use crate::view::scene_labels as t;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub paused: bool,
    /// 1-based step shown and the number of steps of the command (0 when none).
    pub step: u32,
    pub steps: u32,
    pub speed: u32,
    pub ontogglepause: Callback<()>,
    pub onback: Callback<()>,
    pub onforward: Callback<()>,
    pub onreplay: Callback<()>,
    pub onspeed: Callback<u32>,
}

#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let none = props.steps == 0;
    let pause_label = if props.paused { t::RESUME } else { t::PAUSE };
    let pause_glyph = if props.paused { "▶" } else { "❚❚" };
    let onchange = props.onspeed.reform(|e: Event| {
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .and_then(|s| s.value().parse::<u32>().ok())
            .unwrap_or(1000)
    });
    html! {
        <div class="dg-controls" role="toolbar" aria-label={t::CONTROLS}>
            <button type="button" onclick={click(&props.onback)} disabled={none || props.step <= 1}
                title={t::STEP_BACK} aria-label={t::STEP_BACK}>{ "⟨" }</button>
            <button type="button" onclick={click(&props.ontogglepause)} disabled={none}
                title={pause_label} aria-label={pause_label} aria-pressed={props.paused.to_string()}>{ pause_glyph }</button>
            <button type="button" onclick={click(&props.onforward)} disabled={none}
                title={t::STEP_FORWARD} aria-label={t::STEP_FORWARD}>{ "⟩" }</button>
            <button type="button" onclick={click(&props.onreplay)} disabled={none}
                title={t::REPLAY} aria-label={t::REPLAY}>{ "↻" }</button>
            <select class="dg-speed" title={t::SPEED} aria-label={t::SPEED} {onchange}>
                { for SPEEDS.iter().map(|&s| html! {
                    <option key={s} value={s.to_string()} selected={s == props.speed}>{ t::speed(s) }</option>
                }) }
            </select>
        </div>
    }
}
