//! JSON as Go's `encoding/json` writes it: `json.Marshal` (compact) and
//! `json.MarshalIndent(v, "", "    ")` (docker inspect), with Go's string escaping
//! (`<`, `>`, `&` as `\u003c`… when HTML escaping is on, `\u2028`, `\b`, `\f`) and
//! Go's float formatting. Field order is the `serde_json::Map` order (insertion order,
//! with the `preserve_order` feature).
//!
//! Invariant: recursion depth follows the value's depth; output is valid JSON.

use serde_json::Value;

fn escape_into(out: &mut String, s: &str, html: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '<' | '>' | '&' if html => out.push_str(&format!("\\u{:04x}", c as u32)),
            '\u{2028}' | '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Go's float64 encoding: `'f'` format between 1e-6 and 1e21, else `'e'` (`1e-7`, `1e+21`).
pub fn go_json_float(f: f64) -> String {
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let s = format!("{f:e}");
        let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mant}e{sign}{}", exp.abs());
    }
    let s = format!("{f}");
    if s == "-0" { "-0".into() } else { s }
}

fn number(n: &serde_json::Number) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    n.as_f64().map_or_else(|| n.to_string(), go_json_float)
}

fn write(out: &mut String, v: &Value, html: bool, indent: Option<(&str, usize)>) {
    let nl = |out: &mut String, depth: usize| {
        if let Some((unit, _)) = indent {
            out.push('\n');
            for _ in 0..depth {
                out.push_str(unit);
            }
        }
    };
    let depth = indent.map_or(0, |(_, d)| d);
    let deeper = indent.map(|(u, d)| (u, d + 1));
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number(n)),
        Value::String(s) => escape_into(out, s, html),
        Value::Array(a) => {
            if a.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                nl(out, depth + 1);
                write(out, item, html, deeper);
            }
            nl(out, depth);
            out.push(']');
        }
        Value::Object(o) => {
            if o.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (k, item)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                nl(out, depth + 1);
                escape_into(out, k, html);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write(out, item, html, deeper);
            }
            nl(out, depth);
            out.push('}');
        }
    }
}

/// `json.Marshal` (HTML escaping on), or the encoder with `SetEscapeHTML(false)` that
/// docker's `{{json}}` uses when `html` is false.
pub fn marshal(v: &Value, html: bool) -> String {
    let mut out = String::new();
    write(&mut out, v, html, None);
    out
}

/// `json.MarshalIndent(v, "", "    ")`, as `docker inspect` prints.
pub fn marshal_indent(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, true, Some(("    ", 0)));
    out
}

/// What `docker inspect` prints for the found objects without `--format`: an indented
/// array and a newline (`[]` when nothing was found).
pub fn inspect_list(values: &[&Value]) -> String {
    array_of(values, Some(("    ", 0)))
}

/// `docker inspect --format json`: the compact array and a newline.
pub fn inspect_compact(values: &[&Value]) -> String {
    array_of(values, None)
}

/// The JSON array of `values` and a newline, written in place (inspect documents are large:
/// no copy into a `Value::Array` first).
fn array_of(values: &[&Value], indent: Option<(&str, usize)>) -> String {
    if values.is_empty() {
        return "[]\n".into();
    }
    let mut out = String::with_capacity(8192 * values.len());
    out.push('[');
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if indent.is_some() {
            out.push_str("\n    ");
        }
        write(&mut out, v, true, indent.map(|(u, _)| (u, 1)));
    }
    if indent.is_some() {
        out.push('\n');
    }
    out.push_str("]\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn indents_like_go() {
        let v = json!({"Id": "abc", "Args": [], "Config": {"Env": ["A=1"], "Labels": {}}, "Pid": 42, "X": null});
        assert_eq!(
            marshal_indent(&v),
            "{\n    \"Id\": \"abc\",\n    \"Args\": [],\n    \"Config\": {\n        \"Env\": [\n            \"A=1\"\n        ],\n        \"Labels\": {}\n    },\n    \"Pid\": 42,\n    \"X\": null\n}"
        );
    }

    #[test]
    fn inspect_arrays() {
        assert_eq!(inspect_list(&[]), "[]\n");
        assert_eq!(
            inspect_list(&[&json!({"Id": "a"})]),
            "[\n    {\n        \"Id\": \"a\"\n    }\n]\n"
        );
        assert_eq!(
            inspect_list(&[&json!({"Id": "a", "N": [1]}), &json!([])]),
            marshal_indent(&json!([{"Id": "a", "N": [1]}, []])) + "\n"
        );
        assert_eq!(
            inspect_compact(&[&json!({"Id": "a"}), &json!({"Id": "b"})]),
            "[{\"Id\":\"a\"},{\"Id\":\"b\"}]\n"
        );
    }

    #[test]
    fn escapes_like_go() {
        assert_eq!(
            marshal(&json!("<a&b>"), true),
            "\"\\u003ca\\u0026b\\u003e\""
        );
        assert_eq!(marshal(&json!("<a&b>"), false), "\"<a&b>\"");
        assert_eq!(
            marshal(&json!("a\u{1}\u{2028}\u{8}"), true),
            "\"a\\u0001\\u2028\\b\""
        );
        assert_eq!(marshal(&json!({"a": [1, "x"]}), true), "{\"a\":[1,\"x\"]}");
        assert_eq!(go_json_float(1.5), "1.5");
        assert_eq!(go_json_float(1e21), "1e+21");
        assert_eq!(go_json_float(1e-7), "1e-7");
    }
}
