//! The narration area under the diagram: what the latest command made happen, one line per
//! event, in order.
//!
//! Invariant: shows only the events it is given, in their order.

use std::rc::Rc;

use yew::prelude::*;

use super::labels;
use crate::engine::event::Event;

/// Most events listed (the latest ones).
const SHOWN: usize = 8;

#[derive(Properties, PartialEq)]
pub struct NarrationProps {
    pub events: Rc<Vec<Event>>,
}

#[component]
pub fn Narration(props: &NarrationProps) -> Html {
    let events = &props.events;
    let skip = events.len().saturating_sub(SHOWN);
    html! {
        <section class="narration" aria-label={labels::NARRATION}>
            <h2>{ labels::NARRATION }</h2>
            <ol aria-live="polite">
                if events.is_empty() {
                    <li class="empty">{ labels::NARRATION_EMPTY }</li>
                } else {
                    { for events.iter().enumerate().skip(skip).map(|(i, e)| html! {
                        <li key={i}>{ format!("{:?}", e.kind) }</li>
                    }) }
                }
            </ol>
        </section>
    }
}
