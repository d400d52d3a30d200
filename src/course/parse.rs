//! Reading a lesson file (`lessons/NN-slug.md`) into a [`Lesson`].
//!
//! ```text
//! ---                                  front matter: titulo, resumo, aprender, conceitos,
//! titulo: …                            hosts ("nome ip" per item), preparo (setup lines)
//! ---
//! Introduction (Markdown).
//! ## Step title                        each `##` starts a step; `## Exercício: …` is the
//! Text. ```destaque``` block: diagram   closing exercise (no hints)
//! ### Objetivo                         one sentence + an ```objetivo``` block (the goal)
//! ### Dicas                            a list, one hint per item (nudge first)
//! ### Solução                          a ```sh``` block (lines to type) and optional
//!                                      ```quase``` blocks: near misses, blank-line separated
//! ### Por que isso importa             Markdown shown after success
//! ```
//!
//! Invariant: every error names the file and the line, in pt-BR, for the lesson's author.

use super::frontmatter::{self, FmValue};
use super::goal::parse_goal;
use super::lesson::{Highlight, HostSpec, Lesson, Setup, Step};
use super::markdown::{self, Block, Inline};

/// A lesson that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub file: String,
    pub line: u32,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

type Lines<'a> = [(u32, &'a str)];
type Res<T> = Result<T, (u32, String)>;
/// A heading (line, title) or none for the text before the first one, and the lines under it.
type Section<'a> = (Option<(u32, &'a str)>, Vec<(u32, &'a str)>);

const KEYS: &[&str] = &["titulo", "resumo", "aprender", "conceitos", "hosts", "preparo"];
const OBJECTIVE: &str = "Objetivo";
const HINTS: &str = "Dicas";
const SOLUTION: &str = "Solução";
const WHY: &str = "Por que isso importa";

/// Reads one lesson; `file` is its file name (`02-primeiro-conteiner.md`).
pub fn parse_lesson(file: &str, src: &str) -> Result<Lesson, ParseError> {
    read(file, src).map_err(|(line, message)| ParseError { file: file.to_string(), line, message })
}

fn read(file: &str, src: &str) -> Res<Lesson> {
    let id = file.strip_suffix(".md").unwrap_or(file).to_string();
    let digits: String = id.chars().take_while(char::is_ascii_digit).collect();
    let number = digits.parse().map_err(|_| (1, "o nome do arquivo deve começar com o número da lição".to_string()))?;
    let (fm, body_start) = frontmatter::parse(src, KEYS)?;
    let text = |key: &str| -> Res<String> {
        match fm.get(key).map(|e| &e.value) {
            Some(FmValue::Text(t)) => Ok(t.clone()),
            Some(FmValue::List(_)) => Err((fm[key].line, format!("\"{key}\" deve ter o valor na mesma linha"))),
            None => Err((1, format!("falta \"{key}\" no front matter"))),
        }
    };
    let list = |key: &str| -> Res<Vec<String>> {
        match fm.get(key).map(|e| &e.value) {
            Some(FmValue::List(items)) => Ok(items.clone()),
            Some(FmValue::Text(_)) => Err((fm[key].line, format!("\"{key}\" deve ser uma lista de itens \"- …\""))),
            None => Ok(Vec::new()),
        }
    };
    let mut hosts = Vec::new();
    for item in list("hosts")? {
        let mut words = item.split_whitespace();
        let (Some(name), ip) = (words.next(), words.next()) else { continue };
        let ip = ip.map_or_else(|| format!("192.168.65.{}", 3 + hosts.len()), str::to_string);
        hosts.push(HostSpec { name: name.to_string(), ip });
    }
    let setup = Setup { hosts, lines: list("preparo")? };
    let learn = list("aprender")?.iter().map(|s| markdown::inline(s)).collect();

    let body: Vec<(u32, &str)> =
        src.lines().enumerate().skip(body_start as usize - 1).map(|(i, l)| (i as u32 + 1, l)).collect();
    let chunks = split_at_headings(&body, "## ");
    let intro = markdown::parse(&join(chunks.first().map_or(&[][..], |c| &c.1)));
    let mut steps = Vec::new();
    for (heading, lines) in chunks.iter().skip(1) {
        let (line, title) = heading.ok_or((1, "passo sem título".to_string()))?;
        steps.push(step(line, title, lines)?);
    }
    if steps.is_empty() {
        return Err((body_start, "a lição não tem passos (## …)".into()));
    }
    Ok(Lesson {
        id,
        number,
        title: text("titulo")?,
        summary: text("resumo")?,
        learn,
        concepts: list("conceitos")?,
        setup,
        intro,
        steps,
    })
}

/// Splits lines at headings starting with `marker` outside code fences: the text before the
/// first heading (no heading), then each heading with its lines.
fn split_at_headings<'a>(lines: &Lines<'a>, marker: &str) -> Vec<Section<'a>> {
    let mut out = vec![(None, Vec::new())];
    let mut fence = false;
    for &(n, l) in lines {
        if l.trim_start().starts_with("```") {
            fence = !fence;
        }
        match l.strip_prefix(marker) {
            Some(title) if !fence => out.push((Some((n, title.trim())), Vec::new())),
            _ => {
                if let Some(last) = out.last_mut() {
                    last.1.push((n, l));
                }
            }
        }
    }
    out
}

