//! Save and restore: the hook point for replay-based persistence. A session will be saved
//! as the list of lines typed (the replay format) and restored by replaying them on a fresh
//! world; for now nothing is stored, so a reload starts a new world.
//!
//! Invariant: engine internals are never serialized here, only typed lines.

/// Lines to replay when the app starts (none yet).
pub fn restore() -> Vec<String> {
    Vec::new()
}

/// Called after every change of the typed lines; will write them to `localStorage`.
pub fn save(_lines: &[String]) {}
