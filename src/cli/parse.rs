//! A `docker …` command line to an [`Invocation`], following docker's `main`
//! (`runDocker`: global flags, builder aliases) and cobra's `Execute` (`Traverse`,
//! `ParseFlags`, help and version flags, argument validation, `isSupported`).
//!
//! Invariant: every path returns; a line that does not reach a handler yields the exact
//! output and exit code docker 28.2.2 produces (usage errors, `--help`, `--version`).

use super::checks::{self, is_supported};
use super::env::Env;
use super::flags::ParsedFlags;
use super::flagset::{self, has_no_opt, short_has_no_opt};
use super::help;
use super::output::Output;
use super::spec::{Action, HELP_COMMAND};
use super::tree::Cmd;
use crate::shell::outcome::Chunk;

/// The version line `docker --version` prints.
pub const VERSION_LINE: &str = "Docker version 28.2.2, build e6534b4\n";

const BUILDX_MISSING: &str = "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/\n\n";
const BAKE_MISSING: &str = "ERROR: docker bake requires the buildx component but it is missing or broken.\n       Install the buildx component to use bake:\n       https://docs.docker.com/go/buildx/";

/// A command line that reaches a handler.
#[derive(Clone, Debug)]
pub struct Invocation {
    /// The command (with its ancestors).
    pub cmd: Cmd,
    /// The word used to call it (`list` for `docker container list`).
    pub called_as: String,
    pub flags: ParsedFlags,
    /// Positional arguments.
    pub args: Vec<String>,
    /// Index in `args` where `--` was met.
    pub dash_at: Option<usize>,
    /// `docker [OPTIONS]`: `-H`, `--context`, `-D`, `-l`, …
    pub globals: ParsedFlags,
    /// What the client printed before running the command (deprecation notices); a
    /// handler's output comes after it.
    pub pre_output: Vec<Chunk>,
}

impl Invocation {
    /// Names below the root, canonical: `["container", "ls"]` even for `docker ps`.
    pub fn path(&self) -> Vec<&'static str> {
        self.cmd.path()
    }
}

/// A command line that ends without a handler: a usage error, or `--help`/`--version`
/// output (exit 0). Carries the complete output and exit code.
pub type UsageError = Output;

/// Parses `docker <args…>` (`args` excludes the program name).
pub fn parse(args: &[String], env: &Env) -> Result<Invocation, UsageError> {
    let mut out = Output::default();
    let root = Cmd::root();
    let mut globals = ParsedFlags::new(root.flags());
    let g = flagset::parse(&mut globals, args, false);
    out.err(&g.warnings);
    if let Some(e) = g.error {
        let msg = format!(
            "{e}\n\nUsage:  {}\n\nRun 'docker --help' for more information",
            root.use_line()
        );
        return Err(out.fail(&msg, 125));
    }
    if let Err(e) = checks::check_globals(&globals) {
        return Err(out.fail(&e, 1));
    }
    let rest = g.args;
    if !env.buildx {
        let first: Vec<&str> = rest.iter().take(2).map(String::as_str).collect();
        match first.as_slice() {
            ["bake", ..] => return Err(out.fail(BAKE_MISSING, 1)),
            ["build" | "builder", ..] | ["image", "build"] => out.err(BUILDX_MISSING),
            _ => {}
        }
    }
    let mut state = State {
        out,
        help: globals.bool("help"),
        version: globals.bool("version"),
        env,
    };
    let (cmd, called_as, rest) = match traverse(&mut state, root, "docker".into(), &rest) {
        Ok(found) => found,
        Err(e) => return Err(state.out.fail(&e, 1)),
    };
    execute(state, cmd, called_as, &rest, globals)
}

struct State<'a> {
    out: Output,
    /// The persistent `--help` flag was set on the way down.
    help: bool,
    /// The root's `--version` flag was set.
    version: bool,
    env: &'a Env,
}

fn is_flag_arg(arg: &str) -> bool {
    let b = arg.as_bytes();
    (b.len() >= 3 && b.starts_with(b"--")) || (b.len() >= 2 && b[0] == b'-' && b[1] != b'-')
}

