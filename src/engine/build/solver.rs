//! The solver: runs a planned Dockerfile stage by stage, reusing cached steps. A step's
//! cache key is its parent's key plus what defines it (RUN: the command, environment,
//! directory and user; COPY/ADD: a checksum of the copied files; WORKDIR: the path), as in
//! BuildKit's LLB: metadata instructions (ENV, CMD, LABEL…) change the image config but not
//! the keys, and the first changed step invalidates every step after it.
//!
//! The daemon side (image store, registries, clock, events) is behind [`Backend`].
//!
//! Invariant: the same plan, context and cache give the same vertices and the same image;
//! every loop is bounded by the Dockerfile's size.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::copy::{self, Attrs};
use super::dockerfile;
use super::history::{self, Entry};
use super::instructions::{self, Form, Instr, Plan};
use super::run;
use super::shlex::{Lex, Vars};
use super::step::{self, StageLayer, StageState};
use super::{BuildFailure, BuildOptions, BuildReport, SourceLines, Vertex, VertexEnd, VertexStatus, human_bytes};
use crate::engine::clock::{Span, Time};
use crate::engine::fs::Tree;
use crate::engine::ids::digest_of;
use crate::engine::model::config::Config;
use crate::engine::proc::SpawnSpec;
use crate::engine::reference::{self, Reference};

/// A cached step: its layer (none for an empty diff) and when it was made.
#[derive(Clone, Debug)]
pub struct CacheRecord {
    pub layer: Option<StageLayer>,
    pub created: Time,
}

/// A base image as the solver needs it.
#[derive(Clone, Debug)]
pub struct Base {
    pub id: String,
    pub config: Config,
    pub history: Vec<Entry>,
    pub layers: Vec<StageLayer>,
    /// Set when it came from a registry during this build.
    pub pulled: Option<Pulled>,
    /// The manifest digest it has in the repository it was named by, when it came from a
    /// registry (now or earlier): BuildKit shows it in the `FROM` step's name.
    pub repo_digest: Option<String>,
}

/// How a base was pulled: its manifest digest and per-blob progress lines.
#[derive(Clone, Debug)]
pub struct Pulled {
    pub digest: String,
    pub statuses: Vec<VertexStatus>,
    pub took: Span,
}

/// What the daemon provides to a build.
pub trait Backend {
    fn now(&self) -> Time;
    fn advance(&mut self, span: Span);
    fn cache_get(&self, key: &str) -> Option<CacheRecord>;
    fn cache_put(&mut self, key: &str, rec: CacheRecord);
    /// The image `r` names in the local store.
    fn local_base(&self, r: &Reference) -> Option<Base>;
    /// Pulls `r` from its registry; the error is the resolver's message.
    fn pull_base(&mut self, r: &Reference) -> Result<Base, String>;
    fn kernel(&self) -> String;
    /// A fresh random-looking ID (BuildKit's ref IDs in messages).
    fn fresh_id(&mut self) -> String;
    /// A step ran (`cached`: reused).
    fn step_event(&mut self, name: &str, cached: bool);
}

/// The built image: config, history (times filled), layers and creation time.
#[derive(Clone, Debug)]
pub struct Built {
    pub config: Config,
    pub history: Vec<Entry>,
    pub layers: Vec<StageLayer>,
    pub created: Time,
}

struct Solver<'a> {
    b: &'a mut dyn Backend,
    opts: &'a BuildOptions,
    start: Time,
    report: BuildReport,
    text: String,
    context_loaded: bool,
}

fn key(parts: &[&str]) -> String {
    digest_of(parts.join("\u{0}").as_bytes())
}

