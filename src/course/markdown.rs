//! A tiny, safe Markdown reader for lesson text: headings, paragraphs, `*emphasis*`,
//! `**strong**`, `` `inline code` ``, fenced code blocks, lists, quotes, and links (kept as
//! text). It produces a neutral tree that the UI turns into elements one by one: there is no
//! raw HTML anywhere, so `<script>` in a lesson is just text.
//!
//! Invariant: reading never panics and always terminates (each step consumes input; inline
//! nesting is bounded by [`MAX_DEPTH`]); every byte of text ends up in some node.

/// A block of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Heading { level: u8, text: Vec<Inline> },
    Paragraph(Vec<Inline>),
    /// A fenced block; `lang` is its info string (`sh`, `console`, `dockerfile`…).
    Code { lang: String, text: String },
    List { ordered: bool, items: Vec<Vec<Inline>> },
    Quote(Vec<Inline>),
}

/// A run of text inside a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Emph(Vec<Inline>),
    Strong(Vec<Inline>),
    Code(String),
    /// Shown as its text; the address is kept for a title, never followed.
    Link { text: Vec<Inline>, url: String },
}

/// Deepest nesting of emphasis and links.
pub const MAX_DEPTH: u32 = 8;

/// Reads Markdown into blocks.
pub fn parse(src: &str) -> Vec<Block> {
    let lines: Vec<&str> = src.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            i += 1;
        } else if let Some(info) = trimmed.strip_prefix("```") {
            let mut text = String::new();
            i += 1;
            while i < lines.len() && !lines[i].trim_start().starts_with("```") {
                text.push_str(lines[i]);
                text.push('\n');
                i += 1;
            }
            i += 1; // the closing fence (or the end)
            out.push(Block::Code { lang: info.trim().to_string(), text });
        } else if let Some((level, rest)) = heading(trimmed) {
            out.push(Block::Heading { level, text: inline(rest.trim()) });
            i += 1;
        } else if let Some(rest) = trimmed.strip_prefix('>') {
            let mut text = rest.trim().to_string();
            i += 1;
            while i < lines.len() {
                match lines[i].trim_start().strip_prefix('>') {
                    Some(more) => {
                        text.push(' ');
                        text.push_str(more.trim());
                        i += 1;
                    }
                    None => break,
                }
            }
            out.push(Block::Quote(inline(&text)));
        } else if let Some((ordered, _)) = list_item(trimmed) {
            let mut items: Vec<String> = Vec::new();
            while i < lines.len() {
                let l = lines[i];
                let t = l.trim_start();
                match list_item(t) {
                    Some((o, rest)) if o == ordered => items.push(rest.trim().to_string()),
                    _ if !t.is_empty() && l.starts_with("  ") && !items.is_empty() => {
                        if let Some(last) = items.last_mut() {
                            last.push(' ');
                            last.push_str(t);
                        }
                    }
                    _ => break,
                }
                i += 1;
            }
            out.push(Block::List { ordered, items: items.iter().map(|s| inline(s)).collect() });
        } else {
            let mut text = trimmed.trim_end().to_string();
            i += 1;
            while i < lines.len() {
                let t = lines[i].trim_start();
                if t.is_empty() || t.starts_with("```") || heading(t).is_some() || t.starts_with('>') || list_item(t).is_some() {
                    break;
                }
                text.push(' ');
                text.push_str(t.trim_end());
                i += 1;
            }
            out.push(Block::Paragraph(inline(&text)));
        }
    }
    out
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        Some((hashes as u8, &line[hashes + 1..]))
    } else {
        None
    }
}

/// `- item`, `* item` (unordered) or `1. item` (ordered).
fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, rest));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && let Some(rest) = line[digits..].strip_prefix(". ") {
            return Some((true, rest));
        }
    None
}

/// Reads inline markup.
pub fn inline(src: &str) -> Vec<Inline> {
    inline_at(src, 0)
}

fn inline_at(src: &str, depth: u32) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.push(Inline::Text(std::mem::take(text)));
        }
    };
    let mut rest = src;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        if c == '\\' {
            if let Some(n) = after.chars().next().filter(|n| n.is_ascii_punctuation()) {
                text.push(n);
                rest = &after[1..];
                continue;
            }
        } else if c == '`' {
            if let Some(end) = after.find('`') {
                flush(&mut text, &mut out);
                out.push(Inline::Code(after[..end].to_string()));
                rest = &after[end + 1..];
                continue;
            }
        } else if depth < MAX_DEPTH && rest.starts_with("**") {
            if let Some(end) = rest[2..].find("**").filter(|e| *e > 0) {
                flush(&mut text, &mut out);
                out.push(Inline::Strong(inline_at(&rest[2..2 + end], depth + 1)));
                rest = &rest[2 + end + 2..];
                continue;
            }
        } else if depth < MAX_DEPTH && c == '*' {
            if let Some(end) = after.find('*').filter(|e| *e > 0) {
                flush(&mut text, &mut out);
                out.push(Inline::Emph(inline_at(&after[..end], depth + 1)));
                rest = &after[end + 1..];
                continue;
            }
        } else if depth < MAX_DEPTH && c == '['
            && let Some((label, url, used)) = link(after) {
                flush(&mut text, &mut out);
                out.push(Inline::Link { text: inline_at(label, depth + 1), url: url.to_string() });
                rest = &after[used..];
                continue;
            }
        text.push(c);
        rest = after;
    }
    flush(&mut text, &mut out);
    out
}

