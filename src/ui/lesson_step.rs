//! One step of the open lesson: its text, what the diagram should show, the objective with a
//! live check mark, hints revealed one at a time, the solution on request, "por que isso
//! importa" after success, and the way to the previous and next steps.
//!
//! Invariant: stateless; what is revealed comes from the tutor, every button calls back.

use std::rc::Rc;

use yew::prelude::*;

use super::lesson_labels as l;
use super::lesson_markdown::{blocks, inlines};
use crate::course::goal::Verdict;
use crate::course::tutor::Tutor;

/// What the step view asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum StepEvent {
    Goto(usize),
    Hint,
    Solution,
    MarkDone,
    Reset,
    OpenLesson(usize),
}

#[derive(Properties)]
pub struct LessonStepProps {
    pub tutor: Rc<Tutor>,
    pub onevent: Callback<StepEvent>,
}

impl PartialEq for LessonStepProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.tutor, &other.tutor) && self.onevent == other.onevent
    }
}

fn button(label: &'static str, title: &'static str, class: &'static str, cb: &Callback<StepEvent>, ev: StepEvent) -> Html {
    let onclick = cb.reform(move |_: MouseEvent| ev.clone());
    html! { <button type="button" class={classes!("btn", class)} {title} {onclick}>{ label }</button> }
}

#[component]
pub fn LessonStep(props: &LessonStepProps) -> Html {
    let t = &props.tutor;
    let (Some(li), Some(lesson), Some(step)) = (t.lesson_index(), t.lesson(), t.step()) else {
        return html! {};
    };
    let cb = &props.onevent;
    let index = t.step_index();
    let total = lesson.steps.len();
    let verdict = t.verdict().clone();
    let done = t.is_done(li, index);
    let met = verdict.is_met();
    let (mark, mark_label, mark_class) = match &verdict {
        Verdict::Met => ("✓", l::MET, "met"),
        Verdict::Unsupported(_) => ("?", l::UNSUPPORTED, "unsupported"),
        Verdict::NotMet => ("○", l::NOT_MET, "pending"),
    };
    let dots = (0..total).map(|s| {
        let onclick = cb.reform(move |_: MouseEvent| StepEvent::Goto(s));
        let label = format!("{} {}", l::STEP, s + 1);
        html! {
            <li key={s}>
                <button type="button" class={classes!("dot", (s == index).then_some("current"), t.is_done(li, s).then_some("done"))}
                    aria-label={label.clone()} title={label} aria-current={(s == index).then_some("step")} {onclick}>
                    { if t.is_done(li, s) { "✓".to_string() } else { (s + 1).to_string() } }
                </button>
            </li>
        }
    });
    let hints = step.hints.iter().take(t.hints_shown()).enumerate().map(|(k, h)| {
        html! { <li key={k}><span class="hint-label">{ format!("{} {}: ", l::HINT_LABEL, k + 1) }</span>{ inlines(h) }</li> }
    });
    let more_hints = !step.exercise && t.hints_shown() < step.hints.len();
    let next = if index + 1 < total {
        button(l::NEXT, l::NEXT, if met || done { "primary" } else { "" }, cb, StepEvent::Goto(index + 1))
    } else if li + 1 < t.lessons().len() {
        button(l::NEXT_LESSON, l::NEXT_LESSON, if t.lesson_complete(li) { "primary" } else { "" }, cb, StepEvent::OpenLesson(li + 1))
    } else {
        html! {}
    };
    let highlights = step.highlights.iter().map(|h| h.label()).collect::<Vec<_>>().join("; ");
    html! {
        <article class="lesson-step" data-lesson={lesson.id.clone()} data-step={index.to_string()}>
            <header class="lesson-head">
                <h2 class="lesson-title">{ format!("{}. {}", lesson.number, lesson.title) }</h2>
                <p class="step-count">{ format!("{} {} {} {total}", l::STEP, index + 1, l::OF) }</p>
                <ol class="dots">{ for dots }</ol>
            </header>
            if index == 0 {
                <section class="intro">
                    { blocks(&lesson.intro) }
                    <h3>{ l::LEARN }</h3>
                    <ul class="learn">{ for lesson.learn.iter().enumerate().map(|(k, it)| html! { <li key={k}>{ inlines(it) }</li> }) }</ul>
                </section>
            }
            <h3 class="step-title">
                if step.exercise { <span class="exercise-tag">{ l::EXERCISE }</span>{ " " } }
                { inlines(&crate::course::markdown::inline(&step.title)) }
            </h3>
            <div class="step-body">{ blocks(&step.body) }</div>
            if !highlights.is_empty() {
                <p class="look">{ l::LOOK }{ " " }{ highlights }</p>
            }
            <section class={classes!("objective", mark_class)} aria-label={l::OBJECTIVE}>
                <span class="check" role="img" aria-label={mark_label} title={mark_label}>{ mark }</span>
                <div>
                    <h4>{ l::OBJECTIVE }</h4>
                    <p aria-live="polite">{ inlines(&step.objective) }</p>
                    if matches!(verdict, Verdict::Unsupported(_)) {
                        <p class="unsupported">{ l::UNSUPPORTED }</p>
                        if !done { { button(l::MARK_DONE, l::MARK_DONE, "", cb, StepEvent::MarkDone) } }
                    }
                    if done && !met && !matches!(verdict, Verdict::Unsupported(_)) {
                        <p class="done-before">{ l::DONE_BEFORE }</p>
                    }
                </div>
            </section>
            <div class="helpers">
                if more_hints { { button(l::HINT, l::HINT_TITLE, "hint", cb, StepEvent::Hint) } }
                if !t.solution_shown() { { button(l::SOLUTION, l::SOLUTION_TITLE, "solution", cb, StepEvent::Solution) } }
            </div>
            if t.hints_shown() > 0 {
                <ol class="hints">{ for hints }</ol>
            }
            if t.solution_shown() {
                <section class="solution" aria-label={l::SOLUTION_HEADING}>
                    <h4>{ l::SOLUTION_HEADING }</h4>
                    <pre class="code"><code>{ step.solution.join("\n") }</code></pre>
                </section>
            }
            if met || done {
                <section class="why">
                    <p class="well-done">{ l::WELL_DONE }</p>
                    if !step.why.is_empty() {
                        <h4>{ l::WHY }</h4>
                        { blocks(&step.why) }
                    }
                    if index + 1 == total && t.lesson_complete(li) {
                        <p class="lesson-done">
                            { if li + 1 == t.lessons().len() { l::COURSE_DONE } else { l::LESSON_DONE } }
                        </p>
                    }
                </section>
            }
            <nav class="step-nav">
                if index > 0 { { button(l::PREVIOUS, l::PREVIOUS, "", cb, StepEvent::Goto(index - 1)) } }
                { next }
                { button(l::RESET_LESSON, l::RESET_LESSON_TITLE, "reset-lesson", cb, StepEvent::Reset) }
            </nav>
        </article>
    }
}
