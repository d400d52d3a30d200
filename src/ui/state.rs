//! The app's one reducer: the shell session, the terminal model around it, and the panes
//! the learner opened. `reduce` runs the session (pure computation) and never does I/O:
//! timers, storage and the DOM live in effects.
//!
//! Invariant: every visible change returns a new `Rc`; an action that changes nothing
//! returns the same `Rc` so Yew skips the render.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Reducible;

use crate::engine::clock::Span;
use crate::shell::Session;
use crate::view::anim_feed::Feed;
use crate::view::terminal_model::{Key, Terminal};

/// Everything the app shows.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The session is shared by successive states (only the newest is ever rendered), so
    /// the world is not cloned on every keystroke.
    pub session: Rc<RefCell<Session>>,
    pub terminal: Terminal,
    /// What the diagram plays: one clip per command that caused events.
    pub feed: Rc<Feed>,
    pub lessons_open: bool,
    /// Bumped on reset, so effects can refocus and rescroll.
    pub generation: u32,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.session, &other.session)
            && self.terminal == other.terminal
            && Rc::ptr_eq(&self.feed, &other.feed)
            && self.lessons_open == other.lessons_open
            && self.generation == other.generation
    }
}

impl Default for AppState {
    fn default() -> Self {
        let session = Session::new();
        let terminal = Terminal::new(&session);
        let feed = Rc::new(Feed::new(session.world()));
        AppState { session: Rc::new(RefCell::new(session)), terminal, feed, lessons_open: false, generation: 0 }
    }
}

/// What can happen.
#[derive(Clone, Debug)]
pub enum Action {
    /// The input element changed (typing, native editing): mirror its text and cursor.
    Sync { text: String, cursor: usize },
    /// A key the terminal handles, with the input element's text and cursor just before it.
    Key { key: Key, text: String, cursor: usize },
    /// Text pasted into the input (with its text and cursor before the paste).
    Paste { pasted: String, text: String, cursor: usize },
    /// Lines typed before the app started, then the line still being typed.
    Handoff { lines: Vec<String>, draft: String, cursor: usize },
    /// Run the next batch of pasted lines (at most this many).
    RunQueued(usize),
    /// The terminal is this many columns wide.
    Columns(usize),
    /// Real time passed (milliseconds): the simulated clock follows.
    Tick(u32),
    /// Start over with a fresh world.
    Reset,
    ToggleLessons,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Sync { text, cursor } => {
                if text == next.terminal.editor.text() && cursor == next.terminal.editor.cursor() {
                    return self;
                }
                next.terminal.sync(&text, cursor);
            }
            Action::Key { key, text, cursor } => {
                next.terminal.sync(&text, cursor);
                let mut session = next.session.borrow_mut();
                next.terminal.key(&mut session, key);
            }
            Action::Paste { pasted, text, cursor } => {
                next.terminal.sync(&text, cursor);
                next.terminal.paste(&pasted);
            }
            Action::Handoff { lines, draft, cursor } => {
                if !lines.is_empty() {
                    next.terminal.paste(&(lines.join("\n") + "\n"));
                }
                next.terminal.sync(&draft, cursor);
                next.terminal.editor_rev += 1;
            }
            Action::RunQueued(max_lines) => {
                if next.terminal.queued() == 0 {
                    return self;
                }
                let mut session = next.session.borrow_mut();
                next.terminal.run_queued(&mut session, max_lines);
            }
            Action::Tick(ms) => {
                let mut session = next.session.borrow_mut();
                if !next.terminal.tick(&mut session, Span::millis(u64::from(ms))) {
                    return self;
                }
            }
            Action::Columns(cols) => {
                if cols == next.terminal.cols || cols == 0 {
                    return self;
                }
                next.terminal.cols = cols;
            }
            Action::Reset => {
                let generation = next.generation.wrapping_add(1);
                next = AppState { lessons_open: next.lessons_open, generation, ..AppState::default() };
                next.terminal.cols = self.terminal.cols;
            }
            Action::ToggleLessons => next.lessons_open = !next.lessons_open,
        }
        if !next.terminal.recorded.is_empty() {
            let session = next.session.borrow();
            let feed = Rc::make_mut(&mut next.feed);
            for (line, events) in next.terminal.recorded.drain(..) {
                feed.record(&line, session.world(), &events);
            }
        }
        Rc::new(next)
    }
}
