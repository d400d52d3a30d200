//! The learner's progress as the browser keeps it: which lesson is open, each lesson's step
//! and completed steps, and the lines typed in each lesson (and in free mode) so the world can
//! be rebuilt by replaying them. Stored as JSON; a damaged or foreign value reads as empty.
//!
//! Invariant: only typed lines are stored, never engine state; no `usize` is serialized;
//! each replay log holds at most [`MAX_LINES`] lines.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// Format version written in the JSON.
pub const VERSION: u32 = 1;
/// Longest replay log kept per lesson; lines beyond are not recorded (the world still has
/// them until the page is reloaded).
pub const MAX_LINES: usize = 2000;

/// Everything saved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    #[serde(default)]
    pub version: u32,
    /// The open lesson's ID; `None` is free mode (no goals).
    #[serde(default)]
    pub current: Option<String>,
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
    /// Lines typed in free mode.
    #[serde(default)]
    pub sandbox: Vec<String>,
}

/// One lesson's progress.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// The step shown (0-based).
    #[serde(default)]
    pub step: u32,
    /// Steps whose goal was reached at least once.
    #[serde(default)]
    pub done: BTreeSet<u32>,
    /// Lines typed in this lesson, after its setup.
    #[serde(default)]
    pub lines: Vec<String>,
}

impl Progress {
    /// Reads saved progress; anything unreadable gives empty progress.
    pub fn from_json(text: &str) -> Progress {
        match serde_json::from_str::<Progress>(text) {
            Ok(p) if p.version == VERSION => p,
            _ => Progress { version: VERSION, ..Progress::default() },
        }
    }

    pub fn to_json(&self) -> String {
        let mut p = self.clone();
        p.version = VERSION;
        serde_json::to_string(&p).unwrap_or_default()
    }

    /// The replay log of the lesson `id`, or of free mode for `None`.
    pub fn log_mut(&mut self, id: Option<&str>) -> &mut Vec<String> {
        match id {
            Some(id) => &mut self.lessons.entry(id.to_string()).or_default().lines,
            None => &mut self.sandbox,
        }
    }

    /// Appends lines to a replay log, up to [`MAX_LINES`].
    pub fn record(&mut self, id: Option<&str>, lines: &[String]) {
        let log = self.log_mut(id);
        let room = MAX_LINES.saturating_sub(log.len());
        log.extend(lines.iter().take(room).cloned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut p = Progress { current: Some("02-primeiro-conteiner".into()), ..Progress::default() };
        p.record(Some("02-primeiro-conteiner"), &["docker run hello-world".into(), "\u{3}".into()]);
        p.lessons.get_mut("02-primeiro-conteiner").unwrap().done.insert(0);
        p.record(None, &["docker ps".into()]);
        let back = Progress::from_json(&p.to_json());
        assert_eq!(back.current, p.current);
        assert_eq!(back.lessons, p.lessons);
        assert_eq!(back.sandbox, vec!["docker ps"]);
    }

    #[test]
    fn damaged_or_foreign_values_read_as_empty() {
        for bad in ["", "null", "{", "[1,2]", "{\"version\":99}", "{\"version\":1,\"lessons\":7}"] {
            let p = Progress::from_json(bad);
            assert!(p.lessons.is_empty() && p.current.is_none(), "{bad}");
        }
        let p = Progress::from_json("{\"version\":1,\"extra\":true}");
        assert_eq!(p.version, VERSION);
    }

    #[test]
    fn logs_are_capped() {
        let mut p = Progress::default();
        let many: Vec<String> = (0..MAX_LINES + 10).map(|i| format!("l{i}")).collect();
        p.record(None, &many);
        p.record(None, &many);
        assert_eq!(p.sandbox.len(), MAX_LINES);
    }
}
