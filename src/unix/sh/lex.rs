//! The character-level half of the parser: tokens, words with their quoting, and
//! here-document bodies (expansions are scanned in [`super::subst`]).
//!
//! Invariant: every loop advances `pos` or returns; nesting is bounded by `MAX_DEPTH`.

use super::ast::{Part, Word};
use super::error::{ParseError, ParseErrorKind, TokDesc};
use super::parse::Parser;

/// Deepest nesting of substitutions and compound commands the parser accepts.
pub const MAX_DEPTH: u32 = 100;

/// A token.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Word(Word),
    IoNum(u32),
    Op(&'static str),
    Newline,
    Eof,
}

const OPS: &[&str] =
    &["&&", "||", ";;", "<<-", "<<", "<&", "<>", ">>", ">&", ">|", "&>", ";", "&", "|", "(", ")", "<", ">"];

pub(super) fn is_meta(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | ';' | '&' | '|' | '<' | '>' | '(' | ')')
}

pub fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

pub fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

pub(super) fn push_lit(parts: &mut Vec<Part>, lit: &mut String) {
    if !lit.is_empty() {
        parts.push(Part::Lit(std::mem::take(lit)));
    }
}

impl Parser {
    pub(super) fn cur(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    pub(super) fn at(&self, off: usize) -> Option<char> {
        self.chars.get(self.pos + off).copied()
    }

    pub(super) fn err(&self, kind: ParseErrorKind) -> ParseError {
        ParseError::new(kind, self.line, self.line_text(), self.chars.last() == Some(&'\n'))
    }

    pub(super) fn line_text(&self) -> String {
        let p = self.pos.min(self.chars.len());
        let start = self.chars[..p].iter().rposition(|&c| c == '\n').map_or(0, |i| i + 1);
        let end = self.chars[start..].iter().position(|&c| c == '\n').map_or(self.chars.len(), |i| start + i);
        self.chars[start..end].iter().collect()
    }

    pub(super) fn newline_at(&mut self) {
        if let Some((nl, resume)) = self.heredoc_skip
            && nl == self.pos
        {
            let skipped = self.chars[self.pos..resume.min(self.chars.len())].iter().filter(|&&c| c == '\n').count();
            self.line += skipped as u32;
            self.pos = resume;
            self.heredoc_skip = None;
            return;
        }
        self.line += 1;
        self.pos += 1;
    }

    /// Reads the next token.
    pub(super) fn lex(&mut self) -> Result<(Tok, TokDesc), ParseError> {
        loop {
            match self.cur() {
                Some(' ') | Some('\t') | Some('\r') => self.pos += 1,
                Some('\\') if self.at(1) == Some('\n') => {
                    self.pos += 2;
                    self.line += 1;
                }
                Some('#') => {
                    while self.cur().is_some_and(|c| c != '\n') {
                        self.pos += 1;
                    }
                }
                _ => break,
            }
        }
        let Some(c) = self.cur() else { return Ok((Tok::Eof, TokDesc::Eof)) };
        if c == '\n' {
            self.newline_at();
            return Ok((Tok::Newline, TokDesc::Newline));
        }
        for op in OPS {
            let n = op.chars().count();
            if self.chars.len() >= self.pos + n && self.chars[self.pos..self.pos + n].iter().copied().eq(op.chars()) {
                if *op == "&>" && !self.dialect.has_and_great() {
                    continue;
                }
                self.pos += n;
                return Ok((Tok::Op(op), TokDesc::Op(op.to_string())));
            }
        }
        let start = self.pos;
        if c.is_ascii_digit() {
            let mut i = self.pos;
            while self.chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
            if matches!(self.chars.get(i), Some('<') | Some('>')) && i - self.pos < 4 {
                let n: String = self.chars[self.pos..i].iter().collect();
                self.pos = i;
                return Ok((Tok::IoNum(n.parse().unwrap_or(0)), TokDesc::Word(n)));
            }
        }
        let word = self.scan_word()?;
        let raw: String = self.chars[start..self.pos].iter().collect();
        Ok((Tok::Word(word), TokDesc::Word(raw)))
    }

    pub(super) fn scan_word(&mut self) -> Result<Word, ParseError> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        let start = self.pos;
        while let Some(c) = self.cur() {
            if is_meta(c) {
                break;
            }
            match c {
                '\\' => {
                    self.pos += 1;
                    match self.cur() {
                        None => lit.push('\\'),
                        Some('\n') => {
                            self.pos += 1;
                            self.line += 1;
                        }
                        Some(ch) => {
                            push_lit(&mut parts, &mut lit);
                            parts.push(Part::Quoted(ch.to_string()));
                            self.pos += 1;
                        }
                    }
                }
                '\'' => {
                    push_lit(&mut parts, &mut lit);
                    self.pos += 1;
                    let mut s = String::new();
                    loop {
                        match self.cur() {
                            None => return Err(self.err(ParseErrorKind::UnterminatedQuote('\''))),
                            Some('\'') => {
                                self.pos += 1;
                                break;
                            }
                            Some(ch) => {
                                if ch == '\n' {
                                    self.line += 1;
                                }
                                s.push(ch);
                                self.pos += 1;
                            }
                        }
                    }
                    parts.push(Part::Quoted(s));
                }
                '"' => {
                    push_lit(&mut parts, &mut lit);
                    self.pos += 1;
                    let inner = self.scan_dq(Some('"'), false)?;
                    parts.push(Part::Double(inner));
                }
                '$' => {
                    push_lit(&mut parts, &mut lit);
                    let p = self.scan_dollar()?;
                    parts.push(p);
                }
                '`' => {
                    push_lit(&mut parts, &mut lit);
                    let p = self.scan_backtick()?;
                    parts.push(p);
                }
                '~' if self.pos == start => {
                    self.pos += 1;
                    let mut user = String::new();
                    while let Some(ch) = self.cur() {
                        if is_meta(ch) || ch == '/' || !(is_name_char(ch) || ch == '-' || ch == '.') {
                            break;
                        }
                        user.push(ch);
                        self.pos += 1;
                    }
                    parts.push(Part::Tilde(user));
                }
                _ => {
                    lit.push(c);
                    self.pos += 1;
                }
            }
        }
        push_lit(&mut parts, &mut lit);
        Ok(parts)
    }

