//! Playback controls: pause/continue, step back and forward through the last command's
//! events, speed 0,25×–4×, and replay. Plain buttons, so they work with keyboard and
//! screen readers.
//!
//! Invariant: every control is a `<button>` with a pt-BR label; the pressed speed is marked
//! with `aria-pressed`.

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
    html! {
        <div class="dg-controls" role="toolbar" aria-label={t::CONTROLS}>
            <button type="button" onclick={click(&props.onback)} disabled={none || props.step <= 1}
                title={t::STEP_BACK} aria-label={t::STEP_BACK}>{ t::BACK_SHORT }</button>
            <button type="button" onclick={click(&props.ontogglepause)} disabled={none}
                aria-pressed={props.paused.to_string()}>{ pause_label }</button>
            <button type="button" onclick={click(&props.onforward)} disabled={none}
                title={t::STEP_FORWARD} aria-label={t::STEP_FORWARD}>{ t::FORWARD_SHORT }</button>
            <button type="button" onclick={click(&props.onreplay)} disabled={none}
                title={t::REPLAY}>{ format!("↻ {}", t::REPLAY) }</button>
            <span class="dg-step" aria-live="off">{ if none { String::new() } else { t::step_of(props.step, props.steps) } }</span>
            <span class="dg-speeds" role="group" aria-label={t::SPEED}>
                { for SPEEDS.iter().map(|&s| {
                    let cb = props.onspeed.clone();
                    html! {
                        <button type="button" key={s} class={classes!((s == props.speed).then_some("dg-on"))}
                            aria-pressed={(s == props.speed).to_string()} onclick={Callback::from(move |_: MouseEvent| cb.emit(s))}>
                            { t::speed(s) }
                        </button>
                    }
                }) }
            </span>
        </div>
    }
}
