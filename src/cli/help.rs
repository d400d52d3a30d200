//! `--help` and usage texts, rendered from the command table the way docker's usage
//! template (cli/cobra.go) and pflag's `FlagUsagesWrapped` render them.
//!
//! Invariant: output depends only on the command chain and the [`Env`]; nothing is
//! stored verbatim.

use super::env::Env;
use super::spec::{CommandSpec, FlagSpec, Kind};
use super::tree::Cmd;

const EXPERIMENTAL_NOTE: &str = "  Experimental features provide early access to product functionality. These\n  features may change between releases without warning, or can be removed from a\n  future release. Learn more about experimental features in our documentation:\n  https://docs.docker.com/go/experimental/";
const ADDITIONAL_HELP: &str =
    "For more help on how to use Docker, head to https://docs.docker.com/go/guides/";

/// What `docker … --help` prints (on stdout): the usage text, or the reason the command
/// is unavailable on this daemon.
pub fn help(cmd: &Cmd, env: &Env) -> String {
    if let Err(e) = super::checks::is_supported(cmd, &super::flags::ParsedFlags::default(), env) {
        return format!("{e}\n");
    }
    usage(cmd, env)
}

/// cobra's `UsageString` with docker's template.
pub fn usage(cmd: &Cmd, env: &Env) -> String {
    let spec = cmd.spec();
    let flags = visible_flags(cmd, env);
    let mut out = String::from("Usage:");
    if spec.has_subcommands() {
        out.push_str("  ");
        out.push_str(&cmd.command_path());
        if !flags.is_empty() {
            out.push_str(" [OPTIONS]");
        }
        out.push_str(" COMMAND");
    } else {
        out.push_str("  ");
        out.push_str(&cmd.use_line());
    }
    out.push_str("\n\n");
    out.push_str(if spec.long.is_empty() {
        spec.short.trim()
    } else {
        spec.long.trim()
    });
    if cmd.chain().iter().any(|c| c.experimental_cli) {
        out.push_str("\n\nEXPERIMENTAL:\n  ");
        out.push_str(&cmd.command_path());
        out.push_str(" is an experimental feature.\n");
        out.push_str(EXPERIMENTAL_NOTE);
    }
    if !spec.aliases.is_empty() || !spec.aliases_text.is_empty() {
        out.push_str("\n\nAliases:\n  ");
        out.push_str(&aliases(cmd));
    }
    if !cmd.is_root() && !flags.is_empty() {
        out.push_str("\n\nOptions:\n");
        out.push_str(flag_usages(&flags, env.wrap_columns(), &env.config_dir).trim_end());
    }
    let subs = available_subcommands(cmd, env);
    let pad = subs
        .iter()
        .map(|c| c.name.len())
        .chain(spec.subcommands.iter().map(|c| c.name.len()))
        .max();
    let pad = pad.unwrap_or(0).max(11);
    if cmd.is_root() {
        let mut top: Vec<&CommandSpec> = subs
            .iter()
            .copied()
            .filter(|c| c.category_top != 0)
            .collect();
        top.sort_by_key(|c| c.category_top);
        section(&mut out, "Common Commands:", &top, pad + 1, "");
    }
    let management: Vec<&CommandSpec> = subs
        .iter()
        .copied()
        .filter(|c| c.has_subcommands() && c.gate.swarm.is_none())
        .collect();
    section(&mut out, "Management Commands:", &management, pad + 1, "");
    let swarm: Vec<&CommandSpec> = subs
        .iter()
        .copied()
        .filter(|c| c.has_subcommands() && c.gate.swarm.is_some())
        .collect();
    section(&mut out, "Swarm Commands:", &swarm, pad + 1, "");
    let ops: Vec<&CommandSpec> = subs
        .iter()
        .copied()
        .filter(|c| !c.has_subcommands())
        .filter(|c| !(cmd.is_root() && c.category_top != 0))
        .collect();
    section(&mut out, "Commands:", &ops, pad, " ");
    if cmd.is_root() && !flags.is_empty() {
        out.push_str("\n\nGlobal Options:\n");
        out.push_str(flag_usages(&flags, env.wrap_columns(), &env.config_dir).trim_end());
    }
    if spec.has_subcommands() {
        out.push_str(&format!(
            "\n\nRun '{} COMMAND --help' for more information on a command.",
            cmd.command_path()
        ));
    }
    if cmd.is_root() {
        out.push_str("\n\n");
        out.push_str(ADDITIONAL_HELP);
    }
    out.push('\n');
    out
}