    /// Scans double-quoted text up to `end` (or to the end of input when `end` is None,
    /// for here-documents and arithmetic). In a here-document `"` is not special.
    pub(super) fn scan_dq(&mut self, end: Option<char>, heredoc: bool) -> Result<Vec<Part>, ParseError> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        loop {
            let Some(c) = self.cur() else {
                if end.is_some() {
                    return Err(self.err(ParseErrorKind::UnterminatedQuote('"')));
                }
                break;
            };
            if Some(c) == end {
                self.pos += 1;
                break;
            }
            match c {
                '\\' => {
                    let next = self.at(1);
                    match next {
                        Some('\n') => {
                            self.pos += 2;
                            self.line += 1;
                        }
                        Some(n) if n == '$' || n == '`' || n == '\\' || (n == '"' && !heredoc) => {
                            lit.push(n);
                            self.pos += 2;
                        }
                        _ => {
                            lit.push('\\');
                            self.pos += 1;
                        }
                    }
                }
                '$' => {
                    push_lit(&mut parts, &mut lit);
                    let p = self.scan_dollar()?;
                    parts.push(p);
                }
                '`' => {
                    push_lit(&mut parts, &mut lit);
                    let p = self.scan_backtick()?;
                    parts.push(p);
                }
                _ => {
                    if c == '\n' {
                        self.line += 1;
                    }
                    lit.push(c);
                    self.pos += 1;
                }
            }
        }
        push_lit(&mut parts, &mut lit);
        Ok(parts)
    }

    /// Reads the body of a here-document whose delimiter was just parsed.
    pub(super) fn read_heredoc(&mut self, delim: &str, strip_tabs: bool, quoted: bool) -> Result<Word, ParseError> {
        let (nl, start) = match self.heredoc_skip {
            Some((nl, resume)) => (nl, resume),
            None => {
                let nl =
                    self.chars[self.pos..].iter().position(|&c| c == '\n').map_or(self.chars.len(), |i| self.pos + i);
                (nl, nl + 1)
            }
        };
        let mut i = start.min(self.chars.len());
        let mut body = String::new();
        let mut end = self.chars.len();
        while i < self.chars.len() {
            let line_end = self.chars[i..].iter().position(|&c| c == '\n').map_or(self.chars.len(), |k| i + k);
            let line: String = self.chars[i..line_end].iter().collect();
            let cmp = if strip_tabs { line.trim_start_matches('\t') } else { line.as_str() };
            if cmp == delim {
                end = (line_end + 1).min(self.chars.len());
                break;
            }
            body.push_str(cmp);
            body.push('\n');
            i = line_end + 1;
        }
        self.heredoc_skip = Some((nl, end.max(start.min(self.chars.len()))));
        if quoted {
            return Ok(vec![Part::Quoted(body)]);
        }
        let mut sub = self.child(&body)?;
        let parts = sub.scan_dq(None, true)?;
        Ok(vec![Part::Double(parts)])
    }
}
