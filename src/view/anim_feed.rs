//! The feed of animated commands the app hands to the diagram: for each command line that
//! touched the world, the scene before, the scene after and the steps between. The app's
//! reducer owns one [`Feed`] and calls [`Feed::record`] after every line it runs; the
//! diagram plays the clips it has not seen yet.
//!
//! Invariant: clip sequence numbers strictly increase within a generation; `latest()` is
//! the scene after the newest clip (or the initial scene); at most [`Feed::KEEP`] clips
//! are kept.

use std::rc::Rc;

use crate::engine::World;
use crate::engine::event::Event;

use super::anim::{self, Step};
use super::layout::Focus;
use super::scene::Scene;
use super::scene_build;

/// One command's animation.
#[derive(Clone, Debug, PartialEq)]
pub struct Clip {
    pub seq: u64,
    /// The line as typed.
    pub line: String,
    pub before: Rc<Scene>,
    pub after: Rc<Scene>,
    pub steps: Rc<Vec<Step>>,
    /// Containers and repositories the steps touch.
    pub focus: Focus,
}

/// Commands recorded so far.
#[derive(Clone, Debug)]
pub struct Feed {
    generation: u32,
    latest: Rc<Scene>,
    clips: Vec<Rc<Clip>>,
    next_seq: u64,
}

impl PartialEq for Feed {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation && self.next_seq == other.next_seq && Rc::ptr_eq(&self.latest, &other.latest)
    }
}

impl Feed {
    /// Clips kept for late subscribers and replay.
    pub const KEEP: usize = 32;

    /// A feed starting from `world` as it is.
    pub fn new(world: &World) -> Feed {
        Feed::from_scene(scene_build::build(world))
    }

    pub fn from_scene(scene: Scene) -> Feed {
        Feed { generation: 0, latest: Rc::new(scene), clips: Vec::new(), next_seq: 0 }
    }

    /// Records that `line` ran on `world` and produced `events`.
    pub fn record(&mut self, line: &str, world: &World, events: &[Event]) {
        self.record_scene(line, scene_build::build(world), events);
    }

    /// Records a command from the scene it left. Nothing is recorded when it neither emitted
    /// events nor changed the scene (`echo`, `clear`).
    pub fn record_scene(&mut self, line: &str, after: Scene, events: &[Event]) {
        if events.is_empty() && after == *self.latest {
            return;
        }
        let before = self.latest.clone();
        let after = Rc::new(after);
        let steps = anim::steps(&before, &after, events);
        let focus = anim::focus(&steps);
        let clip = Clip { seq: self.next_seq, line: line.to_string(), before, after: after.clone(), steps: Rc::new(steps), focus };
        self.next_seq += 1;
        self.latest = after;
        self.clips.push(Rc::new(clip));
        if self.clips.len() > Self::KEEP {
            let extra = self.clips.len() - Self::KEEP;
            self.clips.drain(..extra);
        }
    }

    /// Starts over from `world` (a new session): a new generation, no clips.
    pub fn reset(&mut self, world: &World) {
        self.generation = self.generation.wrapping_add(1);
        self.latest = Rc::new(scene_build::build(world));
        self.clips.clear();
        self.next_seq = 0;
    }

    pub fn generation(&self) -> u32 {
        self.generation
    }

    pub fn latest(&self) -> &Rc<Scene> {
        &self.latest
    }

    pub fn clips(&self) -> &[Rc<Clip>] {
        &self.clips
    }

    /// Clips with a sequence number at least `seq`, oldest first.
    pub fn since(&self, seq: u64) -> impl Iterator<Item = &Rc<Clip>> {
        self.clips.iter().filter(move |c| c.seq >= seq)
    }
}
