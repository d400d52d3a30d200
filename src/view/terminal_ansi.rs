//! ANSI escape sequences in program output: SGR colours and attributes (`ESC[…m`) become a
//! [`Style`]; the few cursor controls a progress display uses (`\r`, `ESC[nA`, `ESC[nB`,
//! `ESC[K`, `ESC[2K`) become [`Op`]s for the scrollback; everything else is dropped, as a
//! terminal that does not understand it would show nothing.
//!
//! Invariant: the parser never panics and consumes every input byte exactly once; a
//! sequence split across two chunks is carried over and completed by the next chunk.

/// A colour: one of the 256 indexed colours (0–15 are the theme's) or true colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Indexed(u8),
    Rgb(u8, u8, u8),
}

/// Display attributes of a run of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    pub bold: bool,
    pub dim: bool,
    pub italic: bool,
    pub underline: bool,
    pub inverse: bool,
    pub strike: bool,
}

impl Style {
    /// Space-separated CSS classes for this style (`fg-1 b`), empty for the default style.
    pub fn classes(&self) -> String {
        let mut out = Vec::new();
        let (fg, bg) = if self.inverse { (self.bg, self.fg) } else { (self.fg, self.bg) };
        if let Some(Color::Indexed(n)) = fg
            && n < 16
        {
            out.push(format!("fg-{n}"));
        }
        if let Some(Color::Indexed(n)) = bg
            && n < 16
        {
            out.push(format!("bg-{n}"));
        }
        if self.inverse && fg.is_none() {
            out.push("fg-inv".to_string());
        }
        if self.inverse && bg.is_none() {
            out.push("bg-inv".to_string());
        }
        for (on, class) in [
            (self.bold, "b"),
            (self.dim, "dim"),
            (self.italic, "it"),
            (self.underline, "ul"),
            (self.strike, "st"),
        ] {
            if on {
                out.push(class.to_string());
            }
        }
        out.join(" ")
    }

    /// Inline CSS for colours that have no class (256-colour cube, greys and true colour).
    pub fn inline_css(&self) -> String {
        let (fg, bg) = if self.inverse { (self.bg, self.fg) } else { (self.fg, self.bg) };
        let mut css = String::new();
        if let Some(rgb) = fg.and_then(css_rgb) {
            css.push_str(&format!("color:{rgb};"));
        }
        if let Some(rgb) = bg.and_then(css_rgb) {
            css.push_str(&format!("background-color:{rgb};"));
        }
        css
    }

    fn apply_sgr(&mut self, params: &[u32]) {
        if params.is_empty() {
            *self = Style::default();
            return;
        }
        let mut i = 0;
        while i < params.len() {
            let p = params[i];
            match p {
                0 => *self = Style::default(),
                1 => self.bold = true,
                2 => self.dim = true,
                3 => self.italic = true,
                4 => self.underline = true,
                7 => self.inverse = true,
                9 => self.strike = true,
                21 | 22 => {
                    self.bold = false;
                    self.dim = false;
                }
                23 => self.italic = false,
                24 => self.underline = false,
                27 => self.inverse = false,
                29 => self.strike = false,
                30..=37 => self.fg = Some(Color::Indexed((p - 30) as u8)),
                39 => self.fg = None,
                40..=47 => self.bg = Some(Color::Indexed((p - 40) as u8)),
                49 => self.bg = None,
                90..=97 => self.fg = Some(Color::Indexed((p - 90 + 8) as u8)),
                100..=107 => self.bg = Some(Color::Indexed((p - 100 + 8) as u8)),
                38 | 48 => {
                    let (color, used) = extended_color(&params[i + 1..]);
                    if p == 38 {
                        self.fg = color.or(self.fg);
                    } else {
                        self.bg = color.or(self.bg);
                    }
                    i += used;
                }
                _ => {}
            }
            i += 1;
        }
    }
}

/// `5;n` or `2;r;g;b` after a 38/48; returns the colour and how many params it used.
fn extended_color(rest: &[u32]) -> (Option<Color>, usize) {
    match rest {
        [5, n, ..] => (Some(Color::Indexed((*n).min(255) as u8)), 2),
        [2, r, g, b, ..] => {
            let c = |v: &u32| (*v).min(255) as u8;
            (Some(Color::Rgb(c(r), c(g), c(b))), 4)
        }
        [5] | [2, ..] => (None, rest.len()),
        _ => (None, 0),
    }
}

