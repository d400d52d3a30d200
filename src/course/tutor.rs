//! The course as the lesson pane drives it: which lesson (or free mode) is open, which step is
//! shown, whether its goal holds on the current world, which hints are revealed, and the
//! progress to save. The web UI's reducer holds one; the tests drive it natively.
//!
//! Invariant: the step index is always within the open lesson's steps; a step, once its goal
//! has been met, stays done until the lesson is reset.

use super::goal::{Verdict, evaluate};
use super::lesson::{Lesson, Step};
use super::progress::Progress;
use super::setup;
use crate::engine::World;
use crate::shell::Session;

/// The state of the course around one terminal session.
#[derive(Clone, Debug, PartialEq)]
pub struct Tutor {
    lessons: &'static [Lesson],
    progress: Progress,
    /// The open lesson; `None` is free mode.
    lesson: Option<usize>,
    verdict: Verdict,
    hints_shown: usize,
    solution_shown: bool,
}

impl Tutor {
    /// A tutor over `lessons`, reopening what `progress` says was open.
    pub fn new(lessons: &'static [Lesson], progress: Progress) -> Tutor {
        let lesson = progress.current.as_deref().and_then(|id| lessons.iter().position(|l| l.id == id));
        let mut t = Tutor { lessons, progress, lesson, verdict: Verdict::NotMet, hints_shown: 0, solution_shown: false };
        t.progress.current = t.lesson.map(|i| lessons[i].id.clone());
        t
    }

    pub fn lessons(&self) -> &'static [Lesson] {
        self.lessons
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn lesson_index(&self) -> Option<usize> {
        self.lesson
    }

    pub fn lesson(&self) -> Option<&'static Lesson> {
        self.lesson.map(|i| &self.lessons[i])
    }

    /// The step shown in the open lesson (0 in free mode).
    pub fn step_index(&self) -> usize {
        let Some(lesson) = self.lesson() else { return 0 };
        let saved = self.progress.lessons.get(&lesson.id).map_or(0, |p| p.step as usize);
        saved.min(lesson.steps.len().saturating_sub(1))
    }

    pub fn step(&self) -> Option<&'static Step> {
        self.lesson().and_then(|l| l.steps.get(self.step_index()))
    }

    /// Whether the current step's goal holds on the world last observed.
    pub fn verdict(&self) -> &Verdict {
        &self.verdict
    }

    pub fn hints_shown(&self) -> usize {
        self.hints_shown
    }

    pub fn solution_shown(&self) -> bool {
        self.solution_shown
    }

    pub fn is_done(&self, lesson: usize, step: usize) -> bool {
        self.lessons.get(lesson).is_some_and(|l| {
            self.progress.lessons.get(&l.id).is_some_and(|p| p.done.contains(&(step as u32)))
        })
    }

    /// How many steps of a lesson are done.
    pub fn done_count(&self, lesson: usize) -> usize {
        let Some(l) = self.lessons.get(lesson) else { return 0 };
        (0..l.steps.len()).filter(|s| self.is_done(lesson, *s)).count()
    }

    pub fn lesson_complete(&self, lesson: usize) -> bool {
        self.lessons.get(lesson).is_some_and(|l| self.done_count(lesson) == l.steps.len())
    }

    /// A session for what is open: the lesson's world and setup (or an empty world in free
    /// mode), with the learner's saved lines replayed.
    pub fn session(&self) -> Session {
        let (mut session, log) = match self.lesson() {
            Some(l) => (setup::start_session(&l.setup).0, self.progress.lessons.get(&l.id).map(|p| p.lines.as_slice())),
            None => (Session::new(), Some(self.progress.sandbox.as_slice())),
        };
        setup::replay(&mut session, log.unwrap_or_default());
        session
    }

    /// Opens a lesson (or free mode) where the learner left it and returns its session.
    pub fn open(&mut self, lesson: Option<usize>) -> Session {
        self.lesson = lesson.filter(|i| *i < self.lessons.len());
        self.progress.current = self.lesson().map(|l| l.id.clone());
        self.fresh_step();
        let session = self.session();
        self.observe(session.world());
        session
    }

    /// Starts what is open over: its lines, steps done and position are forgotten.
    pub fn reset(&mut self) -> Session {
        match self.lesson() {
            Some(l) => {
                self.progress.lessons.remove(&l.id);
            }
            None => self.progress.sandbox.clear(),
        }
        self.open(self.lesson)
    }

    /// Adds lines the learner ran (or [`setup::INTERRUPT`]) to the open replay log.
    pub fn record(&mut self, lines: &[String]) {
        let id = self.lesson().map(|l| l.id.as_str());
        self.progress.record(id, lines);
    }

    /// Checks the current step's goal on `world`; a met goal marks the step done. Returns
    /// whether anything visible changed.
    pub fn observe(&mut self, world: &World) -> bool {
        let (Some(lesson), Some(step)) = (self.lesson(), self.step()) else {
            return std::mem::replace(&mut self.verdict, Verdict::NotMet) != Verdict::NotMet;
        };
        let verdict = evaluate(&step.goal, world);
        let mut changed = verdict != self.verdict;
        if verdict.is_met() {
            let index = self.step_index() as u32;
            changed |= self.progress.lessons.entry(lesson.id.clone()).or_default().done.insert(index);
        }
        self.verdict = verdict;
        changed
    }

    /// Shows step `step` of the open lesson (clamped), checked against `world`.
    pub fn goto_step(&mut self, step: usize, world: &World) {
        let Some(lesson) = self.lesson() else { return };
        let step = step.min(lesson.steps.len().saturating_sub(1));
        self.progress.lessons.entry(lesson.id.clone()).or_default().step = step as u32;
        self.fresh_step();
        self.observe(world);
    }

    /// Reveals the next hint.
    pub fn show_hint(&mut self) {
        let total = self.step().map_or(0, |s| s.hints.len());
        self.hints_shown = (self.hints_shown + 1).min(total);
    }

    pub fn show_solution(&mut self) {
        self.solution_shown = true;
    }

    /// Marks the current step done by hand: for a goal the engine cannot check yet.
    pub fn mark_done(&mut self) {
        if !matches!(self.verdict, Verdict::Unsupported(_)) {
            return;
        }
        if let Some(lesson) = self.lesson() {
            let index = self.step_index() as u32;
            self.progress.lessons.entry(lesson.id.clone()).or_default().done.insert(index);
        }
    }

    fn fresh_step(&mut self) {
        self.hints_shown = 0;
        self.solution_shown = false;
        self.verdict = Verdict::NotMet;
    }
}

#[cfg(test)]
#[path = "tutor_tests.rs"]
mod tests;