/// cobra's `Traverse`: walks down while the next non-flag word names a subcommand,
/// parsing the flags seen on the way into the parent they follow.
fn traverse(
    st: &mut State,
    cmd: Cmd,
    called_as: String,
    args: &[String],
) -> Result<(Cmd, String, Vec<String>), String> {
    let specs = cmd.flags();
    let mut seen: Vec<String> = Vec::new();
    let mut in_flag = false;
    for (i, arg) in args.iter().enumerate() {
        if arg.starts_with("--") && !arg.contains('=') {
            in_flag = !has_no_opt(&specs, &arg[2..]);
            seen.push(arg.clone());
            continue;
        }
        if arg.starts_with('-')
            && !arg.contains('=')
            && arg.len() == 2
            && !short_has_no_opt(&specs, &arg[1..])
        {
            in_flag = true;
            seen.push(arg.clone());
            continue;
        }
        if in_flag {
            in_flag = false;
            seen.push(arg.clone());
            continue;
        }
        if is_flag_arg(arg) {
            seen.push(arg.clone());
            continue;
        }
        let Some(next) = cmd.child(arg) else {
            return Ok((cmd, called_as, args.to_vec()));
        };
        let mut parsed = ParsedFlags::new(specs.clone());
        let r = flagset::parse(&mut parsed, &seen, cmd.spec().interspersed);
        if let Some(e) = r.error {
            return Err(e);
        }
        st.out.out(&r.warnings);
        if parsed.changed("help") {
            st.help = parsed.bool("help");
        }
        if cmd.is_root() && parsed.changed("version") {
            st.version = parsed.bool("version");
        }
        return traverse(st, next, arg.clone(), &args[i + 1..]);
    }
    Ok((cmd, called_as, args.to_vec()))
}

/// cobra's `Command.execute` for the command found.
fn execute(
    mut st: State,
    cmd: Cmd,
    called_as: String,
    args: &[String],
    globals: ParsedFlags,
) -> Result<Invocation, UsageError> {
    let env = st.env;
    let spec = cmd.spec();
    let mut flags = ParsedFlags::new(cmd.flags());
    let r = flagset::parse(&mut flags, args, spec.interspersed);
    if let Some(e) = r.error {
        if let Err(unsupported) = is_supported(&cmd, &flags, env) {
            return Err(st.out.fail(&unsupported, 1));
        }
        let msg = format!(
            "{e}\n\nUsage:  {}\n\nRun '{} --help' for more information",
            cmd.use_line(),
            cmd.command_path()
        );
        return Err(st.out.fail(&msg, 125));
    }
    st.out.out(&r.warnings);
    let local_help = spec.own_flags().any(|f| f.name == "help");
    let help_flag = if flags.changed("help") {
        flags.bool("help")
    } else {
        !local_help && st.help
    };
    if help_flag {
        st.out.out(&help::help(&cmd, env));
        return Err(st.out);
    }
    let version = if flags.changed_names().contains(&"version") {
        flags.bool("version")
    } else {
        st.version
    };
    if cmd.is_root() && version {
        st.out.out(VERSION_LINE);
        return Err(st.out);
    }
    if cmd.has_tags()
        && let Err(e) = is_supported(&cmd, &flags, env)
    {
        return Err(st.out.fail(&e, 1));
    }
    if let Err(e) = checks::validate_args(&cmd, &r.args) {
        return Err(st.out.fail(&e, 1));
    }
    if let Err(e) = is_supported(&cmd, &flags, env) {
        return Err(st.out.fail(&e, 1));
    }
    if std::ptr::eq(spec, &HELP_COMMAND) {
        return Err(help_command(st.out, &r.args, env));
    }
    if cmd.is_root() {
        if let Some(first) = r.args.first() {
            let msg = format!(
                "docker: unknown command: docker {first}\n\nRun 'docker --help' for more information"
            );
            return Err(st.out.fail(&msg, 1));
        }
        st.out.err(&help::help(&cmd, env));
        return Err(st.out);
    }
    match spec.action {
        Action::ShowHelp => {
            st.out.err(&help::help(&cmd, env));
            Err(st.out)
        }
        Action::ManifestUsage => {
            st.out.err("\n");
            st.out.err(&help::usage(&cmd, env));
            Err(st.out)
        }
        Action::Run => Ok(Invocation {
            cmd,
            called_as,
            flags,
            args: r.args,
            dash_at: r.dash_at,
            globals,
            pre_output: st.out.chunks,
        }),
    }
}

/// `docker help [command]`.
fn help_command(mut out: Output, args: &[String], env: &Env) -> Output {
    match checks::find_for_help(args) {
        Ok(cmd) => {
            out.out(&help::help(&cmd, env));
            out
        }
        Err(rest) => out.fail(&format!("unknown help topic: {}", rest.join(" ")), 1),
    }
}
