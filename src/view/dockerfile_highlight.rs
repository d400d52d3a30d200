//! Syntax highlighting for the file editor: a Dockerfile's instructions, flags
//! (`--from=build`), quoted strings, variables (`$PORT`, `${VERSION}`) and comments; any
//! other file stays plain text.
//!
//! Invariant: the tokens of a line, concatenated, are the line itself (highlighting never
//! changes the text).

/// What a piece of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    Instruction,
    Flag,
    Str,
    Var,
    Comment,
    Text,
}

impl Tok {
    /// The CSS class of a token (`Text` has none).
    pub fn class(self) -> &'static str {
        match self {
            Tok::Instruction => "hl-instr",
            Tok::Flag => "hl-flag",
            Tok::Str => "hl-str",
            Tok::Var => "hl-var",
            Tok::Comment => "hl-comment",
            Tok::Text => "",
        }
    }
}

const INSTRUCTIONS: &[&str] = &[
    "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
    "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
];

/// Whether a file is highlighted as a Dockerfile (`Dockerfile`, `app.Dockerfile`,
/// `Dockerfile.dev`).
pub fn is_dockerfile(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name == "Dockerfile" || name.ends_with(".Dockerfile") || name.starts_with("Dockerfile.") || name == "Containerfile"
}

/// One line's tokens; `continued` says whether the previous line ended with `\`.
fn line_tokens(line: &str, continued: bool) -> Vec<(Tok, String)> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        return vec![(Tok::Comment, line.to_string())];
    }
    let mut out: Vec<(Tok, String)> = Vec::new();
    let mut rest = line;
    if !continued {
        let indent = &line[..line.len() - trimmed.len()];
        let word_len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        let word = &trimmed[..word_len];
        if INSTRUCTIONS.iter().any(|i| i.eq_ignore_ascii_case(word)) {
            if !indent.is_empty() {
                out.push((Tok::Text, indent.to_string()));
            }
            out.push((Tok::Instruction, word.to_string()));
            rest = &trimmed[word_len..];
        }
    }
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<(Tok, String)>| {
        if !text.is_empty() {
            out.push((Tok::Text, std::mem::take(text)));
        }
    };
    let chars: Vec<char> = rest.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at_word_start = i == 0 || chars[i - 1].is_whitespace();
        if c == '"' || c == '\'' {
            flush(&mut text, &mut out);
            let end = chars[i + 1..].iter().position(|&d| d == c).map_or(chars.len(), |p| i + 1 + p + 1);
            out.push((Tok::Str, chars[i..end].iter().collect()));
            i = end;
        } else if c == '$' && chars.get(i + 1).is_some_and(|n| *n == '{' || n.is_alphabetic() || *n == '_') {
            flush(&mut text, &mut out);
            let end = if chars[i + 1] == '{' {
                chars[i..].iter().position(|&d| d == '}').map_or(chars.len(), |p| i + p + 1)
            } else {
                i + 1 + chars[i + 1..].iter().take_while(|d| d.is_alphanumeric() || **d == '_').count()
            };
            out.push((Tok::Var, chars[i..end].iter().collect()));
            i = end;
        } else if c == '-' && at_word_start && chars.get(i + 1) == Some(&'-') && out.iter().any(|(t, _)| *t == Tok::Instruction) {
            flush(&mut text, &mut out);
            let end = i + chars[i..].iter().take_while(|d| !d.is_whitespace()).count();
            out.push((Tok::Flag, chars[i..end].iter().collect()));
            i = end;
        } else {
            text.push(c);
            i += 1;
        }
    }
    flush(&mut text, &mut out);
    out
}

/// The tokens of each line of `text` (as a Dockerfile when `dockerfile`, else plain).
pub fn highlight(text: &str, dockerfile: bool) -> Vec<Vec<(Tok, String)>> {
    let mut continued = false;
    text.split('\n')
        .map(|line| {
            if !dockerfile {
                return vec![(Tok::Text, line.to_string())];
            }
            let toks = line_tokens(line, continued);
            let is_comment = line.trim_start().starts_with('#');
            if !is_comment {
                continued = line.trim_end().ends_with('\\');
            }
            toks
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<(Tok, &str)> {
        let toks = line_tokens(line, false);
        let leaked: &'static [(Tok, String)] = Box::leak(toks.into_boxed_slice());
        leaked.iter().map(|(t, s)| (*t, s.as_str())).collect()
    }

    #[test]
    fn instructions_flags_strings_variables_comments() {
        assert_eq!(kinds("FROM alpine:3.22 AS build"), vec![(Tok::Instruction, "FROM"), (Tok::Text, " alpine:3.22 AS build")]);
        assert_eq!(
            kinds("COPY --from=build /app /app"),
            vec![(Tok::Instruction, "COPY"), (Tok::Text, " "), (Tok::Flag, "--from=build"), (Tok::Text, " /app /app")]
        );
        assert_eq!(
            kinds(r#"CMD ["sh", "app.sh"]"#),
            vec![(Tok::Instruction, "CMD"), (Tok::Text, " ["), (Tok::Str, "\"sh\""), (Tok::Text, ", "), (Tok::Str, "\"app.sh\""), (Tok::Text, "]")]
        );
        assert_eq!(kinds("ENV PORT=${PORT:-80} X=$HOME"), vec![
            (Tok::Instruction, "ENV"), (Tok::Text, " PORT="), (Tok::Var, "${PORT:-80}"), (Tok::Text, " X="), (Tok::Var, "$HOME")
        ]);
        assert_eq!(kinds("  # um comentário"), vec![(Tok::Comment, "  # um comentário")]);
        assert_eq!(kinds("run echo hi"), vec![(Tok::Instruction, "run"), (Tok::Text, " echo hi")]);
        assert_eq!(kinds("echo --not-a-flag"), vec![(Tok::Text, "echo --not-a-flag")]);
    }

    #[test]
    fn continuation_lines_have_no_instruction() {
        let lines = highlight("RUN apk add \\\n    curl\nCMD x", true);
        assert_eq!(lines[1], vec![(Tok::Text, "    curl".to_string())]);
        assert_eq!(lines[2][0], (Tok::Instruction, "CMD".to_string()));
    }

    #[test]
    fn tokens_rebuild_the_text() {
        let text = "FROM a\nRUN echo \"unterminated\n# c\nCOPY --chown=1 'x' ${Y\n\n";
        let joined: Vec<String> = highlight(text, true).iter().map(|l| l.iter().map(|(_, s)| s.as_str()).collect()).collect();
        assert_eq!(joined.join("\n"), text);
        assert!(is_dockerfile("app/Dockerfile") && is_dockerfile("Dockerfile.dev") && !is_dockerfile("index.html"));
    }
}