/// CSS colour of a colour that no class covers.
fn css_rgb(color: Color) -> Option<String> {
    match color {
        Color::Indexed(n) if n < 16 => None,
        Color::Indexed(n) if n < 232 => {
            let n = n - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v as u32 };
            Some(format!("rgb({},{},{})", level(n / 36), level((n / 6) % 6), level(n % 6)))
        }
        Color::Indexed(n) => {
            let v = 8 + 10 * (n as u32 - 232);
            Some(format!("rgb({v},{v},{v})"))
        }
        Color::Rgb(r, g, b) => Some(format!("rgb({r},{g},{b})")),
    }
}

/// One thing the output asks the terminal to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    /// Printable text (no control characters) in a style.
    Text(String, Style),
    /// `\n`: next line, column 0 (the tty turns LF into CR LF).
    Newline,
    /// `\r`: column 0 of the same line.
    CarriageReturn,
    /// `\b`: one column left.
    Backspace,
    /// `ESC[nA`: n lines up.
    Up(u32),
    /// `ESC[nB`: n lines down.
    Down(u32),
    /// `ESC[K` / `ESC[0K`: erase from the cursor to the end of the line.
    EraseToEnd,
    /// `ESC[2K`: erase the whole line (the cursor stays).
    EraseLine,
    /// `ESC[2J` / `ESC[3J` / `ESC c`: clear the screen.
    ClearScreen,
}

/// Longest escape sequence kept while waiting for its end; longer ones are dropped.
const MAX_PENDING: usize = 64;

/// Streaming parser: keeps the current style and any unfinished escape sequence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parser {
    style: Style,
    pending: String,
}

impl Parser {
    /// The style the next text will have.
    pub fn style(&self) -> Style {
        self.style
    }

    /// Parses one chunk of output into operations.
    pub fn feed(&mut self, chunk: &str) -> Vec<Op> {
        let mut ops = Vec::new();
        let mut text = String::new();
        let joined;
        let input = if self.pending.is_empty() {
            chunk
        } else {
            joined = std::mem::take(&mut self.pending) + chunk;
            joined.as_str()
        };
        let mut chars = input.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            match c {
                '\u{1b}' => {
                    flush(&mut ops, &mut text, self.style);
                    match self.escape(&input[at..], &mut ops) {
                        Some(len) => {
                            while chars.peek().is_some_and(|(i, _)| *i < at + len) {
                                chars.next();
                            }
                        }
                        None => {
                            if input.len() - at <= MAX_PENDING {
                                self.pending = input[at..].to_string();
                            }
                            return ops;
                        }
                    }
                }
                '\n' => {
                    flush(&mut ops, &mut text, self.style);
                    ops.push(Op::Newline);
                }
                '\r' => {
                    flush(&mut ops, &mut text, self.style);
                    ops.push(Op::CarriageReturn);
                }
                '\u{8}' => {
                    flush(&mut ops, &mut text, self.style);
                    ops.push(Op::Backspace);
                }
                '\t' => text.push_str("        "),
                c if c.is_control() => {}
                c => text.push(c),
            }
        }
        flush(&mut ops, &mut text, self.style);
        ops
    }

    /// Handles the escape sequence at the start of `s`; returns its byte length, or `None`
    /// when it is not finished yet.
    fn escape(&mut self, s: &str, ops: &mut Vec<Op>) -> Option<usize> {
        let bytes = s.as_bytes();
        match bytes.get(1) {
            None => None,
            Some(b'[') => {
                let end = bytes[2..].iter().position(|b| (0x40..=0x7e).contains(b))? + 2;
                let params: Vec<u32> = s[2..end]
                    .split(';')
                    .map(|p| p.trim_start_matches('?').parse::<u32>().unwrap_or(0).min(9999))
                    .collect();
                let raw = &s[2..end];
                let first = if raw.is_empty() { None } else { params.first().copied() };
                match bytes[end] {
                    b'm' => self.style.apply_sgr(if raw.is_empty() { &[] } else { &params }),
                    b'A' => ops.push(Op::Up(first.unwrap_or(1).max(1))),
                    b'B' => ops.push(Op::Down(first.unwrap_or(1).max(1))),
                    b'K' => match first.unwrap_or(0) {
                        0 => ops.push(Op::EraseToEnd),
                        _ => ops.push(Op::EraseLine),
                    },
                    b'J' if matches!(first, Some(2 | 3)) => ops.push(Op::ClearScreen),
                    _ => {}
                }
                Some(end + 1)
            }
            Some(b']') => {
                // OSC: ends with BEL or ESC \.
                let bel = s.find('\u{7}');
                let st = s.find("\u{1b}\\");
                match (bel, st) {
                    (Some(b), Some(t)) if t < b => Some(t + 2),
                    (Some(b), _) => Some(b + 1),
                    (None, Some(t)) => Some(t + 2),
                    (None, None) => None,
                }
            }
            Some(b'c') => {
                ops.push(Op::ClearScreen);
                Some(2)
            }
            Some(b'(' | b')') => {
                if bytes.len() < 3 {
                    None
                } else {
                    Some(2 + s[2..].chars().next().map_or(1, char::len_utf8))
                }
            }
            Some(_) => Some(1 + s[1..].chars().next().map_or(1, char::len_utf8)),
        }
    }
}

