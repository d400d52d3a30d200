//! docker/cli's fork of Go's `text/tabwriter` (cell widths measured with go-runewidth),
//! as docker configures it for tables: `NewWriter(out, 10, 1, 3, ' ', 0)`.
//!
//! Invariant: output is exactly what the Go writer emits for the same writes and flush;
//! cells are terminated by '\t', lines by '\n', and a line with a single cell flushes
//! the block above it.

/// A cell: its size in bytes, its display width, and whether a tab ended it.
#[derive(Clone, Copy, Debug, Default)]
struct Cell {
    size: usize,
    width: usize,
    htab: bool,
}

/// An elastic-tabstop writer collecting output into a `String`.
#[derive(Clone, Debug)]
pub struct TabWriter {
    out: String,
    minwidth: usize,
    padding: usize,
    padchar: char,
    buf: String,
    pos: usize,
    cell: Cell,
    lines: Vec<Vec<Cell>>,
    widths: Vec<usize>,
}

impl TabWriter {
    /// `tabwriter.NewWriter(out, minwidth, tabwidth, padding, padchar, 0)` with a space
    /// pad character (docker never pads with tabs).
    pub fn new(minwidth: usize, padding: usize, padchar: char) -> TabWriter {
        TabWriter {
            out: String::new(),
            minwidth,
            padding,
            padchar,
            buf: String::new(),
            pos: 0,
            cell: Cell::default(),
            lines: vec![Vec::new()],
            widths: Vec::new(),
        }
    }

    /// The configuration of docker's table formatter.
    pub fn docker_table() -> TabWriter {
        TabWriter::new(10, 3, ' ')
    }

    fn reset(&mut self) {
        self.buf.clear();
        self.pos = 0;
        self.cell = Cell::default();
        self.lines = vec![Vec::new()];
        self.widths.clear();
    }

    fn update_width(&mut self) {
        self.cell.width += display_width(&self.buf[self.pos..]);
        self.pos = self.buf.len();
    }

    fn terminate_cell(&mut self, htab: bool) -> usize {
        self.cell.htab = htab;
        let line = self.lines.last_mut().expect("lines is never empty");
        line.push(self.cell);
        self.cell = Cell::default();
        line.len()
    }

    /// Writes text; tabs separate cells, newlines end lines.
    pub fn write(&mut self, text: &str) {
        let mut start = 0;
        for (i, ch) in text.char_indices() {
            if matches!(ch, '\t' | '\x0b' | '\n' | '\x0c') {
                self.buf.push_str(&text[start..i]);
                self.cell.size += i - start;
                self.update_width();
                start = i + 1;
                let ncells = self.terminate_cell(ch == '\t');
                if ch == '\n' || ch == '\x0c' {
                    self.lines.push(Vec::new());
                    if ch == '\x0c' || ncells == 1 {
                        self.flush_no_defers();
                    }
                }
            }
        }
        self.buf.push_str(&text[start..]);
        self.cell.size += text.len() - start;
    }

    fn write_padding(&mut self, textw: usize, cellw: usize) {
        for _ in textw..cellw {
            self.out.push(self.padchar);
        }
    }

    fn write_lines(&mut self, mut pos: usize, line0: usize, line1: usize) -> usize {
        for i in line0..line1 {
            let line = self.lines[i].clone();
            for (j, c) in line.iter().enumerate() {
                if c.size == 0 {
                    if j < self.widths.len() {
                        self.write_padding(c.width, self.widths[j]);
                    }
                } else {
                    let text = self.buf[pos..pos + c.size].to_string();
                    self.out.push_str(&text);
                    pos += c.size;
                    if j < self.widths.len() {
                        self.write_padding(c.width, self.widths[j]);
                    }
                }
            }
            if i + 1 == self.lines.len() {
                let text = self.buf[pos..pos + self.cell.size].to_string();
                self.out.push_str(&text);
                pos += self.cell.size;
            } else {
                self.out.push('\n');
            }
        }
        pos
    }

