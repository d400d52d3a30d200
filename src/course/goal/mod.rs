//! Goal predicates: what a lesson step asks the learner to reach, stated about the world
//! (never about the text typed). A goal is written in a fenced ```` ```objetivo ```` block of
//! the lesson file, one check per line; the goal holds when every check holds.
//!
//! ```text
//! # comment
//! container image=nginx state=running publishes=8080:80
//! no container name=web
//! image ref=meu-site:v1 built-from=nginx history~=COPY
//! compare image=app:v2 with=app:v1 new-layers=1
//! file volume=dados path=/nota.txt contains="nota"
//! network name=minha-rede has=web
//! repository name=localhost:5000/meu-alpine tag=1.0
//! container image=nginx count>=2 host=worker1
//! ```
//!
//! A line is `[no] SUBJECT CONDITION…`. A condition is `key OP value` with `OP` one of
//! `=`, `!=`, `~=` (contains), `<`, `<=`, `>`, `>=` (numbers); values with spaces go in
//! double quotes. Without `no`, the check holds when at least one object of that kind
//! matches every condition (or, with `count OP N`, when the number of matches does); with
//! `no`, when none does. `host=NAME` picks the daemon of that host (default: the daemon the
//! learner's `docker` talks to). The subjects and their keys are listed in [`spec`].
//!
//! Parsing happens once, when the lesson is loaded; evaluation is a pure function of
//! `&World`. Where the engine does not model something yet (volumes, files, swarm), the
//! check answers [`Verdict::Unsupported`] instead of guessing.
//!
//! Invariant: evaluation never mutates the world and never panics; every key a check holds
//! was accepted by [`spec`] for its subject, with a value of the declared kind.

mod eval;
mod eval_container;
mod eval_files;
mod eval_image;
mod eval_other;
mod parse;
pub mod spec;
#[cfg(test)]
mod tests;

pub use eval::evaluate;
pub use parse::parse_goal;
pub use spec::{Key, Subject};

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    /// `~=`: the text contains the value.
    Contains,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Contains => "~=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }

    /// Compares two numbers.
    pub fn numbers(self, left: u64, right: u64) -> bool {
        match self {
            Op::Eq => left == right,
            Op::Ne => left != right,
            Op::Lt => left < right,
            Op::Le => left <= right,
            Op::Gt => left > right,
            Op::Ge => left >= right,
            Op::Contains => false,
        }
    }
}

/// A published port as a goal names it: `8080` (host port), `8080:80` (host:container),
/// `:80` (container port published on any host port). Protocol defaults to `tcp`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortWant {
    pub host: Option<u16>,
    pub container: Option<u16>,
    pub proto: String,
}

/// A mount as a goal names it: `dados`, `dados:/data`, `:/data`, `/home/aluno/site:/site`,
/// optionally ending in `:ro`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MountWant {
    /// Volume name or host path; `None` matches any source.
    pub source: Option<String>,
    /// Path in the container; `None` matches any target.
    pub target: Option<String>,
    /// `:ro` was given: the mount must be read-only.
    pub read_only: bool,
}

/// A condition's value, already checked against the key's kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Number(u64),
    Bool(bool),
    /// A normalized image reference, `docker.io/library/nginx:latest`.
    Ref(String),
    /// A repository name without tag, normalized: `localhost:5000/meu-alpine`.
    Repo(String),
    State(crate::engine::model::container::Status),
    Port(PortWant),
    Mount(MountWant),
}

/// One `key OP value` of a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cond {
    pub key: Key,
    pub op: Op,
    pub value: Value,
}

/// One line of a goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// Line in the lesson file (1-based).
    pub line: u32,
    /// `no …`: no object may match.
    pub negated: bool,
    pub subject: Subject,
    pub conds: Vec<Cond>,
    /// `count OP N`; `None` means "at least one".
    pub count: Option<(Op, u64)>,
    /// `host=NAME`: the daemon of that host instead of the learner's.
    pub host: Option<String>,
}

/// A step's goal: every check must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Goal {
    pub checks: Vec<Check>,
}

/// The answer of a goal or a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Met,
    NotMet,
    /// The engine cannot tell yet; names what is missing (`volumes`, `file contents`…).
    Unsupported(String),
}

impl Verdict {
    pub fn is_met(&self) -> bool {
        matches!(self, Verdict::Met)
    }
}

/// A goal that could not be parsed: the line and a pt-BR message for the lesson author.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalError {
    pub line: u32,
    pub message: String,
}

impl std::fmt::Display for GoalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "linha {}: {}", self.line, self.message)
    }
}