fn flush(ops: &mut Vec<Op>, text: &mut String, style: Style) {
    if !text.is_empty() {
        ops.push(Op::Text(std::mem::take(text), style));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn red() -> Style {
        Style { fg: Some(Color::Indexed(1)), ..Style::default() }
    }

    #[test]
    fn plain_text_and_newlines() {
        let mut p = Parser::default();
        assert_eq!(
            p.feed("a\nb"),
            vec![Op::Text("a".into(), Style::default()), Op::Newline, Op::Text("b".into(), Style::default())]
        );
    }

    #[test]
    fn sgr_colour_persists_across_chunks_until_reset() {
        let mut p = Parser::default();
        assert_eq!(p.feed("\x1b[31mred"), vec![Op::Text("red".into(), red())]);
        assert_eq!(p.feed("still"), vec![Op::Text("still".into(), red())]);
        assert_eq!(p.feed("\x1b[0mplain"), vec![Op::Text("plain".into(), Style::default())]);
    }

    #[test]
    fn escape_split_between_chunks_is_completed() {
        let mut p = Parser::default();
        assert_eq!(p.feed("x\x1b[3"), vec![Op::Text("x".into(), Style::default())]);
        assert_eq!(p.feed("1my"), vec![Op::Text("y".into(), red())]);
    }

    #[test]
    fn bright_256_and_truecolour() {
        let mut p = Parser::default();
        p.feed("\x1b[1;92m");
        assert_eq!(p.style().fg, Some(Color::Indexed(10)));
        assert!(p.style().bold);
        p.feed("\x1b[38;5;196m");
        assert_eq!(p.style().inline_css(), "color:rgb(255,0,0);");
        p.feed("\x1b[48;2;1;2;3m");
        assert_eq!(p.style().bg, Some(Color::Rgb(1, 2, 3)));
        p.feed("\x1b[m");
        assert_eq!(p.style(), Style::default());
    }

    #[test]
    fn cursor_controls_become_ops() {
        let mut p = Parser::default();
        assert_eq!(p.feed("\r\x1b[2A\x1b[2K\x1b[K\x1b[B"), vec![
            Op::CarriageReturn,
            Op::Up(2),
            Op::EraseLine,
            Op::EraseToEnd,
            Op::Down(1)
        ]);
    }

    #[test]
    fn unknown_and_osc_sequences_are_dropped() {
        let mut p = Parser::default();
        let text: String = p
            .feed("\x1b]0;title\x07a\x1b[?25lb\x1b=c")
            .into_iter()
            .map(|op| match op {
                Op::Text(t, _) => t,
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert_eq!(text, "abc");
    }

    #[test]
    fn classes_for_theme_colours() {
        let s = Style { fg: Some(Color::Indexed(2)), bold: true, ..Style::default() };
        assert_eq!(s.classes(), "fg-2 b");
        assert_eq!(Style::default().classes(), "");
        let inv = Style { inverse: true, ..Style::default() };
        assert_eq!(inv.classes(), "fg-inv bg-inv");
    }

    #[test]
    fn garbage_never_panics() {
        let mut p = Parser::default();
        for s in ["\x1b", "\x1b[", "\x1b[38;5", "\x1b[38;2;1m", "\x1b[99999999999m", "\x1b(", "é\x1bé", "\x1b]"] {
            p.feed(s);
            p.feed("ok");
        }
        let long = format!("\x1b[{}", "1;".repeat(100));
        p.feed(&long);
        assert_eq!(p.feed("z"), vec![Op::Text("z".into(), p.style())]);
    }
}