impl Solver<'_> {
    fn at(&self) -> Span {
        self.b.now().since(self.start)
    }

    fn push(&mut self, v: Vertex) -> usize {
        self.report.vertices.push(v);
        self.report.vertices.len() - 1
    }

    fn fail(&mut self, message: String, lines: Option<(u32, u32)>) {
        let source = lines.map(|(start, end)| SourceLines {
            filename: self.opts.dockerfile_name.clone(),
            text: self.text.clone(),
            start,
            end,
        });
        self.report.failure = Some(BuildFailure { message, source });
    }

    fn step_vertex(&mut self, name: &str) -> usize {
        let at = self.at();
        self.push(Vertex::new(name, at))
    }

    fn end(&mut self, v: usize, end: VertexEnd) {
        self.report.vertices[v].end = end;
    }
}

/// Runs a build; the image is `None` when the build failed (see `report.failure`).
pub fn solve(b: &mut dyn Backend, opts: &BuildOptions) -> (BuildReport, Option<Built>) {
    let start = b.now();
    let mut s = Solver { b, opts, start, report: BuildReport::default(), text: String::new(), context_loaded: false };
    let built = build(&mut s);
    s.report.took = s.at();
    (s.report, built)
}

fn build(s: &mut Solver) -> Option<Built> {
    let def = s.step_vertex(&format!("[internal] load build definition from {}", s.opts.dockerfile_name));
    let text = match &s.opts.dockerfile {
        Ok(t) => t.clone(),
        Err(e) => {
            s.report.vertices[def].statuses.push(VertexStatus { id: "transferring dockerfile:".into(), bytes: Some("2B".into()), took: Span::ZERO });
            s.fail(format!("failed to read dockerfile: open {}: {e}", s.opts.dockerfile_name), None);
            return None;
        }
    };
    s.text = text.clone();
    let size = text.len() as u64 + 24;
    s.report.vertices[def].statuses.push(VertexStatus { id: "transferring dockerfile:".into(), bytes: Some(human_bytes(size)), took: Span::ZERO });
    if text.is_empty() {
        s.fail("the Dockerfile cannot be empty".into(), None);
        return None;
    }
    let df = match dockerfile::parse(&text) {
        Ok(df) => df,
        Err(e) => {
            let lines = (e.line > 0).then_some((e.line, e.line));
            s.fail(e.message, lines);
            return None;
        }
    };
    let plan = match instructions::plan(&df) {
        Ok(p) => p,
        Err(e) => {
            s.fail(e.message, e.lines);
            return None;
        }
    };
    for (rule, msg, line) in &plan.warnings {
        let w = format!("{rule}: {msg} (line {line})");
        s.report.vertices[def].warnings.push(w.clone());
        s.report.warnings.push(w);
    }
    run_plan(s, &plan)
}

/// Build arguments given with `--build-arg` (unset `K` without value is ignored).
fn build_args(opts: &BuildOptions) -> BTreeMap<String, String> {
    opts.build_args.iter().filter_map(|(k, v)| v.clone().map(|v| (k.clone(), v))).collect()
}

fn stage_index(plan: &Plan, name: &str, before: usize) -> Option<usize> {
    let lower = name.to_lowercase();
    plan.stages[..before].iter().position(|st| st.name.as_deref() == Some(lower.as_str())).or_else(|| {
        name.parse::<usize>().ok().filter(|i| *i < before)
    })
}

