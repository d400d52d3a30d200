//! The terminal's scrollback: lines of styled text with a cursor, fed with program output
//! the way a terminal is (`\n`, `\r`, ANSI colours, the cursor moves of a progress display),
//! plus doca's own pt-BR notes as lines of their own kind.
//!
//! The cursor's line is the last line or, after `ESC[nA`, one above it; the prompt and the
//! input are drawn at the end of the last line, as in a real terminal (`printf abc` leaves
//! `abc` before the next prompt).
//!
//! Invariant: there is always at least one line (the cursor's), at most `cap` lines, the
//! cursor row is inside them, and line ids are unique and increasing from top to bottom.

use std::collections::VecDeque;
use std::rc::Rc;

use super::terminal_ansi::{Op, Parser, Style};

/// Lines kept by default (older ones scroll away for good).
pub const DEFAULT_CAP: usize = 5_000;

/// What kind of line this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Program output, echoed prompts and typed lines: what a real terminal shows.
    Text,
    /// doca's own explanation in pt-BR, not part of any program's output.
    Note,
}

/// A run of characters in one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

/// One line of the scrollback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub id: u64,
    pub kind: LineKind,
    pub spans: Vec<Span>,
}

impl Line {
    fn new(id: u64, kind: LineKind) -> Line {
        Line { id, kind, spans: Vec::new() }
    }

    /// The text without styles.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    /// Length in characters.
    pub fn len_chars(&self) -> usize {
        self.spans.iter().map(|s| s.text.chars().count()).sum()
    }

    /// The spans cut to at most `max` characters, and how many characters were left out.
    pub fn clipped(&self, max: usize) -> (Vec<Span>, usize) {
        let mut left = max;
        let mut out = Vec::new();
        let mut omitted = 0;
        for span in &self.spans {
            let n = span.text.chars().count();
            if n <= left {
                out.push(span.clone());
                left -= n;
            } else {
                if left > 0 {
                    let text: String = span.text.chars().take(left).collect();
                    out.push(Span { text, style: span.style });
                }
                omitted += n - left;
                left = 0;
            }
        }
        (out, omitted)
    }

    fn push(&mut self, text: &str, style: Style) {
        match self.spans.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => self.spans.push(Span { text: text.to_string(), style }),
        }
    }

    /// Writes `text` starting at column `col` (overwriting, padding with spaces).
    fn write_at(&mut self, col: usize, text: &str, style: Style) {
        let len = self.len_chars();
        if col >= len {
            if col > len {
                self.push(&" ".repeat(col - len), Style::default());
            }
            self.push(text, style);
            return;
        }
        let mut cells = self.cells();
        for (at, c) in (col..).zip(text.chars()) {
            if at < cells.len() {
                cells[at] = (c, style);
            } else {
                cells.push((c, style));
            }
        }
        self.set_cells(&cells);
    }

    /// Erases from column `col` to the end.
    fn truncate(&mut self, col: usize) {
        if col >= self.len_chars() {
            return;
        }
        let mut cells = self.cells();
        cells.truncate(col);
        self.set_cells(&cells);
    }

    fn cells(&self) -> Vec<(char, Style)> {
        self.spans.iter().flat_map(|s| s.text.chars().map(move |c| (c, s.style))).collect()
    }

    fn set_cells(&mut self, cells: &[(char, Style)]) {
        self.spans.clear();
        for (c, style) in cells {
            let mut buf = [0u8; 4];
            self.push(c.encode_utf8(&mut buf), *style);
        }
    }
}

/// The scrollback and its cursor.
#[derive(Clone, Debug, PartialEq)]
pub struct Scrollback {
    lines: VecDeque<Rc<Line>>,
    next_id: u64,
    cap: usize,
    row: usize,
    col: usize,
    parser: Parser,
}

impl Default for Scrollback {
    fn default() -> Self {
        Scrollback::new(DEFAULT_CAP)
    }
}

impl Scrollback {
    /// An empty scrollback keeping at most `cap` lines (at least 1).
    pub fn new(cap: usize) -> Scrollback {
        let mut s = Scrollback {
            lines: VecDeque::new(),
            next_id: 0,
            cap: cap.max(1),
            row: 0,
            col: 0,
            parser: Parser::default(),
        };
        s.push_line(LineKind::Text);
        s
    }

    /// All lines, top to bottom; the last one is where the prompt goes.
    pub fn lines(&self) -> &VecDeque<Rc<Line>> {
        &self.lines
    }

    /// The line the prompt is drawn on (the last one).
    pub fn last(&self) -> &Rc<Line> {
        self.lines.back().expect("scrollback always has a line")
    }

    /// Every line's text joined with `\n` (for tests and copying).
    pub fn text(&self) -> String {
        self.lines.iter().map(|l| l.text()).collect::<Vec<_>>().join("\n")
    }

    /// Empties the screen (Ctrl+L, `clear`), keeping ids increasing.
    pub fn clear(&mut self) {
        self.lines.clear();
        self.row = 0;
        self.col = 0;
        self.push_line(LineKind::Text);
    }

    /// Writes program output (may contain newlines and ANSI sequences).
    pub fn write(&mut self, chunk: &str) {
        for op in self.parser.feed(chunk) {
            self.apply(op);
        }
    }

    /// Writes text in a given style without interpreting it (prompts, echoed input).
    pub fn write_styled(&mut self, text: &str, style: Style) {
        let mut first = true;
        for part in text.split('\n') {
            if !first {
                self.apply(Op::Newline);
            }
            first = false;
            let clean: String = part.chars().filter(|c| !c.is_control()).collect();
            if !clean.is_empty() {
                self.apply(Op::Text(clean, style));
            }
        }
    }

