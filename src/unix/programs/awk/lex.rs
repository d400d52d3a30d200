//! The tokens of the small `awk` language.
//!
//! Invariant: lexing consumes at least one character per token.

#[derive(Clone, Debug, PartialEq)]
pub(super) enum T {
    Num(f64),
    Str(String),
    Re(String),
    Name(String),
    Op(&'static str),
    Sep,
}

pub(super) const OPS: &[&str] = &[
    "+=", "-=", "*=", "/=", "++", "--", "==", "!=", "<=", ">=", "&&", "||", "!~", "{", "}", "(", ")", "$", ",", "+",
    "-", "*", "/", "%", "<", ">", "~", "!", "=",
];

pub(super) fn lex(src: &str) -> Result<Vec<T>, String> {
    let cs: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c == ' ' || c == '\t' {
            i += 1;
            continue;
        }
        if c == '\n' || c == ';' {
            out.push(T::Sep);
            i += 1;
            continue;
        }
        if c == '#' {
            while i < cs.len() && cs[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c.is_ascii_digit() || (c == '.' && cs.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            let st = i;
            while i < cs.len() && (cs[i].is_ascii_digit() || cs[i] == '.') {
                i += 1;
            }
            let t: String = cs[st..i].iter().collect();
            out.push(T::Num(t.parse().unwrap_or(0.0)));
            continue;
        }
        if c == '"' {
            let mut s = String::new();
            i += 1;
            while i < cs.len() && cs[i] != '"' {
                if cs[i] == '\\' && i + 1 < cs.len() {
                    i += 1;
                    s.push(match cs[i] {
                        'n' => '\n',
                        't' => '\t',
                        o => o,
                    });
                } else {
                    s.push(cs[i]);
                }
                i += 1;
            }
            if i >= cs.len() {
                return Err("runaway string constant".into());
            }
            i += 1;
            out.push(T::Str(s));
            continue;
        }
        let regex_ok = !matches!(out.last(), Some(T::Num(_)) | Some(T::Str(_)) | Some(T::Name(_)) | Some(T::Op(")")));
        if c == '/' && regex_ok {
            let mut s = String::new();
            i += 1;
            while i < cs.len() && cs[i] != '/' {
                if cs[i] == '\\' && cs.get(i + 1) == Some(&'/') {
                    i += 1;
                }
                s.push(cs[i]);
                i += 1;
            }
            if i >= cs.len() {
                return Err("unterminated regexp".into());
            }
            i += 1;
            out.push(T::Re(s));
            continue;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            let st = i;
            while i < cs.len() && (cs[i].is_ascii_alphanumeric() || cs[i] == '_') {
                i += 1;
            }
            out.push(T::Name(cs[st..i].iter().collect()));
            continue;
        }
        let rest: String = cs[i..cs.len().min(i + 2)].iter().collect();
        match OPS.iter().find(|o| rest.starts_with(*o)) {
            Some(o) => {
                out.push(T::Op(o));
                i += o.len();
            }
            None => return Err(format!("syntax error at '{c}'")),
        }
    }
    Ok(out)
}
