//! The lesson pane beside the terminal and the diagram: the lesson map, or the open lesson's
//! current step, or the free-mode note; a button switches to the map.
//!
//! Invariant: stateless; everything comes from the reducer's tutor and goes back as
//! [`Action`]s.

use std::rc::Rc;

use yew::prelude::*;

use super::labels;
use super::lesson_labels as l;
use super::lesson_map::LessonMap;
use super::lesson_step::{LessonStep, StepEvent};
use super::state::Action;
use crate::course::tutor::Tutor;

#[derive(Properties)]
pub struct LessonPaneProps {
    pub tutor: Rc<Tutor>,
    pub map_open: bool,
    pub ondo: Callback<Action>,
}

impl PartialEq for LessonPaneProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.tutor, &other.tutor) && self.map_open == other.map_open && self.ondo == other.ondo
    }
}

#[component]
pub fn LessonPane(props: &LessonPaneProps) -> Html {
    let onopen = props.ondo.reform(Action::OpenLesson);
    let onevent = props.ondo.reform(|e: StepEvent| match e {
        StepEvent::Goto(s) => Action::GotoStep(s),
        StepEvent::Hint => Action::ShowHint,
        StepEvent::Solution => Action::ShowSolution,
        StepEvent::MarkDone => Action::MarkDone,
        StepEvent::Reset => Action::Reset,
        StepEvent::OpenLesson(i) => Action::OpenLesson(Some(i)),
    });
    let togglemap = props.ondo.reform(|_: MouseEvent| Action::ToggleMap);
    // A new step (or the map) starts at the top of the pane.
    let pane = use_node_ref();
    {
        let pane = pane.clone();
        let at = (props.tutor.lesson_index(), props.tutor.step_index(), props.map_open);
        use_effect_with(at, move |_| {
            if let Some(el) = pane.cast::<web_sys::Element>() {
                el.set_scroll_top(0);
            }
        });
    }
    let tutor = props.tutor.clone();
    let show_map = props.map_open;
    html! {
        <aside class="pane lessons" aria-label={labels::LESSONS} ref={pane}>
            <div class="lesson-bar">
                <button type="button" class={classes!("btn", "map-toggle", show_map.then_some("on"))}
                    aria-pressed={show_map.to_string()} title={l::MAP_TITLE} onclick={togglemap}>
                    { l::MAP }
                </button>
            </div>
            if show_map {
                <LessonMap tutor={tutor.clone()} {onopen} />
            } else if tutor.lesson().is_some() {
                <LessonStep tutor={tutor.clone()} {onevent} />
            } else {
                <section class="sandbox-note">
                    <h2>{ l::SANDBOX }</h2>
                    <p>{ l::SANDBOX_TEXT }</p>
                    <p>{ l::SANDBOX_PICK }</p>
                </section>
            }
        </aside>
    }
}
