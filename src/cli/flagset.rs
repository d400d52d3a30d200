//! spf13/pflag v1.0.6 `FlagSet.Parse`: long and short forms, `--flag=value`, `-fvalue`,
//! combined shorthands (`-dit`), `--` terminator, interspersed or not, deprecation
//! warnings, and pflag's exact error texts.
//!
//! Invariant: each loop consumes at least one argument or shorthand byte, so parsing is
//! linear in the input and never panics.

use super::flags::ParsedFlags;
use super::gostr::quote;
use super::spec::FlagSpec;
use super::values;

/// What one `Parse` call produced.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParseOut {
    /// Positional arguments.
    pub args: Vec<String>,
    /// `len(args)` when `--` was met (cobra's `ArgsLenAtDash`).
    pub dash_at: Option<usize>,
    /// Deprecation notices, in order ("Flag --time has been deprecated, …\n").
    pub warnings: String,
    /// The parse error, if any (parsing stops there).
    pub error: Option<String>,
}

/// Go's `%q` of a byte (a quoted character literal).
pub fn quote_char(c: u8) -> String {
    let ch = char::from(c);
    match ch {
        '\'' => "'\\''".into(),
        '\\' => "'\\\\'".into(),
        '\n' => "'\\n'".into(),
        '\t' => "'\\t'".into(),
        '\r' => "'\\r'".into(),
        c if c.is_control() => format!("'\\x{:02x}'", c as u32),
        c => format!("'{c}'"),
    }
}

fn lookup(flags: &ParsedFlags, name: &str) -> Option<&'static FlagSpec> {
    flags.specs().iter().copied().find(|f| f.name == name)
}

fn lookup_short(flags: &ParsedFlags, c: u8) -> Option<&'static FlagSpec> {
    flags
        .specs()
        .iter()
        .copied()
        .find(|f| f.short.as_bytes() == [c])
}

