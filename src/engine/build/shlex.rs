//! Variable substitution in Dockerfile words (BuildKit's `frontend/dockerfile/shell`
//! lexer): quotes, escapes, `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR:+word}`,
//! `${VAR-word}`, `${VAR+word}`, `${VAR:?msg}`, `${#VAR}`.
//!
//! Invariant: expansion is a pure function of the word and the variables; every input
//! returns, an unterminated `${` is an error value.

use std::collections::BTreeMap;

/// Variables in effect (ENV, then ARG values).
pub type Vars = BTreeMap<String, String>;

/// Options of one expansion.
#[derive(Clone, Copy, Debug, Default)]
pub struct Lex {
    pub escape: char,
    /// Keep quotes in the result (RUN's displayed name).
    pub raw_quotes: bool,
    /// Leave `$UNSET` as written (RUN's displayed name).
    pub skip_unset: bool,
}

impl Lex {
    pub fn new(escape: char) -> Lex {
        Lex { escape, raw_quotes: false, skip_unset: false }
    }

    /// Expands one word; also returns the names of variables it used.
    pub fn word(&self, w: &str, vars: &Vars) -> Result<String, String> {
        let chars: Vec<char> = w.chars().collect();
        let mut i = 0;
        let mut out = String::new();
        let mut quote: Option<char> = None;
        while i < chars.len() {
            let c = chars[i];
            if c == self.escape && quote != Some('\'') {
                if let Some(&n) = chars.get(i + 1) {
                    if quote == Some('"') && !matches!(n, '"' | '$') && n != self.escape {
                        out.push(c);
                    } else if self.raw_quotes {
                        out.push(c);
                    }
                    out.push(n);
                    i += 2;
                } else {
                    i += 1;
                }
                continue;
            }
            match (c, quote) {
                ('\'', None) | ('"', None) => {
                    quote = Some(c);
                    if self.raw_quotes {
                        out.push(c);
                    }
                    i += 1;
                }
                (q, Some(open)) if q == open => {
                    quote = None;
                    if self.raw_quotes {
                        out.push(c);
                    }
                    i += 1;
                }
                ('$', q) if q != Some('\'') => {
                    let (text, next) = self.dollar(&chars, i, vars)?;
                    out.push_str(&text);
                    i = next;
                }
                _ => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        Ok(out)
    }

    /// Expands `$…` at `chars[i]`; returns the text and the index after it.
    fn dollar(&self, chars: &[char], i: usize, vars: &Vars) -> Result<(String, usize), String> {
        let name_char = |c: char| c.is_ascii_alphanumeric() || c == '_';
        match chars.get(i + 1) {
            Some('{') => {
                let close = chars[i + 2..].iter().position(|&c| c == '}').map(|p| p + i + 2);
                let Some(close) = close else {
                    return Err("missing '}'".into());
                };
                let inner: String = chars[i + 2..close].iter().collect();
                let raw: String = chars[i..=close].iter().collect();
                Ok((self.braced(&inner, &raw, vars)?, close + 1))
            }
            Some(&c) if name_char(c) => {
                let mut j = i + 1;
                while j < chars.len() && name_char(chars[j]) {
                    j += 1;
                }
                let name: String = chars[i + 1..j].iter().collect();
                let raw: String = chars[i..j].iter().collect();
                Ok((self.lookup(&name, &raw, vars), j))
            }
            _ => Ok(("$".into(), i + 1)),
        }
    }

    fn lookup(&self, name: &str, raw: &str, vars: &Vars) -> String {
        match vars.get(name) {
            Some(v) => v.clone(),
            None if self.skip_unset => raw.to_string(),
            None => String::new(),
        }
    }

    fn braced(&self, inner: &str, raw: &str, vars: &Vars) -> Result<String, String> {
        if let Some(name) = inner.strip_prefix('#') {
            return Ok(vars.get(name).map_or(0, |v| v.chars().count()).to_string());
        }
        let split = inner.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(inner.len());
        let (name, op) = inner.split_at(split);
        if name.is_empty() {
            return Err(format!("failed to process \"{raw}\": bad substitution"));
        }
        let value = vars.get(name);
        let set_nonempty = value.is_some_and(|v| !v.is_empty());
        let word = |w: &str| Lex { raw_quotes: false, ..*self }.word(w, vars);
        match op {
            "" => Ok(self.lookup(name, raw, vars)),
            _ if op.starts_with(":-") => if set_nonempty { Ok(value.cloned().unwrap_or_default()) } else { word(&op[2..]) },
            _ if op.starts_with('-') => match value { Some(v) => Ok(v.clone()), None => word(&op[1..]) },
            _ if op.starts_with(":+") => if set_nonempty { word(&op[2..]) } else { Ok(String::new()) },
            _ if op.starts_with('+') => if value.is_some() { word(&op[1..]) } else { Ok(String::new()) },
            _ if op.starts_with(":?") || op.starts_with('?') => {
                let msg = op.trim_start_matches(':').trim_start_matches('?');
                if (op.starts_with(':') && set_nonempty) || (!op.starts_with(':') && value.is_some()) {
                    Ok(value.cloned().unwrap_or_default())
                } else {
                    Err(format!("{name}: {}", if msg.is_empty() { "is not allowed to be unset" } else { msg }))
                }
            }
            _ => Err(format!("failed to process \"{raw}\": unsupported modifier ({}) in substitution", op.chars().next().unwrap_or(' '))),
        }
    }

    /// Expands a list of words (each word separately).
    pub fn words(&self, ws: &[String], vars: &Vars) -> Result<Vec<String>, String> {
        ws.iter().map(|w| self.word(w, vars)).collect()
    }
}

/// The names of variables `$NAME`/`${NAME…}` a text refers to (for cache keys of RUN).
pub fn referenced(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < b.len() {
        if b[i] == '$' {
            let mut j = i + 1;
            if b.get(j) == Some(&'{') {
                j += 1;
            }
            let s = j;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == '_') {
                j += 1;
            }
            if j > s {
                out.push(b[s..j].iter().collect());
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars() -> Vars {
        [("A".to_string(), "1".to_string()), ("E".to_string(), String::new())].into_iter().collect()
    }

    #[test]
    fn expands_like_buildkit() {
        let l = Lex::new('\\');
        let v = vars();
        assert_eq!(l.word("$A-${A}x", &v).unwrap(), "1-1x");
        assert_eq!(l.word("'$A' \"$A\"", &v).unwrap(), "$A 1");
        assert_eq!(l.word("${B:-def} ${E:-d2} ${E-d3} ${A:+set}", &v).unwrap(), "def d2  set");
        assert_eq!(l.word(r"\$A a\ b", &v).unwrap(), "$A a b");
        assert_eq!(l.word("${#A}", &v).unwrap(), "1");
        assert!(l.word("${A", &v).is_err());
    }

    #[test]
    fn raw_mode_keeps_quotes_and_unset() {
        let l = Lex { escape: '\\', raw_quotes: true, skip_unset: true };
        assert_eq!(l.word("echo \"$A\" $NOPE", &vars()).unwrap(), "echo \"1\" $NOPE");
    }
}
