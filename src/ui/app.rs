//! The app: header, optional lesson pane, terminal pane and diagram pane, around one
//! reducer. Effects here run pasted lines a batch per tick, restore the saved course progress
//! on start and save it after each change.
//!
//! Invariant: the only state is the reducer's; effects never mutate it except by dispatch.

use gloo_timers::callback::{Interval, Timeout};
use yew::prelude::*;

use super::boot::Handoff;
use super::diagram::DiagramPane;
use super::file_editor::FileEditor;
use super::header::Header;
use super::labels;
use super::lesson_pane::LessonPane;
use super::persist;
use super::state::{Action, AppState};
use super::terminal_pane::TerminalPane;
use crate::view::terminal_model::{BATCH_LINES, adapt_batch};

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Lines typed in the first stage, before the app started.
    #[prop_or_default]
    pub handoff: Handoff,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(AppState::default);

    // Pasted lines run one batch per tick so the page stays responsive; the batch size
    // follows the time the previous batch took (run plus render).
    {
        let dispatcher = state.dispatcher();
        let pacer = use_mut_ref(|| (None::<f64>, BATCH_LINES));
        use_effect_with(state.terminal.queued(), move |queued| {
            let now = js_sys::Date::now;
            let mut pace = pacer.borrow_mut();
            pace.1 = match pace.0.take() {
                Some(started) => adapt_batch(pace.1, now() - started),
                None => BATCH_LINES,
            };
            drop(pace);
            let timer = (*queued > 0).then(|| {
                Timeout::new(0, move || {
                    let batch = {
                        let mut pace = pacer.borrow_mut();
                        pace.0 = Some(now());
                        pace.1
                    };
                    dispatcher.dispatch(Action::RunQueued(batch));
                })
            });
            move || drop(timer)
        });
    }
    // Simulated time follows real time: `Up 5 seconds` means five seconds ago, and a
    // process the terminal is attached to shows its output as it comes.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let interval = Interval::new(1000, move || dispatcher.dispatch(Action::Tick(1000)));
            move || drop(interval)
        });
    }
    // Restore the saved course progress once; save it whenever it may have changed.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some(json) = persist::load() {
                dispatcher.dispatch(Action::Restore(json));
            }
        });
    }
    // Lines typed while the simulator was loading run now, after any restored ones.
    {
        let dispatcher = state.dispatcher();
        let handoff = props.handoff.clone();
        use_effect_with((), move |_| {
            if !handoff.is_empty() {
                dispatcher.dispatch(Action::Handoff { lines: handoff.lines, draft: handoff.draft, cursor: handoff.cursor });
            }
        });
    }
    {
        let tutor = state.tutor.clone();
        use_effect_with(state.progress_rev, move |rev| {
            if *rev > 0 {
                persist::save(tutor.progress());
            }
        });
    }

    let onreset = state.dispatcher().to_callback().reform(|_| Action::Reset);
    let ontogglelessons = state.dispatcher().to_callback().reform(|_| Action::ToggleLessons);
    let ontogglefiles = state.dispatcher().to_callback().reform(|_| Action::ToggleFiles);
    let onsave = state.dispatcher().to_callback().reform(|(path, text): (String, String)| Action::SaveFile { path, text });
    // The file list follows what the shell and the editor changed.
    let files_rev = state.session.borrow().history().len() as u64 + state.progress_rev + u64::from(state.generation);
    let ondo = state.dispatcher().to_callback();
    // The parts of the diagram the current step points at, for the diagram's styles.
    let highlight = state
        .tutor
        .step()
        .filter(|_| state.lessons_open)
        .map(|s| s.highlights.iter().map(|h| h.token()).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    html! {
        <div class="app">
            <Header lessons_open={state.lessons_open} files_open={state.files_open} {ontogglelessons} {ontogglefiles} {onreset} />
            <main class={classes!("panes", (state.lessons_open || state.files_open).then_some("with-lessons"))}>
                if state.files_open {
                    <FileEditor session={state.session.clone()} rev={files_rev} last_save={state.last_save.clone()} {onsave} />
                }
                if state.lessons_open {
                    <LessonPane tutor={state.tutor.clone()} map_open={state.map_open} ondo={ondo} />
                }
                <TerminalPane state={state.clone()} />
                <section class="pane architecture" aria-label={labels::DIAGRAM} data-destaque={highlight}>
                    <DiagramPane feed={state.feed.clone()} />
                </section>
            </main>
        </div>
    }
}
