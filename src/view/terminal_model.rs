//! The whole terminal as the learner uses it, independent of the browser: the scrollback,
//! the line being edited, the history, the paste queue and the attachment state, driven by
//! keys and pastes and talking to a [`Session`]. The web UI keeps one of these in its
//! reducer; tests drive it natively.
//!
//! A multi-line paste is queued and run a batch at a time ([`Terminal::run_queued`]), so
//! 10,000 pasted lines never block the page: the UI runs one batch per tick.
//!
//! Invariant: every method returns promptly (each loop is bounded by its input or by
//! the batch size) and never panics, whatever was typed or pasted.

use std::collections::VecDeque;
use std::rc::Rc;

use super::terminal::Scrollback;
use super::terminal_ansi::{Color, Style};
use super::terminal_complete::{TabResult, columns, on_tab};
use super::terminal_input::{History, LineEditor};
use crate::engine::event::Event;
use crate::shell::{Attachment, Outcome, Session};

/// Most queued lines run in one batch by default (the UI adapts it to the time a batch
/// takes, see [`Terminal::run_queued`]).
pub const BATCH_LINES: usize = 64;
/// Most queued bytes run in one batch (a batch always runs at least one line).
pub const BATCH_BYTES: usize = 256 * 1024;

/// A key the terminal handles itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Enter,
    Tab,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    Backspace,
    Delete,
    /// Ctrl+A: start of line.
    CtrlA,
    /// Ctrl+E: end of line.
    CtrlE,
    /// Ctrl+U: kill to start of line.
    CtrlU,
    /// Ctrl+K: kill to end of line.
    CtrlK,
    /// Ctrl+W: kill the word before the cursor.
    CtrlW,
    /// Ctrl+L: clear the screen.
    CtrlL,
    /// Ctrl+C: interrupt.
    CtrlC,
    /// Ctrl+D: end of input for the program reading the terminal.
    CtrlD,
}

/// Pasted text waiting to run, one line at a time.
#[derive(Clone, Debug, Default, PartialEq)]
struct PasteQueue {
    parts: VecDeque<(Rc<str>, usize)>,
    lines: usize,
}

impl PasteQueue {
    fn push(&mut self, text: Rc<str>) {
        self.lines += text.matches('\n').count();
        self.parts.push_back((text, 0));
    }

    /// The next complete line (without its `\n`).
    fn pop(&mut self) -> Option<String> {
        let (text, pos) = self.parts.front_mut()?;
        let rest = &text[*pos..];
        let line = match rest.find('\n') {
            Some(i) => {
                *pos += i + 1;
                rest[..i].to_string()
            }
            None => {
                let line = rest.to_string();
                *pos = text.len();
                line
            }
        };
        if *pos >= text.len() {
            self.parts.pop_front();
        }
        self.lines = self.lines.saturating_sub(1);
        Some(line)
    }
}

/// The terminal model.
#[derive(Clone, Debug, PartialEq)]
pub struct Terminal {
    /// What is on screen above (and on) the prompt line.
    pub scrollback: Scrollback,
    /// The line being typed.
    pub editor: LineEditor,
    /// Bumped whenever the model changed the editor itself (not a mirror of the DOM), so the
    /// UI knows to write text and cursor back into the input element.
    pub editor_rev: u64,
    /// The prompt shown before the input.
    pub prompt: String,
    /// Events of the latest line that had any, for the diagram and narration.
    pub events: Rc<Vec<Event>>,
    /// Bumped whenever `events` is replaced.
    pub events_rev: u64,
    /// Terminal width in columns (for completion listings).
    pub cols: usize,
    /// Lines run (or time that passed) since the owner last took them, with their events,
    /// for the diagram's feed.
    pub recorded: Vec<(String, Vec<Event>)>,
    history: History,
    queue: PasteQueue,
    last_was_tab: bool,
    attached: Option<Attachment>,
}

impl Terminal {
    /// A fresh terminal showing the session's prompt.
    pub fn new(session: &Session) -> Terminal {
        Terminal {
            scrollback: Scrollback::default(),
            editor: LineEditor::default(),
            editor_rev: 0,
            prompt: session.prompt(),
            events: Rc::new(Vec::new()),
            events_rev: 0,
            cols: 80,
            recorded: Vec::new(),
            history: History::default(),
            queue: PasteQueue::default(),
            last_was_tab: false,
            attached: None,
        }
    }

    /// Lines kept in the history, oldest first.
    pub fn history(&self) -> &[String] {
        self.history.entries()
    }

    /// Lines still waiting to run from a paste.
    pub fn queued(&self) -> usize {
        self.queue.lines
    }

