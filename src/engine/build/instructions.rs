//! Typed Dockerfile instructions (BuildKit's `frontend/dockerfile/instructions`): each
//! parsed [`Node`] becomes an [`Instr`], instructions are grouped into stages, `ARG`s before
//! the first `FROM` are meta arguments. Errors carry BuildKit's texts and the line.
//!
//! Invariant: parsing never expands variables (that happens when a step runs, with the
//! variables of that moment); a successful plan has at least one stage.

use super::dockerfile::{Dockerfile, Node, json_array, words};

/// RUN/CMD/ENTRYPOINT arguments: shell form or exec (JSON) form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Form {
    Shell(String),
    Exec(Vec<String>),
}

/// `HEALTHCHECK` options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Health {
    pub test: Vec<String>,
    pub interval: String,
    pub timeout: String,
    pub start_period: String,
    pub retries: u32,
}

/// One instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Instr {
    Run(Form),
    /// COPY (`add == false`) or ADD.
    Copy { add: bool, srcs: Vec<String>, dest: String, from: Option<String>, chown: Option<String>, chmod: Option<String> },
    Workdir(String),
    /// Raw `key`, `value` words (expanded when the step runs); `legacy` for `ENV k v`.
    Env { pairs: Vec<(String, String)>, legacy: bool },
    Arg(Vec<(String, Option<String>)>),
    Label { pairs: Vec<(String, String)>, legacy: bool },
    Expose(Vec<String>),
    User(String),
    Volume(Vec<String>),
    Cmd(Form),
    Entrypoint(Form),
    /// `None` = `HEALTHCHECK NONE`.
    Healthcheck(Option<Health>),
    Stopsignal(String),
    Shell(Vec<String>),
    Onbuild(String),
    Maintainer(String),
}

/// An instruction and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub instr: Instr,
    pub node: Node,
}

/// A build stage: `FROM base [AS name]` and its steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    /// The base as written (variables not yet expanded).
    pub base: String,
    /// Lower-cased stage name.
    pub name: Option<String>,
    pub from: Node,
    pub steps: Vec<Step>,
}

/// The whole Dockerfile, ready to build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub meta_args: Vec<(String, Option<String>)>,
    pub stages: Vec<Stage>,
    pub escape: char,
    /// Build-check warnings: (rule, message, line).
    pub warnings: Vec<(String, String, u32)>,
}

/// A Dockerfile error: the message (as after `failed to solve: `) and the lines it points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanError {
    pub message: String,
    pub lines: Option<(u32, u32)>,
}

const NAMES: &[&str] = &[
    "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label", "maintainer",
    "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir",
];

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// `unknown instruction: X (did you mean Y?)` (suggest.WrapError, distance < 3).
fn unknown(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut best: Option<(&str, usize)> = None;
    for n in NAMES {
        let d = levenshtein(&lower, n);
        if d < best.map_or(3, |b| b.1) {
            best = Some((n, d));
        }
    }
    let base = format!("unknown instruction: {word}");
    match best {
        Some((m, _)) => {
            let m = if word.chars().all(|c| !c.is_ascii_lowercase()) { m.to_uppercase() } else { m.to_string() };
            format!("{base} (did you mean {m}?)")
        }
        None => base,
    }
}

fn at_least_one(cmd: &str) -> String {
    format!("{cmd} requires at least one argument")
}

fn exactly_one(cmd: &str) -> String {
    format!("{cmd} requires exactly one argument")
}

/// Takes `--name=value` flags allowed for this instruction.
fn flags(node: &Node, allowed: &[&str]) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for f in &node.flags {
        let (k, v) = f.split_once('=').map_or((f.as_str(), ""), |(k, v)| (k, v));
        if !allowed.contains(&k) {
            return Err(format!("unknown flag: {k}"));
        }
        out.push((k.to_string(), v.to_string()));
    }
    Ok(out)
}

