//! Template functions: Go's builtins (`index`, `len`, `eq`, `printf`, …) and docker's
//! (`json`, `join`, `split`, `lower`, `upper`, `title`, `pad`, `truncate`), plus the
//! header variants docker uses to render table headers.
//!
//! Invariant: every function checks its arity and argument types and returns Go's error
//! text instead of panicking.

use super::gofmt::{sprint, sprintf, sprintln};
use super::value::Value;

const BUILTINS: &[&str] = &[
    "and", "or", "not", "len", "index", "slice", "print", "printf", "println", "eq", "ne", "lt",
    "le", "gt", "ge", "html", "js", "urlquery", "call",
];
const DOCKER: &[&str] = &[
    "json", "split", "join", "title", "lower", "upper", "pad", "truncate",
];

/// The name is a known function.
pub fn is_func(name: &str) -> bool {
    BUILTINS.contains(&name) || DOCKER.contains(&name)
}

/// A parameter's Go type, for argument checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    Any,
    Str,
    Int,
    StrList,
}

impl Param {
    pub fn go_name(self) -> &'static str {
        match self {
            Param::Any => "interface {}",
            Param::Str => "string",
            Param::Int => "int",
            Param::StrList => "[]string",
        }
    }
}

/// A function's fixed parameters and variadic parameter type.
pub fn signature(name: &str, header: bool) -> (&'static [Param], Option<Param>) {
    use Param::*;
    if header {
        match name {
            "json" | "title" | "lower" | "upper" => return (&[Str], None),
            "split" | "join" => return (&[Str, Str], None),
            "truncate" => return (&[Str, Int], None),
            _ => {}
        }
    }
    match name {
        "not" | "len" | "json" => (&[Any], None),
        "index" | "slice" | "call" | "eq" => (&[Any], Some(Any)),
        "print" | "println" | "html" | "js" | "urlquery" => (&[], Some(Any)),
        "printf" => (&[Str], Some(Any)),
        "ne" | "lt" | "le" | "gt" | "ge" => (&[Any, Any], None),
        "split" => (&[Str, Str], None),
        "join" => (&[StrList, Str], None),
        "title" | "lower" | "upper" => (&[Str], None),
        "pad" => (&[Str, Int, Int], None),
        "truncate" => (&[Str, Int], None),
        _ => (&[], Some(Any)),
    }
}

fn want(name: &str, n: usize, got: usize) -> Result<(), String> {
    if n == got {
        Ok(())
    } else {
        Err(format!(
            "wrong number of args for {name}: want {n} got {got}"
        ))
    }
}

fn want_at_least(name: &str, n: usize, got: usize) -> Result<(), String> {
    if got >= n {
        Ok(())
    } else {
        Err(format!(
            "wrong number of args for {name}: want at least {n} got {got}"
        ))
    }
}

fn string_arg(v: &Value) -> Result<String, String> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(format!(
            "wrong type for value; expected string; got {}",
            other.type_name()
        )),
    }
}

fn int_arg(v: &Value) -> Result<i64, String> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Number(n) => n
            .parse()
            .map_err(|_| format!("wrong type for value; expected int; got {}", v.type_name())),
        other => Err(format!(
            "wrong type for value; expected int; got {}",
            other.type_name()
        )),
    }
}

/// Go's `strings.Title`: upper-cases the first letter of each word.
fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_letter = false;
    for c in s.chars() {
        let is_word = c.is_alphanumeric() || c == '_' || c == '\'';
        if is_word && !prev_letter {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        prev_letter = is_word;
    }
    out
}

/// `encoding/json` with `SetEscapeHTML(false)`, compact.
pub fn json_compact(v: &serde_json::Value) -> String {
    super::super::json::marshal(v, false)
}

