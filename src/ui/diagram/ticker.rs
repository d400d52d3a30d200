//! The animation loop: `requestAnimationFrame` while something is playing, feeding the
//! elapsed time to the [`Playback`]. When a step ends it asks the pane to re-render; in
//! between it only moves the packet element (one composited `transform` per frame).
//!
//! Invariant: at most one frame is pending; the loop stops itself when nothing plays, and
//! is restarted with [`Ticker::ensure`].

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{AnimationFrame, request_animation_frame};
use yew::prelude::*;

use super::packet::place;
use crate::view::anim_playback::Playback;
use crate::view::layout::Point;

/// What the loop works on.
pub struct Shared {
    pub player: Rc<RefCell<Playback>>,
    /// Start and end of the playing step's packet, as laid out by the last render.
    pub path: Rc<RefCell<Option<(Point, Point)>>>,
    pub packet: NodeRef,
    /// Re-render the pane.
    pub redraw: Callback<()>,
}

/// The loop's handle.
#[derive(Default)]
pub struct Ticker {
    frame: Option<AnimationFrame>,
    last: Option<f64>,
}

impl Ticker {
    /// Starts the loop if it is not running and something is left to play.
    pub fn ensure(this: &Rc<RefCell<Ticker>>, shared: &Rc<Shared>) {
        if this.borrow().frame.is_some() {
            return;
        }
        let go = {
            let p = shared.player.borrow();
            p.busy() && !p.paused()
        };
        if go {
            schedule(this.clone(), shared.clone());
        }
    }

    /// Stops the loop.
    pub fn stop(this: &Rc<RefCell<Ticker>>) {
        let mut t = this.borrow_mut();
        t.frame = None;
        t.last = None;
    }
}

/// Where the packet is at `permille` of the way.
pub fn along(path: (Point, Point), permille: u32) -> Point {
    let f = f64::from(permille.min(1000)) / 1000.0;
    Point::new(path.0.x + (path.1.x - path.0.x) * f, path.0.y + (path.1.y - path.0.y) * f)
}

fn schedule(this: Rc<RefCell<Ticker>>, shared: Rc<Shared>) {
    let me = this.clone();
    let frame = request_animation_frame(move |ts: f64| {
        let dt = {
            let mut t = me.borrow_mut();
            let dt = t.last.map_or(0.0, |last| ts - last);
            t.last = Some(ts);
            dt.clamp(0.0, 1000.0) as u32
        };
        let (changed, progress, go_on) = {
            let mut p = shared.player.borrow_mut();
            let changed = p.tick(dt);
            (changed, p.packet_progress(), p.busy() && !p.paused())
        };
        if changed {
            shared.redraw.emit(());
        } else if let (Some(permille), Some(path)) = (progress, *shared.path.borrow())
            && let Some(el) = shared.packet.cast::<web_sys::Element>()
        {
            let _ = el.set_attribute("style", &place(along(path, permille)));
        }
        if go_on {
            schedule(me.clone(), shared.clone());
        } else {
            let mut t = me.borrow_mut();
            t.frame = None;
            t.last = None;
        }
    });
    this.borrow_mut().frame = Some(frame);
}
