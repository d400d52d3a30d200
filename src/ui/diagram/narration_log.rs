//! The narration log: every step played so far, under the command line that caused it,
//! so the learner can scroll back. Follows the newest entry unless the learner scrolled up.
//!
//! Invariant: entries are keyed and shown in the order they were played.

use yew::prelude::*;

use crate::view::anim_playback::LogEntry;
use crate::view::scene_labels as t;

#[derive(Properties, PartialEq)]
pub struct NarrationLogProps {
    pub entries: Vec<LogEntry>,
}

#[component]
pub fn NarrationLog(props: &NarrationLogProps) -> Html {
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with(props.entries.last().map(|e| e.key.clone()), move |_| {
            if let Some(el) = list.cast::<web_sys::Element>() {
                // Follow the end unless the learner scrolled back more than a few lines.
                let gap = el.scroll_height() - el.scroll_top() - el.client_height();
                if gap < 120 {
                    el.set_scroll_top(el.scroll_height());
                }
            }
        });
    }
    html! {
        <section class="dg-log" aria-label={t::NARRATION_LOG}>
            <h3>{ t::NARRATION_LOG }</h3>
            <ul ref={list} tabindex="0">
                if props.entries.is_empty() {
                    <li class="dg-log-empty">{ t::NARRATION_EMPTY }</li>
                } else {
                    { for props.entries.iter().map(|e| html! {
                        <li key={e.key.clone()} class={classes!(e.command.then_some("dg-log-cmd"))}>{ e.text.clone() }</li>
                    }) }
                }
            </ul>
        </section>
    }
}
