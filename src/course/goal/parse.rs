//! Parsing the lines of an ```` ```objetivo ```` block into a [`Goal`]. Every word is checked
//! against the vocabulary in [`super::spec`]; a mistake is a [`GoalError`] naming the line of
//! the lesson file, in pt-BR, so the author can fix it (the tests load every lesson).
//!
//! Invariant: a parsed [`Check`] holds only keys its subject accepts, with values of the
//! key's kind and operators that kind allows.

use super::spec::{self, Key, Kind, Subject};
use super::{Check, Cond, Goal, GoalError, MountWant, Op, PortWant, Value};
use crate::engine::model::container::Status;
use crate::engine::reference;

/// Parses a goal block; `first_line` is the file line of the block's first line.
pub fn parse_goal(text: &str, first_line: u32) -> Result<Goal, GoalError> {
    let mut checks = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = first_line + i as u32;
        let body = raw.trim();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let err = |message: String| GoalError { line, message };
        checks.push(parse_check(body, line).map_err(err)?);
    }
    if checks.is_empty() {
        return Err(GoalError { line: first_line, message: "objetivo vazio: escreva ao menos uma verificação".into() });
    }
    Ok(Goal { checks })
}

/// Splits a line into words; double quotes keep spaces (`logs~="Olá Docker"`), `\"` is a quote.
fn words(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_quotes = false;
    let mut started = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                started = true;
            }
            '\\' if in_quotes => match chars.next() {
                Some(n) => cur.push(n),
                None => return Err("barra invertida no fim da linha".into()),
            },
            c if c.is_whitespace() && !in_quotes => {
                if started {
                    out.push(std::mem::take(&mut cur));
                    started = false;
                }
            }
            c => {
                cur.push(c);
                started = true;
            }
        }
    }
    if in_quotes {
        return Err("aspas sem fechamento".into());
    }
    if started {
        out.push(cur);
    }
    Ok(out)
}

fn parse_check(body: &str, line: u32) -> Result<Check, String> {
    let words = words(body)?;
    let mut it = words.iter().map(String::as_str).peekable();
    let negated = it.peek() == Some(&"no");
    if negated {
        it.next();
    }
    let subject_word = it.next().ok_or("falta o objeto depois de \"no\"")?;
    let subject = Subject::parse(subject_word).ok_or_else(|| {
        let all: Vec<&str> = Subject::ALL.iter().map(|s| s.word()).collect();
        format!("objeto desconhecido \"{subject_word}\" (use um destes: {})", all.join(", "))
    })?;
    let mut check = Check { line, negated, subject, conds: Vec::new(), count: None, host: None };
    for word in it {
        let (key, op, value) = split_cond(word)?;
        match key {
            "count" => {
                if check.count.is_some() {
                    return Err("\"count\" repetido".into());
                }
                check.count = Some((op, number(key, op, value)?));
            }
            "host" if subject.per_host() => {
                only(key, op, &[Op::Eq])?;
                check.host = Some(value.to_string());
            }
            _ => {
                let spec = spec::lookup(subject, key).ok_or_else(|| {
                    format!(
                        "chave desconhecida \"{key}\" para {} (use uma destas: {}, count{})",
                        subject.word(),
                        spec::words(subject).join(", "),
                        if subject.per_host() { ", host" } else { "" }
                    )
                })?;
                let value = typed(key, spec.kind, op, value)?;
                check.conds.push(Cond { key: spec.key, op, value });
            }
        }
    }
    if negated && check.count.is_some() {
        return Err("\"no\" e \"count\" não combinam: use count=0 ou tire o \"no\"".into());
    }
    required(&check)?;
    Ok(check)
}

/// Subjects that cannot mean anything without some key.
fn required(check: &Check) -> Result<(), String> {
    let has = |k: Key| check.conds.iter().any(|c| c.key == k);
    match check.subject {
        Subject::Compare if !(has(Key::Image) && has(Key::With)) => {
            Err("compare precisa de image=… e with=…".into())
        }
        Subject::Compare if check.conds.iter().any(|c| matches!(c.key, Key::Image | Key::With) && c.op != Op::Eq) => {
            Err("em compare, image e with só aceitam \"=\"".into())
        }
        Subject::File if !has(Key::Path) => Err("file precisa de path=…".into()),
        Subject::File if [Key::Container, Key::Volume, Key::Image].iter().filter(|k| has(**k)).count() > 1 => {
            Err("file aceita só um de container=, volume= ou image=".into())
        }
        _ => Ok(()),
    }
}

