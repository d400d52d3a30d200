//! The app's one reducer: the shell session, the terminal model around it, the course (the
//! open lesson, its goal checked after every line, the progress to save), and the panes the
//! learner opened. `reduce` runs the session (pure computation) and never does I/O: timers,
//! storage and the DOM live in effects.
//!
//! Invariant: every visible change returns a new `Rc`; an action that changes nothing
//! returns the same `Rc` so Yew skips the render.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Reducible;

use crate::engine::clock::Span;
use crate::course::catalog::lessons;
use crate::course::progress::Progress;
use crate::course::setup::INTERRUPT;
use crate::course::tutor::Tutor;
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
    /// The file editor pane is open (it takes the lesson pane's place).
    pub files_open: bool,
    /// The last save from the file editor: the file and what happened (`Err`: why not).
    pub last_save: Option<(String, Result<(), String>)>,
    /// The lesson pane shows the lesson map instead of the open lesson.
    pub map_open: bool,
    /// The course around the session (shared: cloned only when it changes).
    pub tutor: Rc<Tutor>,
    /// Bumped whenever the progress to save may have changed.
    pub progress_rev: u64,
    /// Bumped on reset, so effects can refocus and rescroll.
    pub generation: u32,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.session, &other.session)
            && self.terminal == other.terminal
            && Rc::ptr_eq(&self.feed, &other.feed)
            && self.lessons_open == other.lessons_open
            && self.files_open == other.files_open
            && self.last_save == other.last_save
            && self.map_open == other.map_open
            && Rc::ptr_eq(&self.tutor, &other.tutor)
            && self.progress_rev == other.progress_rev
            && self.generation == other.generation
    }
}

impl Default for AppState {
    fn default() -> Self {
        let session = Session::new();
        let terminal = Terminal::new(&session);
        let feed = Rc::new(Feed::new(session.world()));
        AppState {
            session: Rc::new(RefCell::new(session)),
            terminal,
            feed,
            lessons_open: false,
            files_open: false,
            last_save: None,
            map_open: true,
            tutor: Rc::new(Tutor::new(lessons(), Progress::default())),
            progress_rev: 0,
            generation: 0,
        }
    }
}

impl AppState {
    /// Replaces the session (a lesson opened, restored or reset) with a fresh terminal.
    fn with_session(&mut self, session: Session) {
        let progress = self.tutor.progress();
        let log = match self.tutor.lesson() {
            Some(l) => progress.lessons.get(&l.id).map_or(&[][..], |p| p.lines.as_slice()),
            None => progress.sandbox.as_slice(),
        };
        let replayed = log.iter().filter(|l| l.as_str() != INTERRUPT).count();
        let mut terminal = Terminal::new(&session);
        terminal.cols = self.terminal.cols;
        let mut session = session;
        if terminal.cols > 0 {
            session.set_width(u16::try_from(terminal.cols).unwrap_or(u16::MAX));
        }
        if let Some(l) = self.tutor.lesson() {
            terminal.scrollback.note(&format!("{} {}. {}", super::lesson_labels::STARTED, l.number, l.title));
        }
        if replayed > 0 {
            let what = if replayed == 1 { super::lesson_labels::RESTORED_ONE } else { super::lesson_labels::RESTORED };
            terminal.scrollback.note(&format!("{replayed} {what}"));
        }
        self.terminal = terminal;
        self.feed = Rc::new(Feed::new(session.world()));
        self.session = Rc::new(RefCell::new(session));
        self.generation = self.generation.wrapping_add(1);
        self.progress_rev += 1;
    }

