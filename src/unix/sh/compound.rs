//! Compound commands of the grammar: `if`, `for`, `case`, and bash's `function`.
//!
//! Invariant: every clause either consumes its closing reserved word or fails with the
//! dialect's "expecting" error.

use std::rc::Rc;

use super::ast::*;
use super::error::{ParseError, ParseErrorKind, TokDesc};
use super::lex::Tok;
use super::parse::{Parser, reserved, valid_fname};

impl Parser {
    pub(super) fn if_clause(&mut self) -> Result<Compound, ParseError> {
        self.next()?;
        let mut arms = Vec::new();
        let mut otherwise = None;
        loop {
            let cond = self.nonempty_list(&["then"])?;
            self.expect_reserved("then")?;
            let body = self.nonempty_list(&["elif", "else", "fi"])?;
            arms.push((cond, body));
            match self.peek_reserved()?.as_deref() {
                Some("elif") => {
                    self.next()?;
                }
                Some("else") => {
                    self.next()?;
                    otherwise = Some(self.nonempty_list(&["fi"])?);
                    self.expect_reserved("fi")?;
                    break;
                }
                Some("fi") => {
                    self.next()?;
                    break;
                }
                _ => return Err(self.unexpected(Some("fi"))),
            }
        }
        Ok(Compound::If { arms, otherwise })
    }

    pub(super) fn for_clause(&mut self) -> Result<Compound, ParseError> {
        self.next()?;
        let var = match self.next()? {
            (Tok::Word(w), _) if plain(&w).is_some_and(valid_fname) => plain(&w).unwrap_or_default().to_string(),
            (t, d) => {
                let d = if reserved(&t).is_some() { TokDesc::Reserved(format!("{d}")) } else { d };
                return Err(self.err(ParseErrorKind::BadForVar(d)));
            }
        };
        let mut words = None;
        self.skip_newlines()?;
        if self.peek_reserved()?.as_deref() == Some("in") {
            self.next()?;
            let mut ws = Vec::new();
            while let Tok::Word(w) = self.peek()? {
                let w = w.clone();
                self.next()?;
                ws.push(w);
            }
            words = Some(ws);
            match self.peek()? {
                Tok::Op(";") | Tok::Newline => {
                    self.next()?;
                }
                _ => return Err(self.unexpected(Some("do"))),
            }
        } else if matches!(self.peek()?, Tok::Op(";")) {
            self.next()?;
        }
        self.skip_newlines()?;
        self.expect_reserved("do")?;
        let body = self.nonempty_list(&["done"])?;
        self.expect_reserved("done")?;
        Ok(Compound::For { var, words, body })
    }

    pub(super) fn case_clause(&mut self) -> Result<Compound, ParseError> {
        self.next()?;
        let word = match self.next()? {
            (Tok::Word(w), _) => w,
            (_, d) => return Err(self.err(ParseErrorKind::Unexpected(d, Some("word".into())))),
        };
        self.skip_newlines()?;
        self.expect_reserved("in")?;
        let mut arms = Vec::new();
        loop {
            self.skip_newlines()?;
            if self.peek_reserved()?.as_deref() == Some("esac") {
                self.next()?;
                break;
            }
            if matches!(self.peek()?, Tok::Op("(")) {
                self.next()?;
            }
            let mut patterns = Vec::new();
            loop {
                match self.next()? {
                    (Tok::Word(w), _) => patterns.push(w),
                    (t, d) => {
                        let d = if reserved(&t).is_some() { TokDesc::Reserved(format!("{d}")) } else { d };
                        return Err(self.err(ParseErrorKind::Unexpected(d, Some("word".into()))));
                    }
                }
                match self.peek()? {
                    Tok::Op("|") => {
                        self.next()?;
                    }
                    Tok::Op(")") => {
                        self.next()?;
                        break;
                    }
                    _ => return Err(self.unexpected(Some(")"))),
                }
            }
            let body = Rc::new(self.parse_list(&["esac"])?);
            arms.push(CaseArm { patterns, body });
            match self.peek()? {
                Tok::Op(";;") => {
                    self.next()?;
                }
                _ => {
                    self.skip_newlines()?;
                    self.expect_reserved("esac")?;
                    break;
                }
            }
        }
        Ok(Compound::Case { word, arms })
    }

    pub(super) fn bash_function(&mut self) -> Result<Command, ParseError> {
        self.next()?;
        let name = match self.next()? {
            (Tok::Word(w), _) if plain(&w).is_some() => plain(&w).unwrap_or_default().to_string(),
            (_, d) => return Err(self.err(ParseErrorKind::Unexpected(d, None))),
        };
        if matches!(self.peek()?, Tok::Op("(")) {
            self.next()?;
            if !matches!(self.peek()?, Tok::Op(")")) {
                return Err(self.unexpected(None));
            }
            self.next()?;
        }
        self.skip_newlines()?;
        let body = self.command()?;
        Ok(Command::FuncDef { name, body: Rc::new(body) })
    }
}
