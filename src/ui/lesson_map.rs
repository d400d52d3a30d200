//! The lesson map: every lesson with its progress, the open one marked, and free mode.
//!
//! Invariant: stateless; choosing only calls `onopen` (`None` is free mode).

use std::rc::Rc;

use yew::prelude::*;

use super::lesson_labels as l;
use crate::course::tutor::Tutor;

#[derive(Properties)]
pub struct LessonMapProps {
    pub tutor: Rc<Tutor>,
    pub onopen: Callback<Option<usize>>,
}

impl PartialEq for LessonMapProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.tutor, &other.tutor) && self.onopen == other.onopen
    }
}

#[component]
pub fn LessonMap(props: &LessonMapProps) -> Html {
    let t = &props.tutor;
    let open = t.lesson_index();
    let items = t.lessons().iter().enumerate().map(|(i, lesson)| {
        let done = t.done_count(i);
        let total = lesson.steps.len();
        let complete = t.lesson_complete(i);
        let onclick = props.onopen.reform(move |_: MouseEvent| Some(i));
        let status = if complete { l::COMPLETE.to_string() } else { format!("{done}/{total} {}", l::STEPS_DONE) };
        html! {
            <li key={lesson.id.clone()} class={classes!("map-item", (open == Some(i)).then_some("current"), complete.then_some("complete"))}>
                <button type="button" class="map-open" {onclick} aria-current={(open == Some(i)).then_some("true")}>
                    <span class="map-number">{ lesson.number }</span>
                    <span class="map-text">
                        <span class="map-title">{ lesson.title.clone() }</span>
                        <span class="map-summary">{ super::lesson_markdown::inlines(&crate::course::markdown::inline(&lesson.summary)) }</span>
                    </span>
                    <span class="map-status" aria-label={status.clone()}>
                        if complete { { "✓" } } else { { format!("{done}/{total}") } }
                    </span>
                    <span class="map-bar" aria-hidden="true">
                        <span class="map-fill" style={format!("width: {}%", if total == 0 { 0 } else { done * 100 / total })}></span>
                    </span>
                </button>
            </li>
        }
    });
    let sandbox = props.onopen.reform(|_: MouseEvent| None);
    html! {
        <nav class="lesson-map" aria-label={l::MAP_HEADING}>
            <h2>{ l::MAP_HEADING }</h2>
            <ol class="map-list">{ for items }</ol>
            <button type="button" class={classes!("btn", "sandbox", open.is_none().then_some("on"))}
                title={l::SANDBOX_TITLE} onclick={sandbox}>
                { l::SANDBOX }
            </button>
        </nav>
    }
}
