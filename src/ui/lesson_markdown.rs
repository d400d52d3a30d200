//! Lesson text on screen: the neutral Markdown tree of [`crate::course::markdown`] turned into
//! elements one by one. There is no raw HTML path: text is always a text node.
//!
//! Invariant: every list is keyed; links show their text only (lessons work offline).

use yew::prelude::*;

use crate::course::markdown::{Block, Inline};

/// Inline runs as elements.
pub fn inlines(runs: &[Inline]) -> Html {
    runs.iter().map(inline).collect()
}

fn inline(run: &Inline) -> Html {
    match run {
        Inline::Text(t) => html! { { t.clone() } },
        Inline::Code(c) => html! { <code>{ c.clone() }</code> },
        Inline::Emph(inner) => html! { <em>{ inlines(inner) }</em> },
        Inline::Strong(inner) => html! { <strong>{ inlines(inner) }</strong> },
        Inline::Link { text, url } => html! { <span class="link" title={url.clone()}>{ inlines(text) }</span> },
    }
}

/// Blocks as elements; headings start at `<h4>` (the pane's own headings come first).
pub fn blocks(bs: &[Block]) -> Html {
    bs.iter()
        .enumerate()
        .map(|(i, b)| {
            let body = match b {
                Block::Heading { level, text } => match level {
                    1 | 2 => html! { <h4>{ inlines(text) }</h4> },
                    3 => html! { <h5>{ inlines(text) }</h5> },
                    _ => html! { <h6>{ inlines(text) }</h6> },
                },
                Block::Paragraph(text) => html! { <p>{ inlines(text) }</p> },
                Block::Quote(text) => html! { <blockquote>{ inlines(text) }</blockquote> },
                Block::Code { lang, text } => html! {
                    <pre class={classes!("code", (!lang.is_empty()).then(|| format!("lang-{lang}")))}>
                        <code>{ text.trim_end().to_string() }</code>
                    </pre>
                },
                Block::List { ordered: true, items } => html! {
                    <ol>{ for items.iter().enumerate().map(|(k, it)| html! { <li key={k}>{ inlines(it) }</li> }) }</ol>
                },
                Block::List { ordered: false, items } => html! {
                    <ul>{ for items.iter().enumerate().map(|(k, it)| html! { <li key={k}>{ inlines(it) }</li> }) }</ul>
                },
            };
            html! { <div key={i} class="md">{ body }</div> }
        })
        .collect()
}
