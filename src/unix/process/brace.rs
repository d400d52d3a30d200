//! Bash brace expansion: `{a,b}`, `{1..3}`, `{a..e}`, `x{01..10..2}y`, nested lists,
//! over the unquoted text of one literal part of a word.
//!
//! Invariant: one word expands to at most 1000 words.

use crate::unix::sh::ast::{Part, Word};

/// Bash brace expansion of one word (`{a,b}`, `{1..3}`, `x{1..9..2}y`), over unquoted
/// text within one literal part; at most 1000 words.
pub fn brace_expand(w: &Word) -> Vec<Word> {
    let mut out = Vec::new();
    brace_into(w.clone(), &mut out, 0);
    out
}

fn brace_into(w: Word, out: &mut Vec<Word>, depth: u32) {
    if out.len() >= 1000 || depth > 20 {
        out.push(w);
        return;
    }
    for (pi, part) in w.iter().enumerate() {
        let Part::Lit(s) = part else { continue };
        let Some((open, close, alts)) = find_brace(s) else { continue };
        for alt in alts {
            let mut nw: Word = w[..pi].to_vec();
            nw.push(Part::Lit(format!("{}{}{}", &s[..open], alt, &s[close + 1..])));
            nw.extend(w[pi + 1..].iter().cloned());
            brace_into(nw, out, depth + 1);
        }
        return;
    }
    out.push(w);
}

/// The first `{…}` of `s` that expands: (open index, close index, alternatives).
fn find_brace(s: &str) -> Option<(usize, usize, Vec<String>)> {
    let b = s.as_bytes();
    for open in (0..b.len()).filter(|&i| b[i] == b'{') {
        let mut depth = 0;
        let mut commas = Vec::new();
        for i in open..b.len() {
            match b[i] {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        let inner = &s[open + 1..i];
                        if !commas.is_empty() {
                            let mut alts = Vec::new();
                            let mut last = open + 1;
                            for c in &commas {
                                alts.push(s[last..*c].to_string());
                                last = c + 1;
                            }
                            alts.push(s[last..i].to_string());
                            return Some((open, i, alts));
                        }
                        if let Some(seq) = sequence(inner) {
                            return Some((open, i, seq));
                        }
                        break;
                    }
                }
                b',' if depth == 1 => commas.push(i),
                _ => {}
            }
        }
    }
    None
}

fn sequence(inner: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = inner.split("..").collect();
    if parts.len() < 2 || parts.len() > 3 {
        return None;
    }
    let step: i64 = parts.get(2).map_or(Some(1), |s| s.parse().ok())?.clamp(1, 1 << 20);
    if let (Ok(a), Ok(b)) = (parts[0].parse::<i64>(), parts[1].parse::<i64>()) {
        let width = if parts[0].starts_with('0') && parts[0].len() > 1 { parts[0].len() } else { 0 };
        let mut v = Vec::new();
        let mut x = a;
        while v.len() < 1000 && ((a <= b && x <= b) || (a > b && x >= b)) {
            v.push(format!("{x:0width$}"));
            x = if a <= b { x + step } else { x - step };
        }
        return Some(v);
    }
    let (a, b) = (parts[0].chars().next()?, parts[1].chars().next()?);
    if parts[0].chars().count() != 1 || parts[1].chars().count() != 1 {
        return None;
    }
    let (a, b) = (a as u32, b as u32);
    let range: Vec<u32> =
        if a <= b { (a..=b).step_by(step as usize).collect() } else { (b..=a).rev().step_by(step as usize).collect() };
    Some(range.into_iter().take(1000).filter_map(char::from_u32).map(String::from).collect())
}