fn run_plan(s: &mut Solver, plan: &Plan) -> Option<Built> {
    let bargs = build_args(s.opts);
    let mut meta: Vars = Vars::new();
    let lex = Lex::new(plan.escape);
    for (k, d) in &plan.meta_args {
        let v = bargs.get(k).cloned().or_else(|| d.as_ref().and_then(|d| lex.word(d, &meta).ok()));
        if let Some(v) = v {
            meta.insert(k.clone(), v);
        }
    }
    let target = match &s.opts.target {
        Some(t) => match plan.stages.iter().position(|st| st.name.as_deref() == Some(t.to_lowercase().as_str())) {
            Some(i) => i,
            None => {
                s.fail(format!("target stage \"{t}\" could not be found"), None);
                return None;
            }
        },
        None => plan.stages.len() - 1,
    };
    // Stages the target needs.
    let mut needed = vec![false; plan.stages.len()];
    needed[target] = true;
    for i in (0..=target).rev() {
        if !needed[i] {
            continue;
        }
        let st = &plan.stages[i];
        if let Some(j) = stage_index(plan, &lex.word(&st.base, &meta).unwrap_or_default(), i) {
            needed[j] = true;
        }
        for step in &st.steps {
            if let Instr::Copy { from: Some(f), .. } = &step.instr {
                if let Some(j) = stage_index(plan, f, i) {
                    needed[j] = true;
                }
            }
        }
    }
    // Resolve external bases ("load metadata").
    let mut bases: BTreeMap<String, Base> = BTreeMap::new();
    let mut base_names: Vec<Option<(Reference, String)>> = vec![None; plan.stages.len()];
    for (i, st) in plan.stages.iter().enumerate() {
        if !needed[i] {
            continue;
        }
        let name = lex.word(&st.base, &meta).unwrap_or_else(|_| st.base.clone());
        if name == "scratch" || stage_index(plan, &name, i).is_some() {
            continue;
        }
        let r = match reference::parse_normalized(&name) {
            Ok(r) => r.with_default_tag(),
            Err(e) => {
                s.fail(format!("failed to parse stage name \"{name}\": {e}"), Some((st.from.start, st.from.end)));
                return None;
            }
        };
        let full = r.to_string();
        base_names[i] = Some((r.clone(), name.clone()));
        if bases.contains_key(&full) {
            continue;
        }
        let v = s.step_vertex(&format!("[internal] load metadata for {full}"));
        let local = if s.opts.pull { None } else { s.b.local_base(&r) };
        let base = match local {
            Some(b) => b,
            None => {
                let t0 = s.b.now();
                match s.b.pull_base(&r) {
                    Ok(b) => {
                        let took = s.b.now().since(t0);
                        s.end(v, VertexEnd::Done(took));
                        b
                    }
                    Err(e) => {
                        s.end(v, VertexEnd::Error(e.clone()));
                        s.fail(format!("{name}: failed to resolve source metadata for {full}: {e}"), Some((st.from.start, st.from.end)));
                        return None;
                    }
                }
            }
        };
        bases.insert(full, base);
    }
    let ign = s.step_vertex("[internal] load .dockerignore");
    let ign_size = if s.opts.dockerignore_size == 0 { 2 } else { s.opts.dockerignore_size };
    s.report.vertices[ign].statuses.push(VertexStatus { id: "transferring context:".into(), bytes: Some(human_bytes(ign_size)), took: Span::ZERO });

    let multi = plan.stages.len() > 1;
    let mut states: Vec<Option<StageState>> = vec![None; plan.stages.len()];
    let mut from_vertices: BTreeMap<String, ()> = BTreeMap::new();
    for i in 0..plan.stages.len() {
        if !needed[i] {
            continue;
        }
        let st = &plan.stages[i];
        let label = if multi { Some(st.name.clone().unwrap_or_else(|| format!("stage-{i}"))) } else { None };
        let total = u32::from(base_names[i].is_some())
            + st.steps.iter().filter(|x| matches!(x.instr, Instr::Run(_) | Instr::Copy { .. } | Instr::Workdir(_))).count() as u32;
        let mut counter = Counter { label, total, index: 0 };
        let base_word = lex.word(&st.base, &meta).unwrap_or_default();
        let mut state = if let Some((r, _)) = &base_names[i] {
            let full = r.to_string();
            let base = bases[&full].clone();
            let key0 = key(&["FROM", &base.id]);
            let name = match base.pulled.as_ref().map(|p| &p.digest).or(base.repo_digest.as_ref()) {
                Some(d) => format!("FROM {full}@{d}"),
                None => format!("FROM {full}"),
            };
            let shown = counter.name(&name);
            // BuildKit reads the context while it pulls a base, so that vertex comes first
            // then; with the base at hand it follows the FROM step.
            let context_now = uses_context(st) && base.pulled.is_some();
            if context_now {
                load_context(s);
            }
            if from_vertices.insert(full.clone(), ()).is_none() {
                let v = s.step_vertex(&shown);
                match &base.pulled {
                    Some(p) => {
                        s.report.vertices[v].statuses = p.statuses.clone();
                        s.end(v, VertexEnd::Done(p.took));
                    }
                    // a base image already in the store resolves at once: BuildKit prints
                    // `DONE 0.0s`, not CACHED, for it
                    None => s.end(v, VertexEnd::Done(Span::ZERO)),
                }
                s.b.step_event(&shown, base.pulled.is_none());
                s.b.cache_put(&key0, CacheRecord { layer: None, created: s.b.now() });
            }
            if uses_context(st) {
                load_context(s);
            }
            let mut config = base.config.clone();
            config.on_build.clear();
            step::new_stage(config, base.history.clone(), base.layers.clone(), key0)
        } else if base_word == "scratch" {
            step::new_stage(Config::default(), Vec::new(), Vec::new(), key(&["scratch"]))
        } else {
            let j = stage_index(plan, &base_word, i).unwrap_or(0);
            let mut prev = states[j].clone()?;
            prev.args.clear();
            prev
        };
        for stp in &st.steps {
            let ok = match &stp.instr {
                Instr::Run(f) => run_step(s, &mut state, &mut counter, f, stp, plan.escape),
                Instr::Copy { .. } => copy_step(s, &mut state, &mut counter, stp, plan, i, &states, &bases),
                Instr::Workdir(p) => workdir_step(s, &mut state, &mut counter, p, plan.escape),
                other => match step::apply_meta(&mut state, other, plan.escape, &bargs, &meta) {
                    Ok(()) => true,
                    Err(e) => {
                        s.fail(format!("dockerfile parse error on line {}: {e}", stp.node.start), Some((stp.node.start, stp.node.end)));
                        false
                    }
                },
            };
            if !ok {
                return None;
            }
        }
        states[i] = Some(state);
    }
    let mut final_state = states[target].clone()?;
    for (k, v) in &s.opts.labels {
        final_state.config.labels.insert(k.clone(), v.clone());
    }
    let fallback = s.b.now();
    let created = history::fill_times(&mut final_state.history, fallback);
    Some(Built { config: final_state.config, history: final_state.history, layers: final_state.layers, created })
}

