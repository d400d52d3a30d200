//! The browser app (WebAssembly only): Yew components, one per file, named for what the
//! learner sees. All state lives in one reducer ([`state`]) around the shell's session and
//! the pure terminal model ([`crate::view::terminal_model`]).
//!
//! Invariant: no component holds engine state of its own; everything visible derives from
//! the reducer's state.

mod app;
mod boot;
pub mod diagram;
mod dom;
mod file_editor;
mod header;
mod labels;
mod lesson_labels;
mod lesson_map;
mod lesson_markdown;
mod lesson_pane;
mod lesson_step;
mod persist;
mod screen_keys;
mod state;
mod terminal_block;
mod terminal_pane;

pub use app::{App, AppProps};

/// Mounts the app into the page's `<div id="app">` (or the body), taking over what the
/// first stage's terminal collected (see [`boot`]).
pub fn start() {
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            let handoff = boot::take(&root);
            root.set_inner_html("");
            yew::Renderer::<App>::with_root_and_props(root, AppProps { handoff }).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
