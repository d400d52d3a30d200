//! The file editor pane: the files of the learner's home directory (the build contexts),
//! a text area over a highlighted copy of the text (Dockerfiles coloured by
//! [`crate::view::dockerfile_highlight`]), "Salvar" (and Ctrl+S), and a field to create a
//! file. Saving goes through the reducer ([`super::state::Action::SaveFile`]), which writes
//! the file with the learner's shell, so the terminal sees the same file at once.
//!
//! Invariant: the pane never writes the world itself; what it shows of a file comes from
//! the session, and unsaved text lives only in the pane.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::labels;
use crate::shell::Session;
use crate::shell::files::valid_path;
use crate::view::dockerfile_highlight::{highlight, is_dockerfile};

#[derive(Properties)]
pub struct FileEditorProps {
    pub session: Rc<RefCell<Session>>,
    /// Changes whenever the files may have changed (lines ran, a save).
    pub rev: u64,
    pub last_save: Option<(String, Result<(), String>)>,
    pub onsave: Callback<(String, String)>,
}

impl PartialEq for FileEditorProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.session, &other.session) && self.rev == other.rev && self.last_save == other.last_save
    }
}

/// The highlighted copy drawn under the text area (a trailing newline keeps the last line's
/// height when the text ends with one).
fn highlighted(path: &str, text: &str) -> Html {
    let lines = highlight(text, is_dockerfile(path));
    let n = lines.len();
    html! {
        <>
            { for lines.into_iter().enumerate().map(|(i, line)| html! {
                <>
                    { for line.into_iter().map(|(tok, s)| {
                        let class = tok.class();
                        if class.is_empty() { html! { <>{ s }</> } } else { html! { <span class={class}>{ s }</span> } }
                    }) }
                    { if i + 1 < n { "\n" } else { "" } }
                </>
            }) }
            { "\n" }
        </>
    }
}

#[component]
pub fn FileEditor(props: &FileEditorProps) -> Html {
    let selected = use_state(|| None::<String>);
    let text = use_state(String::new);
    let dirty = use_state(|| false);
    let new_name = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let overlay = use_node_ref();
    let files = props.session.borrow().list_files();

    let open = {
        let (selected, text, dirty, session, problem) = (selected.clone(), text.clone(), dirty.clone(), props.session.clone(), problem.clone());
        Callback::from(move |path: String| {
            text.set(session.borrow().read_file(&path).unwrap_or_default());
            selected.set(Some(path));
            dirty.set(false);
            problem.set(None);
        })
    };
    let save = {
        let (selected, text, dirty, onsave) = (selected.clone(), text.clone(), dirty.clone(), props.onsave.clone());
        Callback::from(move |_: ()| {
            if let Some(path) = (*selected).clone() {
                onsave.emit((path, (*text).clone()));
                dirty.set(false);
            }
        })
    };
    let oninput = {
        let (text, dirty) = (text.clone(), dirty.clone());
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
            dirty.set(true);
        })
    };
    let onkeydown = {
        let save = save.clone();
        Callback::from(move |e: KeyboardEvent| {
            if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("s") {
                e.prevent_default();
                save.emit(());
            }
        })
    };
    let onscroll = {
        let overlay = overlay.clone();
        Callback::from(move |e: Event| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            if let Some(pre) = overlay.cast::<web_sys::Element>() {
                pre.set_scroll_top(area.scroll_top());
                pre.set_scroll_left(area.scroll_left());
            }
        })
    };
    let onname = {
        let new_name = new_name.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            new_name.set(input.value());
        })
    };
    let create = {
        let (new_name, problem, open, onsave, files) = (new_name.clone(), problem.clone(), open.clone(), props.onsave.clone(), files.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = new_name.trim().trim_start_matches("./").to_string();
            if !valid_path(&name) {
                problem.set(Some("Nome de arquivo inválido: use letras, números, ., -, _ e / para pastas.".into()));
                return;
            }
            if !files.contains(&name) {
                onsave.emit((name.clone(), String::new()));
            }
            new_name.set(String::new());
            open.emit(name);
        })
    };

    let status = match (&props.last_save, &*selected) {
        _ if *dirty => Some((labels::FILE_UNSAVED.to_string(), "unsaved")),
        (Some((path, Ok(()))), Some(sel)) if path == sel => Some((labels::FILE_SAVED.to_string(), "saved")),
        (Some((path, Err(e))), Some(sel)) if path == sel => Some((e.clone(), "error")),
        _ => None,
    };
    html! {
        <section class="pane files" aria-label={labels::FILES_PANE}>
            <h2 class="pane-title">{ labels::FILES_PANE }</h2>
            <ul class="file-list" aria-label={labels::FILES_LIST}>
                if files.is_empty() {
                    <li class="file-empty">{ labels::FILES_EMPTY }</li>
                }
                { for files.iter().map(|f| {
                    let current = selected.as_deref() == Some(f.as_str());
                    let open = open.clone();
                    let path = f.clone();
                    html! {
                        <li>
                            <button type="button" class={classes!("file-item", current.then_some("on"))}
                                aria-current={current.then_some("true")}
                                onclick={Callback::from(move |_: MouseEvent| open.emit(path.clone()))}>{ f.clone() }</button>
                        </li>
                    }
                }) }
            </ul>
            <form class="file-new" onsubmit={create}>
                <input class="file-name" type="text" aria-label={labels::FILE_NEW} placeholder={labels::FILE_NEW_PLACEHOLDER}
                    value={(*new_name).clone()} oninput={onname} spellcheck="false" autocomplete="off" />
                <button type="submit" class="btn">{ labels::FILE_CREATE }</button>
            </form>
            if let Some(p) = &*problem {
                <p class="file-status error" role="alert">{ p.clone() }</p>
            }
            if let Some(path) = (*selected).clone() {
                <div class="file-head">
                    <span class="file-path">{ format!("~/{path}") }</span>
                    <button type="button" class="btn" title={labels::FILE_SAVE_TITLE}
                        onclick={save.reform(|_: MouseEvent| ())}>{ labels::FILE_SAVE }</button>
                </div>
                <div class="editor">
                    <pre class="editor-hl" aria-hidden="true" ref={overlay}>{ highlighted(&path, &text) }</pre>
                    <textarea class="editor-input" aria-label={labels::FILE_CONTENT} spellcheck="false" autocomplete="off"
                        wrap="off" value={(*text).clone()} {oninput} {onkeydown} {onscroll} />
                </div>
                if let Some((msg, kind)) = status {
                    <p class={classes!("file-status", kind)} role="status">{ msg }</p>
                }
            } else {
                <p class="file-none">{ labels::FILE_NONE }</p>
            }
        </section>
    }
}
