//! The input line of the terminal, edited like bash's readline in emacs mode: cursor moves,
//! deletions, kills (Ctrl+U/K/W), and the history list walked with ↑/↓.
//!
//! Positions are byte offsets into the UTF-8 text; the browser speaks UTF-16, so
//! [`utf16_to_byte`] and [`byte_to_utf16`] convert at the edge.
//!
//! Invariant: `cursor <= text.len()` and always lies on a char boundary.

/// The line being typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    cursor: usize,
}

impl LineEditor {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Cursor as a byte offset.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the text and cursor (from the DOM, or a recalled history line); a cursor
    /// out of range or inside a char is moved to the nearest valid place before it.
    pub fn set(&mut self, text: &str, cursor: usize) {
        self.text = text.to_string();
        self.cursor = floor_boundary(&self.text, cursor);
    }

    /// Replaces the text and puts the cursor at the end.
    pub fn set_end(&mut self, text: &str) {
        self.set(text, text.len());
    }

    /// Takes the whole line, leaving the editor empty.
    pub fn take(&mut self) -> String {
        self.cursor = 0;
        std::mem::take(&mut self.text)
    }

    pub fn insert(&mut self, s: &str) {
        self.text.insert_str(self.cursor, s);
        self.cursor += s.len();
    }

    pub fn left(&mut self) {
        self.cursor = prev_boundary(&self.text, self.cursor);
    }

