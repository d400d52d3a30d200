//! The lesson pane, opened from the header: a placeholder until the course arrives.
//!
//! Invariant: stateless.

use yew::prelude::*;

use super::labels;

#[component]
pub fn LessonPane() -> Html {
    html! {
        <aside class="pane lessons" aria-label={labels::LESSONS}>
            <h2>{ labels::LESSONS }</h2>
            <p>{ labels::LESSONS_SOON }</p>
            <p>{ labels::LESSONS_TRY }</p>
            <pre class="example">{ "docker run hello-world" }</pre>
        </aside>
    }
}
