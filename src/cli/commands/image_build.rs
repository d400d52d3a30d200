//! `docker build` (`image build`, `builder build`) as buildx runs it: the client reads the
//! context directory and the Dockerfile from the client's machine, applies `.dockerignore`,
//! sends the build to the daemon and prints BuildKit's progress on stderr: the `tty` final
//! screen in a terminal, the `plain` lines otherwise (see [`crate::cli::format::buildkit`]).
//!
//! Invariant: progress and errors go to stderr; only `-q` prints the image ID on stdout.

use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::format::buildkit;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::engine::build::context::{Ignore, filter};
use crate::engine::build::{BuildOptions, BuildReport};
use crate::engine::reference;
use crate::unix::fs::{Entry, Node};

pub const HANDLERS: &[(&str, Handler)] = &[("image build", run)];

fn file_text(tree: &crate::engine::fs::Tree, path: &str) -> Option<String> {
    match tree.get(path) {
        Some(Entry::Node(Node::File { data, .. })) => Some(String::from_utf8_lossy(&data.bytes()).into_owned()),
        _ => None,
    }
}

fn run(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let path = inv.args.first().cloned().unwrap_or_default();
    if path == "-" || path.contains("://") || path.starts_with("git@") {
        out.notes.push("O doca ainda não simula contextos de build vindos da entrada padrão ou de uma URL: use um diretório (por exemplo `docker build .`).".into());
        return out.fail(&format!("ERROR: unable to prepare context: path {path:?} not found"), 1);
    }
    let tree = match ctx.files.tree(&path) {
        Ok(t) => t,
        Err(_) => return out.fail(&format!("ERROR: unable to prepare context: path {path:?} not found"), 1),
    };
    let file_flag = inv.flags.string("file");
    let name = if file_flag.is_empty() { "Dockerfile".to_string() } else { file_flag.clone() };
    let df_path = crate::unix::fs::path::normalize("/", &name);
    let dockerfile = match file_text(&tree, &df_path) {
        Some(t) => Ok(t),
        None if !file_flag.is_empty() && file_flag.starts_with('/') => ctx.files.read(&file_flag).map_err(|_| "no such file or directory".to_string()),
        None => Err("no such file or directory".to_string()),
    };
    let ignore_text = file_text(&tree, &format!("{df_path}.dockerignore")).or_else(|| file_text(&tree, "/.dockerignore"));
    let ignore = Ignore::parse(ignore_text.as_deref().unwrap_or(""));
    let context = filter(&tree, &ignore);
    let mut tags = Vec::new();
    for t in inv.flags.strings("tag") {
        match reference::parse_normalized(&t) {
            Ok(r) => tags.push(r),
            Err(e) => return out.fail(&format!("ERROR: invalid tag {t:?}: {e}"), 1),
        }
    }
    let build_args = inv
        .flags
        .strings("build-arg")
        .into_iter()
        .map(|a| match a.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (a, None),
        })
        .collect();
    let labels = inv
        .flags
        .strings("label")
        .into_iter()
        .map(|l| match l.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (l, String::new()),
        })
        .collect();
    let target = Some(inv.flags.string("target")).filter(|t| !t.is_empty());
    let opts = BuildOptions {
        dockerfile_name: crate::unix::fs::path::base(&df_path).to_string(),
        context_dir: crate::unix::fs::path::normalize(ctx.files.cwd().unwrap_or("/"), &path),
        dockerfile,
        context,
        dockerignore_size: ignore_text.map_or(0, |t| t.len() as u64),
        tags,
        build_args,
        labels,
        target,
        no_cache: inv.flags.bool("no-cache"),
        pull: inv.flags.bool("pull"),
    };
    let report = match ctx.api().image_build(&opts) {
        Ok(r) => r,
        Err(e) => return out.fail(&format!("ERROR: {}", e.message()), 1),
    };
    let term = if ctx.env.stderr_tty { ctx.env.term_width } else { None };
    print(&mut out, &report, inv.flags.bool("quiet"), term);
    out
}

/// Writes the progress (unless quiet), then the result or the failure.
pub fn print(out: &mut Output, r: &BuildReport, quiet: bool, term: Option<u16>) {
    if !quiet {
        let progress = match term {
            Some(w) => buildkit::tty(r, usize::from(w)),
            None => buildkit::plain(r),
        };
        out.err(&progress);
        out.err(&buildkit::error_logs(r));
        out.err(&buildkit::warnings(r));
    }
    match &r.failure {
        Some(f) => {
            if let Some(s) = &f.source {
                out.err(&buildkit::source(s));
            }
            out.err(&format!("ERROR: failed to solve: {}\n", f.message));
            out.exit = 1;
        }
        None => {
            if quiet {
                out.out(&format!("{}\n", r.image_id.clone().unwrap_or_default()));
            }
        }
    }
}
