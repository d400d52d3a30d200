//! Shell pattern matching (`fnmatch`: `*`, `?`, `[a-z]`, `[!x]`, `[[:digit:]]`) and
//! pathname expansion (globbing) against the file system.
//!
//! Invariant: matching runs in O(pattern × text) steps; globbing reads at most
//! [`GLOB_MAX`] names and returns them sorted bytewise.

use crate::unix::fs::{Cred, Fs, path};

/// Names globbing may look at in one expansion.
pub const GLOB_MAX: usize = 10_000;

/// A pattern: characters with a flag telling whether they were quoted (literal).
pub type Pat = Vec<(char, bool)>;

/// Makes an all-literal pattern.
pub fn literal(s: &str) -> Pat {
    s.chars().map(|c| (c, true)).collect()
}

/// Whether a pattern has any unquoted special character.
pub fn has_magic(p: &[(char, bool)]) -> bool {
    p.iter().any(|&(c, q)| !q && matches!(c, '*' | '?' | '['))
}

fn class_match(class: &str, c: char) -> bool {
    match class {
        "alpha" => c.is_alphabetic(),
        "digit" => c.is_ascii_digit(),
        "alnum" => c.is_alphanumeric(),
        "upper" => c.is_uppercase(),
        "lower" => c.is_lowercase(),
        "space" => c.is_whitespace(),
        "blank" => c == ' ' || c == '\t',
        "punct" => c.is_ascii_punctuation(),
        "xdigit" => c.is_ascii_hexdigit(),
        _ => false,
    }
}