/// `label](url)` after a `[`: the label, the address and the bytes used.
fn link(after: &str) -> Option<(&str, &str, usize)> {
    let close = after.find("](")?;
    let label = &after[..close];
    if label.contains('[') {
        return None;
    }
    let url_start = close + 2;
    let url_len = after[url_start..].find(')')?;
    Some((label, &after[url_start..url_start + url_len], url_start + url_len + 1))
}

/// The plain text of inline runs (code spans included, markup dropped).
pub fn plain(runs: &[Inline]) -> String {
    let mut s = String::new();
    for r in runs {
        match r {
            Inline::Text(t) | Inline::Code(t) => s.push_str(t),
            Inline::Emph(inner) | Inline::Strong(inner) | Inline::Link { text: inner, .. } => s.push_str(&plain(inner)),
        }
    }
    s
}

/// Visits every inline run of some blocks (depth first), with the block it belongs to.
pub fn for_each_inline<'a>(blocks: &'a [Block], f: &mut dyn FnMut(&'a Inline)) {
    fn walk<'a>(runs: &'a [Inline], f: &mut dyn FnMut(&'a Inline)) {
        for r in runs {
            f(r);
            if let Inline::Emph(inner) | Inline::Strong(inner) | Inline::Link { text: inner, .. } = r {
                walk(inner, f);
            }
        }
    }
    for b in blocks {
        match b {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Quote(text) => walk(text, f),
            Block::List { items, .. } => items.iter().for_each(|i| walk(i, f)),
            Block::Code { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn blocks() {
        let md = "# Título\n\nUm parágrafo\nem duas linhas.\n\n- um\n- dois\n  continua\n\n1. primeiro\n2. segundo\n\n```sh\ndocker ps\n```\n> citação\n";
        let b = parse(md);
        assert_eq!(b[0], Block::Heading { level: 1, text: vec![t("Título")] });
        assert_eq!(b[1], Block::Paragraph(vec![t("Um parágrafo em duas linhas.")]));
        assert_eq!(b[2], Block::List { ordered: false, items: vec![vec![t("um")], vec![t("dois continua")]] });
        assert_eq!(b[3], Block::List { ordered: true, items: vec![vec![t("primeiro")], vec![t("segundo")]] });
        assert_eq!(b[4], Block::Code { lang: "sh".into(), text: "docker ps\n".into() });
        assert_eq!(b[5], Block::Quote(vec![t("citação")]));
        assert_eq!(b.len(), 6);
    }

    #[test]
    fn inline_markup() {
        assert_eq!(
            inline("Use `docker run`, *agora* e **já** [veja](https://docs.docker.com)."),
            vec![
                t("Use "),
                Inline::Code("docker run".into()),
                t(", "),
                Inline::Emph(vec![t("agora")]),
                t(" e "),
                Inline::Strong(vec![t("já")]),
                t(" "),
                Inline::Link { text: vec![t("veja")], url: "https://docs.docker.com".into() },
                t("."),
            ]
        );
    }

    #[test]
    fn html_is_text_and_unclosed_markers_are_literal() {
        assert_eq!(inline("<script>alert(1)</script>"), vec![t("<script>alert(1)</script>")]);
        assert_eq!(inline("2 * 3 e `aberto"), vec![t("2 * 3 e `aberto")]);
        assert_eq!(inline("\\*literal\\*"), vec![t("*literal*")]);
        assert_eq!(plain(&inline("**a** `b` [c](d)")), "a b c");
    }

    #[test]
    fn unterminated_fence_and_odd_input_do_not_panic() {
        assert_eq!(parse("```\nsem fim"), vec![Block::Code { lang: String::new(), text: "sem fim\n".into() }]);
        let deep = "*".repeat(100) + "x" + &"*".repeat(100);
        let _ = parse(&deep);
        let _ = parse("[[[[](((()");
        let _ = parse("ção `é` **ü** *ñ* \\ç");
    }
}