/// `key OP value`.
fn split_cond(word: &str) -> Result<(&str, Op, &str), String> {
    let at = word
        .find(['=', '!', '~', '<', '>'])
        .ok_or_else(|| format!("condição sem operador: \"{word}\" (escreva chave=valor)"))?;
    let (key, rest) = word.split_at(at);
    if key.is_empty() {
        return Err(format!("condição sem chave: \"{word}\""));
    }
    let (op, len) = [
        ("!=", Op::Ne),
        ("~=", Op::Contains),
        ("<=", Op::Le),
        (">=", Op::Ge),
        ("=", Op::Eq),
        ("<", Op::Lt),
        (">", Op::Gt),
    ]
    .into_iter()
    .find(|(s, _)| rest.starts_with(s))
    .map(|(s, op)| (op, s.len()))
    .ok_or_else(|| format!("operador inválido em \"{word}\""))?;
    let value = &rest[len..];
    if value.is_empty() {
        return Err(format!("falta o valor em \"{word}\""));
    }
    Ok((key, op, value))
}

fn only(key: &str, op: Op, allowed: &[Op]) -> Result<(), String> {
    if allowed.contains(&op) {
        Ok(())
    } else {
        Err(format!("o operador \"{}\" não serve para \"{key}\"", op.as_str()))
    }
}

fn number(key: &str, op: Op, value: &str) -> Result<u64, String> {
    only(key, op, &[Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge])?;
    value.parse().map_err(|_| format!("valor inválido para \"{key}\": \"{value}\" (esperado um número)"))
}

fn typed(key: &str, kind: Kind, op: Op, value: &str) -> Result<Value, String> {
    let eq = [Op::Eq];
    let eq_ne = [Op::Eq, Op::Ne];
    match kind {
        Kind::Text => {
            only(key, op, &[Op::Eq, Op::Ne, Op::Contains])?;
            Ok(Value::Text(value.to_string()))
        }
        Kind::Number => Ok(Value::Number(number(key, op, value)?)),
        Kind::Bool => {
            only(key, op, &eq)?;
            match value {
                "true" => Ok(Value::Bool(true)),
                "false" => Ok(Value::Bool(false)),
                _ => Err(format!("valor inválido para \"{key}\": \"{value}\" (use true ou false)")),
            }
        }
        Kind::Ref => {
            only(key, op, &eq_ne)?;
            let r = reference::parse_normalized(value)
                .map_err(|e| format!("referência de imagem inválida \"{value}\": {e}"))?;
            Ok(Value::Ref(r.with_default_tag().to_string()))
        }
        Kind::Repo => {
            only(key, op, &eq)?;
            let r = reference::parse_normalized(value)
                .map_err(|e| format!("nome de repositório inválido \"{value}\": {e}"))?;
            if r.tag.is_some() || r.digest.is_some() {
                return Err(format!("\"{key}\" é o repositório sem a tag: use tag=… à parte"));
            }
            Ok(Value::Repo(r.name()))
        }
        Kind::State => {
            only(key, op, &eq_ne)?;
            let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
            Status::parse(value)
                .map(Value::State)
                .ok_or_else(|| format!("estado desconhecido \"{value}\" (use: {})", all.join(", ")))
        }
        Kind::Port => {
            only(key, op, &eq)?;
            port(value).map(Value::Port).ok_or_else(|| format!("porta inválida \"{value}\" (ex.: 8080, 8080:80, :80)"))
        }
        Kind::ContainerPort => {
            only(key, op, &eq)?;
            let (num, proto) = value.split_once('/').unwrap_or((value, "tcp"));
            match (num.parse::<u16>(), proto) {
                (Ok(p), "tcp" | "udp" | "sctp") if p > 0 => {
                    Ok(Value::Port(PortWant { host: None, container: Some(p), proto: proto.into() }))
                }
                _ => Err(format!("porta inválida \"{value}\" (ex.: 80, 53/udp)")),
            }
        }
        Kind::Mount => {
            only(key, op, &eq)?;
            mount(value).map(Value::Mount).ok_or_else(|| {
                format!("montagem inválida \"{value}\" (ex.: dados:/data, /home/aluno/site:/site:ro, :/data)")
            })
        }
        Kind::Path => {
            only(key, op, &eq)?;
            if value.starts_with('/') {
                Ok(Value::Text(value.to_string()))
            } else {
                Err(format!("\"{key}\" precisa de um caminho absoluto, começando com /"))
            }
        }
    }
}

/// `8080`, `8080:80`, `:80`, each optionally ending in `/tcp`, `/udp` or `/sctp`.
fn port(value: &str) -> Option<PortWant> {
    let (body, proto) = value.split_once('/').unwrap_or((value, "tcp"));
    if !matches!(proto, "tcp" | "udp" | "sctp") {
        return None;
    }
    let num = |s: &str| s.parse::<u16>().ok().filter(|p| *p > 0);
    let (host, container) = match body.split_once(':') {
        Some(("", c)) => (None, Some(num(c)?)),
        Some((h, c)) => (Some(num(h)?), Some(num(c)?)),
        None => (Some(num(body)?), None),
    };
    Some(PortWant { host, container, proto: proto.to_string() })
}