fn flag(fs: &[(String, String)], name: &str) -> Option<String> {
    fs.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

fn form(rest: &str) -> Form {
    match json_array(rest) {
        Some(v) => Form::Exec(v),
        None => Form::Shell(rest.to_string()),
    }
}

/// ENV/LABEL: `k=v k2=v2` or legacy `k v`.
fn name_vals(node: &Node, esc: char, cmd: &str) -> Result<(Vec<(String, String)>, bool), String> {
    let ws = words(&node.rest, esc);
    if ws.is_empty() {
        return Err(at_least_one(cmd));
    }
    if !ws[0].contains('=') {
        let rest = node.rest.trim();
        let Some(p) = rest.find([' ', '\t']) else {
            return Err(format!("{cmd} must have two arguments"));
        };
        return Ok((vec![(rest[..p].to_string(), rest[p..].trim_start().to_string())], true));
    }
    let mut out = Vec::new();
    for w in ws {
        let Some((k, v)) = w.split_once('=') else {
            return Err(format!("Syntax error - can't find = in \"{w}\". Must be of the form: name=value"));
        };
        if k.is_empty() {
            return Err(format!("{cmd} names can not be blank"));
        }
        out.push((k.to_string(), v.to_string()));
    }
    Ok((out, false))
}

fn healthcheck(node: &Node) -> Result<Instr, String> {
    let fs = flags(node, &["interval", "timeout", "start-period", "start-interval", "retries"])?;
    let rest = node.rest.trim();
    if rest.is_empty() {
        return Err(at_least_one("HEALTHCHECK"));
    }
    let (typ, cmd) = rest.split_once([' ', '\t']).map_or((rest, ""), |(a, b)| (a, b.trim()));
    match typ.to_uppercase().as_str() {
        "NONE" if cmd.is_empty() => Ok(Instr::Healthcheck(None)),
        "NONE" => Err("HEALTHCHECK NONE takes no arguments".into()),
        "CMD" => {
            if cmd.is_empty() {
                return Err("Missing command after HEALTHCHECK CMD".into());
            }
            let test = match form(cmd) {
                Form::Exec(v) => std::iter::once("CMD".to_string()).chain(v).collect(),
                Form::Shell(s) => vec!["CMD-SHELL".to_string(), s],
            };
            let retries = match flag(&fs, "retries") {
                Some(r) => r.parse::<i64>().map_err(|_| format!("strconv.ParseInt: parsing \"{r}\": invalid syntax"))?,
                None => 0,
            };
            if retries < 0 {
                return Err(format!("--retries cannot be negative ({retries})"));
            }
            Ok(Instr::Healthcheck(Some(Health {
                test,
                interval: flag(&fs, "interval").unwrap_or_default(),
                timeout: flag(&fs, "timeout").unwrap_or_default(),
                start_period: flag(&fs, "start-period").unwrap_or_default(),
                retries: retries as u32,
            })))
        }
        other => Err(format!("Unknown type \"{other}\" in HEALTHCHECK (try CMD)")),
    }
}

/// One node to an instruction (not FROM).
fn instr(node: &Node, esc: char) -> Result<Instr, String> {
    let rest = node.rest.trim();
    let no_flags = |n: &Node| flags(n, &[]).map(|_| ());
    Ok(match node.keyword.as_str() {
        "RUN" => {
            flags(node, &["mount", "network", "security", "device"])?;
            if rest.is_empty() {
                return Err(at_least_one("RUN"));
            }
            Instr::Run(form(rest))
        }
        "CMD" | "ENTRYPOINT" => {
            no_flags(node)?;
            let f = form(rest);
            if node.keyword == "CMD" { Instr::Cmd(f) } else { Instr::Entrypoint(f) }
        }
        "COPY" | "ADD" => {
            let add = node.keyword == "ADD";
            let allowed: &[&str] = if add {
                &["chown", "chmod", "link", "checksum", "keep-git-dir", "exclude", "unpack"]
            } else {
                &["from", "chown", "chmod", "link", "parents", "exclude"]
            };
            let fs = flags(node, allowed)?;
            let mut all = json_array(rest).unwrap_or_else(|| words(rest, esc));
            if all.len() < 2 {
                return Err(if all.is_empty() {
                    at_least_one(&node.keyword)
                } else {
                    format!("{} requires at least two arguments, but only one was provided. Destination could not be determined", node.keyword)
                });
            }
            let dest = all.pop().unwrap_or_default();
            Instr::Copy { add, srcs: all, dest, from: flag(&fs, "from"), chown: flag(&fs, "chown"), chmod: flag(&fs, "chmod") }
        }
        "WORKDIR" => {
            no_flags(node)?;
            if rest.is_empty() {
                return Err(exactly_one("WORKDIR"));
            }
            Instr::Workdir(rest.to_string())
        }
        "ENV" => {
            no_flags(node)?;
            let (pairs, legacy) = name_vals(node, esc, "ENV")?;
            Instr::Env { pairs, legacy }
        }
        "LABEL" => {
            no_flags(node)?;
            let (pairs, legacy) = name_vals(node, esc, "LABEL")?;
            Instr::Label { pairs, legacy }
        }
        "ARG" => {
            no_flags(node)?;
            let ws = words(rest, esc);
            if ws.is_empty() {
                return Err(at_least_one("ARG"));
            }
            Instr::Arg(ws.iter().map(|w| match w.split_once('=') {
                Some((k, v)) => (k.to_string(), Some(v.to_string())),
                None => (w.clone(), None),
            }).collect())
        }
        "EXPOSE" => {
            no_flags(node)?;
            let ws = words(rest, esc);
            if ws.is_empty() {
                return Err(at_least_one("EXPOSE"));
            }
            Instr::Expose(ws)
        }
        "USER" => {
            no_flags(node)?;
            if rest.is_empty() {
                return Err(exactly_one("USER"));
            }
            Instr::User(rest.to_string())
        }
        "VOLUME" => {
            no_flags(node)?;
            let vs = json_array(rest).unwrap_or_else(|| words(rest, esc));
            if vs.is_empty() {
                return Err(at_least_one("VOLUME"));
            }
            if vs.iter().any(|v| v.trim().is_empty()) {
                return Err("VOLUME specified can not be an empty string".into());
            }
            Instr::Volume(vs)
        }
        "STOPSIGNAL" => {
            no_flags(node)?;
            if rest.is_empty() {
                return Err(exactly_one("STOPSIGNAL"));
            }
            Instr::Stopsignal(rest.to_string())
        }
        "SHELL" => {
            no_flags(node)?;
            match json_array(rest) {
                Some(v) if !v.is_empty() => Instr::Shell(v),
                Some(_) => return Err(at_least_one("SHELL")),
                None => return Err("SHELL requires the arguments to be in JSON form".into()),
            }
        }
        "HEALTHCHECK" => healthcheck(node)?,
        "ONBUILD" => {
            if rest.is_empty() {
                return Err(at_least_one("ONBUILD"));
            }
            let trigger = rest.split_whitespace().next().unwrap_or("").to_uppercase();
            match trigger.as_str() {
                "ONBUILD" => return Err("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed".into()),
                "FROM" | "MAINTAINER" => return Err(format!("{trigger} isn't allowed as an ONBUILD trigger")),
                _ => {}
            }
            Instr::Onbuild(rest.to_string())
        }
        "MAINTAINER" => {
            if rest.is_empty() {
                return Err(exactly_one("MAINTAINER"));
            }
            Instr::Maintainer(rest.to_string())
        }
        _ => return Err(unknown(&node.written)),
    })
}

/// `FROM [--platform=…] image [AS name]`.
fn from(node: &Node, esc: char, warnings: &mut Vec<(String, String, u32)>) -> Result<(String, Option<String>), String> {
    flags(node, &["platform"])?;
    let ws = words(&node.rest, esc);
    match ws.len() {
        1 => Ok((ws[0].clone(), None)),
        3 if ws[1].eq_ignore_ascii_case("as") => {
            let name = ws[2].to_lowercase();
            let ok = name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c));
            if !ok {
                return Err(format!("invalid name for build stage: \"{}\", name can't start with a number or contain symbols", ws[2]));
            }
            let from_upper = node.written.chars().all(|c| c.is_ascii_uppercase());
            let as_upper = ws[1].chars().all(|c| c.is_ascii_uppercase());
            if from_upper != as_upper {
                warnings.push(("FromAsCasing".into(), format!("'{}' and '{}' keywords' casing do not match", ws[1], node.written), node.start));
            }
            Ok((ws[0].clone(), Some(name)))
        }
        _ => Err("FROM requires either one or three arguments".into()),
    }
}

