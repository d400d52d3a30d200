//! The front matter of a lesson file: a small YAML subset between two `---` lines, with
//! `key: value` entries and lists written as indented `- item` lines under `key:`.
//!
//! ```text
//! ---
//! titulo: Seu primeiro contêiner
//! preparo:
//!   - docker pull nginx
//! ---
//! ```
//!
//! Invariant: keys are unique and known to the caller; every entry remembers its line.

use std::collections::BTreeMap;

/// A value: one line of text or a list of lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FmValue {
    Text(String),
    List(Vec<String>),
}

/// An entry with the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub line: u32,
    pub value: FmValue,
}

/// The front matter and the line number (1-based) where the rest of the file starts.
pub type FrontMatter = (BTreeMap<String, Entry>, u32);

/// Splits off and reads the front matter. Errors are `(line, pt-BR message)`.
pub fn parse(src: &str, known: &[&str]) -> Result<FrontMatter, (u32, String)> {
    let mut lines = src.lines().enumerate().map(|(i, l)| (i as u32 + 1, l));
    match lines.next() {
        Some((_, "---")) => {}
        _ => return Err((1, "o arquivo deve começar com --- (front matter)".into())),
    }
    let mut map: BTreeMap<String, Entry> = BTreeMap::new();
    let mut current: Option<String> = None;
    for (n, line) in lines {
        if line == "---" {
            return Ok((map, n + 1));
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if let Some(item) = line.trim_start().strip_prefix("- ").filter(|_| line.starts_with(' ')) {
            let key = current.as_ref().ok_or((n, "item de lista sem chave antes".to_string()))?;
            match map.get_mut(key).map(|e| &mut e.value) {
                Some(FmValue::List(items)) => items.push(item.trim().to_string()),
                _ => return Err((n, format!("\"{key}\" tem valor na mesma linha e também itens de lista"))),
            }
            continue;
        }
        let (key, value) = line.split_once(':').ok_or((n, format!("esperado \"chave: valor\", veio \"{line}\"")))?;
        let key = key.trim();
        if !known.contains(&key) {
            return Err((n, format!("chave desconhecida \"{key}\" (use: {})", known.join(", "))));
        }
        if map.contains_key(key) {
            return Err((n, format!("chave repetida \"{key}\"")));
        }
        let value = value.trim();
        let value = if value.is_empty() { FmValue::List(Vec::new()) } else { FmValue::Text(value.to_string()) };
        map.insert(key.to_string(), Entry { line: n, value });
        current = Some(key.to_string());
    }
    Err((1, "front matter sem o --- de fechamento".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_lists() {
        let src = "---\ntitulo: Olá: mundo\npreparo:\n  - docker pull nginx\n  - docker pull alpine\n---\ncorpo\n";
        let (map, body) = parse(src, &["titulo", "preparo"]).unwrap();
        assert_eq!(body, 7);
        assert_eq!(map["titulo"].value, FmValue::Text("Olá: mundo".into()));
        assert_eq!(
            map["preparo"].value,
            FmValue::List(vec!["docker pull nginx".into(), "docker pull alpine".into()])
        );
        assert_eq!(map["preparo"].line, 3);
    }

    #[test]
    fn mistakes() {
        assert_eq!(parse("titulo: x", &["titulo"]).unwrap_err().0, 1);
        assert_eq!(parse("---\ntitulo: x\n", &["titulo"]).unwrap_err().1, "front matter sem o --- de fechamento");
        assert!(parse("---\ntitlo: x\n---\n", &["titulo"]).unwrap_err().1.contains("desconhecida"));
        assert!(parse("---\ntitulo: x\ntitulo: y\n---\n", &["titulo"]).unwrap_err().1.contains("repetida"));
        assert_eq!(parse("---\n  - solto\n---\n", &["titulo"]).unwrap_err().0, 2);
        assert!(parse("---\ntitulo: x\n  - y\n---\n", &["titulo"]).is_err());
    }
}
