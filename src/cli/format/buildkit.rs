//! BuildKit's progress output as buildx prints it (moby/buildkit `util/progress/progressui`,
//! v0.22 as bundled with Docker 28.2.2): the `plain` printer (`#5 [2/3] RUN …`, `#5 CACHED`,
//! `#5 DONE 0.3s`), used when stderr is not a terminal, and the final screen of the `tty`
//! display (`[+] Building 1.2s (8/8) FINISHED`, ` => CACHED [2/3] …`), which is what a
//! terminal shows once the build ends. Then the error logs, the build-check summary, the
//! Dockerfile snippet and `ERROR: failed to solve: …`.
//!
//! Invariant: pure formatting of a [`BuildReport`]; everything goes to stderr.

use crate::engine::build::{BuildReport, SourceLines, Vertex, VertexEnd};

const DESC: &str = "building with \"default\" instance using docker driver";
const CONSOLE_DESC: &str = "docker:default";

fn secs(s: crate::engine::clock::Span) -> f64 {
    (s.as_millis() as f64) / 1000.0
}

/// The `plain` progress of every vertex.
pub fn plain(r: &BuildReport) -> String {
    let mut out = format!("#0 {DESC}\n\n");
    for (i, v) in r.vertices.iter().enumerate() {
        let n = i + 1;
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!("#{n} {}\n", v.name));
        for s in &v.statuses {
            let bytes = s.bytes.as_ref().map(|b| format!(" {b}")).unwrap_or_default();
            let t = secs(s.took);
            let tm = if t > 0.01 { format!(" {t:.1}s") } else { String::new() };
            out.push_str(&format!("#{n} {}{bytes}{tm} done\n", s.id));
        }
        for w in &v.warnings {
            out.push_str(&format!("#{n} WARN: {w}\n"));
        }
        for l in &v.logs {
            out.push_str(&format!("#{n} {l}\n"));
        }
        match &v.end {
            VertexEnd::Done(d) => out.push_str(&format!("#{n} DONE {:.1}s\n", secs(*d))),
            VertexEnd::Cached => out.push_str(&format!("#{n} CACHED\n")),
            VertexEnd::Error(e) => out.push_str(&format!("#{n} ERROR: {e}\n")),
        }
    }
    out
}

fn align(l: &str, r: &str, w: usize) -> String {
    let pad = w.saturating_sub(r.len() + 1);
    format!("{l:<pad$} {r}")
}

fn job_line(name: &str, dt: f64, width: usize) -> Option<String> {
    let dt = if dt < 0.05 { 0.0 } else { dt };
    let timer = format!(" {dt:3.1}s\n");
    let pfx = " => ";
    let left = width as i64 - pfx.len() as i64 - timer.len() as i64 - 1;
    if left < 12 {
        return None;
    }
    let name: String = name.chars().take(left as usize).collect();
    Some(align(&format!("{pfx}{name}"), &timer, width))
}

fn color(line: String, code: &str) -> String {
    format!("\x1b[{code}m{line}\x1b[0m")
}

fn vertex_time(v: &Vertex) -> f64 {
    match v.end {
        VertexEnd::Done(d) => secs(d),
        _ => 0.0,
    }
}

/// The final screen of the `tty` display at `width` columns.
pub fn tty(r: &BuildReport, width: usize) -> String {
    let total = r.vertices.len();
    let head = format!("[+] Building {:.1}s ({total}/{total}) FINISHED", secs(r.took));
    let mut head = align(&head, CONSOLE_DESC, width.saturating_sub(1));
    head.truncate(width);
    let mut out = format!("{head}\n");
    for v in &r.vertices {
        let name = match &v.end {
            VertexEnd::Cached => format!("CACHED {}", v.name),
            VertexEnd::Error(_) => format!("ERROR {}", v.name),
            VertexEnd::Done(_) => v.name.clone(),
        };
        let code = if matches!(v.end, VertexEnd::Error(_)) { "31" } else { "36" };
        if let Some(l) = job_line(&name, vertex_time(v), width) {
            out.push_str(&color(l, code));
        }
        for s in &v.statuses {
            let mut n = format!("=> {}", s.id);
            if let Some(b) = &s.bytes {
                n.push(' ');
                n.push_str(b);
            }
            if let Some(l) = job_line(&n, secs(s.took), width) {
                out.push_str(&color(l, "36"));
            }
        }
        for w in &v.warnings {
            if let Some(l) = job_line(&format!("WARN: {w}"), 0.0, width) {
                out.push_str(&color(l, "33"));
            }
        }
    }
    out
}

