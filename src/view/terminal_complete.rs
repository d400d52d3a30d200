//! Tab completion as bash's readline does it: one candidate completes the word (and adds a
//! space), several extend it to their longest common prefix, and a second Tab in a row lists
//! them in columns, sorted down then across, sized to the terminal's width.
//!
//! The word being completed is the text between the last blank (space or tab) before the
//! cursor and the cursor; each candidate replaces that word whole.
//!
//! Invariant: every function here is total: any line, cursor or candidate list gives a
//! result without panicking.

/// Byte offset where the word ending at `cursor` starts.
pub fn word_start(line: &str, cursor: usize) -> usize {
    let cursor = cursor.min(line.len());
    if !line.is_char_boundary(cursor) {
        return cursor;
    }
    line[..cursor].rfind([' ', '\t']).map_or(0, |i| i + 1)
}

/// Longest common prefix of all candidates, by chars.
pub fn common_prefix(candidates: &[String]) -> String {
    let Some(first) = candidates.first() else {
        return String::new();
    };
    let mut len = first.len();
    for c in &candidates[1..] {
        len = first[..len]
            .char_indices()
            .zip(c.chars())
            .find(|((_, a), b)| a != b)
            .map_or(len.min(c.len()), |((i, _), _)| i);
        while !first.is_char_boundary(len) {
            len -= 1;
        }
    }
    first[..len].to_string()
}

/// What a Tab press does to the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TabResult {
    /// Nothing to do (readline rings the bell).
    Nothing,
    /// Replace the word (from `start` to the cursor) with this text.
    Replace { start: usize, with: String },
    /// Show these candidates (second Tab in a row with nothing left to complete).
    List(Vec<String>),
}

/// Decides what Tab does given the candidates; `again` is true when the previous key was
/// also Tab.
pub fn on_tab(line: &str, cursor: usize, candidates: &[String], again: bool) -> TabResult {
    let start = word_start(line, cursor);
    let word = line.get(start..cursor).unwrap_or("");
    match candidates {
        [] => TabResult::Nothing,
        [only] => {
            let mut with = only.clone();
            if !with.ends_with('/') {
                with.push(' ');
            }
            TabResult::Replace { start, with }
        }
        many => {
            let prefix = common_prefix(many);
            if prefix.chars().count() > word.chars().count() {
                TabResult::Replace { start, with: prefix }
            } else if again {
                let mut sorted = many.to_vec();
                sorted.sort();
                sorted.dedup();
                TabResult::List(sorted)
            } else {
                TabResult::Nothing
            }
        }
    }
}

/// The listing readline prints for `matches` on a screen `width` columns wide: one string
/// per row, items padded to the longest plus two, sorted down the columns.
pub fn columns(matches: &[String], width: usize) -> Vec<String> {
    let len = matches.len();
    if len == 0 {
        return Vec::new();
    }
    let max = matches.iter().map(|m| m.chars().count()).max().unwrap_or(0) + 2;
    let mut limit = width / max;
    if limit != 1 && limit * max == width {
        limit -= 1;
    }
    let limit = limit.max(1);
    let count = len.div_ceil(limit);
    let mut rows = Vec::with_capacity(count);
    for i in 0..count {
        let mut row = String::new();
        let mut l = i;
        for j in 0..limit {
            let Some(m) = matches.get(l) else { break };
            row.push_str(m);
            if j + 1 < limit {
                let printed = m.chars().count();
                let pad = if max <= printed { 1 } else { max - printed };
                row.push_str(&" ".repeat(pad));
            }
            l += count;
        }
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn word_boundaries() {
        assert_eq!(word_start("docker ps", 9), 7);
        assert_eq!(word_start("doc", 3), 0);
        assert_eq!(word_start("docker ", 7), 7);
        assert_eq!(word_start("é", 1), 1);
        assert_eq!(word_start("", 5), 0);
    }

    #[test]
    fn prefixes() {
        assert_eq!(common_prefix(&v(&["help", "history"])), "h");
        assert_eq!(common_prefix(&v(&["ação", "açúcar"])), "aç");
        assert_eq!(common_prefix(&v(&["abc", "ab"])), "ab");
        assert_eq!(common_prefix(&[]), "");
    }

    #[test]
    fn single_candidate_completes_with_a_space() {
        assert_eq!(
            on_tab("doc", 3, &v(&["docker"]), false),
            TabResult::Replace { start: 0, with: "docker ".into() }
        );
    }

    #[test]
    fn ambiguous_extends_then_lists_on_second_tab() {
        let c = v(&["history", "help"]);
        assert_eq!(on_tab("h", 1, &c, false), TabResult::Nothing);
        assert_eq!(on_tab("h", 1, &c, true), TabResult::List(v(&["help", "history"])));
        let c = v(&["container", "context"]);
        assert_eq!(on_tab("docker c", 8, &c, false), TabResult::Replace { start: 7, with: "cont".into() });
    }

    #[test]
    fn columns_like_readline() {
        let m = v(&["attach", "build", "commit", "cp", "create", "diff", "events"]);
        // max = 6 + 2 = 8; limit = 20 / 8 = 2; count = 4 rows.
        assert_eq!(columns(&m, 20), vec!["attach  create", "build   diff", "commit  events", "cp      "]);
        // exact fit drops a column: 24 / 8 = 3 and 3 * 8 == 24, so 2.
        assert_eq!(columns(&m, 24).len(), 4);
        assert_eq!(columns(&m, 80), vec!["attach  build   commit  cp      create  diff    events  "]);
        assert_eq!(columns(&v(&["a-very-long-name"]), 5), vec!["a-very-long-name"]);
        assert!(columns(&[], 80).is_empty());
    }
}