/// One listing ("Commands:" …).
fn section(out: &mut String, header: &str, cmds: &[&CommandSpec], width: usize, sep: &str) {
    if cmds.is_empty() {
        return;
    }
    out.push_str("\n\n");
    out.push_str(header);
    for c in cmds {
        let name = if sep.is_empty() {
            format!("{} ", c.name)
        } else {
            c.name.to_string()
        };
        out.push_str(&format!("\n  {name:<width$}{sep}{}", c.short));
    }
}

/// cobra's `commandAliases`: the annotation, or the path plus each alias.
fn aliases(cmd: &Cmd) -> String {
    let spec = cmd.spec();
    if !spec.aliases_text.is_empty() {
        return spec.aliases_text.to_string();
    }
    let parent = cmd
        .parent()
        .map(|p| p.command_path() + " ")
        .unwrap_or_default();
    let mut s = cmd.command_path();
    for a in spec.aliases {
        s.push_str(&format!(", {parent}{a}"));
    }
    s
}

/// Subcommands listed in help: not hidden, not gated away by the daemon.
pub fn available_subcommands(cmd: &Cmd, env: &Env) -> Vec<&'static CommandSpec> {
    cmd.spec()
        .subcommands
        .iter()
        .copied()
        .filter(|c| !c.hidden && !env.server.hides(&c.gate))
        .collect()
}

/// Flags listed in help, sorted by name.
pub fn visible_flags(cmd: &Cmd, env: &Env) -> Vec<&'static FlagSpec> {
    let mut v: Vec<&'static FlagSpec> = cmd
        .flags()
        .into_iter()
        .filter(|f| !f.hidden && !env.server.hides(&f.gate))
        .collect();
    v.sort_by_key(|f| f.name);
    v
}

/// pflag's `defaultIsZeroValue` for the Go type behind each kind.
fn default_is_zero(f: &FlagSpec) -> bool {
    let d = f.def;
    match f.kind {
        _ if d.is_empty() => true,
        Kind::Bool => d == "false",
        Kind::Duration => d == "0" || d == "0s",
        Kind::Int | Kind::Uint | Kind::Uint16 | Kind::Uint32 | Kind::Float => d == "0",
        Kind::Str => d.is_empty(),
        Kind::Strings => d == "[]",
        _ => matches!(d, "false" | "<nil>" | "" | "0"),
    }
}

/// pflag's `FlagUsagesWrapped(cols)` over already filtered, sorted flags.
pub fn flag_usages(flags: &[&FlagSpec], cols: usize, config_dir: &str) -> String {
    let mut lines: Vec<(String, String)> = Vec::new();
    let mut maxlen = 0;
    for f in flags {
        let mut line = if !f.short.is_empty() && f.short_deprecated.is_empty() {
            format!("  -{}, --{}", f.short, f.name)
        } else {
            format!("      --{}", f.name)
        };
        let (varname, usage) = unquote_usage(f);
        if !varname.is_empty() {
            line.push(' ');
            line.push_str(&varname);
        }
        if f.kind != Kind::Bool && !f.no_opt.is_empty() {
            if f.kind == Kind::Str {
                line.push_str(&format!("[=\"{}\"]", f.no_opt));
            } else {
                line.push_str(&format!("[={}]", f.no_opt));
            }
        } else if f.kind == Kind::Bool && f.no_opt != "true" && !f.no_opt.is_empty() {
            line.push_str(&format!("[={}]", f.no_opt));
        }
        maxlen = maxlen.max(line.len() + 1);
        let mut text = usage;
        if !default_is_zero(f) {
            let def = f.def.replace("<config>", config_dir);
            if f.kind == Kind::Str {
                text.push_str(&format!(" (default {})", go_quote(&def)));
            } else {
                text.push_str(&format!(" (default {def})"));
            }
        }
        if !f.deprecated.is_empty() {
            text.push_str(&format!(" (DEPRECATED: {})", f.deprecated));
        }
        lines.push((line, text));
    }
    let mut buf = String::new();
    for (head, text) in lines {
        let spacing = " ".repeat(maxlen - head.len());
        buf.push_str(&format!(
            "{head} {spacing} {}\n",
            wrap(maxlen + 2, cols, &text)
        ));
    }
    buf
}

