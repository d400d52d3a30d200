//! psql's output formats: the aligned table (`print_aligned_text` of
//! `src/fe_utils/print.c`: centered headers, numbers right-aligned, no padding after the
//! last column, `+` where a cell continues on the next line, `(N rows)`) and the
//! `ERROR:` block with its `LINE 1:` caret.
//!
//! Invariant: pure functions of their input.

use super::sql;

/// psql's aligned format for a result (title optional).
pub fn aligned(columns: &[(String, bool)], rows: &[Vec<Option<String>>], title: Option<&str>, footer: bool) -> String {
    let cells: Vec<Vec<Vec<String>>> = rows
        .iter()
        .map(|r| (0..columns.len()).map(|i| r.get(i).cloned().flatten().unwrap_or_default().split('\n').map(String::from).collect()).collect())
        .collect();
    let widths: Vec<usize> = (0..columns.len())
        .map(|i| {
            let data = cells.iter().flat_map(|r| r[i].iter().map(|l| l.chars().count())).max().unwrap_or(0);
            data.max(columns[i].0.chars().count())
        })
        .collect();
    let total: usize = widths.iter().map(|w| w + 2).sum::<usize>() + columns.len().saturating_sub(1);
    let mut out = String::new();
    if let Some(t) = title {
        let pad = total.saturating_sub(t.chars().count()) / 2;
        out.push_str(&format!("{}{t}\n", " ".repeat(pad)));
    }
    let header: Vec<String> = columns
        .iter()
        .zip(&widths)
        .map(|((name, _), w)| {
            let n = name.chars().count();
            let left = (w - n) / 2;
            format!(" {}{name}{} ", " ".repeat(left), " ".repeat(w - n - left))
        })
        .collect();
    out.push_str(&header.join("|"));
    out.push('\n');
    out.push_str(&widths.iter().map(|w| "-".repeat(w + 2)).collect::<Vec<_>>().join("+"));
    out.push('\n');
    for row in &cells {
        let height = row.iter().map(Vec::len).max().unwrap_or(1);
        for j in 0..height {
            let mut line = String::new();
            for (i, w) in widths.iter().enumerate() {
                let text = row[i].get(j).cloned().unwrap_or_default();
                let more = j + 1 < row[i].len();
                let pad = " ".repeat(w - text.chars().count());
                let last = i + 1 == widths.len();
                let body = if columns[i].1 { format!("{pad}{text}") } else { format!("{text}{pad}") };
                if last {
                    line.push(' ');
                    if more || columns[i].1 {
                        line.push_str(&body);
                    } else {
                        line.push_str(&text);
                    }
                    if more {
                        line.push('+');
                    }
                } else {
                    line.push(' ');
                    line.push_str(&body);
                    line.push(if more { '+' } else { ' ' });
                    line.push('|');
                }
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    if footer {
        let n = rows.len();
        out.push_str(&format!("({n} {})\n", if n == 1 { "row" } else { "rows" }));
    }
    out.push('\n');
    out
}

/// `ERROR:  …` with the caret line under the offending token.
pub fn error_text(e: &sql::SqlError, sql: &str) -> String {
    let mut out = format!("ERROR:  {}\n", e.message);
    if let Some(pos) = e.position {
        let line = sql.lines().next().unwrap_or("");
        out.push_str(&format!("LINE 1: {line}\n{}^\n", " ".repeat(8 + pos.min(line.chars().count()))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligned_format_matches_psql() {
        let one = aligned(&[("?column?".into(), true)], &[vec![Some("1".into())]], None, true);
        assert_eq!(one, " ?column? \n----------\n        1\n(1 row)\n\n");
        let two = aligned(&[("t".into(), false), ("x".into(), true)], &[vec![Some("abc".into()), Some("12.5".into())]], None, true);
        assert_eq!(two, "  t  |  x   \n-----+------\n abc | 12.5\n(1 row)\n\n");
        let none = aligned(&[("?column?".into(), true)], &[], None, true);
        assert_eq!(none, " ?column? \n----------\n(0 rows)\n\n");
        let multi = aligned(&[("n".into(), false), ("acl".into(), false)], &[vec![Some("a".into()), Some("x\nyy".into())]], None, false);
        assert_eq!(multi, " n | acl \n---+-----\n a | x  +\n   | yy\n\n");
    }
}
