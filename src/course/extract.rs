//! What the tests read out of a lesson: its pt-BR prose (for the spell checker, without code)
//! and the commands its text shows (to run them and make sure none is an internal error).
//!
//! Invariant: prose never includes code spans, code blocks or link addresses; commands are
//! exactly the inline code spans that start with `docker ` and the lines of `sh` blocks.

use super::lesson::{Lesson, Step};
use super::markdown::{Block, Inline, for_each_inline};

/// Every piece of pt-BR text of a lesson, one string per run of text.
pub fn prose(lesson: &Lesson) -> Vec<String> {
    let mut out = Vec::new();
    let mut take = |blocks: &[Block]| {
        for_each_inline(blocks, &mut |i| {
            if let Inline::Text(t) = i {
                out.push(t.clone());
            }
        })
    };
    take(&[Block::Paragraph(super::markdown::inline(&lesson.title))]);
    take(&[Block::Paragraph(super::markdown::inline(&lesson.summary))]);
    take(&lesson.intro);
    for item in &lesson.learn {
        take(&[Block::Paragraph(item.clone())]);
    }
    for s in &lesson.steps {
        take(&[Block::Paragraph(super::markdown::inline(&s.title))]);
        take(&s.body);
        take(&[Block::Paragraph(s.objective.clone())]);
        for h in &s.hints {
            take(&[Block::Paragraph(h.clone())]);
        }
        take(&s.why);
    }
    out
}

/// The commands a step's text shows the learner (body, hints and "por que isso importa").
pub fn text_commands(step: &Step) -> Vec<String> {
    let mut out = Vec::new();
    let mut blocks: Vec<Block> = step.body.clone();
    blocks.extend(step.hints.iter().map(|h| Block::Paragraph(h.clone())));
    blocks.extend(step.why.iter().cloned());
    for_each_inline(&blocks, &mut |i| {
        if let Inline::Code(c) = i
            && c.starts_with("docker ") {
                out.push(c.clone());
            }
    });
    for b in &blocks {
        if let Block::Code { lang, text } = b
            && lang == "sh" {
                out.extend(text.lines().filter(|l| !l.trim().is_empty()).map(str::to_string));
            }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::parse::parse_lesson;

    #[test]
    fn prose_and_commands_of_a_lesson() {
        let l = parse_lesson("02-primeiro-conteiner.md", crate::course::catalog::SOURCES[1].1).unwrap();
        let text = prose(&l).join(" ");
        assert!(text.contains("Seu primeiro contêiner"));
        assert!(!text.contains("docker run hello-world"), "code is not prose");
        let cmds = text_commands(&l.steps[0]);
        assert!(cmds.contains(&"docker run hello-world".to_string()));
        assert!(cmds.iter().all(|c| c.starts_with("docker ")));
    }
}
