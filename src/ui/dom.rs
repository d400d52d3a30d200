//! Small DOM helpers shared by the components: reading and writing the input element,
//! the page's text selection, focus and scrolling.
//!
//! Invariant: every helper tolerates a missing element (returns a neutral value) rather
//! than panicking.

use web_sys::{FocusOptions, HtmlElement, HtmlInputElement};
use yew::NodeRef;

use crate::view::terminal_input::{byte_to_utf16, utf16_to_byte};

/// The input's text and its cursor as a byte offset.
pub fn read_input(input: &NodeRef) -> (String, usize) {
    match input.cast::<HtmlInputElement>() {
        Some(el) => {
            let text = el.value();
            let utf16 = el.selection_start().ok().flatten().unwrap_or(text.encode_utf16().count() as u32);
            let cursor = utf16_to_byte(&text, utf16);
            (text, cursor)
        }
        None => (String::new(), 0),
    }
}

/// Writes text and cursor (byte offset) into the input.
pub fn write_input(input: &NodeRef, text: &str, cursor: usize) {
    if let Some(el) = input.cast::<HtmlInputElement>() {
        if el.value() != text {
            el.set_value(text);
        }
        let at = byte_to_utf16(text, cursor);
        let _ = el.set_selection_range(at, at);
    }
}

/// Focuses the input without scrolling the page.
pub fn focus(input: &NodeRef) {
    if let Some(el) = input.cast::<HtmlElement>() {
        let options = FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Whether nothing in particular has the focus (the page itself).
pub fn body_focused() -> bool {
    gloo::utils::document().active_element().is_none_or(|el| el.tag_name().eq_ignore_ascii_case("body"))
}

/// Whether the focus is in a field that takes typing itself (input, text area, select,
/// editable content).
pub fn field_focused() -> bool {
    gloo::utils::document().active_element().is_some_and(|el| {
        let tag = el.tag_name().to_ascii_lowercase();
        matches!(tag.as_str(), "input" | "textarea" | "select")
            || el.get_attribute("contenteditable").is_some_and(|v| v != "false")
    })
}

/// Whether the learner has selected some text on the page (then Ctrl+C copies it).
pub fn has_selection() -> bool {
    gloo::utils::window()
        .get_selection()
        .ok()
        .flatten()
        .is_some_and(|s| !s.is_collapsed() && s.to_string().length() > 0)
}

/// Whether the element is scrolled to (near) its bottom.
pub fn at_bottom(el: &NodeRef) -> bool {
    el.cast::<HtmlElement>()
        .is_none_or(|e| e.scroll_top() + e.client_height() >= e.scroll_height() - 24)
}

/// Scrolls the element to its bottom.
pub fn scroll_to_bottom(el: &NodeRef) {
    if let Some(e) = el.cast::<HtmlElement>() {
        e.set_scroll_top(e.scroll_height());
    }
}

/// How many monospace columns fit in `area`, measured with `probe` (ten characters wide).
pub fn columns(area: &NodeRef, probe: &NodeRef) -> usize {
    let (Some(area), Some(probe)) = (area.cast::<HtmlElement>(), probe.cast::<HtmlElement>()) else {
        return 0;
    };
    let char_width = probe.get_bounding_client_rect().width() / 10.0;
    let style = gloo::utils::window().get_computed_style(&area).ok().flatten();
    let padding = style
        .map(|s| {
            let px = |name: &str| {
                s.get_property_value(name)
                    .ok()
                    .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
                    .unwrap_or(0.0)
            };
            px("padding-left") + px("padding-right")
        })
        .unwrap_or(0.0);
    let width = f64::from(area.client_width()) - padding;
    if char_width <= 0.0 || width <= 0.0 { 0 } else { (width / char_width).floor() as usize }
}

/// Calls `measure` whenever the element changes size, until the returned guard is dropped.
pub fn observe_size(el: &NodeRef, measure: std::rc::Rc<dyn Fn()>) -> Option<SizeWatch> {
    let target = el.cast::<web_sys::Element>()?;
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || measure());
    let observer = web_sys::ResizeObserver::new(wasm_bindgen::JsCast::unchecked_ref(callback.as_ref())).ok()?;
    observer.observe(&target);
    Some(SizeWatch { observer, _callback: callback })
}

/// A live `ResizeObserver`; disconnects when dropped.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