    /// Whether the terminal is attached to a process (Ctrl+C interrupts it).
    pub fn attached(&self) -> Option<&Attachment> {
        self.attached.as_ref()
    }

    /// Mirrors the input element: its text and cursor (byte offset).
    pub fn sync(&mut self, text: &str, cursor: usize) {
        if text != self.editor.text() {
            self.last_was_tab = false;
        }
        self.editor.set(text, cursor);
    }

    /// Handles one key.
    pub fn key(&mut self, session: &mut Session, key: Key) {
        let was_tab = std::mem::replace(&mut self.last_was_tab, false);
        match key {
            Key::Enter => {
                let line = self.editor.take();
                self.history.reset();
                if self.queue.parts.is_empty() {
                    self.run_line(session, line);
                } else {
                    self.queue.push(Rc::from(format!("{line}\n")));
                }
            }
            Key::Tab => {
                self.tab(session, was_tab);
                self.last_was_tab = true;
            }
            Key::Up => {
                if let Some(line) = self.history.up(self.editor.text()) {
                    self.editor.set_end(&line);
                }
            }
            Key::Down => {
                if let Some(line) = self.history.down() {
                    self.editor.set_end(&line);
                }
            }
            Key::Left => self.editor.left(),
            Key::Right => self.editor.right(),
            Key::Home | Key::CtrlA => self.editor.home(),
            Key::End | Key::CtrlE => self.editor.end(),
            Key::Backspace => self.editor.backspace(),
            Key::Delete => self.editor.delete(),
            Key::CtrlU => self.editor.kill_to_start(),
            Key::CtrlK => self.editor.kill_to_end(),
            Key::CtrlW => self.editor.kill_word_back(),
            Key::CtrlL => self.scrollback.clear(),
            Key::CtrlC => self.interrupt(session),
            Key::CtrlD => self.end_of_input(session),
        }
        self.editor_rev += 1;
    }

    /// Pastes text at the cursor: complete lines are queued to run, the rest stays in the
    /// editor.
    pub fn paste(&mut self, text: &str) {
        self.last_was_tab = false;
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if !text.contains('\n') {
            self.editor.insert(&text);
            self.editor_rev += 1;
            return;
        }
        let cursor = self.editor.cursor();
        let before = &self.editor.text()[..cursor];
        let after = self.editor.text()[cursor..].to_string();
        let last_nl = text.rfind('\n').unwrap_or(0);
        let complete = format!("{before}{}", &text[..=last_nl]);
        let rest = &text[last_nl + 1..];
        self.queue.push(Rc::from(complete));
        self.editor.set(&format!("{rest}{after}"), rest.len());
        self.history.reset();
        self.editor_rev += 1;
    }

    /// Runs one batch of at most `max_lines` queued lines (and about [`BATCH_BYTES`]; at
    /// least one line); returns whether more are waiting.
    pub fn run_queued(&mut self, session: &mut Session, max_lines: usize) -> bool {
        let mut lines = 0;
        let mut bytes = 0;
        while lines < max_lines.max(1) && bytes < BATCH_BYTES {
            let Some(line) = self.queue.pop() else { break };
            bytes += line.len();
            lines += 1;
            self.run_line(session, line);
        }
        !self.queue.parts.is_empty()
    }

    fn run_line(&mut self, session: &mut Session, line: String) {
        self.echo(&line);
        self.scrollback.write("\n");
        if self.attached.as_ref().is_none_or(|a| a.stdin) {
            self.history.push(&line);
        }
        let outcome = session.submit(&line);
        self.show(session, outcome);
    }

    /// Writes the prompt and `typed` where the cursor is, as the tty echoed them.
    fn echo(&mut self, typed: &str) {
        self.scrollback.settle();
        for (text, style) in prompt_spans(&self.prompt) {
            self.scrollback.write_styled(&text, style);
        }
        self.scrollback.write_styled(typed, Style::default());
    }

    fn show(&mut self, session: &Session, outcome: Outcome) {
        if outcome.clear {
            self.scrollback.clear();
        }
        for chunk in &outcome.output {
            self.scrollback.write(&chunk.text);
        }
        for note in &outcome.notes {
            self.scrollback.note(note);
        }
        if !outcome.events.is_empty() {
            self.recorded.push((outcome.line.clone(), outcome.events.clone()));
            self.events = Rc::new(outcome.events);
            self.events_rev += 1;
        }
        self.attached = outcome.attached;
        self.prompt = match &self.attached {
            Some(a) => a.prompt.clone().unwrap_or_default(),
            None => session.prompt(),
        };
        self.scrollback.settle();
    }

