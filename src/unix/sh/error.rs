//! Syntax errors and their wording in each shell dialect, measured against busybox ash
//! 1.35, dash 0.5.12 and bash 5.2:
//!
//! ```text
//! ash  -c:     sh: syntax error: unexpected end of file (expecting "done")
//! ash  script: ./s.sh: line 4: syntax error: unexpected end of file (expecting "fi")
//! dash:        sh: 1: Syntax error: end of file unexpected (expecting "done")
//! bash -c:     bash: -c: line 1: syntax error near unexpected token `;;'
//!              bash: -c: line 1: `echo ;;'
//! bash (tty):  bash: syntax error near unexpected token `fi'
//! ```
//!
//! Invariant: every syntax error exits with status 2.

use std::fmt;

use super::Dialect;

/// A token as error messages name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokDesc {
    /// An ordinary word (raw source text).
    Word(String),
    /// A reserved word in a place it is not allowed (`fi`, `then`…).
    Reserved(String),
    Op(String),
    Newline,
    Eof,
}

impl fmt::Display for TokDesc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokDesc::Word(s) | TokDesc::Reserved(s) | TokDesc::Op(s) => f.write_str(s),
            TokDesc::Newline => f.write_str("newline"),
            TokDesc::Eof => f.write_str("end of file"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// A token where it is not allowed, with what the parser expected.
    Unexpected(TokDesc, Option<String>),
    /// `'` or `"` never closed.
    UnterminatedQuote(char),
    /// `${x` never closed.
    MissingBrace,
    EofInBackquote,
    /// `${x y}`, `${:}`.
    BadSubst,
    /// `for 1 in …`
    BadForVar(TokDesc),
    /// Nesting deeper than the parser allows.
    TooDeep,
}

/// A syntax error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    /// Line where it was detected (1-based).
    pub line: u32,
    /// Text of that line (bash quotes it).
    pub line_text: String,
    /// The source ended with a newline (bash counts one more line otherwise).
    pub trailing_newline: bool,
}

/// How the shell got its program; error prefixes depend on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `sh -c '…'`.
    CommandString,
    /// A script file, with the name as given on the command line.
    Script(String),
    /// Lines typed at a prompt.
    Interactive,
}

impl ParseError {
    pub fn new(kind: ParseErrorKind, line: u32, line_text: String, trailing_newline: bool) -> ParseError {
        ParseError { kind, line, line_text, trailing_newline }
    }

    /// The message the shell prints on stderr (with its final newline).
    pub fn message(&self, dialect: Dialect, argv0: &str, origin: &Origin) -> String {
        match dialect {
            Dialect::Ash => self.ash(argv0, origin),
            Dialect::Dash => self.dash(argv0, origin),
            Dialect::Bash => self.bash(argv0, origin),
        }
    }

    fn expecting(e: &Option<String>) -> String {
        e.as_ref().map(|x| format!(" (expecting \"{x}\")")).unwrap_or_default()
    }

    fn ash(&self, argv0: &str, origin: &Origin) -> String {
        let prefix = match origin {
            Origin::Script(name) => format!("{name}: line {}: ", self.line),
            _ => format!("{argv0}: "),
        };
        let what = match &self.kind {
            ParseErrorKind::Unexpected(t, e) => {
                let t = match t {
                    TokDesc::Eof => "end of file".to_string(),
                    TokDesc::Newline => "newline".to_string(),
                    TokDesc::Word(_) => "word".to_string(),
                    TokDesc::Reserved(s) | TokDesc::Op(s) => format!("\"{s}\""),
                };
                format!("unexpected {t}{}", Self::expecting(e))
            }
            ParseErrorKind::UnterminatedQuote(_) => "unterminated quoted string".into(),
            ParseErrorKind::MissingBrace => "missing '}'".into(),
            ParseErrorKind::EofInBackquote => "EOF in backquote substitution".into(),
            ParseErrorKind::BadSubst => "bad substitution".into(),
            ParseErrorKind::BadForVar(_) => "bad for loop variable".into(),
            ParseErrorKind::TooDeep => "too deeply nested".into(),
        };
        format!("{prefix}syntax error: {what}\n")
    }

    fn dash(&self, argv0: &str, origin: &Origin) -> String {
        let name = match origin {
            Origin::Script(name) => name.as_str(),
            _ => argv0,
        };
        let what = match &self.kind {
            ParseErrorKind::Unexpected(t, e) => {
                let t = match t {
                    TokDesc::Eof => "end of file".to_string(),
                    TokDesc::Newline => "newline".to_string(),
                    TokDesc::Word(_) => "word".to_string(),
                    TokDesc::Reserved(s) | TokDesc::Op(s) => format!("\"{s}\""),
                };
                format!("{t} unexpected{}", Self::expecting(e))
            }
            ParseErrorKind::UnterminatedQuote(_) => "Unterminated quoted string".into(),
            ParseErrorKind::MissingBrace => "Missing '}'".into(),
            ParseErrorKind::EofInBackquote => "EOF in backquote substitution".into(),
            ParseErrorKind::BadSubst => "Bad substitution".into(),
            ParseErrorKind::BadForVar(_) => "Bad for loop variable".into(),
            ParseErrorKind::TooDeep => "Too deeply nested".into(),
        };
        format!("{name}: {}: Syntax error: {what}\n", self.line)
    }

    fn bash(&self, argv0: &str, origin: &Origin) -> String {
        let eof_line = if self.trailing_newline { self.line } else { self.line + 1 };
        let prefix = |line: u32| match origin {
            Origin::CommandString => format!("{argv0}: -c: line {line}: "),
            Origin::Script(name) => format!("{name}: line {line}: "),
            Origin::Interactive => format!("{argv0}: "),
        };
        let near = |t: &TokDesc| {
            let p = prefix(self.line);
            let mut s = format!("{p}syntax error near unexpected token `{t}'\n");
            if *origin != Origin::Interactive {
                s.push_str(&format!("{p}`{}'\n", self.line_text));
            }
            s
        };
        match &self.kind {
            ParseErrorKind::Unexpected(TokDesc::Eof, _) => {
                format!("{}syntax error: unexpected end of file\n", prefix(eof_line))
            }
            ParseErrorKind::Unexpected(t, _) | ParseErrorKind::BadForVar(t) => near(t),
            ParseErrorKind::UnterminatedQuote(q) => {
                format!("{}unexpected EOF while looking for matching `{q}'\n", prefix(self.line))
            }
            ParseErrorKind::MissingBrace => {
                format!("{}unexpected EOF while looking for matching `}}'\n", prefix(self.line))
            }
            ParseErrorKind::EofInBackquote => {
                format!("{}unexpected EOF while looking for matching ``'\n", prefix(self.line))
            }
            ParseErrorKind::BadSubst => format!("{}bad substitution\n", prefix(self.line)),
            ParseErrorKind::TooDeep => format!("{}expression recursion level exceeded\n", prefix(self.line)),
        }
    }
}
