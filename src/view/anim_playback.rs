//! Playback of the recorded commands: a queue of clips played step by step at a chosen
//! speed, with pause, step back/forward, replay, a catch-up rule when the learner types
//! ahead, and the narration log of the steps played. Time comes in as `tick(dt_ms)`; the
//! browser calls it from `requestAnimationFrame`, tests call it directly.
//!
//! Invariant: `cursor <= steps.len()` of the current clip; every step of every clip enters
//! the log exactly once, in order; `tick` does a bounded amount of work whatever `dt`.

use std::collections::VecDeque;
use std::rc::Rc;

use super::anim::Packet;
use super::anim_feed::{Clip, Feed};
use super::anim_reveal;
use super::scene::{NodeId, Scene};
use super::scene_labels as t;

/// Speeds offered, in thousandths (0.25× … 4×).
pub const SPEEDS: [u32; 6] = [250, 500, 1000, 1500, 2000, 4000];
/// Clips waiting beyond this are played instantly (their steps go straight to the log).
pub const MAX_BEHIND: usize = 3;
/// Entries kept in the narration log.
pub const LOG_KEEP: usize = 400;
/// Longest time step taken from one tick (a tab back from the background resumes smoothly).
pub const MAX_TICK_MS: u32 = 250;

/// One line of the narration log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// Unique: `seq:$` for the command line, `seq:step` for a step.
    pub key: String,
    pub text: String,
    /// The command line itself rather than a step.
    pub command: bool,
}

/// What to draw now.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub clip: Option<u64>,
    pub line: String,
    pub caption: String,
    /// 1-based number of the step shown (0 when none).
    pub step: u32,
    pub steps: u32,
    pub packet: Option<Packet>,
    /// How far the packet has travelled, in thousandths.
    pub progress: u32,
    pub highlight: Vec<NodeId>,
    /// Steps whose change is visible.
    pub applied: u32,
    pub playing: bool,
    pub paused: bool,
    pub speed: u32,
    pub queued: u32,
}

/// The player.
#[derive(Clone, Debug)]
pub struct Playback {
    generation: u32,
    /// Bumped every time playback starts over from another feed or scene.
    epoch: u32,
    base: Rc<Scene>,
    /// The feed's latest scene at the last sync: the next clip must start from it.
    known: Rc<Scene>,
    current: Option<Rc<Clip>>,
    queue: VecDeque<Rc<Clip>>,
    cursor: u32,
    /// Time into the playing step, in millionths of a second at 1× (ms × 1000).
    elapsed: u64,
    logged: u32,
    last_seq: Option<u64>,
    paused: bool,
    speed: u32,
    reduced_motion: bool,
    log: VecDeque<LogEntry>,
}

impl Playback {
    /// A player that shows `feed`'s latest scene and plays only what is recorded later.
    pub fn new(feed: &Feed) -> Playback {
        Playback {
            generation: feed.generation(),
            epoch: 0,
            base: feed.latest().clone(),
            known: feed.latest().clone(),
            current: None,
            queue: VecDeque::new(),
            cursor: 0,
            elapsed: 0,
            logged: 0,
            last_seq: feed.clips().last().map(|c| c.seq),
            paused: false,
            speed: 1000,
            reduced_motion: false,
            log: VecDeque::new(),
        }
    }

    /// Takes the clips recorded since the last call. A feed that does not continue what
    /// was played (a reset, or another feed altogether) starts playback over, keeping speed
    /// and motion settings; after a reset, the clips of the new generation are played.
    /// Returns whether anything changed.
    pub fn sync(&mut self, feed: &Feed) -> bool {
        let from = self.last_seq.map_or(0, |s| s + 1);
        let new: Vec<Rc<Clip>> = feed.since(from).cloned().collect();
        let continues = feed.generation() == self.generation
            && match new.first() {
                Some(c) => Rc::ptr_eq(&c.before, &self.known),
                None => Rc::ptr_eq(feed.latest(), &self.known),
            };
        if !continues {
            let (speed, reduced, epoch) = (self.speed, self.reduced_motion, self.epoch);
            let reset = feed.generation() != self.generation;
            *self = Playback::new(feed);
            self.epoch = epoch.wrapping_add(1);
            self.speed = speed;
            self.reduced_motion = reduced;
            if reset {
                if let Some(first) = feed.clips().first() {
                    self.base = first.before.clone();
                }
                self.last_seq = None;
                for c in feed.clips() {
                    self.enqueue(c.clone());
                }
            }
            return true;
        }
        self.known = feed.latest().clone();
        let changed = !new.is_empty();
        for c in new {
            self.enqueue(c);
        }
        changed
    }

