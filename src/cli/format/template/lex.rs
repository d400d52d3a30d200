//! The lexer of Go's `text/template`: text, `{{`/`}}` with trim markers (`{{- `,
//! ` -}}`), comments, and the tokens inside actions.
//!
//! Invariant: every step consumes input; positions are byte offsets into the source.

/// A token inside or outside actions.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Text(String),
    Left,
    Right,
    Space,
    /// `.Name` (one segment).
    Field(String),
    /// `$` or `$name`.
    Variable(String),
    Dot,
    Ident(String),
    /// Quoted string: (unquoted value, source text).
    Str(String, String),
    Number(String),
    Bool(bool),
    Nil,
    Pipe,
    LParen,
    RParen,
    Declare,
    Assign,
    Comma,
    /// Other printable ASCII punctuation (`!`, `;`…), rejected by the parser.
    Char(char),
    Keyword(&'static str),
    Eof,
}

/// A token and where it starts.
#[derive(Clone, Debug)]
pub struct Item {
    pub tok: Tok,
    pub pos: usize,
}

impl Item {
    /// Go's `item.String()` as used in "unexpected … in …" errors.
    pub fn describe(&self, src: &str) -> String {
        let raw = |end: usize| src.get(self.pos..end).unwrap_or("").to_string();
        let text = match &self.tok {
            Tok::Eof => return "EOF".into(),
            Tok::Keyword(k) => return format!("<{k}>"),
            Tok::Dot => return "<.>".into(),
            Tok::Nil => return "<nil>".into(),
            Tok::Text(t) => t.clone(),
            Tok::Left | Tok::Right => raw(self.pos + 2),
            Tok::Declare => ":=".into(),
            Tok::Str(_, s) => s.clone(),
            Tok::Field(f) => format!(".{f}"),
            Tok::Variable(v) | Tok::Ident(v) | Tok::Number(v) => v.clone(),
            Tok::Bool(b) => b.to_string(),
            Tok::Space => {
                let rest = &src[self.pos.min(src.len())..];
                rest.chars()
                    .take_while(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
                    .collect()
            }
            Tok::Pipe => "|".into(),
            Tok::LParen => "(".into(),
            Tok::RParen => ")".into(),
            Tok::Assign => "=".into(),
            Tok::Comma => ",".into(),
            Tok::Char(c) => c.to_string(),
        };
        if text.chars().count() > 10 {
            let head: String = text.chars().take(10).collect();
            return format!("{}...", crate::cli::gostr::quote(&head));
        }
        crate::cli::gostr::quote(&text)
    }
}

const KEYWORDS: [&str; 10] = [
    "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue",
];

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_alnum(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Splits `src` into tokens, or returns Go's lexer error text (without the
/// `template: :LINE:` prefix) and the byte offset where it happened.
pub fn lex(src: &str) -> Result<Vec<Item>, (String, usize)> {
    let b = src.as_bytes();
    let mut items = Vec::new();
    let mut i = 0;
    let mut trim_next = false;
    while i <= b.len() {
        // text up to the next "{{"
        let start = i;
        let next = src[i..].find("{{").map(|k| i + k);
        let end = next.unwrap_or(b.len());
        let mut text = &src[start..end];
        if trim_next {
            text = text.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8));
            trim_next = false;
        }
        let Some(left) = next else {
            if !text.is_empty() {
                items.push(Item {
                    tok: Tok::Text(text.to_string()),
                    pos: start,
                });
            }
            items.push(Item {
                tok: Tok::Eof,
                pos: b.len(),
            });
            return Ok(items);
        };
        let trim_left = b.len() > left + 3 && b[left + 2] == b'-' && is_space(b[left + 3]);
        if trim_left {
            text = text.trim_end_matches(|c: char| c.is_ascii() && is_space(c as u8));
        }
        if !text.is_empty() {
            items.push(Item {
                tok: Tok::Text(text.to_string()),
                pos: start,
            });
        }
        i = left + 2;
        if trim_left {
            i += 2;
        }
        // comment
        if src[i..].starts_with("/*") {
            let Some(close) = src[i..].find("*/") else {
                return Err(("unclosed comment".into(), i));
            };
            i += close + 2;
            let rest = &src[i..];
            if rest.starts_with("}}") {
                i += 2;
            } else if rest.starts_with(" -}}") {
                i += 4;
                trim_next = true;
            } else {
                return Err(("comment ends before closing delimiter".into(), i));
            }
            continue;
        }
        items.push(Item {
            tok: Tok::Left,
            pos: left,
        });
        i = lex_action(src, i, &mut items, &mut trim_next)?;
    }
    items.push(Item {
        tok: Tok::Eof,
        pos: b.len(),
    });
    Ok(items)
}

