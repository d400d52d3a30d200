//! What the course tests share: a way to run typed lines on a world (through the real shell,
//! or through the engine API directly while the CLI is not there), and the walk through a
//! lesson that checks each step's goal before and after its solution and after each near miss.

#![allow(dead_code)]

pub mod driver;

use doca::course::goal::{Verdict, evaluate};
use doca::course::lesson::Lesson;
use doca::engine::World;

/// A check the engine cannot get right yet: (lesson id, step index, near-miss index or `None`
/// for the solution, why).
pub type Known<'a> = (&'a str, usize, Option<usize>, &'a str);

/// Runs typed lines on a world.
pub trait Runner: Clone {
    /// Runs one line; `Err` when this runner cannot run it (the step is then skipped).
    fn run(&mut self, line: &str) -> Result<(), String>;
    fn world(&self) -> &World;
}

/// What walking through a lesson found.
#[derive(Debug, Default)]
pub struct Report {
    /// Real failures: a goal met before its step, not met after its solution, met by a near miss.
    pub failures: Vec<String>,
    /// Checks that could not be made, with the reason (unsupported goal or line).
    pub skipped: Vec<String>,
    /// Steps fully checked.
    pub checked: u32,
}

/// Walks a lesson from `start` (its setup already run): for each step, the goal must not hold
/// at the start, each near miss (run on a copy) must not reach it, and the solution must.
/// `known` lists `(lesson id, step, near-miss index or None for the solution, why)` the
/// engine cannot get right yet.
/// With `strict`, a line the runner cannot run is a failure, not a skip.
pub fn walk<R: Runner>(lesson: &Lesson, start: R, known: &[Known], strict: bool) -> Report {
    let mut report = Report::default();
    let mut r = start;
    for (i, step) in lesson.steps.iter().enumerate() {
        let at = format!("{} step {} \"{}\"", lesson.id, i + 1, step.title);
        match evaluate(&step.goal, r.world()) {
            Verdict::Met => report.failures.push(format!("{at}: goal already met at the start")),
            Verdict::Unsupported(what) => report.skipped.push(format!("{at}: start: {what} not supported yet")),
            Verdict::NotMet => {}
        }
        for (n, attempt) in step.near_misses.iter().enumerate() {
            if let Some((.., why)) = known.iter().find(|(id, s, m, _)| *id == lesson.id && *s == i && *m == Some(n)) {
                report.skipped.push(format!("{at}: near miss {}: {why}", n + 1));
                continue;
            }
            let mut copy = r.clone();
            let ran: Result<(), String> = attempt.iter().try_for_each(|l| copy.run(l));
            if let Err(e) = ran {
                let list = if strict { &mut report.failures } else { &mut report.skipped };
                list.push(format!("{at}: near miss {}: {e}", n + 1));
                continue;
            }
            match evaluate(&step.goal, copy.world()) {
                Verdict::Met => report.failures.push(format!("{at}: near miss {:?} reaches the goal", attempt)),
                Verdict::Unsupported(what) => report.skipped.push(format!("{at}: near miss {}: {what} not supported yet", n + 1)),
                Verdict::NotMet => {}
            }
        }
        for line in &step.solution {
            if let Err(e) = r.run(line) {
                let list = if strict { &mut report.failures } else { &mut report.skipped };
                list.push(format!("{at}: solution: {e}; the rest of the lesson is not checked"));
                return report;
            }
        }
        let gap = known.iter().find(|(id, s, m, _)| *id == lesson.id && *s == i && m.is_none());
        match evaluate(&step.goal, r.world()) {
            Verdict::Met => report.checked += 1,
            Verdict::NotMet if gap.is_some() => {
                report.skipped.push(format!("{at}: after the solution: {}", gap.map_or("", |g| g.3)));
            }
            Verdict::NotMet => report.failures.push(format!("{at}: goal not met after the solution {:?}", step.solution)),
            Verdict::Unsupported(what) => report.skipped.push(format!("{at}: after the solution: {what} not supported yet")),
        }
    }
    report
}

/// The real thing: lines typed into the learner's shell.
#[derive(Clone)]
pub struct ShellRunner {
    pub session: doca::Session,
}

impl Runner for ShellRunner {
    fn world(&self) -> &World {
        self.session.world()
    }

    fn run(&mut self, line: &str) -> Result<(), String> {
        let out = self.session.submit(line);
        match internal_error(&out) {
            Some(e) => Err(format!("`{line}`: {e}")),
            None => Ok(()),
        }
    }
}

/// Whether an outcome shows doca failing, as opposed to Docker answering: a program the
/// shell does not know, or a command the CLI does not implement.
pub fn internal_error(out: &doca::Outcome) -> Option<String> {
    let err = out.stderr();
    let lower = err.to_lowercase();
    if out.exit == 127 || lower.contains("command not found") {
        return Some(format!("the shell does not know this program: {}", err.trim()));
    }
    if lower.contains("not implemented") || lower.contains("not yet implemented") || lower.contains("internal error") {
        return Some(format!("not implemented in doca: {}", err.trim()));
    }
    None
}
