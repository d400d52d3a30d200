//! The first stage (`www/index.html`) draws the app's frame before the simulator loads: it
//! must say what the app says (same prompt, same colours, same pt-BR labels), or the page
//! would change under the learner's eyes when the app takes over.

use doca::Session;
use doca::view::terminal_model::prompt_spans;

fn page() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/index.html")).unwrap()
}

/// `pub const NAME: &str = "value";` lines of the app's label file.
fn label(name: &str) -> String {
    let labels = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui/labels.rs")).unwrap();
    let prefix = format!("pub const {name}: &str = \"");
    let line = labels.lines().find(|l| l.starts_with(&prefix)).unwrap_or_else(|| panic!("no label {name}"));
    line[prefix.len()..].trim_end_matches("\";").to_string()
}

#[test]
fn the_first_stage_prompt_is_the_sessions_in_the_same_colours() {
    let prompt = Session::new().prompt();
    let html: String = prompt_spans(&prompt)
        .into_iter()
        .map(|(text, style)| {
            let classes = style.classes();
            if classes.is_empty() { format!("<span>{text}</span>") } else { format!("<span class=\"{classes}\">{text}</span>") }
        })
        .collect();
    let expected = format!("<span class=\"before\">{html}</span>");
    assert!(page().contains(&expected), "www/index.html should draw the prompt as {expected}");
}

#[test]
fn the_first_stage_uses_the_apps_labels() {
    let page = page();
    for name in ["PRODUCT", "SUBTITLE", "LESSONS", "RESET", "DIAGRAM"] {
        let text = label(name);
        assert!(page.contains(&format!(">{text}<")), "www/index.html lacks the text {text:?} ({name})");
    }
    for name in ["TERMINAL", "TERMINAL_INPUT", "TERMINAL_OUTPUT", "KEYS", "KEY_UP", "KEY_DOWN", "KEY_CTRL_C"] {
        let text = label(name);
        assert!(page.contains(&format!("aria-label=\"{text}\"")), "www/index.html lacks the name {text:?} ({name})");
    }
}

#[test]
fn the_first_stage_has_the_apps_structure() {
    let page = page();
    for class in ["class=\"app boot\"", "class=\"top\"", "class=\"panes\"", "class=\"pane terminal\"", "class=\"screen\"", "class=\"scrollback\"", "class=\"line prompt-line\"", "class=\"input\"", "class=\"pane architecture\""] {
        assert!(page.contains(class), "www/index.html lacks {class}");
    }
    assert!(page.contains("window.__docaBoot"), "the handoff the app reads (src/ui/boot.rs)");
}
