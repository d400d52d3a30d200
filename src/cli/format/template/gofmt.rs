//! Go's `fmt.Sprint`, `Sprintln` and `Sprintf` over template values: the verbs used in
//! `--format` strings (`%s %d %v %q %t %f %x %c %%`) with flags, width and precision,
//! and Go's `%!d(string=x)` / `%!s(MISSING)` markers.
//!
//! Invariant: widths and precisions are clamped, so no input makes output explode.

use super::value::Value;
use crate::cli::gostr::quote;

/// `fmt.Sprint`: operands joined, a space only between two non-strings.
pub fn sprint(args: &[Value]) -> String {
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 && !matches!(a, Value::Str(_)) && !matches!(args[i - 1], Value::Str(_)) {
            out.push(' ');
        }
        out.push_str(&a.sprint());
    }
    out
}

/// `fmt.Sprintln`: operands joined by spaces, then a newline.
pub fn sprintln(args: &[Value]) -> String {
    let parts: Vec<String> = args.iter().map(Value::sprint).collect();
    format!("{}\n", parts.join(" "))
}

#[derive(Default)]
struct Spec {
    minus: bool,
    plus: bool,
    zero: bool,
    space: bool,
    sharp: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

fn pad(s: String, spec: &Spec, numeric: bool) -> String {
    let Some(w) = spec.width else { return s };
    let len = s.chars().count();
    if len >= w {
        return s;
    }
    let fill = w - len;
    if spec.minus {
        format!("{s}{}", " ".repeat(fill))
    } else if spec.zero && numeric {
        let (sign, digits) = if s.starts_with(['-', '+']) {
            s.split_at(1)
        } else {
            ("", s.as_str())
        };
        format!("{sign}{}{digits}", "0".repeat(fill))
    } else {
        format!("{}{s}", " ".repeat(fill))
    }
}

fn bad(verb: char, v: &Value) -> String {
    match v {
        Value::Nil => format!("%!{verb}(<nil>)"),
        _ => format!("%!{verb}({}={})", v.type_name(), v.sprint()),
    }
}

fn int_of(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        _ => None,
    }
}

fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Number(n) => n.parse().ok(),
        _ => None,
    }
}

fn format_one(verb: char, spec: &Spec, v: &Value) -> String {
    match verb {
        'v' => pad(v.sprint(), spec, false),
        's' => match v {
            Value::Str(s) => {
                let s = match spec.prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s.clone(),
                };
                pad(s, spec, false)
            }
            Value::List(_)
            | Value::Map(..)
            | Value::Object(_)
            | Value::NoValue
            | Value::NilSlice
            | Value::NilMap => {
                pad(v.sprint(), spec, false)
            }
            _ => bad(verb, v),
        },
        'q' => match v {
            Value::Str(s) => pad(quote(s), spec, false),
            Value::Int(i) => {
                let c = u32::try_from(*i)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}');
                pad(format!("'{c}'"), spec, false)
            }
            _ => bad(verb, v),
        },
        'd' => match int_of(v) {
            Some(i) => {
                let s = if spec.plus && i >= 0 {
                    format!("+{i}")
                } else if spec.space && i >= 0 {
                    format!(" {i}")
                } else {
                    i.to_string()
                };
                pad(s, spec, true)
            }
            None => bad(verb, v),
        },
        'x' | 'X' | 'o' | 'b' => {
            let s = match v {
                Value::Int(i) => {
                    let (neg, u) = (*i < 0, i.unsigned_abs());
                    let body = match verb {
                        'x' => format!("{u:x}"),
                        'X' => format!("{u:X}"),
                        'o' => format!("{u:o}"),
                        _ => format!("{u:b}"),
                    };
                    let prefix = if spec.sharp {
                        match verb {
                            'x' => "0x",
                            'X' => "0X",
                            'o' => "0",
                            _ => "",
                        }
                    } else {
                        ""
                    };
                    format!("{}{prefix}{body}", if neg { "-" } else { "" })
                }
                Value::Str(s) if verb == 'x' => s.bytes().map(|b| format!("{b:02x}")).collect(),
                Value::Str(s) if verb == 'X' => s.bytes().map(|b| format!("{b:02X}")).collect(),
                _ => return bad(verb, v),
            };
            pad(s, spec, true)
        }
        'c' => match int_of(v)
            .and_then(|i| u32::try_from(i).ok())
            .and_then(char::from_u32)
        {
            Some(c) => pad(c.to_string(), spec, false),
            None => bad(verb, v),
        },
        't' => match v {
            Value::Bool(b) => pad(b.to_string(), spec, false),
            _ => bad(verb, v),
        },
        'f' | 'F' | 'e' | 'E' | 'g' | 'G' => match float_of(v) {
            Some(f) => {
                let p = spec.prec.unwrap_or(6).min(100);
                let s = match verb {
                    'f' | 'F' => format!("{f:.p$}"),
                    'e' | 'E' => {
                        let s = format!("{f:.p$e}");
                        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                        let e: i32 = e.parse().unwrap_or(0);
                        let out = format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
                        if verb == 'E' { out.to_uppercase() } else { out }
                    }
                    _ => match spec.prec {
                        Some(p) => crate::cli::units::format_g(f, p),
                        None => super::value::go_float(f),
                    },
                };
                let s = if spec.plus && f >= 0.0 {
                    format!("+{s}")
                } else {
                    s
                };
                pad(s, spec, true)
            }
            None => bad(verb, v),
        },
        _ => format!("%!{verb}({}={})", v.type_name(), v.sprint()),
    }
}