/// Matches a bracket expression starting at `p[start] == '['` against `c`:
/// `Some((matched, length))`, or `None` when unterminated (then `[` is literal).
fn bracket(p: &[(char, bool)], start: usize, c: char) -> Option<(bool, usize)> {
    let mut i = start + 1;
    let mut negate = false;
    if i < p.len() && !p[i].1 && (p[i].0 == '!' || p[i].0 == '^') {
        negate = true;
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    while i < p.len() {
        let (ch, q) = p[i];
        if ch == ']' && !q && !first {
            return Some((matched != negate, i + 1 - start));
        }
        first = false;
        if ch == '[' && !q && p.get(i + 1).is_some_and(|x| x.0 == ':') {
            let rest: String = p[i + 2..].iter().map(|x| x.0).collect();
            if let Some(end) = rest.find(":]") {
                if class_match(&rest[..end], c) {
                    matched = true;
                }
                i += 2 + end + 2;
                continue;
            }
        }
        if p.get(i + 1).is_some_and(|x| x.0 == '-' && !x.1) && p.get(i + 2).is_some_and(|x| x.0 != ']' || x.1) {
            let hi = p[i + 2].0;
            if ch <= c && c <= hi {
                matched = true;
            }
            i += 3;
            continue;
        }
        if ch == c {
            matched = true;
        }
        i += 1;
    }
    None
}

/// Whether `text` matches the whole pattern.
pub fn matches(p: &[(char, bool)], text: &str) -> bool {
    let s: Vec<char> = text.chars().collect();
    let (mut pi, mut si) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    let mut guard = 0u64;
    while si < s.len() {
        guard += 1;
        if guard > 4_000_000 {
            return false;
        }
        if pi < p.len() {
            let (c, q) = p[pi];
            if !q && c == '*' {
                star = Some((pi, si));
                pi += 1;
                continue;
            }
            if !q && c == '?' {
                pi += 1;
                si += 1;
                continue;
            }
            if !q && c == '[' {
                if let Some((ok, len)) = bracket(p, pi, s[si]) {
                    if ok {
                        pi += len;
                        si += 1;
                        continue;
                    }
                } else if s[si] == '[' {
                    pi += 1;
                    si += 1;
                    continue;
                }
            } else if c == s[si] {
                pi += 1;
                si += 1;
                continue;
            }
        }
        if let Some((sp, ss)) = star {
            pi = sp + 1;
            si = ss + 1;
            star = Some((sp, ss + 1));
            continue;
        }
        return false;
    }
    while pi < p.len() && p[pi] == ('*', false) {
        pi += 1;
    }
    pi == p.len()
}

/// The shortest or longest prefix / suffix of `text` matching `p` (for `${x#p}` etc.):
/// returns the byte range to keep.
pub fn trim(p: &[(char, bool)], text: &str, suffix: bool, longest: bool) -> String {
    let idx: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    let order: Vec<usize> = if longest { idx.iter().rev().copied().collect() } else { idx.clone() };
    if !suffix {
        for &i in &order {
            if matches(p, &text[..i]) {
                return text[i..].to_string();
            }
        }
    } else {
        let order: Vec<usize> = if longest { idx.clone() } else { idx.iter().rev().copied().collect() };
        for &i in &order {
            if matches(p, &text[i..]) {
                return text[..i].to_string();
            }
        }
    }
    text.to_string()
}

/// Pathname expansion of one field; empty when nothing matches.
pub fn glob(fs: &dyn Fs, cwd: &str, p: &[(char, bool)], cred: Cred) -> Vec<String> {
    let absolute = p.first().is_some_and(|x| x.0 == '/');
    let mut comps: Vec<Pat> = Vec::new();
    let mut cur = Pat::new();
    for &x in p {
        if x.0 == '/' {
            if !cur.is_empty() {
                comps.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(x);
        }
    }
    if !cur.is_empty() {
        comps.push(cur);
    }
    let trailing_slash = p.last().is_some_and(|x| x.0 == '/');
    let mut bases: Vec<String> = vec![if absolute { "/".to_string() } else { String::new() }];
    let mut budget = GLOB_MAX;
    for comp in &comps {
        let mut next = Vec::new();
        for b in &bases {
            let join = |name: &str| {
                if b.is_empty() {
                    name.to_string()
                } else if b.ends_with('/') {
                    format!("{b}{name}")
                } else {
                    format!("{b}/{name}")
                }
            };
            if has_magic(comp) {
                let dir = if b.is_empty() { cwd.to_string() } else { path::absolute(cwd, b) };
                let Ok(names) = fs.readdir(&dir, cred) else { continue };
                for n in names {
                    if budget == 0 {
                        break;
                    }
                    budget -= 1;
                    if n.starts_with('.') && comp.first().is_none_or(|c| c.0 != '.') {
                        continue;
                    }
                    if matches(comp, &n) {
                        next.push(join(&n));
                    }
                }
            } else {
                let lit: String = comp.iter().map(|x| x.0).collect();
                next.push(join(&lit));
            }
        }
        bases = next;
        if bases.is_empty() {
            break;
        }
    }
    let mut out: Vec<String> = bases
        .into_iter()
        .filter(|b| !b.is_empty() && fs.lstat(&path::absolute(cwd, b)).is_ok())
        .filter(|b| {
            !trailing_slash || fs.stat(&path::absolute(cwd, b)).is_ok_and(|s| s.kind == crate::unix::fs::Kind::Dir)
        })
        .map(|b| if trailing_slash { format!("{b}/") } else { b })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pat(s: &str) -> Pat {
        s.chars().map(|c| (c, false)).collect()
    }

    #[test]
    fn wildcards() {
        assert!(matches(&pat("*.txt"), "a.txt"));
        assert!(!matches(&pat("*.txt"), "a.txt.bak"));
        assert!(matches(&pat("a?c"), "abc"));
        assert!(matches(&pat("[a-c]x"), "bx"));
        assert!(!matches(&pat("[!a-c]x"), "bx"));
        assert!(matches(&pat("[[:digit:]]*"), "1abc"));
        assert!(matches(&pat("*"), ""));
        assert!(!matches(&literal("*"), "x"));
        assert!(matches(&pat("[x"), "[x"));
    }

    #[test]
    fn trimming() {
        assert_eq!(trim(&pat("*/"), "/usr/local/bin", false, false), "usr/local/bin");
        assert_eq!(trim(&pat("*/"), "/usr/local/bin", false, true), "bin");
        assert_eq!(trim(&pat(".*"), "file.tar.gz", true, false), "file.tar");
        assert_eq!(trim(&pat(".*"), "file.tar.gz", true, true), "file");
    }
}
