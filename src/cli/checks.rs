//! The checks docker runs between parsing and a command's handler: global option sanity
//! (`Initialize`), argument counts (`cli.RequiresMinArgs` & co.), daemon support
//! (`isSupported`), and cobra's `Find` used by `docker help`.
//!
//! Invariant: each check returns docker's error text (printed by `main`, exit 1) and
//! has no side effect.

use super::env::{Env, version_less};
use super::flags::ParsedFlags;
use super::flagset::{has_no_opt, short_has_no_opt};
use super::spec::{Args, FlagSpec};
use super::tree::Cmd;

/// `DockerCli.Initialize`: log level and endpoint options.
pub fn check_globals(globals: &ParsedFlags) -> Result<(), String> {
    let level = globals.string("log-level");
    let known = [
        "panic", "fatal", "error", "warn", "warning", "info", "debug", "trace",
    ];
    if !level.is_empty() && !known.contains(&level.to_lowercase().as_str()) {
        return Err(format!("Unable to parse logging level: {level}"));
    }
    let hosts = globals.strings("host");
    if !globals.string("context").is_empty() && !hosts.is_empty() {
        return Err("conflicting options: cannot specify both --host and --context".into());
    }
    if hosts.len() > 1 {
        return Err(
            "Failed to initialize: unable to resolve docker endpoint: Specify only one -H".into(),
        );
    }
    Ok(())
}

fn plural(n: u8) -> &'static str {
    if n == 1 { "argument" } else { "arguments" }
}

/// The command's `Args` rule (docker/cli `cli/required.go`).
pub fn validate_args(cmd: &Cmd, args: &[String]) -> Result<(), String> {
    let n = args.len();
    let path = cmd.command_path();
    let usage = cmd.use_line();
    let spec = cmd.spec();
    match spec.args {
        Args::Any => Ok(()),
        Args::None if n == 0 => Ok(()),
        Args::None if spec.has_subcommands() => Err(format!(
            "docker: unknown command: {path} {}\n\nUsage:  {usage}\n\nRun '{path} --help' for more information",
            args[0]
        )),
        Args::None => Err(format!(
            "docker: '{path}' accepts no arguments\n\nUsage:  {usage}\n\nRun '{path} --help' for more information"
        )),
        Args::Min(m) if n >= usize::from(m) => Ok(()),
        Args::Min(m) => Err(format!(
            "docker: '{path}' requires at least {m} {}\n\nUsage:  {usage}\n\nSee '{path} --help' for more information",
            plural(m)
        )),
        Args::Max(m) if n <= usize::from(m) => Ok(()),
        Args::Max(m) => Err(format!(
            "docker: '{path}' requires at most {m} {}\n\nUsage:  {usage}\n\nSRun '{path} --help' for more information",
            plural(m)
        )),
        Args::Exact(m) if n == usize::from(m) => Ok(()),
        Args::Exact(m) => Err(format!(
            "docker: '{path}' requires {m} {}\n\nUsage:  {usage}\n\nRun '{path} --help' for more information",
            plural(m)
        )),
        Args::Range(lo, hi) if (usize::from(lo)..=usize::from(hi)).contains(&n) => Ok(()),
        Args::Range(lo, hi) => Err(format!(
            "docker: '{path}' requires at least {lo} and at most {hi} {}\n\nUsage:  {usage}\n\nRun '{path} --help' for more information",
            plural(hi)
        )),
        Args::CobraExact(m) if n == usize::from(m) => Ok(()),
        Args::CobraExact(m) => Err(format!("accepts {m} arg(s), received {n}")),
        Args::ServiceScale => {
            if n == 0 {
                return Err(format!(
                    "docker: '{path}' requires at least 1 argument\n\nUsage:  {usage}\n\nSee '{path} --help' for more information"
                ));
            }
            for a in args {
                let ok = a
                    .split_once('=')
                    .is_some_and(|(k, v)| !k.is_empty() && !v.is_empty());
                if !ok {
                    return Err(format!(
                        "invalid scale specifier '{a}'.\nSee '{path} --help'.\n\nUsage:  {usage}\n\n{}",
                        spec.short
                    ));
                }
            }
            Ok(())
        }
    }
}

