//! The browser app (WebAssembly only): Yew components, one per file.
//!
//! Invariant: components draw what the view-models in [`crate::view`] compute; no engine
//! state lives in a component.

pub mod diagram;