/// pflag's `UnquoteUsage`: a `name` in backquotes becomes the value name.
fn unquote_usage(f: &FlagSpec) -> (String, String) {
    let u = f.usage;
    if let Some(i) = u.find('`')
        && let Some(j) = u[i + 1..].find('`')
    {
        let name = &u[i + 1..i + 1 + j];
        return (
            name.to_string(),
            format!("{}{}{}", &u[..i], name, &u[i + 2 + j..]),
        );
    }
    (f.kind.type_name().to_string(), u.to_string())
}

/// Go's `%q` for the plain strings flag defaults hold.
pub fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// pflag's `wrapN`: splits `s` at the last whitespace before `i` (plus slop).
fn wrap_n(i: usize, slop: usize, s: &str) -> (String, String) {
    if i + slop > s.len() {
        return (s.to_string(), String::new());
    }
    let head = &s.as_bytes()[..i];
    let w = head.iter().rposition(|b| matches!(b, b' ' | b'\t' | b'\n'));
    let Some(w) = w.filter(|&w| w > 0) else {
        return (s.to_string(), String::new());
    };
    let nl = head.iter().rposition(|&b| b == b'\n');
    if let Some(nl) = nl.filter(|&nl| nl > 0 && nl < w) {
        return (s[..nl].to_string(), s[nl + 1..].to_string());
    }
    (s[..w].to_string(), s[w + 1..].to_string())
}

/// pflag's `wrap`: wraps `s` to `w` columns, continuation lines indented by `i`.
fn wrap(i: usize, w: usize, s: &str) -> String {
    let mut i = i;
    if w == 0 {
        return s.replace('\n', &format!("\n{}", " ".repeat(i)));
    }
    let mut wrap = w as isize - i as isize;
    let mut r = String::new();
    if wrap < 24 {
        i = 16;
        wrap = w as isize - i as isize;
        r.push('\n');
        r.push_str(&" ".repeat(i));
    }
    if wrap < 24 {
        return s.replace('\n', &r);
    }
    let slop = 5;
    let wrap = (wrap - slop) as usize;
    let indent = format!("\n{}", " ".repeat(i));
    let (l, mut rest) = wrap_n(wrap, slop as usize, s);
    r.push_str(&l.replace('\n', &indent));
    let mut guard = 0;
    while !rest.is_empty() && guard < 10_000 {
        let (t, s2) = wrap_n(wrap, slop as usize, &rest);
        r.push_str(&indent);
        r.push_str(&t.replace('\n', &indent));
        rest = s2;
        guard += 1;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_like_pflag() {
        let s = "Swap limit equal to memory plus swap: '-1' to enable unlimited swap";
        assert_eq!(
            wrap(39, 79, s),
            "Swap limit equal to memory plus\n                                       swap: '-1' to enable unlimited swap"
        );
        assert_eq!(wrap(10, 0, "a\nb"), "a\n          b");
    }

    #[test]
    fn quotes_like_go() {
        assert_eq!(go_quote("no"), "\"no\"");
        assert_eq!(go_quote("a\"b"), "\"a\\\"b\"");
    }
}
