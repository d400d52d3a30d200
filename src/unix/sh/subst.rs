//! The expansion half of the lexer: `$name`, `${…}` with its operators, `$(…)`,
//! `$((…))` and backquotes.
//!
//! Invariant: nested substitutions go through `Parser::enter` / `Parser::child`, so
//! nesting is bounded.

use std::rc::Rc;

use super::ast::{Param, ParamOp, Part, Word};
use super::error::ParseError;
use super::error::{ParseErrorKind, TokDesc};
use super::lex::{is_name_char, is_name_start, push_lit};
use super::parse::Parser;

impl Parser {
    /// At a `$`: a parameter, a substitution, arithmetic, or a literal `$`.
    pub(super) fn scan_dollar(&mut self) -> Result<Part, ParseError> {
        self.pos += 1;
        match self.cur() {
            Some('{') => {
                self.pos += 1;
                self.scan_braced()
            }
            Some('(') if self.at(1) == Some('(') => {
                self.pos += 2;
                let mut depth = 0i32;
                let start = self.pos;
                loop {
                    match self.cur() {
                        None => return Err(self.err(ParseErrorKind::Unexpected(TokDesc::Eof, Some(")".into())))),
                        Some('(') => depth += 1,
                        Some(')') if depth == 0 && self.at(1) == Some(')') => break,
                        Some(')') => depth -= 1,
                        Some('\n') => self.line += 1,
                        _ => {}
                    }
                    self.pos += 1;
                }
                let text: String = self.chars[start..self.pos].iter().collect();
                self.pos += 2;
                let mut sub = self.child(&text)?;
                let w = sub.scan_dq(None, true)?;
                Ok(Part::Arith(w))
            }
            Some('(') => {
                self.pos += 1;
                self.enter()?;
                let list = self.parse_list(&[])?;
                self.depth -= 1;
                match self.next()? {
                    (super::lex::Tok::Op(")"), _) => Ok(Part::Subst(Rc::new(list))),
                    (_, desc) => Err(self.err(ParseErrorKind::Unexpected(desc, Some(")".into())))),
                }
            }
            Some(c) if is_name_start(c) => {
                let mut name = String::new();
                while let Some(c) = self.cur().filter(|c| is_name_char(*c)) {
                    name.push(c);
                    self.pos += 1;
                }
                Ok(Part::Param(Param { name, op: ParamOp::Plain }))
            }
            Some(c) if c.is_ascii_digit() || matches!(c, '?' | '$' | '#' | '@' | '*' | '!' | '-') => {
                self.pos += 1;
                Ok(Part::Param(Param { name: c.to_string(), op: ParamOp::Plain }))
            }
            _ => Ok(Part::Lit("$".into())),
        }
    }

    pub(super) fn scan_braced(&mut self) -> Result<Part, ParseError> {
        let missing = |p: &Parser| p.err(ParseErrorKind::MissingBrace);
        let mut length = false;
        if self.cur() == Some('#') && self.at(1).is_some_and(|c| c != '}') {
            length = true;
            self.pos += 1;
        }
        let mut name = String::new();
        match self.cur() {
            None => return Err(missing(self)),
            Some(c) if is_name_start(c) => {
                while let Some(c) = self.cur().filter(|c| is_name_char(*c)) {
                    name.push(c);
                    self.pos += 1;
                }
            }
            Some(c) if c.is_ascii_digit() => {
                while let Some(c) = self.cur().filter(|c| c.is_ascii_digit()) {
                    name.push(c);
                    self.pos += 1;
                }
            }
            Some(c) if matches!(c, '?' | '$' | '#' | '@' | '*' | '!' | '-') => {
                name.push(c);
                self.pos += 1;
            }
            Some(_) => return Err(self.err(ParseErrorKind::BadSubst)),
        }
        if length {
            return match self.cur() {
                Some('}') => {
                    self.pos += 1;
                    Ok(Part::Param(Param { name, op: ParamOp::Length }))
                }
                None => Err(missing(self)),
                _ => Err(self.err(ParseErrorKind::BadSubst)),
            };
        }
        let Some(c) = self.cur() else { return Err(missing(self)) };
        if c == '}' {
            self.pos += 1;
            return Ok(Part::Param(Param { name, op: ParamOp::Plain }));
        }
        let colon = c == ':';
        if colon {
            self.pos += 1;
        }
        let Some(opc) = self.cur() else { return Err(missing(self)) };
        self.pos += 1;
        let double = !colon && matches!(opc, '#' | '%') && self.cur() == Some(opc);
        if double {
            self.pos += 1;
        }
        let word = self.scan_brace_word()?;
        let op = match (opc, colon) {
            ('-', c) => ParamOp::Default(c, word),
            ('=', c) => ParamOp::Assign(c, word),
            ('+', c) => ParamOp::Alt(c, word),
            ('?', c) => ParamOp::Error(c, word),
            ('#', false) => ParamOp::TrimPrefix(double, word),
            ('%', false) => ParamOp::TrimSuffix(double, word),
            _ => return Err(self.err(ParseErrorKind::BadSubst)),
        };
        Ok(Part::Param(Param { name, op }))
    }

    /// The word of `${x:-word}` up to the closing brace.
    pub(super) fn scan_brace_word(&mut self) -> Result<Word, ParseError> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        loop {
            let Some(c) = self.cur() else { return Err(self.err(ParseErrorKind::MissingBrace)) };
            match c {
                '}' => {
                    self.pos += 1;
                    break;
                }
                '\\' => {
                    push_lit(&mut parts, &mut lit);
                    if let Some(n) = self.at(1) {
                        parts.push(Part::Quoted(n.to_string()));
                        self.pos += 2;
                    } else {
                        self.pos += 1;
                    }
                }
                '\'' => {
                    push_lit(&mut parts, &mut lit);
                    self.pos += 1;
                    let start = self.pos;
                    while self.cur().is_some_and(|c| c != '\'') {
                        self.pos += 1;
                    }
                    if self.cur().is_none() {
                        return Err(self.err(ParseErrorKind::UnterminatedQuote('\'')));
                    }
                    parts.push(Part::Quoted(self.chars[start..self.pos].iter().collect()));
                    self.pos += 1;
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

    pub(super) fn scan_backtick(&mut self) -> Result<Part, ParseError> {
        self.pos += 1;
        let mut text = String::new();
        loop {
            match self.cur() {
                None => return Err(self.err(ParseErrorKind::EofInBackquote)),
                Some('`') => {
                    self.pos += 1;
                    break;
                }
                Some('\\') => match self.at(1) {
                    Some(n @ ('`' | '\\' | '$')) => {
                        text.push(n);
                        self.pos += 2;
                    }
                    _ => {
                        text.push('\\');
                        self.pos += 1;
                    }
                },
                Some(c) => {
                    if c == '\n' {
                        self.line += 1;
                    }
                    text.push(c);
                    self.pos += 1;
                }
            }
        }
        let mut sub = self.child(&text)?;
        let list = sub.parse_all()?;
        Ok(Part::Subst(Rc::new(list)))
    }
}