/// Lexes inside an action up to and including `}}`; returns the offset after it.
fn lex_action(
    src: &str,
    mut i: usize,
    items: &mut Vec<Item>,
    trim_next: &mut bool,
) -> Result<usize, (String, usize)> {
    let b = src.as_bytes();
    let mut parens = 0i32;
    loop {
        if i >= b.len() {
            return Err(("unclosed action".into(), i));
        }
        let c = b[i];
        if b[i..].starts_with(b"}}")
            || (is_space(c) && b.len() > i + 3 && &b[i + 1..i + 4] == b"-}}")
        {
            if parens > 0 {
                return Err(("unclosed left paren".into(), i));
            }
            if is_space(c) && b[i..].len() >= 4 && &b[i + 1..i + 4] == b"-}}" {
                items.push(Item {
                    tok: Tok::Right,
                    pos: i + 2,
                });
                *trim_next = true;
                return Ok(i + 4);
            }
            items.push(Item {
                tok: Tok::Right,
                pos: i,
            });
            return Ok(i + 2);
        }
        let start = i;
        match c {
            b' ' | b'\t' | b'\r' | b'\n' => {
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                if b[i..].starts_with(b"-}}") {
                    i -= 1; // the space belongs to " -}}"
                    if i == start {
                        continue;
                    }
                }
                items.push(Item {
                    tok: Tok::Space,
                    pos: start,
                });
            }
            b'|' => {
                i += 1;
                items.push(Item {
                    tok: Tok::Pipe,
                    pos: start,
                });
            }
            b'(' => {
                parens += 1;
                i += 1;
                items.push(Item {
                    tok: Tok::LParen,
                    pos: start,
                });
            }
            b')' => {
                parens -= 1;
                i += 1;
                items.push(Item {
                    tok: Tok::RParen,
                    pos: start,
                });
            }
            b',' => {
                i += 1;
                items.push(Item {
                    tok: Tok::Comma,
                    pos: start,
                });
            }
            b':' => {
                if b.get(i + 1) != Some(&b'=') {
                    return Err(("expected :=".into(), start));
                }
                i += 2;
                items.push(Item {
                    tok: Tok::Declare,
                    pos: start,
                });
            }
            b'=' => {
                i += 1;
                items.push(Item {
                    tok: Tok::Assign,
                    pos: start,
                });
            }
            b'"' => {
                i += 1;
                let mut val = String::new();
                loop {
                    let Some(ch) = src[i..].chars().next() else {
                        return Err(("unterminated quoted string".into(), start));
                    };
                    i += ch.len_utf8();
                    match ch {
                        '"' => break,
                        '\n' => return Err(("unterminated quoted string".into(), start)),
                        '\\' => {
                            let Some(e) = src[i..].chars().next() else {
                                return Err(("unterminated quoted string".into(), start));
                            };
                            i += e.len_utf8();
                            val.push(match e {
                                'n' => '\n',
                                't' => '\t',
                                'r' => '\r',
                                '\\' => '\\',
                                '"' => '"',
                                '\'' => '\'',
                                'a' => '\x07',
                                'b' => '\x08',
                                'f' => '\x0c',
                                'v' => '\x0b',
                                '0' => '\0',
                                _ => {
                                    return Err((
                                        format!("invalid syntax: {}", &src[start..i]),
                                        start,
                                    ));
                                }
                            });
                        }
                        ch => val.push(ch),
                    }
                }
                items.push(Item {
                    tok: Tok::Str(val, src[start..i].to_string()),
                    pos: start,
                });
            }
            b'`' => {
                let Some(close) = src[i + 1..].find('`') else {
                    return Err(("unterminated raw quoted string".into(), start));
                };
                let val = src[i + 1..i + 1 + close].to_string();
                i += close + 2;
                items.push(Item {
                    tok: Tok::Str(val, src[start..i].to_string()),
                    pos: start,
                });
            }
            b'$' | b'.' => {
                i += 1;
                while let Some(ch) = src[i..].chars().next().filter(|&ch| is_alnum(ch)) {
                    i += ch.len_utf8();
                }
                let word = &src[start..i];
                let tok = match (c, word.len()) {
                    (b'.', 1) if b.get(i).is_some_and(|d| d.is_ascii_digit()) => {
                        i = lex_number(b, start);
                        Tok::Number(src[start..i].to_string())
                    }
                    (b'.', 1) => Tok::Dot,
                    (b'.', _) => Tok::Field(word[1..].to_string()),
                    _ => Tok::Variable(word.to_string()),
                };
                items.push(Item { tok, pos: start });
            }
            b'0'..=b'9' | b'+' | b'-' => {
                i = lex_number(b, start);
                if i == start + 1 && !c.is_ascii_digit() {
                    return Err((format!("bad number syntax: {:?}", &src[start..i]), start));
                }
                items.push(Item {
                    tok: Tok::Number(src[start..i].to_string()),
                    pos: start,
                });
            }
            _ => {
                let ch = src[i..].chars().next().unwrap_or('\0');
                if ch.is_ascii_graphic() && !is_alnum(ch) {
                    i += 1;
                    items.push(Item {
                        tok: Tok::Char(ch),
                        pos: start,
                    });
                    continue;
                }
                if !is_alnum(ch) {
                    return Err((format!("bad character U+{:04X} '{ch}'", ch as u32), start));
                }
                while let Some(ch) = src[i..].chars().next().filter(|&ch| is_alnum(ch)) {
                    i += ch.len_utf8();
                }
                let word = &src[start..i];
                let tok = match word {
                    "true" => Tok::Bool(true),
                    "false" => Tok::Bool(false),
                    "nil" => Tok::Nil,
                    w => match KEYWORDS.iter().find(|k| **k == w) {
                        Some(k) => Tok::Keyword(k),
                        None => Tok::Ident(w.to_string()),
                    },
                };
                items.push(Item { tok, pos: start });
            }
        }
    }
}

fn lex_number(b: &[u8], start: usize) -> usize {
    let mut i = start;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'.' || b[i] == b'_') {
        if (b[i] == b'e' || b[i] == b'E')
            && i + 1 < b.len()
            && (b[i + 1] == b'+' || b[i + 1] == b'-')
        {
            i += 1;
        }
        i += 1;
    }
    i
}

/// 1-based line of a byte offset.
pub fn line_of(src: &str, pos: usize) -> usize {
    1 + src.as_bytes()[..pos.min(src.len())]
        .iter()
        .filter(|&&c| c == b'\n')
        .count()
}

/// Column (0-based byte offset within its line) of a byte offset.
pub fn col_of(src: &str, pos: usize) -> usize {
    let p = pos.min(src.len());
    p - src[..p].rfind('\n').map_or(0, |n| n + 1)
}