    /// Lets simulated time pass; shows what a command holding the terminal wrote meanwhile.
    /// Returns whether anything visible changed.
    pub fn tick(&mut self, session: &mut Session, span: crate::engine::clock::Span) -> bool {
        let outcome = session.tick(span);
        let visible = !outcome.output.is_empty()
            || !outcome.notes.is_empty()
            || !outcome.events.is_empty()
            || outcome.attached != self.attached;
        if visible {
            self.show(session, outcome);
        }
        visible
    }

    /// Ctrl+C, as a terminal shows it: the tty echoes `^C`. At the host's prompt, or inside
    /// a container with `-it`, the shell starts a fresh line. A process attached without
    /// stdin (`docker run nginx`, `docker logs -f`) gets SIGINT: its own output
    /// continues right after `^C` (the CLI forwards the signal and exits with the
    /// container's status), and bash starts a fresh line only when the command died of
    /// the signal (status 128 + n).
    fn interrupt(&mut self, session: &mut Session) {
        let typed = self.editor.take();
        self.history.reset();
        self.queue = PasteQueue::default();
        self.echo(&typed);
        self.scrollback.write_styled("^C", Style::default());
        let interactive = self.attached.as_ref().is_none_or(|a| a.stdin);
        if interactive {
            self.scrollback.write("\n");
        }
        if self.attached.is_some() {
            let outcome = session.interrupt();
            if !interactive && outcome.attached.is_none() && outcome.exit >= 128 {
                self.scrollback.write("\n");
            }
            self.show(session, outcome);
        }
    }

    /// Ctrl+D on an empty line while a program reads the terminal: its input ends. Nothing
    /// at the prompt, nor with text typed on the line.
    fn end_of_input(&mut self, session: &mut Session) {
        if !self.attached.as_ref().is_some_and(|a| a.stdin) {
            return;
        }
        if !self.editor.text().is_empty() {
            return;
        }
        self.history.reset();
        let outcome = session.end_of_input();
        self.show(session, outcome);
    }

    fn tab(&mut self, session: &Session, again: bool) {
        let line = self.editor.text().to_string();
        let cursor = self.editor.cursor();
        let candidates = session.complete(&line, cursor);
        match on_tab(&line, cursor, &candidates, again) {
            TabResult::Nothing => {}
            TabResult::Replace { start, with } => self.editor.replace_before_cursor(start, &with),
            TabResult::List(items) => {
                self.echo(&line);
                self.scrollback.write("\n");
                for row in columns(&items, self.cols) {
                    self.scrollback.write_styled(&row, Style::default());
                    self.scrollback.write("\n");
                }
                self.scrollback.settle();
            }
        }
    }
}

/// Time one batch of pasted lines should take (ms): short enough to keep the page fluid.
pub const BATCH_TARGET_MS: f64 = 40.0;

/// The next batch size, given the current one and how long it took (reduce plus render),
/// aiming at [`BATCH_TARGET_MS`]; never below 8 or above 1,024 lines, and at most doubling.
pub fn adapt_batch(current: usize, elapsed_ms: f64) -> usize {
    let current = current.clamp(8, 1024);
    if !elapsed_ms.is_finite() || elapsed_ms <= 0.0 {
        return (current * 2).min(1024);
    }
    let ideal = (current as f64 * BATCH_TARGET_MS / elapsed_ms) as usize;
    ideal.clamp(8, (current * 2).min(1024))
}

/// The prompt in the colours of a default Ubuntu `~/.bashrc` (`user@host` bold green, the
/// directory bold blue); any other prompt is plain.
pub fn prompt_spans(prompt: &str) -> Vec<(String, Style)> {
    let bold = |n: u8| Style { fg: Some(Color::Indexed(n)), bold: true, ..Style::default() };
    let plain = Style::default();
    let parsed = prompt.split_once(':').and_then(|(user_host, rest)| {
        let end = rest.rfind(['$', '#'])?;
        let ok = user_host.contains('@') && !user_host.contains(' ') && !rest[..end].contains(' ');
        ok.then(|| (user_host, &rest[..end], &rest[end..]))
    });
    match parsed {
        Some((user_host, dir, tail)) => vec![
            (user_host.to_string(), bold(2)),
            (":".to_string(), plain),
            (dir.to_string(), bold(4)),
            (tail.to_string(), plain),
        ],
        None if prompt.is_empty() => Vec::new(),
        None => vec![(prompt.to_string(), plain)],
    }
}

#[cfg(test)]
#[path = "terminal_model_tests.rs"]
mod tests;