/// Step numbering of a stage: `[stage-1 2/4] `.
struct Counter {
    label: Option<String>,
    total: u32,
    index: u32,
}

impl Counter {
    fn name(&mut self, text: &str) -> String {
        if self.total == 0 {
            return text.to_string();
        }
        self.index += 1;
        let width = (self.total as f64).log10().floor() as usize + 1;
        let label = self.label.as_ref().map(|l| format!("{l} ")).unwrap_or_default();
        format!("[{label}{:>width$}/{}] {text}", self.index, self.total)
    }
}

fn upper_first(s: &str) -> String {
    match s.split_once(' ') {
        Some((a, b)) => format!("{} {b}", a.to_uppercase()),
        None => s.to_uppercase(),
    }
}

/// Reuses a cached step or runs `make`; returns false when the build failed.
fn cached_or(s: &mut Solver, state: &mut StageState, v: usize, k: &str, created_by: String, make: impl FnOnce(&mut Solver, &StageState) -> Result<(Tree, Span), ()>) -> bool {
    let hit = if s.opts.no_cache { None } else { s.b.cache_get(k) };
    let (layer, created) = match hit {
        Some(rec) => {
            s.end(v, VertexEnd::Cached);
            let name = s.report.vertices[v].name.clone();
            s.b.step_event(&name, true);
            (rec.layer, rec.created)
        }
        None => {
            let Ok((tree, took)) = make(s, state) else { return false };
            s.b.advance(took);
            s.end(v, VertexEnd::Done(took));
            let name = s.report.vertices[v].name.clone();
            s.b.step_event(&name, false);
            let layer = (!tree.is_empty()).then(|| StageLayer { diff_id: tree.digest(), size: tree.size(), content: Arc::new(tree) });
            let created = s.b.now();
            s.b.cache_put(k, CacheRecord { layer: layer.clone(), created });
            (layer, created)
        }
    };
    let size = layer.as_ref().map_or(0, |l| l.size);
    state.history.push(step::layer_entry(created_by, created, size, layer.is_none()));
    if let Some(l) = layer {
        state.layers.push(l);
    }
    state.key = k.to_string();
    true
}