    pub fn right(&mut self) {
        self.cursor = next_boundary(&self.text, self.cursor);
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    pub fn backspace(&mut self) {
        let from = prev_boundary(&self.text, self.cursor);
        self.text.replace_range(from..self.cursor, "");
        self.cursor = from;
    }

    pub fn delete(&mut self) {
        let to = next_boundary(&self.text, self.cursor);
        self.text.replace_range(self.cursor..to, "");
    }

    /// Ctrl+U: deletes from the start of the line to the cursor.
    pub fn kill_to_start(&mut self) {
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    /// Ctrl+K: deletes from the cursor to the end of the line.
    pub fn kill_to_end(&mut self) {
        self.text.truncate(self.cursor);
    }

    /// Ctrl+W: deletes the whitespace-delimited word before the cursor (readline's
    /// `unix-word-rubout`), with the blanks between it and the cursor.
    pub fn kill_word_back(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end_matches([' ', '\t']);
        let start = trimmed.rfind([' ', '\t']).map_or(0, |i| i + 1);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Replaces the bytes `from..self.cursor` with `with`, cursor after it (completion).
    pub fn replace_before_cursor(&mut self, from: usize, with: &str) {
        let from = floor_boundary(&self.text, from.min(self.cursor));
        self.text.replace_range(from..self.cursor, with);
        self.cursor = from + with.len();
    }
}

/// History of submitted lines, walked with ↑/↓; the line being typed is kept as a draft
/// while walking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
    /// Position while walking; `entries.len()` means "at the draft".
    pos: usize,
    draft: String,
    max: usize,
}

impl Default for History {
    fn default() -> Self {
        History::new(1000)
    }
}

impl History {
    /// An empty history keeping the last `max` lines (bash's HISTSIZE).
    pub fn new(max: usize) -> History {
        History { entries: Vec::new(), pos: 0, draft: String::new(), max: max.max(1) }
    }

    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Records a submitted line like bash with `HISTCONTROL=ignoreboth`: empty lines, lines
    /// starting with a space and repeats of the previous line are not kept.
    pub fn push(&mut self, line: &str) {
        let keep = !line.trim().is_empty()
            && !line.starts_with(' ')
            && self.entries.last().is_none_or(|last| last != line);
        if keep {
            self.entries.push(line.to_string());
            if self.entries.len() > self.max {
                let extra = self.entries.len() - self.max;
                self.entries.drain(..extra);
            }
        }
        self.reset();
    }

    /// Back to the draft position (after a submit or Ctrl+C).
    pub fn reset(&mut self) {
        self.pos = self.entries.len();
        self.draft.clear();
    }

    /// ↑: the previous line, or `None` at the oldest. `current` is what is typed now.
    pub fn up(&mut self, current: &str) -> Option<String> {
        if self.pos == 0 {
            return None;
        }
        if self.pos >= self.entries.len() {
            self.draft = current.to_string();
            self.pos = self.entries.len();
        }
        self.pos -= 1;
        Some(self.entries[self.pos].clone())
    }

    /// ↓: the next line, the draft after the newest, or `None` at the draft.
    pub fn down(&mut self) -> Option<String> {
        if self.pos >= self.entries.len() {
            return None;
        }
        self.pos += 1;
        if self.pos == self.entries.len() {
            Some(std::mem::take(&mut self.draft))
        } else {
            Some(self.entries[self.pos].clone())
        }
    }
}

fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn prev_boundary(s: &str, at: usize) -> usize {
    s[..at].char_indices().next_back().map_or(0, |(i, _)| i)
}

fn next_boundary(s: &str, at: usize) -> usize {
    s[at..].chars().next().map_or(at, |c| at + c.len_utf8())
}

/// A UTF-16 offset (the DOM's `selectionStart`) as a byte offset into `s`.
pub fn utf16_to_byte(s: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (i, c) in s.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16() as u32;
    }
    s.len()
}

/// A byte offset into `s` as a UTF-16 offset (for `setSelectionRange`).
pub fn byte_to_utf16(s: &str, byte: usize) -> u32 {
    s[..floor_boundary(s, byte)].chars().map(|c| c.len_utf16() as u32).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ed(text: &str, cursor: usize) -> LineEditor {
        let mut e = LineEditor::default();
        e.set(text, cursor);
        e
    }

    #[test]
    fn moves_and_deletes_by_char_not_byte() {
        let mut e = ed("aé", 3);
        e.left();
        assert_eq!(e.cursor(), 1);
        e.delete();
        assert_eq!(e.text(), "a");
        e.backspace();
        e.backspace();
        assert_eq!((e.text(), e.cursor()), ("", 0));
        e.left();
        e.delete();
        assert_eq!(e.cursor(), 0);
    }

    #[test]
    fn insert_home_end() {
        let mut e = LineEditor::default();
        e.insert("ps");
        e.home();
        e.insert("docker ");
        assert_eq!(e.text(), "docker ps");
        assert_eq!(e.cursor(), 7);
        e.end();
        assert_eq!(e.cursor(), 9);
    }

    #[test]
    fn kills_like_readline() {
        let mut e = ed("docker run  nginx", 11);
        e.kill_word_back();
        assert_eq!((e.text(), e.cursor()), ("docker  nginx", 7));
        let mut e = ed("docker run nginx", 6);
        e.kill_to_start();
        assert_eq!((e.text(), e.cursor()), (" run nginx", 0));
        let mut e = ed("docker run nginx", 6);
        e.kill_to_end();
        assert_eq!(e.text(), "docker");
        let mut e = ed("one", 3);
        e.kill_word_back();
        assert_eq!(e.text(), "");
    }

    #[test]
    fn set_clamps_bad_cursors() {
        let e = ed("é", 1);
        assert_eq!(e.cursor(), 0);
        let e = ed("ab", 99);
        assert_eq!(e.cursor(), 2);
    }

    #[test]
    fn history_walks_and_keeps_the_draft() {
        let mut h = History::default();
        h.push("docker ps");
        h.push("docker images");
        assert_eq!(h.up("dra").as_deref(), Some("docker images"));
        assert_eq!(h.up("x").as_deref(), Some("docker ps"));
        assert_eq!(h.up("x"), None);
        assert_eq!(h.down().as_deref(), Some("docker images"));
        assert_eq!(h.down().as_deref(), Some("dra"));
        assert_eq!(h.down(), None);
    }

    #[test]
    fn history_ignores_blanks_spaces_and_repeats() {
        let mut h = History::new(2);
        for l in ["a", "", "  ", " secret", "a", "b", "c"] {
            h.push(l);
        }
        assert_eq!(h.entries(), ["b", "c"]);
    }

    #[test]
    fn utf16_conversions() {
        let s = "a😀é";
        assert_eq!(utf16_to_byte(s, 0), 0);
        assert_eq!(utf16_to_byte(s, 1), 1);
        assert_eq!(utf16_to_byte(s, 3), 5);
        assert_eq!(utf16_to_byte(s, 4), 7);
        assert_eq!(utf16_to_byte(s, 99), 7);
        assert_eq!(byte_to_utf16(s, 5), 3);
        assert_eq!(byte_to_utf16(s, 7), 4);
    }
}