    /// After lines ran: records the new ones in the replay log and checks the goal.
    fn after_lines(&mut self, ran_from: usize, interrupted: bool) {
        let session = self.session.borrow();
        let history = session.history();
        if history.len() == ran_from && !interrupted {
            return;
        }
        let mut new: Vec<String> = history.get(ran_from..).unwrap_or_default().to_vec();
        if interrupted {
            new.push(INTERRUPT.to_string());
        }
        let tutor = Rc::make_mut(&mut self.tutor);
        let changed = tutor.observe(session.world());
        if !new.is_empty() {
            tutor.record(&new);
        }
        if changed || !new.is_empty() {
            self.progress_rev += 1;
        }
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
    /// Start the open lesson (or free mode) over with its fresh world.
    Reset,
    ToggleLessons,
    ToggleFiles,
    /// The file editor saves a file (path relative to the home directory).
    SaveFile { path: String, text: String },
    /// Saved progress read from storage (JSON; anything unreadable is empty progress).
    Restore(String),
    /// Open a lesson (`None`: free mode) where the learner left it.
    OpenLesson(Option<usize>),
    GotoStep(usize),
    ShowHint,
    ShowSolution,
    /// Mark a step the engine cannot check as done.
    MarkDone,
    ToggleMap,
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
                let interrupted = key == Key::CtrlC && next.terminal.attached().is_some();
                let before = next.session.borrow().history().len();
                {
                    let mut session = next.session.borrow_mut();
                    next.terminal.key(&mut session, key);
                }
                next.after_lines(before, interrupted);
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
                let before = next.session.borrow().history().len();
                {
                    let mut session = next.session.borrow_mut();
                    next.terminal.run_queued(&mut session, max_lines);
                }
                next.after_lines(before, false);
            }
            Action::Tick(ms) => {
                {
                    let mut session = next.session.borrow_mut();
                    if !next.terminal.tick(&mut session, Span::millis(u64::from(ms))) {
                        return self;
                    }
                }
                // Time can meet a goal too (a container exits, a restart policy acts).
                if next.tutor.lesson_index().is_some() {
                    let mut tutor = (*next.tutor).clone();
                    if tutor.observe(next.session.borrow().world()) {
                        next.tutor = Rc::new(tutor);
                        next.progress_rev += 1;
                    }
                }
            }
            Action::Columns(cols) => {
                if cols == next.terminal.cols || cols == 0 {
                    return self;
                }
                next.terminal.cols = cols;
                // Docker formats to the terminal's width (help text, build progress).
                next.session.borrow_mut().set_width(u16::try_from(cols).unwrap_or(u16::MAX));
            }
            Action::Reset => {
                let session = Rc::make_mut(&mut next.tutor).reset();
                next.with_session(session);
            }
            Action::ToggleLessons => {
                next.lessons_open = !next.lessons_open;
                next.files_open &= !next.lessons_open;
            }
            Action::ToggleFiles => {
                next.files_open = !next.files_open;
                next.lessons_open &= !next.files_open;
            }
            Action::SaveFile { path, text } => {
                let saved = next.session.borrow_mut().write_file(&path, &text);
                next.last_save = Some((path, saved.as_ref().map(|_| ()).map_err(Clone::clone)));
                if let Ok(line) = saved {
                    // The save replays as the shell line that did it; goals may now hold.
                    let tutor = Rc::make_mut(&mut next.tutor);
                    tutor.record(&[line]);
                    tutor.observe(next.session.borrow().world());
                    next.progress_rev += 1;
                }
            }
            Action::Restore(json) => {
                let tutor = Tutor::new(lessons(), Progress::from_json(&json));
                let open = tutor.lesson_index();
                next.tutor = Rc::new(tutor);
                let session = Rc::make_mut(&mut next.tutor).open(open);
                next.with_session(session);
                if open.is_some() {
                    next.lessons_open = true;
                    next.files_open = false;
                    next.map_open = false;
                }
            }
            Action::OpenLesson(which) => {
                let session = Rc::make_mut(&mut next.tutor).open(which);
                next.with_session(session);
                next.map_open = false;
                next.lessons_open = true;
                next.files_open = false;
            }
            Action::GotoStep(step) => {
                let session = next.session.clone();
                Rc::make_mut(&mut next.tutor).goto_step(step, session.borrow().world());
                next.progress_rev += 1;
            }
            Action::ShowHint => Rc::make_mut(&mut next.tutor).show_hint(),
            Action::ShowSolution => Rc::make_mut(&mut next.tutor).show_solution(),
            Action::MarkDone => {
                Rc::make_mut(&mut next.tutor).mark_done();
                next.progress_rev += 1;
            }
            Action::ToggleMap => next.map_open = !next.map_open,
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