/// Groups a parsed Dockerfile into stages.
pub fn plan(df: &Dockerfile) -> Result<Plan, PlanError> {
    let mut p = Plan { meta_args: Vec::new(), stages: Vec::new(), escape: df.escape, warnings: Vec::new() };
    let parse_err = |n: &Node, m: String| PlanError {
        message: format!("dockerfile parse error on line {}: {m}", n.start),
        lines: Some((n.start, n.end)),
    };
    for n in &df.nodes {
        if n.keyword == "FROM" {
            let (base, name) = from(n, df.escape, &mut p.warnings).map_err(|m| parse_err(n, m))?;
            p.stages.push(Stage { base, name, from: n.clone(), steps: Vec::new() });
            continue;
        }
        let i = instr(n, df.escape).map_err(|m| parse_err(n, m))?;
        match (&i, p.stages.last_mut()) {
            (Instr::Arg(a), None) => p.meta_args.extend(a.iter().cloned()),
            (_, None) => {
                return Err(PlanError { message: "no build stage in current context".into(), lines: Some((n.start, n.end)) });
            }
            (_, Some(stage)) => {
                lint(&i, n, &mut p.warnings);
                stage.steps.push(Step { instr: i, node: n.clone() });
            }
        }
    }
    if p.stages.is_empty() {
        return Err(PlanError { message: "no build stage in current context".into(), lines: None });
    }
    for line in &df.empty_continuations {
        p.warnings.push(("NoEmptyContinuation".into(), "Empty continuation line".into(), *line));
    }
    p.warnings.sort_by_key(|w| w.2);
    Ok(p)
}