fn join(lines: &Lines) -> String {
    lines.iter().map(|(_, l)| *l).collect::<Vec<_>>().join("\n")
}

/// A fenced block taken out of a section.
struct Fence {
    info: String,
    /// Line of the block's first content line.
    first: u32,
    text: String,
}

/// Takes out the fenced blocks whose info string is in `take`; returns them and the rest.
fn take_fences(lines: &Lines, take: &[&str]) -> Res<(Vec<Fence>, String)> {
    let mut fences = Vec::new();
    let mut rest = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (n, l) = lines[i];
        let info = l.trim_start().strip_prefix("```").map(str::trim);
        match info {
            Some(info) if take.contains(&info) => {
                let mut text = String::new();
                i += 1;
                let mut closed = false;
                while i < lines.len() {
                    if lines[i].1.trim_start().starts_with("```") {
                        closed = true;
                        break;
                    }
                    text.push_str(lines[i].1);
                    text.push('\n');
                    i += 1;
                }
                if !closed {
                    return Err((n, format!("bloco ```{info} sem fechamento")));
                }
                fences.push(Fence { info: info.to_string(), first: n + 1, text });
                i += 1;
            }
            Some(info) if MACHINE.contains(&info) => {
                return Err((n, format!("bloco ```{info} fora do lugar (veja o formato em src/course/parse.rs)")));
            }
            Some(_) => {
                // An ordinary code block: keep it whole, so its lines are not read as fences.
                rest.push(l);
                i += 1;
                while i < lines.len() {
                    rest.push(lines[i].1);
                    i += 1;
                    if lines[i - 1].1.trim_start().starts_with("```") {
                        break;
                    }
                }
            }
            None => {
                rest.push(l);
                i += 1;
            }
        }
    }
    Ok((fences, rest.join("\n")))
}

/// Fenced blocks that carry data, not text.
const MACHINE: &[&str] = &["objetivo", "destaque", "quase"];

