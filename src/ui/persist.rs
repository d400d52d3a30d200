//! Save and restore of the course progress in the browser's `localStorage`: the open lesson,
//! each lesson's step and completed steps, and the lines typed (the replay format; see
//! [`crate::course::progress`]). A reload replays them on fresh worlds.
//!
//! Invariant: engine internals are never serialized here, only typed lines; storage that is
//! missing or refuses writes (private mode, quota) is ignored, never a panic.

use crate::course::progress::Progress;

/// The `localStorage` key.
pub const KEY: &str = "doca.curso.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved progress as stored (JSON), if any.
pub fn load() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Saves the progress.
pub fn save(progress: &Progress) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, &progress.to_json());
    }
}