/// Build checks BuildKit runs by default.
fn lint(i: &Instr, n: &Node, w: &mut Vec<(String, String, u32)>) {
    match i {
        Instr::Cmd(Form::Shell(_)) | Instr::Entrypoint(Form::Shell(_)) => w.push((
            "JSONArgsRecommended".into(),
            format!("JSON arguments recommended for {} to prevent unintended behavior related to OS signals", n.keyword),
            n.start,
        )),
        Instr::Env { legacy: true, .. } | Instr::Label { legacy: true, .. } => w.push((
            "LegacyKeyValueFormat".into(),
            format!("\"{0} key=value\" should be used instead of legacy \"{0} key value\" format", n.keyword),
            n.start,
        )),
        Instr::Maintainer(_) => w.push((
            "MaintainerDeprecated".into(),
            "Maintainer instruction is deprecated in favor of using label".into(),
            n.start,
        )),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::build::dockerfile::parse;

    fn plan_of(s: &str) -> Result<Plan, PlanError> {
        plan(&parse(s).unwrap())
    }

    #[test]
    fn stages_meta_args_and_forms() {
        let p = plan_of("ARG V=3.22\nFROM alpine:$V as Build\nRUN [\"echo\", \"hi\"]\nCMD echo hi\nFROM scratch\nCOPY --from=build /a /b\n").unwrap();
        assert_eq!(p.meta_args, vec![("V".to_string(), Some("3.22".to_string()))]);
        assert_eq!(p.stages[0].name.as_deref(), Some("build"));
        assert_eq!(p.stages[0].steps[0].instr, Instr::Run(Form::Exec(vec!["echo".into(), "hi".into()])));
        assert_eq!(p.warnings[0].0, "FromAsCasing");
        assert_eq!(p.warnings[1].0, "JSONArgsRecommended");
        assert!(matches!(&p.stages[1].steps[0].instr, Instr::Copy { from: Some(f), .. } if f == "build"));
    }

    #[test]
    fn buildkit_errors() {
        let e = plan_of("FROM alpine\nRUNN echo\n").unwrap_err();
        assert_eq!(e.message, "dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)");
        let e = plan_of("RUN echo\n").unwrap_err();
        assert_eq!((e.message.as_str(), e.lines), ("no build stage in current context", Some((1, 1))));
        let e = plan_of("FROM alpine\nCOPY a\n").unwrap_err();
        assert!(e.message.ends_with("COPY requires at least two arguments, but only one was provided. Destination could not be determined"));
        let e = plan_of("FROM alpine\nENV A\n").unwrap_err();
        assert_eq!(e.message, "dockerfile parse error on line 2: ENV must have two arguments");
        let e = plan_of("FROM a b\n").unwrap_err();
        assert_eq!(e.message, "dockerfile parse error on line 1: FROM requires either one or three arguments");
        let e = plan_of("FROM alpine\nCOPY --nope a b\n").unwrap_err();
        assert_eq!(e.message, "dockerfile parse error on line 2: unknown flag: nope");
        let e = plan_of("FROM alpine\nBLAH x\n").unwrap_err();
        assert_eq!(e.message, "dockerfile parse error on line 2: unknown instruction: BLAH");
    }
}
