//! The terminal pane: the scrollback, the prompt with the input line at its end, and the
//! on-screen keys. The input is a real `<input>` (focusable, selectable, usable with screen
//! readers and phone keyboards); plain typing and native editing stay native and are
//! mirrored into the model, while Enter, Tab, ↑/↓ and the Ctrl keys go through the model,
//! which writes text and cursor back.
//!
//! Invariant: the `<input>` keeps its place in the tree (so it never loses focus on a
//! re-render), and the view follows new output only while the learner is at the bottom.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::dom;
use super::labels;
use super::screen_keys::ScreenKeys;
use super::state::{Action, AppState};
use super::terminal_block::{BLOCK, Lines, TerminalBlock, span, spans};
use crate::view::terminal::{Line, Span};
use crate::view::terminal_model::{Key, prompt_spans};

#[derive(Properties, PartialEq)]
pub struct TerminalPaneProps {
    pub state: UseReducerHandle<AppState>,
}

/// The terminal key for a keyboard event, if the model handles it.
fn map_key(e: &KeyboardEvent) -> Option<Key> {
    if e.is_composing() || e.meta_key() || e.alt_key() {
        return None;
    }
    let ctrl = e.ctrl_key();
    let key = e.key();
    match (ctrl, key.as_str()) {
        (false, "Enter") => Some(Key::Enter),
        (false, "Tab") if !e.shift_key() => Some(Key::Tab),
        (false, "ArrowUp") => Some(Key::Up),
        (false, "ArrowDown") => Some(Key::Down),
        (true, k) if !e.shift_key() => match k.to_ascii_lowercase().as_str() {
            "a" => Some(Key::CtrlA),
            "e" => Some(Key::CtrlE),
            "u" => Some(Key::CtrlU),
            "k" => Some(Key::CtrlK),
            "w" => Some(Key::CtrlW),
            "l" => Some(Key::CtrlL),
            "c" => Some(Key::CtrlC),
            "d" => Some(Key::CtrlD),
            _ => None,
        },
        _ => None,
    }
}

/// Whether the input element itself has a selection (Ctrl+C then copies it).
fn input_has_selection(input: &NodeRef) -> bool {
    input.cast::<HtmlInputElement>().is_some_and(|el| {
        let start = el.selection_start().ok().flatten();
        let end = el.selection_end().ok().flatten();
        start.is_some() && start != end
    })
}

/// The scrollback above the prompt line, grouped into blocks of [`BLOCK`] lines.
fn blocks(lines: &std::collections::VecDeque<Rc<Line>>) -> Vec<(u64, Lines)> {
    let mut out: Vec<(u64, Lines)> = Vec::new();
    let above = lines.len().saturating_sub(1);
    for line in lines.iter().take(above) {
        let block = line.id / BLOCK;
        match out.last_mut() {
            Some((id, lines)) if *id == block => lines.0.push(line.clone()),
            _ => out.push((block, Lines(vec![line.clone()]))),
        }
    }
    out
}

