//! The grammar half of the parser: lists, and-or lists, pipelines, simple and compound
//! commands, function definitions, redirections. [`Parser::next_command`] yields one
//! complete command line at a time, so a shell can run the lines before a syntax error,
//! as real shells do.
//!
//! Invariant: a `Parser` is a plain value (source + position); cloning it clones the
//! parse state.

use std::rc::Rc;

use super::Dialect;
use super::ast::*;
use super::error::{ParseError, ParseErrorKind, TokDesc};
use super::lex::{MAX_DEPTH, Tok, is_name_char, is_name_start};

const RESERVED: &[&str] =
    &["if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "{", "}", "!", "in"];

/// A shell parser over one source text.
#[derive(Clone, Debug)]
pub struct Parser {
    pub(super) chars: Vec<char>,
    pub(super) pos: usize,
    pub(super) line: u32,
    pub(super) peeked: Option<(Tok, TokDesc)>,
    /// A pending here-document: at the newline at `.0`, continue at `.1`.
    pub(super) heredoc_skip: Option<(usize, usize)>,
    pub(super) dialect: Dialect,
    pub(super) depth: u32,
}

/// Parses a whole program.
pub fn parse(src: &str, dialect: Dialect) -> Result<List, ParseError> {
    Parser::new(src, dialect).parse_all()
}

pub(super) fn reserved(t: &Tok) -> Option<&str> {
    match t {
        Tok::Word(w) => plain(w).filter(|s| RESERVED.contains(s)),
        _ => None,
    }
}

pub(super) fn is_redir(t: &Tok) -> bool {
    matches!(t, Tok::IoNum(_))
        || matches!(t, Tok::Op(o) if matches!(*o, "<" | ">" | ">>" | "<<" | "<<-" | "<&" | ">&" | "<>" | ">|" | "&>"))
}

impl Parser {
    pub fn new(src: &str, dialect: Dialect) -> Parser {
        Parser { chars: src.chars().collect(), pos: 0, line: 1, peeked: None, heredoc_skip: None, dialect, depth: 0 }
    }

    /// A parser for nested text (backquotes, arithmetic, here-document bodies).
    pub(super) fn child(&self, text: &str) -> Result<Parser, ParseError> {
        let mut p = Parser::new(text, self.dialect);
        p.line = self.line;
        p.depth = self.depth + 1;
        if p.depth > MAX_DEPTH {
            return Err(self.err(ParseErrorKind::TooDeep));
        }
        Ok(p)
    }

    pub(super) fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err(ParseErrorKind::TooDeep));
        }
        Ok(())
    }

    /// Current source line (1-based).
    pub fn line(&self) -> u32 {
        self.line
    }

    pub(super) fn peek(&mut self) -> Result<&Tok, ParseError> {
        if self.peeked.is_none() {
            let t = self.lex()?;
            self.peeked = Some(t);
        }
        Ok(&self.peeked.as_ref().expect("just filled").0)
    }

    pub(super) fn next(&mut self) -> Result<(Tok, TokDesc), ParseError> {
        match self.peeked.take() {
            Some(t) => Ok(t),
            None => self.lex(),
        }
    }

    pub(super) fn unexpected(&mut self, expecting: Option<&str>) -> ParseError {
        let desc = match self.next() {
            Ok((t, d)) => match (reserved(&t), d) {
                (Some(r), _) => TokDesc::Reserved(r.to_string()),
                (None, d) => d,
            },
            Err(e) => return e,
        };
        self.err(ParseErrorKind::Unexpected(desc, expecting.map(String::from)))
    }

    pub(super) fn skip_newlines(&mut self) -> Result<(), ParseError> {
        while matches!(self.peek()?, Tok::Newline) {
            self.next()?;
        }
        Ok(())
    }

    pub(super) fn peek_reserved(&mut self) -> Result<Option<String>, ParseError> {
        Ok(reserved(self.peek()?).map(String::from))
    }

    pub(super) fn expect_reserved(&mut self, kw: &str) -> Result<(), ParseError> {
        if self.peek_reserved()?.as_deref() == Some(kw) {
            self.next()?;
            Ok(())
        } else {
            Err(self.unexpected(Some(kw)))
        }
    }

    /// The whole program.
    pub fn parse_all(&mut self) -> Result<List, ParseError> {
        let mut all = Vec::new();
        while let Some(mut l) = self.next_command()? {
            all.append(&mut l);
        }
        Ok(all)
    }

    /// The next complete command line (up to a newline), or `None` at the end.
    pub fn next_command(&mut self) -> Result<Option<List>, ParseError> {
        self.skip_newlines()?;
        if matches!(self.peek()?, Tok::Eof) {
            return Ok(None);
        }
        let mut list = Vec::new();
        loop {
            let mut ao = self.and_or()?;
            match self.peek()? {
                Tok::Op(";") => {
                    self.next()?;
                }
                Tok::Op("&") => {
                    self.next()?;
                    ao.background = true;
                }
                Tok::Newline | Tok::Eof => {
                    list.push(ao);
                    break;
                }
                _ => return Err(self.unexpected(None)),
            }
            list.push(ao);
            if matches!(self.peek()?, Tok::Newline | Tok::Eof) {
                break;
            }
        }
        Ok(Some(list))
    }

    /// A compound list, ending before a reserved word in `terms`, `)`, `;;` or the end.
    pub(super) fn parse_list(&mut self, terms: &[&str]) -> Result<List, ParseError> {
        let mut list = Vec::new();
        self.skip_newlines()?;
        loop {
            let t = self.peek()?;
            if matches!(t, Tok::Eof | Tok::Op(")") | Tok::Op(";;")) {
                break;
            }
            if reserved(t).is_some_and(|r| terms.contains(&r)) {
                break;
            }
            let mut ao = self.and_or()?;
            match self.peek()? {
                Tok::Op(";") | Tok::Newline => {
                    self.next()?;
                }
                Tok::Op("&") => {
                    self.next()?;
                    ao.background = true;
                }
                _ => {
                    list.push(ao);
                    break;
                }
            }
            list.push(ao);
            self.skip_newlines()?;
        }
        Ok(list)
    }

    /// A list that must hold at least one command.
    pub(super) fn nonempty_list(&mut self, terms: &[&str]) -> Result<Rc<List>, ParseError> {
        let l = self.parse_list(terms)?;
        if l.is_empty() {
            return Err(self.unexpected(None));
        }
        Ok(Rc::new(l))
    }

    pub(super) fn and_or(&mut self) -> Result<AndOr, ParseError> {
        let first = self.pipeline()?;
        let mut rest = Vec::new();
        loop {
            let and = match self.peek()? {
                Tok::Op("&&") => true,
                Tok::Op("||") => false,
                _ => break,
            };
            self.next()?;
            self.skip_newlines()?;
            rest.push((and, self.pipeline()?));
        }
        Ok(AndOr { first, rest, background: false })
    }

    pub(super) fn pipeline(&mut self) -> Result<Pipeline, ParseError> {
        let mut bang = false;
        if self.peek_reserved()?.as_deref() == Some("!") {
            self.next()?;
            bang = true;
        }
        let mut cmds = vec![Rc::new(self.command()?)];
        while matches!(self.peek()?, Tok::Op("|")) {
            self.next()?;
            self.skip_newlines()?;
            cmds.push(Rc::new(self.command()?));
        }
        Ok(Pipeline { bang, cmds })
    }

    pub(super) fn command(&mut self) -> Result<Command, ParseError> {
        self.enter()?;
        let r = self.command_inner();
        self.depth -= 1;
        r
    }

    pub(super) fn command_inner(&mut self) -> Result<Command, ParseError> {
        let body = match self.peek_reserved()?.as_deref() {
            Some("if") => self.if_clause()?,
            Some("while") | Some("until") => {
                let (t, _) = self.next()?;
                let until = reserved(&t) == Some("until");
                let cond = self.nonempty_list(&["do"])?;
                self.expect_reserved("do")?;
                let body = self.nonempty_list(&["done"])?;
                self.expect_reserved("done")?;
                Compound::Loop { until, cond, body }
            }
            Some("for") => self.for_clause()?,
            Some("case") => self.case_clause()?,
            Some("{") => {
                self.next()?;
                let l = self.nonempty_list(&["}"])?;
                self.expect_reserved("}")?;
                Compound::Group(l)
            }
            Some(_) => return Err(self.unexpected(None)),
            None => {
                if matches!(self.peek()?, Tok::Op("(")) {
                    self.next()?;
                    let l = self.nonempty_list(&[])?;
                    if !matches!(self.peek()?, Tok::Op(")")) {
                        return Err(self.unexpected(Some(")")));
                    }
                    self.next()?;
                    Compound::Subshell(l)
                } else if self.dialect == Dialect::Bash && self.peek_plain()?.as_deref() == Some("function") {
                    return self.bash_function();
                } else {
                    return self.simple();
                }
            }
        };
        let redirs = self.redirs()?;
        Ok(Command::Compound { body, redirs })
    }

    pub(super) fn peek_plain(&mut self) -> Result<Option<String>, ParseError> {
        Ok(match self.peek()? {
            Tok::Word(w) => plain(w).map(String::from),
            _ => None,
        })
    }

    pub(super) fn redirs(&mut self) -> Result<Vec<Redir>, ParseError> {
        let mut out = Vec::new();
        while is_redir(self.peek()?) {
            out.push(self.redir()?);
        }
        Ok(out)
    }

    pub(super) fn redir(&mut self) -> Result<Redir, ParseError> {
        let mut fd = None;
        let (mut t, _) = self.next()?;
        if let Tok::IoNum(n) = t {
            fd = Some(n);
            t = self.next()?.0;
        }
        let op = match t {
            Tok::Op("<") => RedirOp::In,
            Tok::Op(">") | Tok::Op(">|") => RedirOp::Out,
            Tok::Op(">>") => RedirOp::Append,
            Tok::Op("<>") => RedirOp::ReadWrite,
            Tok::Op(">&") => RedirOp::DupOut,
            Tok::Op("<&") => RedirOp::DupIn,
            Tok::Op("&>") => RedirOp::Both,
            Tok::Op("<<") | Tok::Op("<<-") => {
                let strip = t == Tok::Op("<<-");
                let (dt, _) = self.next()?;
                let Tok::Word(w) = dt else { return Err(self.err(ParseErrorKind::Unexpected(TokDesc::Newline, None))) };
                let quoted = w.iter().any(|p| !matches!(p, Part::Lit(_)));
                let delim: String = w
                    .iter()
                    .map(|p| match p {
                        Part::Lit(s) | Part::Quoted(s) => s.clone(),
                        Part::Double(inner) => {
                            inner.iter().map(|q| if let Part::Lit(s) = q { s.clone() } else { String::new() }).collect()
                        }
                        _ => String::new(),
                    })
                    .collect();
                let body = self.read_heredoc(&delim, strip, quoted)?;
                return Ok(Redir { fd, op: RedirOp::HereDoc, target: body });
            }
            _ => return Err(self.err(ParseErrorKind::Unexpected(TokDesc::Newline, None))),
        };
        match self.next()? {
            (Tok::Word(w), _) => Ok(Redir { fd, op, target: w }),
            (_, d) => Err(self.err(ParseErrorKind::Unexpected(d, None))),
        }
    }

    pub(super) fn simple(&mut self) -> Result<Command, ParseError> {
        let line = self.line;
        let mut s = Simple { assigns: Vec::new(), words: Vec::new(), redirs: Vec::new(), line };
        loop {
            let t = self.peek()?;
            if is_redir(t) {
                let r = self.redir()?;
                s.redirs.push(r);
                continue;
            }
            let Tok::Word(w) = t else { break };
            let w = w.clone();
            if s.words.is_empty()
                && let Some((name, value)) = split_assignment(&w)
            {
                self.next()?;
                s.assigns.push((name, value));
                continue;
            }
            self.next()?;
            if s.words.is_empty() && s.assigns.is_empty() && matches!(self.peek()?, Tok::Op("(")) {
                if let Some(name) = plain(&w).filter(|n| valid_fname(n)).map(String::from) {
                    self.next()?;
                    if !matches!(self.peek()?, Tok::Op(")")) {
                        return Err(self.unexpected(None));
                    }
                    self.next()?;
                    self.skip_newlines()?;
                    let body = self.command()?;
                    if self.dialect == Dialect::Bash && !matches!(body, Command::Compound { .. }) {
                        return Err(self.err(ParseErrorKind::Unexpected(TokDesc::Word(String::new()), None)));
                    }
                    return Ok(Command::FuncDef { name, body: Rc::new(body) });
                }
                return Err(self.unexpected(None));
            }
            s.words.push(w);
        }
        if s.words.is_empty() && s.assigns.is_empty() && s.redirs.is_empty() {
            return Err(self.unexpected(None));
        }
        Ok(Command::Simple(s))
    }
}

pub(super) fn valid_fname(n: &str) -> bool {
    n.chars().next().is_some_and(is_name_start) && n.chars().all(is_name_char)
}

/// `NAME=value` → (name, value word).
pub(super) fn split_assignment(w: &Word) -> Option<(String, Word)> {
    let Some(Part::Lit(first)) = w.first() else { return None };
    let eq = first.find('=')?;
    let name = &first[..eq];
    if !valid_fname(name) {
        return None;
    }
    let mut value = Vec::new();
    if eq + 1 < first.len() {
        value.push(Part::Lit(first[eq + 1..].to_string()));
    }
    value.extend(w[1..].iter().cloned());
    Some((name.to_string(), value))
}