fn step(line: u32, heading: &str, lines: &Lines) -> Res<Step> {
    let (exercise, title) = match heading.strip_prefix("Exercício") {
        Some(rest) => (true, rest.trim_start_matches([':', ' ']).to_string()),
        None => (false, heading.to_string()),
    };
    if title.is_empty() {
        return Err((line, "passo sem título".into()));
    }
    let sections = split_at_headings(lines, "### ");
    let (body_fences, body_text) = take_fences(&sections[0].1, &["destaque"])?;
    let mut highlights = Vec::new();
    for f in &body_fences {
        for (i, word) in f.text.lines().enumerate() {
            if word.trim().is_empty() {
                continue;
            }
            let h = Highlight::parse(word)
                .ok_or((f.first + i as u32, format!("destaque desconhecido \"{}\"", word.trim())))?;
            highlights.push(h);
        }
    }
    let mut found: Vec<(&str, u32, &Lines)> = Vec::new();
    for (h, ls) in &sections[1..] {
        let (n, name) = h.ok_or((line, "seção sem título".to_string()))?;
        if ![OBJECTIVE, HINTS, SOLUTION, WHY].contains(&name) {
            return Err((n, format!("seção desconhecida \"{name}\" (use: {OBJECTIVE}, {HINTS}, {SOLUTION}, {WHY})")));
        }
        if found.iter().any(|(f, _, _)| *f == name) {
            return Err((n, format!("seção repetida \"{name}\"")));
        }
        found.push((name, n, ls));
    }
    let section = |name: &str| found.iter().find(|(f, _, _)| *f == name).map(|(_, n, ls)| (*n, *ls));

    let (obj_line, obj_lines) = section(OBJECTIVE).ok_or((line, "falta a seção Objetivo".to_string()))?;
    let (goals, obj_text) = take_fences(obj_lines, &["objetivo"])?;
    let [goal_block] = goals.as_slice() else {
        return Err((obj_line, "a seção Objetivo precisa de exatamente um bloco ```objetivo".into()));
    };
    let goal = parse_goal(&goal_block.text, goal_block.first).map_err(|e| (e.line, e.message))?;
    let objective = single_paragraph(&obj_text).ok_or((obj_line, "o Objetivo deve ser um único parágrafo".to_string()))?;

    let hints = match section(HINTS) {
        Some((n, _)) if exercise => return Err((n, "um exercício não tem dicas".into())),
        Some((n, ls)) => match markdown::parse(&join(ls)).as_slice() {
            [Block::List { items, .. }] if items.len() >= 2 => items.clone(),
            _ => return Err((n, "Dicas deve ser uma lista com ao menos duas dicas (um empurrão, depois o comando)".into())),
        },
        None if exercise => Vec::new(),
        None => return Err((line, "falta a seção Dicas".into())),
    };

    let (sol_line, sol_lines) = section(SOLUTION).ok_or((line, "falta a seção Solução".to_string()))?;
    let (fences, rest) = take_fences(sol_lines, &["sh", "quase"])?;
    if !rest.trim().is_empty() {
        return Err((sol_line, "a seção Solução só tem blocos ```sh e ```quase".into()));
    }
    let mut solution = Vec::new();
    let mut near_misses = Vec::new();
    for f in &fences {
        if f.info == "sh" {
            solution.extend(f.text.lines().map(str::trim_end).filter(|l| !l.trim().is_empty()).map(str::to_string));
        } else {
            let mut attempt: Vec<String> = Vec::new();
            for l in f.text.lines().chain(std::iter::once("")) {
                if l.trim().is_empty() {
                    if !attempt.is_empty() {
                        near_misses.push(std::mem::take(&mut attempt));
                    }
                } else {
                    attempt.push(l.trim_end().to_string());
                }
            }
        }
    }
    if solution.is_empty() {
        return Err((sol_line, "a Solução precisa de um bloco ```sh com ao menos uma linha".into()));
    }

    let why = match section(WHY) {
        Some((_, ls)) => markdown::parse(&join(ls)),
        None if exercise => Vec::new(),
        None => return Err((line, "falta a seção Por que isso importa".into())),
    };
    Ok(Step {
        line,
        title,
        exercise,
        body: markdown::parse(&body_text),
        highlights,
        objective,
        goal,
        hints,
        solution,
        near_misses,
        why,
    })
}

fn single_paragraph(text: &str) -> Option<Vec<Inline>> {
    match markdown::parse(text).as_slice() {
        [Block::Paragraph(p)] => Some(p.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
