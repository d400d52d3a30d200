//! The header bar: the product name, its pt-BR subtitle, the lesson and file pane toggles
//! and the "Reiniciar" button.
//!
//! Invariant: stateless; every button only calls its callback.

use yew::prelude::*;

use super::labels;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lessons_open: bool,
    pub files_open: bool,
    pub ontogglelessons: Callback<()>,
    pub ontogglefiles: Callback<()>,
    pub onreset: Callback<()>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let toggle = props.ontogglelessons.reform(|_: MouseEvent| ());
    let toggle_files = props.ontogglefiles.reform(|_: MouseEvent| ());
    let reset = props.onreset.reform(|_: MouseEvent| ());
    html! {
        <header class="top">
            <div class="brand">
                <h1>{ labels::PRODUCT }</h1>
                <p class="subtitle">{ labels::SUBTITLE }</p>
            </div>
            <nav class="actions">
                <button type="button" class={classes!("btn", props.lessons_open.then_some("on"))}
                    aria-pressed={props.lessons_open.to_string()} title={labels::LESSONS_TITLE}
                    onclick={toggle}>
                    { labels::LESSONS }
                </button>
                <button type="button" class={classes!("btn", props.files_open.then_some("on"))}
                    aria-pressed={props.files_open.to_string()} title={labels::FILES_TITLE}
                    onclick={toggle_files}>
                    { labels::FILES }
                </button>
                <button type="button" class="btn reset" title={labels::RESET_TITLE} onclick={reset}>
                    { labels::RESET }
                </button>
            </nav>
        </header>
    }
}
