//! The handoff from the first stage: `index.html` draws the app's frame and a terminal that
//! already takes lines while the simulator downloads (`window.__docaBoot.lines`). When the
//! app starts it takes those lines and the line still being typed, so nothing typed before
//! the simulator arrived is lost, and runs them in order through the real shell.
//!
//! Invariant: read once, before the first-stage markup is removed; a page without a first
//! stage (or with a malformed one) gives an empty handoff, never an error.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;

use crate::view::terminal_input::utf16_to_byte;

/// What the first stage collected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Handoff {
    /// Lines entered, in order.
    pub lines: Vec<String>,
    /// The line being typed and its cursor (byte offset).
    pub draft: String,
    pub cursor: usize,
}

impl Handoff {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.draft.is_empty()
    }
}

/// Reads the first stage's lines and input under `root`.
pub fn take(root: &web_sys::Element) -> Handoff {
    let mut out = Handoff::default();
    let window = gloo::utils::window();
    if let Ok(boot) = js_sys::Reflect::get(&window, &JsValue::from_str("__docaBoot"))
        && let Ok(lines) = js_sys::Reflect::get(&boot, &JsValue::from_str("lines"))
        && let Some(lines) = lines.dyn_ref::<js_sys::Array>()
    {
        out.lines = lines.iter().filter_map(|l| l.as_string()).collect();
    }
    if let Ok(Some(el)) = root.query_selector(".input")
        && let Some(input) = el.dyn_ref::<HtmlInputElement>()
    {
        out.draft = input.value();
        let at = input.selection_start().ok().flatten().unwrap_or(out.draft.encode_utf16().count() as u32);
        out.cursor = utf16_to_byte(&out.draft, at);
    }
    out
}