    fn enqueue(&mut self, clip: Rc<Clip>) {
        self.last_seq = Some(clip.seq);
        if self.current.is_none() {
            self.start(clip);
        } else {
            self.queue.push_back(clip);
        }
        while self.queue.len() > MAX_BEHIND {
            self.finish_current();
            if let Some(next) = self.queue.pop_front() {
                self.start(next);
            }
        }
    }

    fn push_log(&mut self, e: LogEntry) {
        self.log.push_back(e);
        while self.log.len() > LOG_KEEP {
            self.log.pop_front();
        }
    }

    fn start(&mut self, clip: Rc<Clip>) {
        self.push_log(LogEntry { key: format!("{}:$", clip.seq), text: format!("$ {}", clip.line), command: true });
        self.current = Some(clip);
        self.cursor = 0;
        self.elapsed = 0;
        self.logged = 0;
        self.log_upto(1);
    }

    fn len(&self) -> u32 {
        self.current.as_ref().map_or(0, |c| c.steps.len() as u32)
    }

    /// Logs the steps before index `n` not logged yet.
    fn log_upto(&mut self, n: u32) {
        let Some(clip) = self.current.clone() else { return };
        let n = n.min(clip.steps.len() as u32);
        while self.logged < n {
            let i = self.logged;
            let text = clip.steps[i as usize].caption.clone();
            self.push_log(LogEntry { key: format!("{}:{i}", clip.seq), text, command: false });
            self.logged += 1;
        }
    }

    /// Jumps the current clip to its end.
    fn finish_current(&mut self) {
        let len = self.len();
        self.log_upto(len);
        self.cursor = len;
        self.elapsed = 0;
    }

    /// Advances time by `dt_ms` (wall milliseconds). Returns whether the step shown changed.
    pub fn tick(&mut self, dt_ms: u32) -> bool {
        if self.paused || self.current.is_none() {
            return false;
        }
        let rate = u64::from(self.speed) * (1 + 2 * self.queue.len() as u64);
        self.elapsed += u64::from(dt_ms.min(MAX_TICK_MS)) * rate;
        let mut changed = false;
        // Each pass plays one step or starts one clip, so this bound is never reached early.
        let guard = self.len() as usize + self.queue.iter().map(|c| c.steps.len() + 1).sum::<usize>() + 2;
        for _ in 0..guard {
            let Some(clip) = self.current.clone() else { break };
            if let Some(step) = clip.steps.get(self.cursor as usize) {
                let d = u64::from(step.duration_ms.max(1)) * 1000;
                if self.elapsed < d {
                    break;
                }
                self.elapsed -= d;
                self.cursor += 1;
                self.log_upto(self.cursor + 1);
                changed = true;
            } else if let Some(next) = self.queue.pop_front() {
                self.start(next);
                changed = true;
            } else {
                self.elapsed = 0;
                break;
            }
        }
        changed
    }

    pub fn toggle_pause(&mut self) {
        self.paused = !self.paused;
    }

    pub fn set_paused(&mut self, paused: bool) {
        self.paused = paused;
    }

    /// Shows the next step (or the next command's first step), paused mid-way.
    pub fn step_forward(&mut self) {
        self.paused = true;
        if self.cursor < self.len() {
            self.cursor += 1;
        } else if let Some(next) = self.queue.pop_front() {
            self.start(next);
        }
        self.log_upto(self.cursor + 1);
        self.park();
    }

    /// Shows the previous step, paused mid-way.
    pub fn step_back(&mut self) {
        self.paused = true;
        self.cursor = self.cursor.saturating_sub(1);
        self.park();
    }

