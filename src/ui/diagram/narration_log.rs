//! The narration log: every step played so far, under the command line that caused it,
//! so the learner can scroll back. Follows the newest entry unless the learner scrolled up;
//! while following, the top edge falls between two entries (a little space is added below
//! the newest one if needed), so no entry shows as a cut-off fragment.
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
                && let Some(el) = list.cast::<web_sys::HtmlElement>()
            {
                follow_end(&el);
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

/// Scrolls `list` to its end so that its top edge falls between two entries.
fn follow_end(list: &web_sys::HtmlElement) {
    use wasm_bindgen::JsCast;
    let style = list.style();
    let _ = style.set_property("padding-bottom", "0px");
    list.set_scroll_top(i32::MAX / 2);
    let top = list.scroll_top();
    if top <= 0 {
        return;
    }
    // The entry the top edge cuts, if any (entries are few hundred at most: `LOG_KEEP`).
    let mut item = list.first_element_child();
    while let Some(el) = item {
        let Some(li) = el.dyn_ref::<web_sys::HtmlElement>() else { break };
        let (start, end) = (li.offset_top(), li.offset_top() + li.offset_height());
        if end > top {
            if start < top {
                let _ = style.set_property("padding-bottom", &format!("{}px", end - top));
                list.set_scroll_top(end);
            }
            break;
        }
        item = el.next_element_sibling();
    }
}