/// `fmt.Sprintf`.
pub fn sprintf(format: &str, args: &[Value]) -> String {
    let mut out = String::new();
    let chars: Vec<char> = format.chars().collect();
    let mut i = 0;
    let mut argi = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = Spec::default();
        while i < chars.len() {
            match chars[i] {
                '-' => spec.minus = true,
                '+' => spec.plus = true,
                '0' => spec.zero = !spec.minus,
                ' ' => spec.space = true,
                '#' => spec.sharp = true,
                _ => break,
            }
            i += 1;
        }
        let num = |i: &mut usize, argi: &mut usize| -> Option<usize> {
            if *i < chars.len() && chars[*i] == '*' {
                *i += 1;
                let v = args.get(*argi).and_then(int_of);
                *argi += 1;
                return v.map(|v| v.clamp(0, 1000) as usize);
            }
            let start = *i;
            while *i < chars.len() && chars[*i].is_ascii_digit() {
                *i += 1;
            }
            (start < *i).then(|| {
                chars[start..*i]
                    .iter()
                    .collect::<String>()
                    .parse::<usize>()
                    .unwrap_or(0)
                    .min(1000)
            })
        };
        spec.width = num(&mut i, &mut argi);
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            spec.prec = Some(num(&mut i, &mut argi).unwrap_or(0));
        }
        let Some(&verb) = chars.get(i) else {
            out.push_str("%!(NOVERB)");
            break;
        };
        i += 1;
        if verb == '%' {
            out.push('%');
            continue;
        }
        match args.get(argi) {
            Some(v) => out.push_str(&format_one(verb, &spec, v)),
            None => out.push_str(&format!("%!{verb}(MISSING)")),
        }
        argi += 1;
    }
    if argi < args.len() {
        let extra: Vec<String> = args[argi..]
            .iter()
            .map(|v| format!("{}={}", v.type_name(), v.sprint()))
            .collect();
        out.push_str(&format!("%!(EXTRA {})", extra.join(", ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printf_like_go() {
        assert_eq!(sprintf("%s-%d", &["web".into(), 3i64.into()]), "web-3");
        assert_eq!(
            sprintf("%-6s|%5d|%05d", &["ab".into(), 42i64.into(), 42i64.into()]),
            "ab    |   42|00042"
        );
        assert_eq!(sprintf("%q", &["a\"b".into()]), "\"a\\\"b\"");
        assert_eq!(sprintf("%d", &["x".into()]), "%!d(string=x)");
        assert_eq!(sprintf("%s %s", &["x".into()]), "x %!s(MISSING)");
        assert_eq!(
            sprintf("%s", &["x".into(), 1i64.into()]),
            "x%!(EXTRA int=1)"
        );
        assert_eq!(sprintf("%.2f%%", &[Value::Float(12.345)]), "12.35%");
        assert_eq!(sprintf("%.3s", &["abcdef".into()]), "abc");
        assert_eq!(
            sprint(&["a".into(), 1i64.into(), 2i64.into(), "b".into()]),
            "a1 2b"
        );
        assert_eq!(sprintln(&["a".into(), 1i64.into()]), "a 1\n");
    }
}
