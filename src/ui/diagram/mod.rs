//! The animated architecture diagram: [`DiagramPane`] takes the app's
//! [`crate::view::anim_feed::Feed`] and plays each recorded command as steps over an SVG
//! laid out by [`crate::view::layout`], with playback controls, a caption, the narration
//! log and an inspector.
//!
//! Wiring it into the app (the reducer owns the feed; no I/O involved):
//!
//! ```ignore
//! // state:  feed: Rc<Feed>, initialised with Rc::new(Feed::new(session.world()))
//! // after every line run (and after Ctrl+C), with its Outcome:
//! Rc::make_mut(&mut next.feed).record(&outcome.line, session.world(), &outcome.events);
//! // on reset:
//! Rc::make_mut(&mut next.feed).reset(session.world());
//! // view:
//! html! { <DiagramPane feed={state.feed.clone()} /> }
//! ```
//!
//! Invariant: the SVG is built with `html!` only (never raw HTML strings); per animation
//! frame only the packet's inline `transform` changes, the rest re-renders once per step.

mod controls;
mod diagram_pane;
mod diagram_svg;
mod inspector;
mod narration_log;
mod node_shapes;
mod node_view;
mod packet;
mod style;
mod ticker;
mod wire_view;

pub use diagram_pane::{DiagramPane, DiagramPaneProps};

use std::rc::Rc;

/// Shared data compared by identity, so props holding big values compare in O(1).
#[derive(Debug)]
pub struct ByPtr<T>(pub Rc<T>);

impl<T> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        ByPtr(self.0.clone())
    }
}

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for ByPtr<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A number as an SVG attribute (`12`, `12.5`).
pub(crate) fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() { format!("{}", r as i64) } else { format!("{r:.1}") }
}