/// `printErrorLogs`: the last output lines of each failed vertex.
pub fn error_logs(r: &BuildReport) -> String {
    let mut out = String::new();
    for v in r.vertices.iter().filter(|v| matches!(v.end, VertexEnd::Error(_))) {
        out.push_str("------\n");
        out.push_str(&format!(" > {}:\n", v.name));
        let skip = v.logs.len().saturating_sub(10);
        for l in &v.logs[skip..] {
            out.push_str(l);
            out.push('\n');
        }
        out.push_str("------\n");
    }
    out
}

/// buildx's `printWarnings`.
pub fn warnings(r: &BuildReport) -> String {
    if r.warnings.is_empty() {
        return String::new();
    }
    let n = r.warnings.len();
    let head = if n == 1 { "1 warning found".to_string() } else { format!("{n} warnings found") };
    let mut out = format!("\n \x1b[33m{head} (use docker --debug to expand):\n\x1b[0m");
    for w in &r.warnings {
        out.push_str(&format!(" - {w}\n"));
    }
    out
}

/// BuildKit's source snippet (`errdefs.Source.Print`).
pub fn source(s: &SourceLines) -> String {
    let lines: Vec<&str> = s.text.split('\n').collect();
    let (mut start, mut end) = (s.start as usize, s.end as usize);
    if start > lines.len() || start < 1 {
        return String::new();
    }
    end = end.min(lines.len());
    let pad = if end == start { 4 } else { 2 };
    let shown_start = start;
    let mut p = 0;
    while p < pad {
        if start > 1 {
            start -= 1;
            p += 1;
        }
        if end != lines.len() {
            end += 1;
            p += 1;
        }
        p += 1;
    }
    let mut out = format!("{}:{shown_start}\n--------------------\n", s.filename);
    for i in start..=end {
        let mark = if i >= s.start as usize && i <= s.end as usize { ">>>" } else { "   " };
        out.push_str(&format!(" {i:>3} | {mark} {}\n", lines[i - 1]));
    }
    out.push_str("--------------------\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::clock::Span;
    use crate::engine::build::VertexStatus;

    fn report() -> BuildReport {
        let mut a = Vertex::new("[internal] load build definition from Dockerfile", Span::ZERO);
        a.statuses.push(VertexStatus { id: "transferring dockerfile:".into(), bytes: Some("109B".into()), took: Span::ZERO });
        let mut b = Vertex::new("[2/2] RUN echo hi", Span::ZERO);
        b.logs.push("0.215 hi".into());
        b.end = VertexEnd::Done(Span::millis(300));
        let mut c = Vertex::new("[1/2] FROM docker.io/library/alpine:latest", Span::ZERO);
        c.end = VertexEnd::Cached;
        BuildReport { vertices: vec![a, c, b], took: Span::millis(600), ..BuildReport::default() }
    }

    #[test]
    fn plain_lines() {
        assert_eq!(
            plain(&report()),
            "#0 building with \"default\" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 109B done\n#1 DONE 0.0s\n\n#2 [1/2] FROM docker.io/library/alpine:latest\n#2 CACHED\n\n#3 [2/2] RUN echo hi\n#3 0.215 hi\n#3 DONE 0.3s\n"
        );
    }

    #[test]
    fn tty_lines_fill_the_width() {
        let t = tty(&report(), 60);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0].len(), 59);
        assert!(lines[0].starts_with("[+] Building 0.6s (3/3) FINISHED"));
        assert!(lines[0].ends_with(" docker:default"));
        assert!(t.contains(" => CACHED [1/2] FROM docker.io/library/alpine:latest"));
        assert_eq!(lines[1], "\x1b[36m => [internal] load build definition from Dockerfile   0.0s");
    }

    #[test]
    fn source_snippet_pads_around_the_line() {
        let s = SourceLines { filename: "Dockerfile".into(), text: "FROM alpine\nRUNN x\n".into(), start: 2, end: 2 };
        assert_eq!(source(&s), "Dockerfile:2\n--------------------\n   1 |     FROM alpine\n   2 | >>> RUNN x\n   3 |     \n--------------------\n");
    }
}
