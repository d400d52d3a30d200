//! On-screen keys for phones and tablets, where the virtual keyboard has no Tab, arrows or
//! Ctrl: Tab, ↑, ↓ and Ctrl+C. They never take the focus from the input, so the virtual
//! keyboard stays open.
//!
//! Invariant: stateless; each button sends exactly one key.

use yew::prelude::*;

use super::labels;
use crate::view::terminal_model::Key;

#[derive(Properties, PartialEq)]
pub struct ScreenKeysProps {
    pub onkey: Callback<Key>,
}

#[component]
pub fn ScreenKeys(props: &ScreenKeysProps) -> Html {
    let keys = [
        (Key::Tab, "Tab", labels::KEY_TAB),
        (Key::Up, "↑", labels::KEY_UP),
        (Key::Down, "↓", labels::KEY_DOWN),
        (Key::CtrlC, "Ctrl+C", labels::KEY_CTRL_C),
    ];
    html! {
        <div class="screen-keys" role="toolbar" aria-label={labels::KEYS}>
            { for keys.into_iter().map(|(key, text, label)| {
                let onclick = props.onkey.reform(move |_: MouseEvent| key);
                let keep_focus = Callback::from(|e: MouseEvent| e.prevent_default());
                html! {
                    <button type="button" key={text} class="key" aria-label={label} title={label}
                        onmousedown={keep_focus} {onclick}>
                        { text }
                    </button>
                }
            }) }
        </div>
    }
}