/// Calls a function (other than `and`/`or`, which evaluate lazily). `header` selects
/// docker's header variants (the column name passes through unchanged).
pub fn call(name: &str, args: &[Value], header: bool) -> Result<Value, String> {
    let n = args.len();
    if header {
        match name {
            "json" | "title" | "lower" | "upper" => {
                want(name, 1, n)?;
                return Ok(Value::Str(string_arg(&args[0])?));
            }
            "split" | "join" | "truncate" => {
                want(name, 2, n)?;
                return Ok(Value::Str(string_arg(&args[0])?));
            }
            _ => {}
        }
    }
    match name {
        "not" => {
            want(name, 1, n)?;
            Ok(Value::Bool(!args[0].truth()))
        }
        "len" => {
            want(name, 1, n)?;
            match &args[0] {
                Value::Str(s) => Ok(Value::Int(s.len() as i64)),
                Value::List(l) => Ok(Value::Int(l.len() as i64)),
                Value::Map(m, _) => Ok(Value::Int(m.len() as i64)),
                Value::NilSlice | Value::NilMap => Ok(Value::Int(0)),
                other => Err(format!(
                    "error calling len: len of type {}",
                    other.type_name().trim_start_matches('*')
                )),
            }
        }
        "index" => {
            want_at_least(name, 1, n)?;
            let mut item = args[0].clone();
            for idx in &args[1..] {
                item = index(&item, idx).map_err(|e| format!("error calling index: {e}"))?;
            }
            Ok(item)
        }
        "print" => Ok(Value::Str(sprint(args))),
        "println" => Ok(Value::Str(sprintln(args))),
        "printf" => {
            want_at_least(name, 1, n)?;
            Ok(Value::Str(sprintf(&string_arg(&args[0])?, &args[1..])))
        }
        "eq" | "ne" | "lt" | "le" | "gt" | "ge" => compare(name, args),
        "json" => {
            want(name, 1, n)?;
            let html = matches!(&args[0], Value::Object(r) if r.escapes_html());
            Ok(Value::Str(super::super::json::marshal(&args[0].to_json(), html)))
        }
        "split" => {
            want(name, 2, n)?;
            let (s, sep) = (string_arg(&args[0])?, string_arg(&args[1])?);
            let parts: Vec<Value> = if sep.is_empty() {
                s.chars().map(|c| Value::Str(c.to_string())).collect()
            } else {
                s.split(sep.as_str()).map(Value::str).collect()
            };
            Ok(Value::List(parts))
        }
        "join" => {
            want(name, 2, n)?;
            let Value::List(items) = &args[0] else {
                return Err(format!(
                    "wrong type for value; expected []string; got {}",
                    args[0].type_name()
                ));
            };
            let parts: Result<Vec<String>, String> = items.iter().map(string_arg).collect();
            Ok(Value::Str(parts?.join(&string_arg(&args[1])?)))
        }
        "title" => {
            want(name, 1, n)?;
            Ok(Value::Str(title(&string_arg(&args[0])?)))
        }
        "lower" => {
            want(name, 1, n)?;
            Ok(Value::Str(string_arg(&args[0])?.to_lowercase()))
        }
        "upper" => {
            want(name, 1, n)?;
            Ok(Value::Str(string_arg(&args[0])?.to_uppercase()))
        }
        "pad" => {
            want(name, 3, n)?;
            let s = string_arg(&args[0])?;
            let (pre, suf) = (int_arg(&args[1])?, int_arg(&args[2])?);
            if s.is_empty() {
                return Ok(Value::Str(s));
            }
            let (pre, suf) = (pre.clamp(0, 10_000) as usize, suf.clamp(0, 10_000) as usize);
            Ok(Value::Str(format!(
                "{}{s}{}",
                " ".repeat(pre),
                " ".repeat(suf)
            )))
        }
        "truncate" => {
            want(name, 2, n)?;
            let s = string_arg(&args[0])?;
            let len = int_arg(&args[1])?;
            if (s.len() as i64) < len || len < 0 {
                return Ok(Value::Str(s));
            }
            let mut cut = len as usize;
            while !s.is_char_boundary(cut) {
                cut -= 1;
            }
            Ok(Value::Str(s[..cut].to_string()))
        }
        _ => Err(format!("function \"{name}\" not supported")),
    }
}

