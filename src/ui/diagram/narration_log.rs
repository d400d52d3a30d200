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
    // Follows the end unless the learner scrolled back; layout is read only on their scroll.
    let pinned = use_mut_ref(|| true);
    {
        let (list, pinned) = (list.clone(), pinned.clone());
        use_effect_with(props.entries.last().map(|e| e.key.clone()), move |_| {
            if *pinned.borrow()
                && let Some(el) = list.cast::<web_sys::Element>()
            {
                el.set_scroll_top(i32::MAX / 2);
            }
        });
    }
    let onscroll = {
        let (list, pinned) = (list.clone(), pinned.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = list.cast::<web_sys::Element>() {
                *pinned.borrow_mut() = el.scroll_height() - el.scroll_top() - el.client_height() < 24;
            }
        })
    };
    html! {
        <section class="dg-log" aria-label={t::NARRATION_LOG}>
            <h3>{ t::NARRATION_LOG }</h3>
            <ul ref={list} tabindex="0" {onscroll}>
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