/// `source`, `source:/target`, `:/target`, with an optional `:ro` at the end.
fn mount(value: &str) -> Option<MountWant> {
    let (body, read_only) = match value.strip_suffix(":ro") {
        Some(b) => (b, true),
        None => (value, false),
    };
    let (source, target) = match body.split_once(':') {
        Some((s, t)) => (s, Some(t)),
        None => (body, None),
    };
    if target.is_some_and(|t| !t.starts_with('/') || t.contains(':')) {
        return None;
    }
    if source.is_empty() && target.is_none() {
        return None;
    }
    Some(MountWant {
        source: (!source.is_empty()).then(|| source.to_string()),
        target: target.map(str::to_string),
        read_only,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Check {
        parse_goal(line, 1).unwrap().checks.remove(0)
    }

    fn err(text: &str) -> GoalError {
        parse_goal(text, 10).unwrap_err()
    }

    #[test]
    fn a_container_check_with_typed_values() {
        let c = one("container image=nginx state=running publishes=8080:80 logs~=\"Olá Docker\"");
        assert_eq!(c.subject, Subject::Container);
        assert!(!c.negated);
        assert_eq!(c.conds[0].value, Value::Ref("docker.io/library/nginx:latest".into()));
        assert_eq!(c.conds[1].value, Value::State(Status::Running));
        assert_eq!(
            c.conds[2].value,
            Value::Port(PortWant { host: Some(8080), container: Some(80), proto: "tcp".into() })
        );
        assert_eq!((c.conds[3].op, c.conds[3].value.clone()), (Op::Contains, Value::Text("Olá Docker".into())));
    }

    #[test]
    fn negation_count_and_host() {
        let c = one("no container name=web");
        assert!(c.negated);
        let c = one("container image=nginx count>=2 host=worker1");
        assert_eq!(c.count, Some((Op::Ge, 2)));
        assert_eq!(c.host.as_deref(), Some("worker1"));
    }

    #[test]
    fn mounts_and_repositories() {
        let c = one("container volume=dados:/data bind=/home/aluno/site:/site:ro");
        assert_eq!(
            c.conds[0].value,
            Value::Mount(MountWant { source: Some("dados".into()), target: Some("/data".into()), read_only: false })
        );
        assert_eq!(
            c.conds[1].value,
            Value::Mount(MountWant {
                source: Some("/home/aluno/site".into()),
                target: Some("/site".into()),
                read_only: true
            })
        );
        let c = one("repository name=localhost:5000/meu-alpine tag=1.0");
        assert_eq!(c.conds[0].value, Value::Repo("localhost:5000/meu-alpine".into()));
    }

    #[test]
    fn comments_and_blank_lines_are_skipped_and_lines_are_counted() {
        let g = parse_goal("# a comment\n\nimage ref=nginx\ncontainer name=x\n", 7).unwrap();
        assert_eq!(g.checks.iter().map(|c| c.line).collect::<Vec<_>>(), vec![9, 10]);
    }

    #[test]
    fn mistakes_name_their_line() {
        let e = err("image ref=nginx\ncontaner name=web");
        assert_eq!(e.line, 11);
        assert!(e.message.contains("objeto desconhecido \"contaner\""), "{e}");
        assert!(err("container nme=web").message.contains("chave desconhecida \"nme\""));
        assert!(err("container name").message.contains("sem operador"));
        assert!(err("container exit=abc").message.contains("esperado um número"));
        assert!(err("container exit~=1").message.contains("não serve"));
        assert!(err("container state=rodando").message.contains("estado desconhecido"));
        assert!(err("container publishes=80:abc").message.contains("porta inválida"));
        assert!(err("image ref=Nginx").message.contains("referência de imagem inválida"));
        assert!(err("container logs~=\"aberto").message.contains("aspas"));
        assert!(err("no").message.contains("falta o objeto"));
        assert!(err("compare image=a").message.contains("compare precisa"));
        assert!(err("no image ref=a count=1").message.contains("não combinam"));
        assert!(err("repository name=app:v1").message.contains("sem a tag"));
        assert!(err("registry domain=x host=y").message.contains("chave desconhecida \"host\""));
        assert!(err("file path=relativo").message.contains("caminho absoluto"));
        assert!(err("file container=a volume=b path=/x").message.contains("só um"));
        assert!(err("file container=a").message.contains("precisa de path"));
        assert!(err("").message.contains("vazio"));
    }
}
