//! The Dockerfile parser (BuildKit's `frontend/dockerfile/parser`): parser directives
//! (`# syntax=`, `# escape=`), comments, line continuations, and one [`Node`] per
//! instruction with its flags, its raw arguments and the lines it spans.
//!
//! Unknown instructions parse here and fail later, as in BuildKit: the parser only splits.
//!
//! Invariant: every input returns (no panic, no unbounded loop); line numbers count from 1
//! and `start <= end`.

/// One instruction as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The instruction word, upper-cased (`RUN`).
    pub keyword: String,
    /// The word as written (`run`), for casing checks.
    pub written: String,
    /// `--from=builder`-style flags before the arguments, without the dashes.
    pub flags: Vec<String>,
    /// The rest of the line after the keyword and flags (continuations joined).
    pub rest: String,
    /// The instruction's joined text (`Original` in BuildKit).
    pub original: String,
    pub start: u32,
    pub end: u32,
}

/// A parsed Dockerfile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dockerfile {
    pub nodes: Vec<Node>,
    /// The escape character (`\` or `` ` ``).
    pub escape: char,
    /// Lines holding an empty continuation (NoEmptyContinuation warnings).
    pub empty_continuations: Vec<u32>,
}

/// A parse failure: the message and the line it points at (0 = none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub line: u32,
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// `# key=value` at the top of the file.
fn directive(line: &str) -> Option<(String, String)> {
    let rest = line.trim().strip_prefix('#')?.trim_start();
    let (k, v) = rest.split_once('=')?;
    let k = k.trim();
    if k.is_empty() || !k.chars().next()?.is_ascii_alphabetic() || !k.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((k.to_ascii_lowercase(), v.trim().to_string()))
}

/// Strips a trailing escape character (and whitespace after it): `(text, continues)`.
fn trim_continuation(line: &str, escape: char) -> (String, bool) {
    let t = line.trim_end_matches([' ', '\t']);
    match t.strip_suffix(escape) {
        Some(head) => (head.to_string(), true),
        None => (line.to_string(), false),
    }
}

/// Parses a Dockerfile's text.
pub fn parse(text: &str) -> Result<Dockerfile, ParseError> {
    let lines: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let mut df = Dockerfile { escape: '\\', ..Dockerfile::default() };
    let mut i = 0usize;
    // Parser directives: only at the very top, before any comment, blank line or instruction.
    let mut seen = Vec::new();
    while i < lines.len() {
        let Some((k, v)) = directive(lines[i]) else { break };
        if k == "escape" {
            if seen.contains(&k) {
                return Err(ParseError { message: "only one escape parser directive can be used".into(), line: i as u32 + 1 });
            }
            df.escape = match v.as_str() {
                "\\" => '\\',
                "`" => '`',
                _ => return Err(ParseError { message: format!("invalid escape token '{v}' does not match ` or \\"), line: i as u32 + 1 }),
            };
        }
        seen.push(k);
        i += 1;
    }
    while i < lines.len() {
        let first = lines[i].trim_start();
        let start = i as u32 + 1;
        i += 1;
        if first.trim().is_empty() || is_comment(first) {
            continue;
        }
        let (mut joined, mut more) = trim_continuation(first, df.escape);
        let mut end = start;
        while more && i < lines.len() {
            let l = lines[i];
            i += 1;
            if is_comment(l) {
                continue;
            }
            if l.trim().is_empty() {
                df.empty_continuations.push(i as u32);
                continue;
            }
            end = i as u32;
            let (t, m) = trim_continuation(l, df.escape);
            joined.push_str(&t);
            more = m;
        }
        if joined.trim().is_empty() {
            continue;
        }
        df.nodes.push(split(&joined, start, end));
    }
    if df.nodes.is_empty() {
        return Err(ParseError { message: "file with no instructions".into(), line: lines.len() as u32 });
    }
    Ok(df)
}

/// Splits `RUN --mount=x echo hi` into keyword, flags and rest.
fn split(line: &str, start: u32, end: u32) -> Node {
    let t = line.trim();
    let (word, mut rest) = match t.find([' ', '\t']) {
        Some(p) => (&t[..p], t[p..].trim_start()),
        None => (t, ""),
    };
    let mut flags = Vec::new();
    loop {
        if !rest.starts_with("--") {
            break;
        }
        let (flag, after) = match rest.find([' ', '\t']) {
            Some(p) => (&rest[..p], rest[p..].trim_start()),
            None => (rest, ""),
        };
        if flag == "--" {
            rest = after;
            break;
        }
        flags.push(flag[2..].to_string());
        rest = after;
    }
    Node {
        keyword: word.to_ascii_uppercase(),
        written: word.to_string(),
        flags,
        rest: rest.to_string(),
        original: t.to_string(),
        start,
        end,
    }
}

/// A JSON array of strings (`["a", "b"]`), as the exec form of RUN/CMD/ENTRYPOINT/SHELL.
pub fn json_array(rest: &str) -> Option<Vec<String>> {
    let t = rest.trim();
    if !t.starts_with('[') {
        return None;
    }
    serde_json::from_str::<Vec<String>>(t).ok()
}

/// Splits on whitespace, keeping quotes and escapes inside words (BuildKit's `parseWords`).
pub fn words(rest: &str, escape: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut chars = rest.chars();
    let mut in_word = false;
    while let Some(c) = chars.next() {
        if quote.is_none() && (c == ' ' || c == '\t') {
            if in_word {
                out.push(std::mem::take(&mut cur));
                in_word = false;
            }
            continue;
        }
        in_word = true;
        cur.push(c);
        if c == escape && quote != Some('\'') {
            if let Some(n) = chars.next() {
                cur.push(n);
            }
            continue;
        }
        match quote {
            Some(q) if c == q => quote = None,
            None if c == '"' || c == '\'' => quote = Some(c),
            _ => {}
        }
    }
    if in_word {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuations_comments_and_flags() {
        let df = parse("# syntax=docker/dockerfile:1\nFROM alpine AS base\n# note\nRUN apk add \\\n    curl \\\n# inner comment\n    git\nCOPY --chown=1:1 a b\n").unwrap();
        assert_eq!(df.nodes.len(), 3);
        assert_eq!(df.nodes[1].keyword, "RUN");
        assert_eq!(df.nodes[1].rest, "apk add     curl     git");
        assert_eq!((df.nodes[1].start, df.nodes[1].end), (4, 7));
        assert_eq!(df.nodes[2].flags, vec!["chown=1:1"]);
        assert_eq!(df.nodes[2].rest, "a b");
    }

    #[test]
    fn empty_continuation_is_recorded_and_escape_directive_works() {
        let df = parse("FROM alpine\nRUN echo a \\\n\n  b\n").unwrap();
        assert_eq!(df.empty_continuations, vec![3]);
        assert_eq!(df.nodes[1].rest, "echo a   b");
        let df = parse("# escape=`\nFROM alpine\nRUN echo `\n  hi\n").unwrap();
        assert_eq!(df.nodes[1].rest, "echo   hi");
    }

    #[test]
    fn empty_file_fails() {
        assert_eq!(parse("\n# only\n").unwrap_err().message, "file with no instructions");
    }

    #[test]
    fn words_keep_quotes() {
        assert_eq!(words(r#"A="a b" C=d\ e"#, '\\'), vec![r#"A="a b""#, r"C=d\ e"]);
    }
}