/// `index item key`.
fn index(item: &Value, idx: &Value) -> Result<Value, String> {
    match item {
        Value::List(l) => {
            let i = match idx {
                Value::Int(i) => *i,
                other => {
                    return Err(format!(
                        "cannot index slice/array with type {}",
                        other.type_name()
                    ));
                }
            };
            if i < 0 || i as usize >= l.len() {
                return Err(format!("index out of range: {i}"));
            }
            Ok(l[i as usize].clone())
        }
        Value::Str(s) => {
            let i = match idx {
                Value::Int(i) => *i,
                other => {
                    return Err(format!(
                        "cannot index slice/array with type {}",
                        other.type_name()
                    ));
                }
            };
            match s.as_bytes().get(i.max(0) as usize).filter(|_| i >= 0) {
                Some(b) => Ok(Value::Int(i64::from(*b))),
                None => Err(format!("index out of range: {i}")),
            }
        }
        Value::Map(m, dynamic) => {
            let key = string_arg(idx)
                .map_err(|_| format!("value has type {}; should be string", idx.type_name()))?;
            Ok(m.get(&key).cloned().unwrap_or(if *dynamic {
                Value::Nil
            } else {
                Value::Str(String::new())
            }))
        }
        Value::NilSlice => match idx {
            Value::Int(i) => Err(format!("index out of range: {i}")),
            other => Err(format!("cannot index slice/array with type {}", other.type_name())),
        },
        Value::NilMap => Ok(Value::Str(String::new())),
        Value::Nil | Value::NoValue => Err("index of untyped nil".into()),
        other => Err(format!("can't index item of type {}", other.type_name())),
    }
}

fn as_num(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

/// `eq`, `ne`, `lt`, `le`, `gt`, `ge` over basic values.
fn compare(name: &str, args: &[Value]) -> Result<Value, String> {
    want_at_least(name, if name == "eq" { 1 } else { 2 }, args.len())?;
    if name != "eq" {
        want(name, 2, args.len())?;
    }
    let basic = |v: &Value| {
        matches!(
            v,
            Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_) | Value::Number(_)
        )
    };
    let cmp = |a: &Value, b: &Value| -> Result<std::cmp::Ordering, String> {
        if !basic(a) || !basic(b) {
            if (name == "eq" || name == "ne") && matches!((a, b), (Value::Nil, Value::Nil)) {
                return Ok(std::cmp::Ordering::Equal);
            }
            return Err(format!("error calling {name}: invalid type for comparison"));
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => Ok(x.cmp(y)),
            (Value::Bool(x), Value::Bool(y)) if name == "eq" || name == "ne" => Ok(x.cmp(y)),
            (Value::Number(x), Value::Number(y)) => Ok(x.cmp(y)),
            _ => match (as_num(a), as_num(b)) {
                (Some(x), Some(y)) => x
                    .partial_cmp(&y)
                    .ok_or_else(|| format!("error calling {name}: invalid type for comparison")),
                _ => Err(format!(
                    "error calling {name}: incompatible types for comparison"
                )),
            },
        }
    };
    use std::cmp::Ordering::*;
    let r = match name {
        "eq" => {
            let mut any = false;
            for b in &args[1..] {
                if cmp(&args[0], b)? == Equal {
                    any = true;
                    break;
                }
            }
            any
        }
        "ne" => cmp(&args[0], &args[1])? != Equal,
        "lt" => cmp(&args[0], &args[1])? == Less,
        "le" => cmp(&args[0], &args[1])? != Greater,
        "gt" => cmp(&args[0], &args[1])? == Greater,
        _ => cmp(&args[0], &args[1])? != Less,
    };
    Ok(Value::Bool(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_functions() {
        assert_eq!(
            call("title", &["running".into()], false).unwrap().sprint(),
            "Running"
        );
        assert_eq!(
            call("pad", &["x".into(), 2i64.into(), 1i64.into()], false)
                .unwrap()
                .sprint(),
            "  x "
        );
        assert_eq!(
            call("pad", &["".into(), 2i64.into(), 1i64.into()], false)
                .unwrap()
                .sprint(),
            ""
        );
        assert_eq!(
            call("truncate", &["abcdef".into(), 3i64.into()], false)
                .unwrap()
                .sprint(),
            "abc"
        );
        assert_eq!(
            call("split", &["a,b".into(), ",".into()], false)
                .unwrap()
                .sprint(),
            "[a b]"
        );
        assert_eq!(
            call("join", &[Value::strings(&["a", "b"]), "-".into()], false)
                .unwrap()
                .sprint(),
            "a-b"
        );
        assert_eq!(
            call("upper", &["NAMES".into()], true).unwrap().sprint(),
            "NAMES"
        );
        assert_eq!(
            call("json", &["a".into(), "b".into()], false).unwrap_err(),
            "wrong number of args for json: want 1 got 2"
        );
        assert_eq!(
            call("index", &["a=1".into(), "a".into()], false).unwrap_err(),
            "error calling index: cannot index slice/array with type string"
        );
    }
}
