//! docker/cli's `formatter.Context.Write`: turns a `--format` value (`table …`, `json`,
//! or a template) plus rows into output, with the header row rendered from the
//! field→header map and columns aligned by the tabwriter.
//!
//! Invariant: errors carry docker's wording (`template parsing error: …`); nothing is
//! printed on error.

use super::tabwriter::TabWriter;
use super::template::{Options, Template, Value};

/// Go's `strings.Trim(s, " ")` then docker's `\t`/`\n` escape replacement.
fn prepare(format: &str) -> (bool, String) {
    let table = format.starts_with("table");
    let body = if table {
        &format[5..]
    } else if format == "json" {
        "{{json .}}"
    } else {
        format
    };
    (
        table,
        body.trim_matches(' ')
            .replace("\\t", "\t")
            .replace("\\n", "\n"),
    )
}

/// Parses a `--format` value the way the formatter does.
pub fn parse_format(format: &str) -> Result<Template, String> {
    let (_, body) = prepare(format);
    Template::parse(&body).map_err(|e| format!("template parsing error: {e}"))
}

/// Renders `rows` with `format`; `header` (a [`super::template::Record::header`]) names
/// the columns of a `table` format.
pub fn write(format: &str, header: &Value, rows: &[Value]) -> Result<String, String> {
    let (table, body) = prepare(format);
    let tmpl = Template::parse(&body).map_err(|e| format!("template parsing error: {e}"))?;
    let mut buffer = String::new();
    for row in rows {
        let text = tmpl
            .execute(row)
            .map_err(|e| format!("template parsing error: {e}"))?;
        buffer.push_str(&text);
        buffer.push('\n');
    }
    if !table {
        return Ok(buffer);
    }
    Ok(table_with_header(&tmpl, header, &buffer))
}

/// The fields of a `table` format made only of `{{.Field}}` columns separated by tabs
/// (docker's default tables), in order: rows of such a format can be rendered without the
/// template engine, then laid out by [`write_rendered`], with the same output as [`write`].
pub fn plain_columns(format: &str) -> Option<Vec<&str>> {
    let body = format.strip_prefix("table ")?;
    body.split('\t')
        .map(|c| c.strip_prefix("{{.")?.strip_suffix("}}").filter(|f| f.bytes().all(|b| b.is_ascii_alphanumeric())))
        .collect()
}

/// [`write`] for a table format whose rows are already rendered (one line each, cells
/// separated by tabs).
pub fn write_rendered(format: &str, header: &Value, rows: &str) -> Result<String, String> {
    let (_, body) = prepare(format);
    let tmpl = Template::parse(&body).map_err(|e| format!("template parsing error: {e}"))?;
    Ok(table_with_header(&tmpl, header, rows))
}

fn table_with_header(tmpl: &Template, header: &Value, buffer: &str) -> String {
    let (head, _) = tmpl.execute_partial(
        header,
        Options {
            header: true,
            ..Options::default()
        },
    );
    let mut tw = TabWriter::docker_table();
    tw.write(&head);
    tw.write("\n");
    tw.write(buffer);
    tw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::format::template::Record;

    fn header() -> Value {
        Record::header(&[
            ("ID", "CONTAINER ID"),
            ("Image", "IMAGE"),
            ("Names", "NAMES"),
            ("Labels", "LABELS"),
        ])
        .into_value()
    }

    fn row(id: &str, name: &str) -> Value {
        Record::new("*formatter.ContainerContext")
            .field("ID", id)
            .field("Image", "busybox")
            .field("Names", name)
            .method("Label", 1, |_| Ok(Value::str("1")))
            .json(serde_json::json!({"ID": id, "Names": name}))
            .into_value()
    }

    #[test]
    fn table_with_header() {
        let out = write(
            "table {{.ID}}\\t{{.Image}}\\t{{.Names}}",
            &header(),
            &[row("cd1afdfe72bb", "fmt1")],
        )
        .unwrap();
        assert_eq!(
            out,
            "CONTAINER ID   IMAGE     NAMES\ncd1afdfe72bb   busybox   fmt1\n"
        );
        let out = write("table {{.Label \"com.x-y\"}}", &header(), &[row("a", "b")]).unwrap();
        assert_eq!(out, "x y\n1\n");
        let out = write("table {{.ID}}", &header(), &[]).unwrap();
        assert_eq!(out, "CONTAINER ID\n");
    }

    #[test]
    fn raw_and_json() {
        assert_eq!(
            write("{{.Names}}", &header(), &[row("a", "x"), row("b", "y")]).unwrap(),
            "x\ny\n"
        );
        assert_eq!(
            write("json", &header(), &[row("a", "x")]).unwrap(),
            "{\"ID\":\"a\",\"Names\":\"x\"}\n"
        );
        assert_eq!(
            write("{{.Nope}}", &header(), &[row("a", "x")]).unwrap_err(),
            "template parsing error: template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type *formatter.ContainerContext"
        );
        assert_eq!(
            write("{{foo}}", &header(), &[]).unwrap_err(),
            "template parsing error: template: :1: function \"foo\" not defined"
        );
    }
}
