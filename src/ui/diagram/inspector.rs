//! The inspector: details of the selected box in pt-BR (an image's layers and who shares
//! them, a container's config, state, network, ports, mounts and writable layer…).
//! Opens with focus on its close button; Escape closes it.
//!
//! Invariant: shows only what [`crate::view::scene_inspect::details`] computed.

use yew::prelude::*;

use crate::view::scene_inspect::Details;
use crate::view::scene_labels as t;

#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub details: Details,
    pub onclose: Callback<()>,
}

#[component]
pub fn Inspector(props: &InspectorProps) -> Html {
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with(props.details.title.clone(), move |_| {
            if let Some(b) = close_ref.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let onkeydown = {
        let cb = props.onclose.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                cb.emit(());
            }
        })
    };
    let onclick = props.onclose.reform(|_: MouseEvent| ());
    let d = &props.details;
    html! {
        <aside class="dg-inspector" role="dialog" aria-label={format!("{}: {}", t::INSPECTOR, d.title)} {onkeydown}>
            <header>
                <span class="dg-insp-kind">{ d.kind.clone() }</span>
                <h3>{ d.title.clone() }</h3>
                <button type="button" ref={close_ref} class="dg-insp-close" aria-label={t::CLOSE} title={t::CLOSE} {onclick}>{ "×" }</button>
            </header>
            <p class="dg-insp-summary">{ d.summary.clone() }</p>
            { for d.sections.iter().enumerate().map(|(i, s)| html! {
                <section key={i}>
                    <h4>{ s.title.clone() }</h4>
                    <dl>
                        { for s.rows.iter().enumerate().map(|(j, r)| html! {
                            <div key={j}><dt>{ r.label.clone() }</dt><dd>{ r.value.clone() }</dd></div>
                        }) }
                    </dl>
                </section>
            }) }
        </aside>
    }
}