/// cobra's `hasNoOptDefVal` / `shortHasNoOptDefVal`.
pub fn has_no_opt(flags: &[&'static FlagSpec], name: &str) -> bool {
    flags.iter().any(|f| f.name == name && !f.no_opt.is_empty())
}

pub fn short_has_no_opt(flags: &[&'static FlagSpec], name: &str) -> bool {
    let Some(&c) = name.as_bytes().first() else {
        return false;
    };
    flags
        .iter()
        .any(|f| f.short.as_bytes() == [c] && !f.no_opt.is_empty())
}

/// `FlagSet.Set`: stores a value or returns pflag's "invalid argument" error.
fn set(
    flags: &mut ParsedFlags,
    flag: &'static FlagSpec,
    value: &str,
    out: &mut ParseOut,
) -> Result<(), String> {
    match values::set(flag.kind, value) {
        Ok(stored) => flags.store(flag, stored),
        Err(e) => {
            let name = if !flag.short.is_empty() && flag.short_deprecated.is_empty() {
                format!("-{}, --{}", flag.short, flag.name)
            } else {
                format!("--{}", flag.name)
            };
            return Err(format!(
                "invalid argument {} for {} flag: {e}",
                quote(value),
                quote(&name)
            ));
        }
    }
    if !flag.deprecated.is_empty() {
        out.warnings.push_str(&format!(
            "Flag --{} has been deprecated, {}\n",
            flag.name, flag.deprecated
        ));
    }
    Ok(())
}

fn parse_long(
    flags: &mut ParsedFlags,
    s: &str,
    rest: &mut &[String],
    out: &mut ParseOut,
) -> Result<(), String> {
    let name = &s[2..];
    if name.is_empty() || name.starts_with('-') || name.starts_with('=') {
        return Err(format!("bad flag syntax: {s}"));
    }
    let (name, inline) = match name.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (name, None),
    };
    let Some(flag) = lookup(flags, name) else {
        return Err(format!("unknown flag: --{name}"));
    };
    let value = if let Some(v) = inline {
        v.to_string()
    } else if !flag.no_opt.is_empty() {
        flag.no_opt.to_string()
    } else if let Some((first, tail)) = rest.split_first() {
        *rest = tail;
        first.clone()
    } else {
        return Err(format!("flag needs an argument: {s}"));
    };
    set(flags, flag, &value, out)
}

fn parse_short(
    flags: &mut ParsedFlags,
    s: &str,
    rest: &mut &[String],
    out: &mut ParseOut,
) -> Result<(), String> {
    let all = &s.as_bytes()[1..];
    let args = *rest;
    let mut i = 0;
    while i < all.len() {
        let shorthands = &all[i..];
        let sh_str = String::from_utf8_lossy(shorthands).into_owned();
        let c = shorthands[0];
        let Some(flag) = lookup_short(flags, c) else {
            return Err(format!(
                "unknown shorthand flag: {} in -{sh_str}",
                quote_char(c)
            ));
        };
        let value;
        if shorthands.len() > 2 && shorthands[1] == b'=' {
            value = String::from_utf8_lossy(&shorthands[2..]).into_owned();
            i = all.len();
        } else if !flag.no_opt.is_empty() {
            value = flag.no_opt.to_string();
            i += 1;
        } else if shorthands.len() > 1 {
            value = String::from_utf8_lossy(&shorthands[1..]).into_owned();
            i = all.len();
        } else if let Some((first, tail)) = args.split_first() {
            value = first.clone();
            *rest = tail;
            i += 1;
        } else {
            return Err(format!(
                "flag needs an argument: {} in -{sh_str}",
                quote_char(c)
            ));
        }
        if !flag.short_deprecated.is_empty() {
            out.warnings.push_str(&format!(
                "Flag shorthand -{} has been deprecated, {}\n",
                flag.short, flag.short_deprecated
            ));
        }
        set(flags, flag, &value, out)?;
    }
    Ok(())
}

/// `FlagSet.Parse(args)` into `flags`.
pub fn parse(flags: &mut ParsedFlags, args: &[String], interspersed: bool) -> ParseOut {
    let mut out = ParseOut::default();
    let mut rest: &[String] = args;
    while let Some((s, tail)) = rest.split_first() {
        rest = tail;
        if s.len() < 2 || !s.starts_with('-') {
            out.args.push(s.clone());
            if !interspersed {
                out.args.extend(rest.iter().cloned());
                return out;
            }
            continue;
        }
        let result = if s.as_bytes()[1] == b'-' {
            if s.len() == 2 {
                out.dash_at = Some(out.args.len());
                out.args.extend(rest.iter().cloned());
                return out;
            }
            parse_long(flags, s, &mut rest, &mut out)
        } else {
            parse_short(flags, s, &mut rest, &mut out)
        };
        if let Err(e) = result {
            out.error = Some(e);
            return out;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::spec::{Check, Kind, f};

    static FLAGS: [FlagSpec; 6] = [
        f("detach", "d", Kind::Bool, ""),
        f("interactive", "i", Kind::Bool, ""),
        f("tty", "t", Kind::Bool, ""),
        f("env", "e", Kind::List(Check::None), ""),
        f("name", "", Kind::Str, ""),
        f("time", "", Kind::Int, "").deprecated("use --timeout instead"),
    ];

    fn run(args: &[&str], inter: bool) -> (ParsedFlags, ParseOut) {
        let mut p = ParsedFlags::new(FLAGS.iter().collect());
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let out = parse(&mut p, &args, inter);
        (p, out)
    }

    #[test]
    fn forms() {
        let (p, out) = run(
            &[
                "-dit",
                "-eA=1",
                "--env",
                "B",
                "--name=web",
                "img",
                "-e",
                "C",
            ],
            true,
        );
        assert!(p.bool("detach") && p.bool("interactive") && p.bool("tty"));
        assert_eq!(p.strings("env"), vec!["A=1", "B", "C"]);
        assert_eq!(p.string("name"), "web");
        assert_eq!(out.args, vec!["img"]);
        let (p, out) = run(&["-d", "img", "-e", "C"], false);
        assert!(p.bool("detach"));
        assert_eq!(out.args, vec!["img", "-e", "C"]);
        let (_, out) = run(&["a", "--", "-d"], true);
        assert_eq!(
            (out.args, out.dash_at),
            (vec!["a".to_string(), "-d".to_string()], Some(1))
        );
    }

    #[test]
    fn errors() {
        assert_eq!(
            run(&["--foo"], true).1.error.unwrap(),
            "unknown flag: --foo"
        );
        assert_eq!(
            run(&["-dx"], true).1.error.unwrap(),
            "unknown shorthand flag: 'x' in -x"
        );
        assert_eq!(
            run(&["-e"], true).1.error.unwrap(),
            "flag needs an argument: 'e' in -e"
        );
        assert_eq!(
            run(&["--name"], true).1.error.unwrap(),
            "flag needs an argument: --name"
        );
        assert_eq!(
            run(&["---x"], true).1.error.unwrap(),
            "bad flag syntax: ---x"
        );
        assert_eq!(
            run(&["-d=maybe"], true).1.error.unwrap(),
            "invalid argument \"maybe\" for \"-d, --detach\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax"
        );
        let (_, out) = run(&["--time", "3"], true);
        assert_eq!(
            out.warnings,
            "Flag --time has been deprecated, use --timeout instead\n"
        );
    }
}
