//! Pure view-models for the web app and the native REPL, computed without a browser so they
//! can be tested natively: what the terminal shows and how it is edited, and the
//! architecture diagram's scene, layout and animation steps.
//!
//! Invariant: nothing in `view` touches the DOM, a clock or randomness.

pub mod terminal;
pub mod terminal_ansi;
pub mod terminal_complete;
pub mod terminal_input;
pub mod terminal_model;
pub mod anim;
pub mod dockerfile_highlight;
pub mod anim_feed;
pub mod anim_label;
pub mod anim_playback;
pub mod anim_reveal;
pub mod layout;
mod layout_containers;
pub mod layout_fit;
mod layout_frame;
mod layout_host;
mod layout_images;
pub mod scene;
pub mod scene_build;
pub mod scene_id;
pub mod scene_inspect;
pub mod scene_labels;

pub use layout_frame::repo_name;
