//! The syntax tree of a shell program. Lists are reference-counted so the resumable
//! interpreter can hold a cheap handle on the list it is walking.
//!
//! Invariant: the tree is immutable once parsed; every `Rc` is shared, never mutated.

use std::rc::Rc;

/// A sequence of and-or lists separated by `;`, `&` or newlines.
pub type List = Vec<AndOr>;

/// `a && b || c`, optionally run in the background (`&`).
#[derive(Clone, Debug, PartialEq)]
pub struct AndOr {
    pub first: Pipeline,
    /// Each with `true` for `&&`, `false` for `||`.
    pub rest: Vec<(bool, Pipeline)>,
    pub background: bool,
    /// Source text of the list (shells show it in job notifications).
    pub text: String,
}

/// `! a | b | c`.
#[derive(Clone, Debug, PartialEq)]
pub struct Pipeline {
    pub bang: bool,
    pub cmds: Vec<Rc<Command>>,
}

/// One command of a pipeline.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Simple(Simple),
    Compound { body: Compound, redirs: Vec<Redir> },
    FuncDef { name: String, body: Rc<Command> },
}

/// `A=1 cmd arg >file`.
#[derive(Clone, Debug, PartialEq)]
pub struct Simple {
    pub assigns: Vec<(String, Word)>,
    pub words: Vec<Word>,
    pub redirs: Vec<Redir>,
    /// Source line where the command starts (dash prints it in errors).
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Compound {
    Group(Rc<List>),
    Subshell(Rc<List>),
    If { arms: Vec<(Rc<List>, Rc<List>)>, otherwise: Option<Rc<List>> },
    Loop { until: bool, cond: Rc<List>, body: Rc<List> },
    For { var: String, words: Option<Vec<Word>>, body: Rc<List> },
    Case { word: Word, arms: Vec<CaseArm> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseArm {
    pub patterns: Vec<Word>,
    pub body: Rc<List>,
}

/// A redirection: `2>file`, `>>f`, `<in`, `2>&1`, `<<EOF`.
#[derive(Clone, Debug, PartialEq)]
pub struct Redir {
    /// Explicit descriptor (`2>`), or the operator's default.
    pub fd: Option<u32>,
    pub op: RedirOp,
    /// File name, descriptor number (`&1`), or here-document body.
    pub target: Word,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedirOp {
    /// `<`
    In,
    /// `>` (and `>|`)
    Out,
    /// `>>`
    Append,
    /// `<>`
    ReadWrite,
    /// `>&` (`2>&1`, `>&2`)
    DupOut,
    /// `<&`
    DupIn,
    /// `&>` (bash, ash): stdout and stderr to a file.
    Both,
    /// `<<`, `<<-`: the target is the body.
    HereDoc,
}

impl RedirOp {
    /// The descriptor the operator applies to when none is written.
    pub fn default_fd(self) -> u32 {
        match self {
            RedirOp::In | RedirOp::ReadWrite | RedirOp::DupIn | RedirOp::HereDoc => 0,
            _ => 1,
        }
    }
}

/// A word: the concatenation of its parts.
pub type Word = Vec<Part>;

#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// Unquoted text: subject to field splitting (only through expansions) and globbing.
    Lit(String),
    /// Quoted text (`'…'`, `\x`, or plain text inside `"…"`): taken literally.
    Quoted(String),
    /// `"…"`: its parts are expanded but neither split nor globbed.
    Double(Vec<Part>),
    /// `$name`, `${name…}`.
    Param(Param),
    /// `$(…)` or `` `…` ``.
    Subst(Rc<List>),
    /// `$((…))`: the expression text, expanded before evaluation.
    Arith(Word),
    /// `~` or `~user` at the start of a word.
    Tilde(String),
}

/// A parameter expansion.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: String,
    pub op: ParamOp,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ParamOp {
    Plain,
    /// `${#name}`
    Length,
    /// `${name-w}`, `${name:-w}` (bool: with colon, also applies when empty).
    Default(bool, Word),
    /// `${name=w}`, `${name:=w}`
    Assign(bool, Word),
    /// `${name+w}`, `${name:+w}`
    Alt(bool, Word),
    /// `${name?w}`, `${name:?w}`
    Error(bool, Word),
    /// `${name#p}` (false) / `${name##p}` (true)
    TrimPrefix(bool, Word),
    /// `${name%p}` / `${name%%p}`
    TrimSuffix(bool, Word),
}

/// Text of a word that is a plain unquoted literal (reserved-word detection).
pub fn plain(word: &Word) -> Option<&str> {
    match word.as_slice() {
        [Part::Lit(s)] => Some(s),
        _ => None,
    }
}
