//! Running a `docker …` line: parse it, then hand the [`Invocation`] to the handler
//! registered for its command, or say (in pt-BR, as a note) that doca does not simulate
//! that command yet.
//!
//! # Adding a handler
//!
//! 1. Create `src/cli/commands/<family>_<command>.rs` (e.g. `container_ls.rs`) with
//!    `pub fn run(inv: &Invocation, ctx: &mut ClientCtx) -> Output` and a
//!    `pub const HANDLERS: &[(&str, Handler)] = &[("container ls", run)];` keyed by the
//!    **canonical** path (`docker ps` arrives as `container ls`, see [`canonical_path`]).
//! 2. Declare the module in `src/cli/commands/mod.rs` and add its `HANDLERS` to
//!    `FAMILIES`.
//! 3. Read flags with `inv.flags.bool("all")`, `inv.flags.string("format")`, … and
//!    arguments with `inv.args`; print with `out.out(..)` / `out.err(..)`; finish errors
//!    with `out.fail(&errors::daemon(msg), 1)`. Tables and `--format` go through
//!    [`crate::cli::format::context::write`].
//!
//! Invariant: `run` never panics; whatever the line, it returns an [`Output`] whose
//! stdout/stderr hold only what docker would print (doca's own words go to `notes`).

use super::env::Env;
use super::output::Output;
use super::parse::{Invocation, parse};
use crate::engine::World;

/// Files on the client's machine (`--env-file`, a build context): the learner's host in
/// the browser, real files for the native twin.
pub trait HostFiles {
    /// The text of `path` (relative to the shell's working directory), or the OS error text
    /// (`no such file or directory`).
    fn read(&self, path: &str) -> Result<String, String>;

    /// The client's standard input: `None` when it is the terminal (lines the learner types
    /// next), or everything a pipe or redirection gave it (`echo y | docker …`,
    /// `< /dev/null` is `Some("")`).
    fn stdin(&self) -> Option<&str> {
        None
    }

    /// The shell's working directory (relative bind-mount sources start there).
    fn cwd(&self) -> Option<&str> {
        None
    }

    /// The files under directory `path` (relative to the working directory) as a tree rooted
    /// at `/` (a build context), or `not found` when there is no such directory.
    fn tree(&self, path: &str) -> Result<crate::engine::fs::Tree, String> {
        let _ = path;
        Err("not found".into())
    }
}

/// No files at all (tests).
pub struct NoFiles;

impl HostFiles for NoFiles {
    fn read(&self, _path: &str) -> Result<String, String> {
        Err("no such file or directory".into())
    }
}

/// What a handler works with: the simulated world (through the engine's API), which client
/// this is, the client's environment and its machine's files.
pub struct ClientCtx<'a> {
    pub world: &'a mut World,
    pub env: &'a Env,
    pub client: crate::engine::event::ClientId,
    pub files: &'a dyn HostFiles,
}

impl ClientCtx<'_> {
    /// The Engine API of the daemon this client talks to.
    pub fn api(&mut self) -> crate::engine::api::Api<'_> {
        self.world.api(self.client)
    }
}

/// A command handler.
pub type Handler = fn(&Invocation, &mut ClientCtx<'_>) -> Output;

/// Top-level shorthands and the management command they are (docker/cli
/// `commands.go`): handlers register under the management path.
const SHORTHANDS: &[(&str, &str)] = &[
    ("attach", "container attach"),
    ("build", "image build"),
    ("builder build", "image build"),
    ("commit", "container commit"),
    ("cp", "container cp"),
    ("create", "container create"),
    ("diff", "container diff"),
    ("events", "system events"),
    ("exec", "container exec"),
    ("export", "container export"),
    ("history", "image history"),
    ("images", "image ls"),
    ("import", "image import"),
    ("info", "system info"),
    ("kill", "container kill"),
    ("load", "image load"),
    ("logs", "container logs"),
    ("pause", "container pause"),
    ("port", "container port"),
    ("ps", "container ls"),
    ("pull", "image pull"),
    ("push", "image push"),
    ("rename", "container rename"),
    ("restart", "container restart"),
    ("rm", "container rm"),
    ("rmi", "image rm"),
    ("run", "container run"),
    ("save", "image save"),
    ("start", "container start"),
    ("stats", "container stats"),
    ("stop", "container stop"),
    ("tag", "image tag"),
    ("top", "container top"),
    ("unpause", "container unpause"),
    ("update", "container update"),
    ("wait", "container wait"),
];

/// The path handlers are keyed by: `["ps"]` → `"container ls"`.
pub fn canonical_path(path: &[&str]) -> String {
    let joined = path.join(" ");
    SHORTHANDS
        .iter()
        .find(|(short, _)| *short == joined)
        .map_or(joined, |(_, long)| long.to_string())
}

impl Invocation {
    /// See [`canonical_path`].
    pub fn canonical_path(&self) -> String {
        canonical_path(&self.path())
    }
}

/// pt-BR note for a command doca does not simulate yet.
pub fn not_simulated_note(path: &str) -> String {
    format!("O doca ainda não simula `docker {path}`.")
}

/// Parses and runs `docker <args…>` with the registered handlers.
pub fn run(args: &[String], ctx: &mut ClientCtx<'_>) -> Output {
    run_with(args, ctx, super::commands::find)
}

/// Like [`run`], with another handler table (tests).
pub fn run_with(
    args: &[String],
    ctx: &mut ClientCtx<'_>,
    find: impl Fn(&str) -> Option<Handler>,
) -> Output {
    let inv = match parse(args, ctx.env) {
        Ok(inv) => inv,
        Err(out) => return out,
    };
    let mut out = Output::default();
    out.extend(&inv.pre_output);
    let path = inv.canonical_path();
    match find(&path) {
        Some(handler) => {
            let result = handler(&inv, ctx);
            out.extend(&result.chunks);
            out.notes.extend(result.notes);
            out.exit = result.exit;
            out.attach = result.attach;
        }
        None => {
            out.notes.push(not_simulated_note(&path));
            out.exit = 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    fn echo(inv: &Invocation, _: &mut ClientCtx<'_>) -> Output {
        let mut out = Output::default();
        out.out(&format!(
            "{} all={} {:?}\n",
            inv.canonical_path(),
            inv.flags.bool("all"),
            inv.args
        ));
        out
    }

    #[test]
    fn routes_shorthands_to_management_paths() {
        let mut world = World::new();
        let env = Env::default();
        let mut ctx = ClientCtx {
            world: &mut world,
            env: &env,
            client: crate::engine::event::ClientId(0),
            files: &NoFiles,
        };
        let find = |p: &str| (p == "container ls").then_some(echo as Handler);
        let out = run_with(&words("ps -a"), &mut ctx, find);
        assert_eq!(
            (out.stdout(), out.exit),
            ("container ls all=true []\n".to_string(), 0)
        );
        let out = run_with(&words("container list"), &mut ctx, find);
        assert_eq!(out.stdout(), "container ls all=false []\n");
        let out = run_with(&words("stop --time 3 x"), &mut ctx, find);
        assert_eq!(
            out.stdout(),
            "Flag --time has been deprecated, use --timeout instead\n"
        );
        assert_eq!((out.exit, out.notes.len()), (1, 1));
        let out = run_with(&words("rm"), &mut ctx, find);
        assert_eq!(out.exit, 1);
        assert!(
            out.stderr()
                .starts_with("docker: 'docker rm' requires at least 1 argument")
        );
    }
}