fn lowers(state: &StageState) -> Vec<Arc<Tree>> {
    state.layers.iter().map(|l| l.content.clone()).collect()
}

fn run_step(s: &mut Solver, state: &mut StageState, c: &mut Counter, f: &Form, stp: &instructions::Step, esc: char) -> bool {
    let vars = state.vars();
    let raw = Lex { escape: esc, raw_quotes: true, skip_unset: true };
    let shown = upper_first(&raw.word(&stp.node.original, &vars).unwrap_or_else(|_| stp.node.original.clone()));
    let name = c.name(&shown);
    let v = s.step_vertex(&name);
    let argv = match f {
        Form::Exec(a) => a.clone(),
        Form::Shell(cmd) => state.shell().into_iter().chain(std::iter::once(cmd.clone())).collect(),
    };
    let mut env: Vec<String> = Vec::new();
    if state.config.env_get("PATH").is_none() {
        env.push("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into());
    }
    env.extend(state.config.env.iter().cloned());
    let args = state.run_args();
    env.extend(args.iter().map(|(k, v)| format!("{k}={v}")));
    let cwd = if state.config.working_dir.is_empty() { "/".to_string() } else { state.config.working_dir.clone() };
    let k = key(&[&state.key, "RUN", &argv.join("\u{1}"), &env.join("\u{1}"), &cwd, &state.config.user]);
    let created_by = history::run_created_by(&argv, &args);
    let spec = SpawnSpec { argv: argv.clone(), env, cwd, user: state.config.user.clone(), ..SpawnSpec::default() };
    let lines = (stp.node.start, stp.node.end);
    cached_or(s, state, v, &k, created_by, |s, state| {
        let ls = lowers(state);
        let refs: Vec<&Tree> = ls.iter().map(|a| &**a).collect();
        let kernel = s.b.kernel();
        let r = run::run(&refs, &spec, s.b.now(), &kernel);
        let took = Span::millis(200) + r.took;
        for (at, line) in &r.output {
            let sec = (Span::millis(150) + *at).as_secs_f64();
            let prec = if sec < 10.0 { 3 } else if sec < 100.0 { 2 } else { 1 };
            s.report.vertices[v].logs.push(format!("{sec:.prec$} {line}"));
        }
        let msg = match r.exit {
            Ok(0) => return Ok((r.layer, took)),
            Ok(code) => format!("process \"{}\" did not complete successfully: exit code: {code}", argv.join(" ")),
            Err(e) => e,
        };
        s.b.advance(took);
        s.end(v, VertexEnd::Error(msg.clone()));
        s.fail(msg, Some(lines));
        Err(())
    })
}

fn workdir_step(s: &mut Solver, state: &mut StageState, c: &mut Counter, p: &str, esc: char) -> bool {
    let vars = state.vars();
    let path = Lex::new(esc).word(p, &vars).unwrap_or_else(|_| p.to_string());
    let cur = if state.config.working_dir.is_empty() { "/".to_string() } else { state.config.working_dir.clone() };
    let abs = crate::unix::fs::path::normalize(&cur, &path);
    state.config.working_dir = abs.clone();
    let name = c.name(&format!("WORKDIR {abs}"));
    let v = s.step_vertex(&name);
    let k = key(&[&state.key, "WORKDIR", &abs, &state.config.user]);
    let now = s.b.now();
    cached_or(s, state, v, &k, format!("WORKDIR {abs}"), |_, state| {
        let ls = lowers(state);
        let refs: Vec<&Tree> = ls.iter().map(|a| &**a).collect();
        let flat = copy::flatten(&refs);
        let mut t = Tree::new();
        if abs != "/" && flat.get(&abs).is_none() && !flat.has_below(&abs) {
            for a in crate::unix::fs::path::ancestors(&abs) {
                if flat.get(a).is_none() && !flat.has_below(a) {
                    t.dir(a, now);
                }
            }
            t.dir(&abs, now);
        }
        Ok((t, Span::millis(20)))
    })
}

/// `--chown` to numeric IDs, with names looked up in the stage's `/etc/passwd`.
fn chown_ids(spec: &str, fs: &Tree) -> Result<(u32, u32), String> {
    let (u, g) = spec.split_once(':').map_or((spec, None), |(u, g)| (u, Some(g)));
    let lookup = |file: &str, name: &str, what: &str| -> Result<u32, String> {
        if let Ok(n) = name.parse::<u32>() {
            return Ok(n);
        }
        let text = match fs.get(file) {
            Some(crate::unix::fs::Entry::Node(crate::unix::fs::Node::File { data, .. })) => String::from_utf8_lossy(&data.bytes()).into_owned(),
            _ => String::new(),
        };
        text.lines()
            .map(|l| l.split(':').collect::<Vec<_>>())
            .find(|f| f.len() > 2 && f[0] == name)
            .and_then(|f| f[2].parse().ok())
            .ok_or_else(|| format!("unable to convert uid/gid chown string to host mapping: can't find {what} for user {name}: no such user: {name}"))
    };
    let uid = lookup("/etc/passwd", u, "uid")?;
    let gid = match g {
        Some(g) => lookup("/etc/group", g, "gid")?,
        None => uid,
    };
    Ok((uid, gid))
}

#[allow(clippy::too_many_arguments)]
/// Whether a stage copies from the build context (`COPY`/`ADD` without `--from`).
fn uses_context(st: &instructions::Stage) -> bool {
    st.steps.iter().any(|x| matches!(x.instr, Instr::Copy { from: None, .. }))
}

/// The `[internal] load build context` vertex, once per build.
fn load_context(s: &mut Solver) {
    if !s.context_loaded {
        s.context_loaded = true;
        let v = s.step_vertex("[internal] load build context");
        let n = super::context::transfer_size(&s.opts.context).max(2);
        s.report.vertices[v].statuses.push(VertexStatus { id: "transferring context:".into(), bytes: Some(human_bytes(n)), took: Span::ZERO });
    }
}

fn copy_step(s: &mut Solver, state: &mut StageState, c: &mut Counter, stp: &instructions::Step, plan: &Plan, here: usize, states: &[Option<StageState>], bases: &BTreeMap<String, Base>) -> bool {
    let Instr::Copy { add, srcs, dest, from, chown, chmod } = &stp.instr else { return false };
    let vars = state.vars();
    let lex = Lex::new(plan.escape);
    let shown = upper_first(&lex.word(&stp.node.original, &vars).unwrap_or_else(|_| stp.node.original.clone()));
    let lines = Some((stp.node.start, stp.node.end));
    let src_tree: Tree = match from {
        Some(f) => match stage_index(plan, f, here) {
            Some(j) => match &states[j] {
                Some(st) => {
                    let ls = lowers(st);
                    copy::flatten(&ls.iter().map(|a| &**a).collect::<Vec<_>>())
                }
                None => return false,
            },
            None => {
                let r = reference::parse_normalized(f).map(|r| r.with_default_tag());
                let base = r.ok().and_then(|r| bases.get(&r.to_string()).cloned().or_else(|| s.b.local_base(&r)));
                match base {
                    Some(b) => copy::flatten(&b.layers.iter().map(|l| &*l.content).collect::<Vec<_>>()),
                    None => {
                        s.fail(format!("{f}: failed to resolve source metadata for docker.io/library/{f}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"), lines);
                        return false;
                    }
                }
            }
        },
        None => {
            load_context(s);
            s.opts.context.clone()
        }
    };
    let name = c.name(&shown);
    let v = s.step_vertex(&name);
    let srcs_x: Vec<String> = srcs.iter().map(|x| lex.word(x, &vars).unwrap_or_else(|_| x.clone())).collect();
    let dest_x = lex.word(dest, &vars).unwrap_or_else(|_| dest.clone());
    let cwd = if state.config.working_dir.is_empty() { "/".to_string() } else { state.config.working_dir.clone() };
    let dest_abs = crate::unix::fs::path::normalize(&cwd, &dest_x);
    let mut selected = Vec::new();
    for src in &srcs_x {
        if *add && (src.starts_with("http://") || src.starts_with("https://")) {
            let msg = format!("failed to load cache key: Get \"{src}\": dial tcp: lookup {}: no such host", src.split('/').nth(2).unwrap_or(""));
            s.end(v, VertexEnd::Error(msg.clone()));
            s.fail(msg, lines);
            return false;
        }
        let got = copy::select(&src_tree, src);
        if got.is_empty() {
            let (a, b) = (s.b.fresh_id(), s.b.fresh_id());
            let shown_src = crate::unix::fs::path::normalize("/", src);
            let inner = format!("failed to calculate checksum of ref {}::{}: \"{shown_src}\": not found", &a[..36.min(a.len())], b.replace('-', "").chars().take(25).collect::<String>());
            s.end(v, VertexEnd::Error(inner.clone()));
            s.fail(format!("failed to compute cache key: {inner}"), lines);
            return false;
        }
        selected.extend(got);
    }
    if selected.len() > 1 && !dest_x.ends_with('/') {
        let msg = "When using COPY with more than one source file, the destination must be a directory and end with a /".to_string();
        s.end(v, VertexEnd::Error(msg.clone()));
        s.fail(msg, lines);
        return false;
    }
    let ls = lowers(state);
    let flat = copy::flatten(&ls.iter().map(|a| &**a).collect::<Vec<_>>());
    let owner = match chown.as_ref().map(|spec| chown_ids(&lex.word(spec, &vars).unwrap_or_default(), &flat)).transpose() {
        Ok(o) => o,
        Err(e) => {
            s.end(v, VertexEnd::Error(e.clone()));
            s.fail(e, lines);
            return false;
        }
    };
    let mode = chmod.as_ref().and_then(|m| u32::from_str_radix(m, 8).ok());
    let attrs = Attrs { owner, mode };
    let sum = copy::checksum(&src_tree, &selected);
    let into = copy::dest_is_dir(&dest_x, selected.len(), &flat, &dest_abs);
    let kind = if *add { "ADD" } else { "COPY" };
    let k = key(&[&state.key, kind, &sum, &selected.join("\u{1}"), &dest_abs, &format!("{into}"), chown.as_deref().unwrap_or(""), chmod.as_deref().unwrap_or("")]);
    let mut created_by = String::from(kind);
    if let Some(c) = chown {
        created_by.push_str(&format!(" --chown={c}"));
    }
    if let Some(m) = chmod {
        created_by.push_str(&format!(" --chmod={m}"));
    }
    for x in &srcs_x {
        created_by.push_str(&format!(" {x}"));
    }
    created_by.push_str(&format!(" {dest_x} # buildkit"));
    let now = s.b.now();
    cached_or(s, state, v, &k, created_by, |_, _| {
        let layer = copy::copy(&src_tree, &selected, &dest_abs, into, &flat, attrs, now);
        let took = Span::millis(100 + layer.size() / 50_000_000);
        Ok((layer, took))
    })
}