#[component]
pub fn TerminalPane(props: &TerminalPaneProps) -> Html {
    let state = props.state.clone();
    let input = use_node_ref();
    let screen = use_node_ref();
    let probe = use_node_ref();
    let stick = use_mut_ref(|| true);
    let term = &state.terminal;

    // The model changed the line itself: write text and cursor back into the input.
    {
        let input = input.clone();
        let text = term.editor.text().to_string();
        let cursor = term.editor.cursor();
        use_effect_with((term.editor_rev, state.generation), move |_| {
            dom::write_input(&input, &text, cursor);
        });
    }
    // Follow new output while the learner is at the bottom.
    {
        let screen = screen.clone();
        let stick = stick.clone();
        use_effect(move || {
            if *stick.borrow() {
                dom::scroll_to_bottom(&screen);
            }
        });
    }
    // Focus on start and after a reset.
    {
        let input = input.clone();
        let stick = stick.clone();
        use_effect_with(state.generation, move |_| {
            *stick.borrow_mut() = true;
            dom::focus(&input);
        });
    }
    // Measure the width in columns now and on every resize; typing anywhere goes to the input.
    {
        let (screen, probe, input) = (screen.clone(), probe.clone(), input.clone());
        let screen_for_size = screen.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let measure = Rc::new(move || dispatcher.dispatch(Action::Columns(dom::columns(&screen, &probe))));
            measure();
            // The terminal's width changes with the window and when a pane opens beside it.
            let on_resize = {
                let measure = measure.clone();
                dom::observe_size(&screen_for_size, Rc::new(move || measure()))
            };
            // A character typed anywhere but in a field (the page, a diagram box, a button)
            // goes to the terminal, so nothing typed is lost; Space stays with buttons.
            let on_key = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                let printable = e.key().chars().count() == 1 && !(e.key() == " " && !dom::body_focused());
                if printable && !e.ctrl_key() && !e.meta_key() && !e.alt_key() && !e.is_composing() && !dom::field_focused() {
                    dom::focus(&input);
                }
            });
            move || drop((on_resize, on_key))
        });
    }

    let onkeydown = {
        let (state, input, stick) = (state.clone(), input.clone(), stick.clone());
        Callback::from(move |e: KeyboardEvent| {
            *stick.borrow_mut() = true;
            let Some(key) = map_key(&e) else { return };
            if key == Key::CtrlC && (dom::has_selection() || input_has_selection(&input)) {
                return;
            }
            e.prevent_default();
            let (text, cursor) = dom::read_input(&input);
            state.dispatch(Action::Key { key, text, cursor });
            // Enter always takes the line: empty the field now, so keys typed before the
            // next render land in an empty field rather than after the old line.
            if key == Key::Enter {
                dom::write_input(&input, "", 0);
            }
        })
    };
    let oninput = {
        let (state, input) = (state.clone(), input.clone());
        Callback::from(move |_: InputEvent| {
            let (text, cursor) = dom::read_input(&input);
            state.dispatch(Action::Sync { text, cursor });
        })
    };
    let onpaste = {
        let (state, input, stick) = (state.clone(), input.clone(), stick.clone());
        Callback::from(move |e: Event| {
            let Some(data) = e.dyn_ref::<ClipboardEvent>().and_then(|c| c.clipboard_data()) else { return };
            let Ok(pasted) = data.get_data("text/plain") else { return };
            if !pasted.contains(['\n', '\r']) {
                return;
            }
            e.prevent_default();
            *stick.borrow_mut() = true;
            let (text, cursor) = dom::read_input(&input);
            state.dispatch(Action::Paste { pasted, text, cursor });
        })
    };
    let onscroll = {
        let (screen, stick) = (screen.clone(), stick.clone());
        Callback::from(move |_: Event| *stick.borrow_mut() = dom::at_bottom(&screen))
    };
    let onclick = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if !dom::has_selection() {
                dom::focus(&input);
            }
        })
    };
    let onkey = {
        let (state, input, stick) = (state.clone(), input.clone(), stick.clone());
        Callback::from(move |key: Key| {
            *stick.borrow_mut() = true;
            let (text, cursor) = dom::read_input(&input);
            state.dispatch(Action::Key { key, text, cursor });
        })
    };

    let last = term.scrollback.last();
    let prompt: Vec<Span> = prompt_spans(&term.prompt).into_iter().map(|(text, style)| Span { text, style }).collect();
    let queued = term.queued();
    html! {
        <section class="pane terminal" aria-label={labels::TERMINAL} {onclick}>
            <div class="screen" ref={screen} {onscroll}>
                <div class="scrollback" role="log" aria-live="polite" aria-label={labels::TERMINAL_OUTPUT}>
                    { for blocks(term.scrollback.lines()).into_iter().map(|(id, lines)| html! {
                        <TerminalBlock key={id} {lines} />
                    }) }
                </div>
                <div class="line prompt-line">
                    <span class="before">{ spans(last) }{ for prompt.iter().map(span) }</span>
                    <input ref={input} class="input" type="text" aria-label={labels::TERMINAL_INPUT}
                        autocomplete="off" autocapitalize="off" autocorrect="off" spellcheck="false"
                        enterkeyhint="send" {onkeydown} {oninput} {onpaste} />
                </div>
                <span class="probe" ref={probe} aria-hidden="true">{ "0123456789" }</span>
            </div>
            if queued > 0 {
                <div class="status" role="status">{ format!("{queued} {}", labels::PASTE_RUNNING) }</div>
            }
            <ScreenKeys {onkey} />
        </section>
    }
}