/// `isSupported`: the command (or an ancestor) or a flag given needs a newer API, another
/// OS, or experimental features.
pub fn is_supported(cmd: &Cmd, flags: &ParsedFlags, env: &Env) -> Result<(), String> {
    let s = &env.server;
    let path = cmd.command_path();
    for c in cmd.chain().iter().rev() {
        let g = &c.gate;
        if !g.version.is_empty() && version_less(&s.api_version, g.version) {
            return Err(format!(
                "{path} requires API version {}, but the Docker daemon API version is {}",
                g.version, s.api_version
            ));
        }
        if !g.ostype.is_empty() && !s.os_type.is_empty() && g.ostype != s.os_type {
            return Err(format!(
                "{path} is only supported on a Docker daemon running on {}, but the Docker daemon is running on {}",
                g.ostype, s.os_type
            ));
        }
        if g.experimental && !s.experimental {
            return Err(format!(
                "{path} is only supported on a Docker daemon with experimental features enabled"
            ));
        }
    }
    let mut specs: Vec<&'static FlagSpec> = flags.specs().to_vec();
    specs.sort_by_key(|f| f.name);
    let mut errs: Vec<String> = Vec::new();
    for f in specs
        .iter()
        .filter(|f| flags.changed_names().contains(&f.name))
    {
        let g = &f.gate;
        if !g.version.is_empty() && version_less(&s.api_version, g.version) {
            errs.push(format!(
                "\"--{}\" requires API version {}, but the Docker daemon API version is {}",
                f.name, g.version, s.api_version
            ));
            continue;
        }
        if !g.ostype.is_empty()
            && (s.os_type.is_empty() || g.ostype != s.os_type)
            && !s.os_type.is_empty()
        {
            errs.push(format!(
                "\"--{}\" is only supported on a Docker daemon running on {}, but the Docker daemon is running on {}",
                f.name, g.ostype, s.os_type
            ));
            continue;
        }
        if g.experimental && !s.experimental {
            errs.push(format!(
                "\"--{}\" is only supported on a Docker daemon with experimental features enabled",
                f.name
            ));
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs.join("\n"))
    }
}

/// cobra's `stripFlags`: the words of `args` that are not flags or flag values.
fn strip_flags(args: &[String], specs: &[&'static FlagSpec]) -> Vec<String> {
    let mut words = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let s = &args[i];
        i += 1;
        let long_with_value =
            s.starts_with("--") && !s.contains('=') && !has_no_opt(specs, &s[2..]);
        let short_with_value = s.starts_with('-')
            && !s.contains('=')
            && s.len() == 2
            && !short_has_no_opt(specs, &s[1..]);
        if s == "--" {
            break;
        } else if long_with_value || short_with_value {
            if args.len() - i <= 1 {
                break;
            }
            i += 1;
        } else if !s.is_empty() && !s.starts_with('-') {
            words.push(s.clone());
        }
    }
    words
}

/// cobra's `argsMinusFirstX`: `args` without the first `x` that is not a flag value.
fn args_minus_first(args: &[String], x: &str, specs: &[&'static FlagSpec]) -> Vec<String> {
    let mut pos = 0;
    while pos < args.len() {
        let s = &args[pos];
        let long_with_value =
            s.starts_with("--") && !s.contains('=') && !has_no_opt(specs, &s[2..]);
        let short_with_value = s.starts_with('-')
            && !s.contains('=')
            && s.len() == 2
            && !short_has_no_opt(specs, &s[1..]);
        if s == "--" {
            break;
        } else if long_with_value || short_with_value {
            pos += 2;
            continue;
        } else if !s.starts_with('-') && s == x {
            let mut out = args.to_vec();
            out.remove(pos);
            return out;
        }
        pos += 1;
    }
    args.to_vec()
}

/// cobra's `Find` as `docker help` uses it: the command named by `args`, or the words
/// left over (`unknown help topic: …`).
pub fn find_for_help(args: &[String]) -> Result<Cmd, Vec<String>> {
    let mut cmd = Cmd::root();
    let mut rest = args.to_vec();
    for _ in 0..=args.len() {
        let specs = cmd.flags();
        let words = strip_flags(&rest, &specs);
        let Some(next_word) = words.first() else {
            break;
        };
        let Some(next) = cmd.child(next_word) else {
            break;
        };
        rest = args_minus_first(&rest, next_word, &specs);
        cmd = next;
    }
    let specs = cmd.flags();
    let legacy_error = cmd.spec().args == Args::Any
        && cmd.spec().has_subcommands()
        && cmd.is_root()
        && !strip_flags(&rest, &specs).is_empty();
    if legacy_error || !rest.is_empty() {
        return Err(rest);
    }
    Ok(cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn help_topics() {
        assert_eq!(
            find_for_help(&words(&["container", "ls"]))
                .unwrap()
                .command_path(),
            "docker container ls"
        );
        assert_eq!(find_for_help(&[]).unwrap().command_path(), "docker");
        assert_eq!(
            find_for_help(&words(&["foo"])).unwrap_err(),
            words(&["foo"])
        );
        assert_eq!(
            find_for_help(&words(&["container", "foo"])).unwrap_err(),
            words(&["foo"])
        );
    }

    #[test]
    fn arg_rules() {
        let rm = Cmd::find(&["rm"]).unwrap();
        assert!(validate_args(&rm, &words(&["a"])).is_ok());
        assert_eq!(
            validate_args(&rm, &[]).unwrap_err(),
            "docker: 'docker rm' requires at least 1 argument\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker rm --help' for more information"
        );
    }
}