    /// Puts a stepped-to packet mid-flight, so its label is readable.
    fn park(&mut self) {
        self.elapsed = 0;
        if let Some(step) = self.current.as_ref().and_then(|c| c.steps.get(self.cursor as usize))
            && step.packet.is_some() {
                self.elapsed = u64::from(step.duration_ms) * 1000 * 6 / 10;
            }
    }

    /// Plays the current (or last) command again from its first step.
    pub fn replay(&mut self) {
        if self.current.is_some() {
            self.cursor = 0;
            self.elapsed = 0;
            self.paused = false;
        }
    }

    /// Sets the speed to the nearest offered value.
    pub fn set_speed(&mut self, permille: u32) {
        self.speed = SPEEDS.iter().copied().min_by_key(|s| s.abs_diff(permille)).unwrap_or(1000);
    }

    pub fn speed(&self) -> u32 {
        self.speed
    }

    pub fn set_reduced_motion(&mut self, on: bool) {
        self.reduced_motion = on;
    }

    pub fn reduced_motion(&self) -> bool {
        self.reduced_motion
    }

    pub fn paused(&self) -> bool {
        self.paused
    }

    pub fn log(&self) -> &VecDeque<LogEntry> {
        &self.log
    }

    /// Something is left to play.
    pub fn busy(&self) -> bool {
        self.cursor < self.len() || !self.queue.is_empty()
    }

    /// Steps whose change shows: those played, plus the playing one unless it carries a
    /// packet (its change shows when the packet arrives).
    pub fn applied(&self) -> u32 {
        let Some(clip) = &self.current else { return 0 };
        match clip.steps.get(self.cursor as usize) {
            Some(s) if s.packet.is_none() => self.cursor + 1,
            _ => self.cursor,
        }
    }

    /// How far the playing step's packet has travelled, in thousandths (`None` without one).
    /// Cheap enough to call on every animation frame.
    pub fn packet_progress(&self) -> Option<u32> {
        let step = self.current.as_ref()?.steps.get(self.cursor as usize)?;
        step.packet.as_ref()?;
        if self.reduced_motion {
            return Some(500);
        }
        let d = u64::from(step.duration_ms.max(1)) * 1000;
        Some((self.elapsed.min(d) * 1000 / d) as u32)
    }

    /// Changes whenever playback starts over (a reset or replaced feed), so views keyed on
    /// (epoch, clip, applied) are recomputed.
    pub fn epoch(&self) -> u32 {
        self.epoch
    }

    /// The scene to draw now.
    pub fn scene(&self) -> Scene {
        match &self.current {
            None => (*self.base).clone(),
            Some(c) => anim_reveal::visible(&c.before, &c.after, &c.steps, self.applied() as usize),
        }
    }

    /// The clip playing (or last played).
    pub fn clip(&self) -> Option<&Rc<Clip>> {
        self.current.as_ref()
    }

    pub fn frame(&self) -> Frame {
        let paused = self.paused;
        let queued = self.queue.len() as u32;
        let Some(clip) = &self.current else {
            return Frame {
                clip: None,
                line: String::new(),
                caption: t::IDLE_CAPTION.into(),
                step: 0,
                steps: 0,
                packet: None,
                progress: 0,
                highlight: Vec::new(),
                applied: 0,
                playing: false,
                paused,
                speed: self.speed,
                queued,
            };
        };
        let len = clip.steps.len() as u32;
        let playing_step = clip.steps.get(self.cursor as usize);
        let (caption, packet, progress, highlight) = match playing_step {
            Some(s) => (s.caption.clone(), s.packet.clone(), self.packet_progress().unwrap_or(0), s.highlight.clone()),
            None => (clip.steps.last().map_or_else(|| t::IDLE_CAPTION.to_string(), |s| s.caption.clone()), None, 0, Vec::new()),
        };
        Frame {
            clip: Some(clip.seq),
            line: clip.line.clone(),
            caption,
            step: if playing_step.is_some() { self.cursor + 1 } else { len },
            steps: len,
            packet,
            progress,
            highlight,
            applied: self.applied(),
            playing: !paused && self.busy(),
            paused,
            speed: self.speed,
            queued,
        }
    }
}
