//! `docker build` as the daemon's BuildKit runs it: the Dockerfile parser
//! ([`dockerfile`]), typed instructions ([`instructions`]), variable substitution
//! ([`shlex`]), the build context and `.dockerignore` ([`context`]), COPY/ADD ([`copy`]),
//! RUN in a build container ([`run`]), history texts ([`history`]) and the solver with its
//! cache ([`solver`], [`step`]). The result is a [`BuildReport`]: the progress vertices the
//! client prints (BuildKit's `#N …` lines) and the image.
//!
//! Invariant: a build is a pure function of the world, the context and the options: the
//! same inputs give the same layers, digests and image ID.

pub mod context;
pub mod copy;
pub mod dockerfile;
pub mod history;
pub mod instructions;
pub mod run;
pub mod shlex;
pub mod solver;
pub mod step;

use crate::engine::clock::Span;
use crate::engine::fs::Tree;
use crate::engine::reference::Reference;

/// What the client sends with `POST /build`.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// `-f` as given (`Dockerfile` by default), for messages.
    pub dockerfile_name: String,
    /// The context directory as the client named it: BuildKit keeps what each directory
    /// sent (its `source.local` cache records) to transfer only changes next time.
    pub context_dir: String,
    /// The Dockerfile's text, or the error reading it.
    pub dockerfile: Result<String, String>,
    /// The context (already filtered by `.dockerignore`), rooted at `/`.
    pub context: Tree,
    /// Size of `.dockerignore` (0 when absent).
    pub dockerignore_size: u64,
    pub tags: Vec<Reference>,
    /// `--build-arg K=V` (`None`: take it from the client's environment, absent here).
    pub build_args: Vec<(String, Option<String>)>,
    pub labels: Vec<(String, String)>,
    pub target: Option<String>,
    pub no_cache: bool,
    pub pull: bool,
}

/// How a progress vertex ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VertexEnd {
    Done(Span),
    Cached,
    Error(String),
}

/// A sub-status of a vertex (`transferring context: 2B`, a layer download).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VertexStatus {
    pub id: String,
    /// `3.64MB / 3.64MB`, or a bare `2B`.
    pub bytes: Option<String>,
    pub took: Span,
}

/// One BuildKit progress vertex.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vertex {
    pub name: String,
    pub statuses: Vec<VertexStatus>,
    /// Output lines with their time prefix (`0.215 hi`).
    pub logs: Vec<String>,
    /// Build-check warnings attached to this vertex (`JSONArgsRecommended: … (line 3)`).
    pub warnings: Vec<String>,
    pub end: VertexEnd,
    /// When the vertex started, from the build's start.
    pub started: Span,
}

impl Vertex {
    pub fn new(name: impl Into<String>, started: Span) -> Vertex {
        Vertex { name: name.into(), statuses: Vec::new(), logs: Vec::new(), warnings: Vec::new(), end: VertexEnd::Done(Span::ZERO), started }
    }
}

/// A failed build: the message after `failed to solve: ` and the Dockerfile lines it
/// points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildFailure {
    pub message: String,
    pub source: Option<SourceLines>,
}

/// Dockerfile lines an error points at (printed as BuildKit's source snippet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLines {
    pub filename: String,
    pub text: String,
    pub start: u32,
    pub end: u32,
}

/// The result of `POST /build`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildReport {
    pub vertices: Vec<Vertex>,
    /// Every build-check warning (`Rule: message (line N)`).
    pub warnings: Vec<String>,
    pub image_id: Option<String>,
    pub failure: Option<BuildFailure>,
    /// The whole build, for `[+] Building 1.2s`.
    pub took: Span,
}

/// BuildKit's `%.2f` of `units.Bytes`: `528B`, `1.47kB`, `3.64MB`.
pub fn human_bytes(n: u64) -> String {
    if n < 1000 {
        return format!("{n}B");
    }
    let units = ["kB", "MB", "GB", "TB"];
    let mut v = n as f64 / 1000.0;
    let mut i = 0;
    while v >= 1000.0 && i + 1 < units.len() {
        v /= 1000.0;
        i += 1;
    }
    format!("{v:.2}{}", units[i])
}
