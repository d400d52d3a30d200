//! The lessons compiled into the app: the files of `lessons/`, in course order, read once.
//!
//! Invariant: [`SOURCES`] lists every file of `lessons/` (a test checks it), in the order the
//! lesson map shows them; a lesson that fails to parse is left out of [`lessons`] and
//! reported by [`load`] (the tests require none).

use std::sync::OnceLock;

use super::lesson::Lesson;
use super::parse::{ParseError, parse_lesson};

/// `(file name, contents)` of every lesson.
pub const SOURCES: &[(&str, &str)] = &[
    ("01-arquitetura.md", include_str!("../../lessons/01-arquitetura.md")),
    ("02-primeiro-conteiner.md", include_str!("../../lessons/02-primeiro-conteiner.md")),
    ("03-imagens-e-camadas.md", include_str!("../../lessons/03-imagens-e-camadas.md")),
    ("04-ciclo-de-vida.md", include_str!("../../lessons/04-ciclo-de-vida.md")),
    ("05-conteiner-por-dentro.md", include_str!("../../lessons/05-conteiner-por-dentro.md")),
    ("06-volumes.md", include_str!("../../lessons/06-volumes.md")),
    ("07-bind-mounts.md", include_str!("../../lessons/07-bind-mounts.md")),
    ("08-redes.md", include_str!("../../lessons/08-redes.md")),
    ("09-portas.md", include_str!("../../lessons/09-portas.md")),
    ("10-dockerfile.md", include_str!("../../lessons/10-dockerfile.md")),
    ("11-cache-de-camadas.md", include_str!("../../lessons/11-cache-de-camadas.md")),
    ("12-registries.md", include_str!("../../lessons/12-registries.md")),
];

/// Parses every lesson: those that parse, and the errors of those that do not.
pub fn load() -> (Vec<Lesson>, Vec<ParseError>) {
    let mut lessons = Vec::new();
    let mut errors = Vec::new();
    for (file, src) in SOURCES {
        match parse_lesson(file, src) {
            Ok(l) => lessons.push(l),
            Err(e) => errors.push(e),
        }
    }
    (lessons, errors)
}

/// The course, parsed on first use.
pub fn lessons() -> &'static [Lesson] {
    static LESSONS: OnceLock<Vec<Lesson>> = OnceLock::new();
    LESSONS.get_or_init(|| load().0)
}
