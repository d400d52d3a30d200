//! A block of scrollback lines. The scrollback is drawn as blocks of [`BLOCK`] lines, each
//! re-rendered only when one of its lines changed (compared by pointer), so 5,000 lines of
//! scrollback cost little per keystroke.
//!
//! Invariant: a line's text is shown as text nodes only (never parsed as HTML); lines
//! longer than [`MAX_LINE_CHARS`] are cut with a visible marker so a 1 MB line cannot
//! stall the page.

use std::rc::Rc;

use yew::prelude::*;

use super::labels;
use crate::view::terminal::{Line, LineKind, Span};

/// Lines per block.
pub const BLOCK: u64 = 64;
/// Characters of one line actually drawn.
pub const MAX_LINE_CHARS: usize = 10_000;

/// Lines compared by identity: a block re-renders only when a line was replaced.
#[derive(Clone, Debug)]
pub struct Lines(pub Vec<Rc<Line>>);

impl PartialEq for Lines {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len() && self.0.iter().zip(&other.0).all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

#[derive(Properties, PartialEq)]
pub struct TerminalBlockProps {
    pub lines: Lines,
}

#[component]
pub fn TerminalBlock(props: &TerminalBlockProps) -> Html {
    html! {
        <div class="block">
            { for props.lines.0.iter().map(|line| {
                let class = classes!("line", (line.kind == LineKind::Note).then_some("note"));
                html! { <div key={line.id} {class}>{ spans(line) }</div> }
            }) }
        </div>
    }
}

/// The styled spans of a line (clipped), as inline elements.
pub fn spans(line: &Line) -> Html {
    let (shown, omitted) = line.clipped(MAX_LINE_CHARS);
    html! {
        <>
            { for shown.iter().map(span) }
            if omitted > 0 {
                <span class="omitted">{ format!(" … {omitted} {}", labels::OMITTED) }</span>
            }
        </>
    }
}

/// One styled run of text.
pub fn span(span: &Span) -> Html {
    let classes = span.style.classes();
    let css = span.style.inline_css();
    if classes.is_empty() && css.is_empty() {
        html! { <span>{ span.text.clone() }</span> }
    } else {
        let style = (!css.is_empty()).then_some(css);
        html! { <span class={classes} {style}>{ span.text.clone() }</span> }
    }
}