    /// Adds a pt-BR note as its own line just above the prompt line, starting a new line
    /// first if output left the prompt line unfinished.
    pub fn note(&mut self, text: &str) {
        self.row = self.lines.len() - 1;
        if self.last().len_chars() > 0 {
            self.apply(Op::Newline);
        }
        let last = self.lines.len() - 1;
        let line = Rc::make_mut(&mut self.lines[last]);
        line.kind = LineKind::Note;
        line.push(text, Style::default());
        self.push_line(LineKind::Text);
        self.row = self.lines.len() - 1;
        self.col = 0;
    }

    /// Moves the cursor to the end of the last line (before a prompt is drawn).
    pub fn settle(&mut self) {
        self.row = self.lines.len() - 1;
        self.col = self.last().len_chars();
    }

    fn apply(&mut self, op: Op) {
        match op {
            Op::Text(text, style) => {
                let col = self.col;
                Rc::make_mut(&mut self.lines[self.row]).write_at(col, &text, style);
                self.col += text.chars().count();
            }
            Op::Newline => {
                self.row += 1;
                self.col = 0;
                if self.row == self.lines.len() {
                    self.push_line(LineKind::Text);
                }
            }
            Op::CarriageReturn => self.col = 0,
            Op::Backspace => self.col = self.col.saturating_sub(1),
            Op::Up(n) => self.row = self.row.saturating_sub(n as usize),
            Op::Down(n) => {
                self.row = (self.row + n as usize).min(self.lines.len() - 1);
            }
            Op::EraseToEnd => {
                let col = self.col;
                if col < self.lines[self.row].len_chars() {
                    Rc::make_mut(&mut self.lines[self.row]).truncate(col);
                }
            }
            Op::EraseLine => {
                if !self.lines[self.row].spans.is_empty() {
                    Rc::make_mut(&mut self.lines[self.row]).spans.clear();
                }
            }
            Op::ClearScreen => self.clear(),
        }
    }

    fn push_line(&mut self, kind: LineKind) {
        self.lines.push_back(Rc::new(Line::new(self.next_id, kind)));
        self.next_id += 1;
        while self.lines.len() > self.cap {
            self.lines.pop_front();
            self.row = self.row.saturating_sub(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_without_newline_leaves_the_prompt_line_open() {
        let mut s = Scrollback::default();
        s.write("abc");
        assert_eq!(s.lines().len(), 1);
        assert_eq!(s.last().text(), "abc");
        s.write("\n");
        assert_eq!(s.text(), "abc\n");
    }

    #[test]
    fn carriage_return_overwrites() {
        let mut s = Scrollback::default();
        s.write("Downloading 10%\rDone\n");
        assert_eq!(s.text(), "Doneloading 10%\n");
        s.write("Downloading 10%\r\x1b[KDone\n");
        assert_eq!(s.text(), "Doneloading 10%\nDone\n");
    }

    #[test]
    fn progress_display_rewrites_lines_above() {
        let mut s = Scrollback::default();
        s.write("a: Waiting\nb: Waiting\n");
        s.write("\x1b[2A\x1b[2K\ra: Pull complete\n\x1b[2B");
        assert_eq!(s.text(), "a: Pull complete\nb: Waiting\n");
        s.write("next\n");
        assert_eq!(s.text(), "a: Pull complete\nb: Waiting\nnext\n");
    }

    #[test]
    fn cap_drops_oldest_lines_and_keeps_ids_increasing() {
        let mut s = Scrollback::new(3);
        s.write("1\n2\n3\n4\n5");
        assert_eq!(s.text(), "3\n4\n5");
        let ids: Vec<u64> = s.lines().iter().map(|l| l.id).collect();
        assert_eq!(ids, vec![2, 3, 4]);
        s.write("\x1b[9A\x1b[9A");
        s.write("X");
        assert_eq!(s.text(), "3X\n4\n5", "the cursor keeps its column going up");
    }

    #[test]
    fn notes_are_separate_lines_of_their_own_kind() {
        let mut s = Scrollback::default();
        s.write("error");
        s.note("ℹ explicação");
        assert_eq!(s.text(), "error\nℹ explicação\n");
        assert_eq!(s.lines()[1].kind, LineKind::Note);
        assert_eq!(s.last().kind, LineKind::Text);
    }

    #[test]
    fn clear_keeps_one_line_and_fresh_ids() {
        let mut s = Scrollback::default();
        s.write("a\nb\n");
        s.clear();
        assert_eq!(s.lines().len(), 1);
        assert!(s.last().id > 2);
        s.write("\x1bc");
        assert_eq!(s.lines().len(), 1);
    }

    #[test]
    fn colours_become_spans() {
        let mut s = Scrollback::default();
        s.write("\x1b[32mok\x1b[0m done");
        let spans = &s.last().spans;
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[0].style.classes(), "fg-2");
        assert_eq!(spans[1].text, " done");
    }

    #[test]
    fn clipped_long_line() {
        let mut s = Scrollback::default();
        s.write(&"é".repeat(50));
        let (spans, omitted) = s.last().clipped(10);
        assert_eq!(spans[0].text.chars().count(), 10);
        assert_eq!(omitted, 40);
    }

    #[test]
    fn write_styled_keeps_escapes_literal_free() {
        let mut s = Scrollback::default();
        s.write_styled("ls \x1b[31m", Style::default());
        assert_eq!(s.text(), "ls [31m");
    }
}
