//! docker/cli's `inspect.Inspect`: what `docker inspect`, `docker image inspect`,
//! `docker container inspect` … print for the objects found, with or without `--format`.
//!
//! Without a format: the raw documents as an indented JSON array (`[]` when none was
//! found). With `json`: the compact array. With a template: each document's line, the
//! template run first on the Go-typed view ([`super::typed`]) and, if that fails, on the
//! raw JSON with `missingkey=error`; when no line was produced a single empty line. The
//! lookup errors (and template errors) follow on stderr, one per line, exit status 1; a
//! template that does not parse fails first with status 64.
//!
//! Invariant: rendering does no API call; the handler fetches every object first.

use serde_json::Value as Json;

use super::json::{inspect_compact, inspect_list};
use super::template::{Options, Template, Value};
use super::typed::Schema;
use crate::cli::output::Output;

/// A parsed `--format` of an inspect command.
pub enum InspectFormat {
    Indented,
    Json,
    Template(Box<Template>),
}

/// `NewTemplateInspectorFromString`: `Err` is the message for exit status 64.
pub fn parse(format: &str) -> Result<InspectFormat, String> {
    match format {
        "" => Ok(InspectFormat::Indented),
        "json" => Ok(InspectFormat::Json),
        _ => {
            Template::parse(format)
                .map(|t| InspectFormat::Template(Box::new(t)))
                .map_err(|e| format!("template parsing error: {e}"))
        }
    }
}

/// One lookup: the document found (with its Go type), or the error as the client prints it.
pub type Found = Result<(Json, &'static Schema), String>;

/// Prints the found objects and the errors; `out.exit` is 1 when anything failed.
pub fn render(format: &InspectFormat, found: &[Found], out: &mut Output) {
    let mut errors: Vec<String> = Vec::new();
    let docs: Vec<&(Json, &'static Schema)> = found
        .iter()
        .filter_map(|f| match f {
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(e.clone());
                None
            }
        })
        .collect();
    match format {
        InspectFormat::Indented | InspectFormat::Json => {
            let values: Vec<&Json> = docs.iter().map(|(d, _)| d).collect();
            let text = match format {
                InspectFormat::Indented => inspect_list(&values),
                _ => inspect_compact(&values),
            };
            out.out(&text);
        }
        InspectFormat::Template(tmpl) => {
            let mut buffer = String::new();
            // Errors of template runs come in lookup order with the lookup errors.
            let mut ordered: Vec<String> = Vec::new();
            for f in found {
                match f {
                    Ok((doc, schema)) => match execute(tmpl, doc, schema) {
                        Ok(text) => {
                            buffer.push_str(&text);
                            buffer.push('\n');
                        }
                        Err(e) => ordered.push(e),
                    },
                    Err(e) => ordered.push(e.clone()),
                }
            }
            errors = ordered;
            if buffer.is_empty() {
                buffer.push('\n');
            }
            out.out(&buffer);
        }
    }
    if !errors.is_empty() {
        out.err(&format!("{}\n", errors.join("\n")));
        out.exit = 1;
    }
}

/// `TemplateInspector.Inspect` for one document.
pub fn execute(tmpl: &Template, doc: &Json, schema: &Schema) -> Result<String, String> {
    if let Ok(text) = tmpl.execute(&schema.view(doc)) {
        return Ok(text);
    }
    let raw = Value::from_json(doc);
    tmpl.execute_with(&raw, Options { missing_key_error: true, ..Options::default() })
        .map_err(|e| format!("template parsing error: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::format::typed::IMAGE;
    use serde_json::json;

    fn doc() -> Json {
        json!({"Id": "sha256:abc", "RepoTags": ["alpine:latest"], "Config": {"Cmd": ["/bin/sh"]}, "Os": "linux"})
    }

    #[test]
    fn formats() {
        let mut out = Output::default();
        render(&parse("").unwrap(), &[Ok((doc(), &IMAGE))], &mut out);
        assert!(out.stdout().starts_with("[\n    {\n        \"Id\": \"sha256:abc\","));
        let mut out = Output::default();
        render(&parse("{{.Os}} {{.Config.Cmd}}").unwrap(), &[Ok((doc(), &IMAGE)), Err("Error: No such object: x".into())], &mut out);
        assert_eq!((out.stdout(), out.stderr(), out.exit), ("linux [/bin/sh]\n".into(), "Error: No such object: x\n".into(), 1));
        let mut out = Output::default();
        render(&parse("{{.Nope}}").unwrap(), &[Ok((doc(), &IMAGE))], &mut out);
        assert_eq!(out.stdout(), "\n");
        assert_eq!(
            out.stderr(),
            "template parsing error: template: :1:2: executing \"\" at <.Nope>: map has no entry for key \"Nope\"\n"
        );
        let mut out = Output::default();
        render(&parse("").unwrap(), &[Err("Error response from daemon: No such image: nope:latest".into())], &mut out);
        assert_eq!((out.stdout(), out.exit), ("[]\n".into(), 1));
        assert_eq!(parse("{{").err().unwrap(), "template parsing error: template: :1: unclosed action");
    }
}