    fn format(&mut self, mut pos: usize, mut line0: usize, line1: usize) -> usize {
        let column = self.widths.len();
        let mut this = line0;
        while this < line1 {
            if column + 1 >= self.lines[this].len() {
                this += 1;
                continue;
            }
            pos = self.write_lines(pos, line0, this);
            line0 = this;
            let mut width = self.minwidth;
            while this < line1 {
                let line = &self.lines[this];
                if column + 1 >= line.len() {
                    break;
                }
                let c = line[column];
                width = width.max(c.width + self.padding);
                this += 1;
            }
            self.widths.push(width);
            pos = self.format(pos, line0, this);
            self.widths.pop();
            line0 = this;
        }
        self.write_lines(pos, line0, line1)
    }

    fn flush_no_defers(&mut self) {
        if self.cell.size > 0 {
            self.terminate_cell(false);
        }
        let n = self.lines.len();
        self.format(0, 0, n);
        self.reset();
    }

    /// Flushes buffered cells and returns everything written so far.
    pub fn finish(mut self) -> String {
        self.flush_no_defers();
        self.out
    }
}

/// go-runewidth's `StringWidth` for the characters terminal output contains: wide East
/// Asian characters count 2, combining marks and zero-width characters 0.
pub fn display_width(s: &str) -> usize {
    // Printable ASCII (nearly every cell) is one column per byte.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    s.chars().map(char_width).sum()
}

/// The columns one character takes in a terminal (0, 1 or 2).
pub fn char_width(c: char) -> usize {
    let u = c as u32;
    if u == 0 || (0x300..=0x36f).contains(&u) || (0x200b..=0x200f).contains(&u) || u == 0xfeff {
        return 0;
    }
    if u < 0x20 || (0x7f..0xa0).contains(&u) {
        return 0;
    }
    let wide = (0x1100..=0x115f).contains(&u)
        || (0x2e80..=0x303e).contains(&u)
        || (0x3041..=0x33ff).contains(&u)
        || (0x3400..=0x4dbf).contains(&u)
        || (0x4e00..=0x9fff).contains(&u)
        || (0xa000..=0xa4cf).contains(&u)
        || (0xac00..=0xd7a3).contains(&u)
        || (0xf900..=0xfaff).contains(&u)
        || (0xfe30..=0xfe4f).contains(&u)
        || (0xff00..=0xff60).contains(&u)
        || (0xffe0..=0xffe6).contains(&u)
        || (0x1f300..=0x1f64f).contains(&u)
        || (0x1f900..=0x1f9ff).contains(&u)
        || (0x20000..=0x3fffd).contains(&u);
    if wide { 2 } else { 1 }
}

/// Aligns `text` (tab-separated cells, newline-terminated rows) like docker's tables.
pub fn align(text: &str) -> String {
    let mut w = TabWriter::docker_table();
    w.write(text);
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_ps_table() {
        let text = "CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n\
                    cd1afdfe72bb\tbusybox\t\"sleep 3600\"\t2 seconds ago\tUp 1 second\t\tfmt1\n";
        assert_eq!(
            align(text),
            "CONTAINER ID   IMAGE     COMMAND        CREATED         STATUS        PORTS     NAMES\n\
             cd1afdfe72bb   busybox   \"sleep 3600\"   2 seconds ago   Up 1 second             fmt1\n"
        );
    }

    #[test]
    fn single_cell_lines_flush() {
        assert_eq!(
            align("a\tb\nlonger line\nx\ty\n"),
            "a         b\nlonger line\nx         y\n"
        );
        assert_eq!(align("no newline"), "no newline");
        assert_eq!(align(""), "");
    }

    #[test]
    fn wide_characters() {
        assert_eq!(display_width("日本"), 4);
        assert_eq!(align("日本\tx\nab\ty\n"), "日本      x\nab        y\n");
    }
}
