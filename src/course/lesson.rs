//! What a lesson is once read: its title and summary, the world it starts from, and its
//! steps, each with text, an objective, a goal on the world, hints, a reference solution and
//! a "por que isso importa".
//!
//! Invariant: every step has a goal and a non-empty solution; only exercises have no hints.

use super::goal::Goal;
use super::markdown::{Block, Inline};

/// One lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    /// The file name without `.md`: `02-primeiro-conteiner`. Progress is saved under it.
    pub id: String,
    /// The number the file name starts with.
    pub number: u32,
    pub title: String,
    /// One sentence for the lesson map.
    pub summary: String,
    /// "O que você vai aprender", one item each.
    pub learn: Vec<Vec<Inline>>,
    /// The concepts the lesson teaches (free words: `imagem`, `camada`, `volume`…).
    pub concepts: Vec<String>,
    pub setup: Setup,
    /// The text before the first step.
    pub intro: Vec<Block>,
    pub steps: Vec<Step>,
}

/// The world a lesson starts from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Setup {
    /// The machines, the learner's first. Empty: the default world (one host, `doca`).
    pub hosts: Vec<HostSpec>,
    /// Lines replayed silently before the learner types anything.
    pub lines: Vec<String>,
}

/// A machine of a lesson's world.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostSpec {
    pub name: String,
    pub ip: String,
}

/// One step of a lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Line of the step's heading in the lesson file.
    pub line: u32,
    pub title: String,
    /// The closing exercise: no hints.
    pub exercise: bool,
    pub body: Vec<Block>,
    /// Parts of the diagram the step points at.
    pub highlights: Vec<Highlight>,
    /// The objective as the learner reads it.
    pub objective: Vec<Inline>,
    /// The objective as the world must show it.
    pub goal: Goal,
    /// Progressive hints: a nudge first, the command last.
    pub hints: Vec<Vec<Inline>>,
    /// The reference solution: lines typed in the terminal.
    pub solution: Vec<String>,
    /// Attempts that come close but must not reach the goal (each is one or more lines).
    pub near_misses: Vec<Vec<String>>,
    /// "Por que isso importa", shown after success.
    pub why: Vec<Block>,
}

/// A part of the architecture diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Client,
    Daemon,
    Host,
    Registry,
    Images,
    Containers,
    Volumes,
    Networks,
    Kernel,
}

impl Part {
    pub const ALL: [Part; 9] = [
        Part::Client,
        Part::Daemon,
        Part::Host,
        Part::Registry,
        Part::Images,
        Part::Containers,
        Part::Volumes,
        Part::Networks,
        Part::Kernel,
    ];

    /// The word a lesson file uses (and the diagram's CSS class).
    pub fn word(self) -> &'static str {
        match self {
            Part::Client => "client",
            Part::Daemon => "daemon",
            Part::Host => "host",
            Part::Registry => "registry",
            Part::Images => "images",
            Part::Containers => "containers",
            Part::Volumes => "volumes",
            Part::Networks => "networks",
            Part::Kernel => "kernel",
        }
    }

    pub fn parse(word: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.word() == word)
    }

    /// How the lesson pane names it ("veja o daemon").
    pub fn label(self) -> &'static str {
        match self {
            Part::Client => "o cliente (CLI docker)",
            Part::Daemon => "o daemon (dockerd)",
            Part::Host => "o host",
            Part::Registry => "o registro (registry)",
            Part::Images => "as imagens",
            Part::Containers => "os contêineres",
            Part::Volumes => "os volumes",
            Part::Networks => "as redes",
            Part::Kernel => "o kernel do host",
        }
    }
}

/// Something a step asks the diagram to point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Highlight {
    Node(Part),
    /// The path between two parts (`client->daemon`: the API requests).
    Edge(Part, Part),
}

impl Highlight {
    /// `daemon` or `client->daemon`.
    pub fn parse(s: &str) -> Option<Highlight> {
        match s.split_once("->") {
            Some((a, b)) => Some(Highlight::Edge(Part::parse(a.trim())?, Part::parse(b.trim())?)),
            None => Part::parse(s.trim()).map(Highlight::Node),
        }
    }

    /// The form a lesson file uses, also used as a token in the diagram's `data-destaque`.
    pub fn token(self) -> String {
        match self {
            Highlight::Node(p) => p.word().to_string(),
            Highlight::Edge(a, b) => format!("{}->{}", a.word(), b.word()),
        }
    }

    /// "veja …" text for the lesson pane.
    pub fn label(self) -> String {
        match self {
            Highlight::Node(p) => p.label().to_string(),
            Highlight::Edge(a, b) => format!("o caminho entre {} e {}", a.label(), b.label()),
        }
    }
}
