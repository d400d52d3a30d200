//! A Go `text/template` for `--format`: the subset docker users write (fields, methods
//! with arguments, `if`/`range`/`with`, variables, pipes, Go's builtins and docker's
//! functions), with Go's output and error texts.
//!
//! Invariant: parsing and executing are pure and bounded; errors are values.

mod exec;
mod funcs;
mod gofmt;
mod lex;
mod parse;
mod value;

pub use exec::Options;
pub use funcs::json_compact;
pub use gofmt::{sprint, sprintf, sprintln};
pub use value::{MethodFn, Record, Value, go_float};

/// A parsed template.
#[derive(Clone, Debug)]
pub struct Template {
    name: String,
    src: String,
    nodes: Vec<parse::Node>,
}

impl Template {
    /// `template.New("").Funcs(docker's).Parse(src)`; errors read
    /// `template: :1: function "foo" not defined`.
    pub fn parse(src: &str) -> Result<Template, String> {
        Template::parse_named("", src)
    }

    /// A named template (`docker version` names its template "version", which shows in
    /// errors: `template: version:1:2: executing "version" at …`).
    pub fn parse_named(name: &str, src: &str) -> Result<Template, String> {
        let err = |(msg, pos): (String, usize)| {
            format!("template: {name}:{}: {msg}", lex::line_of(src, pos))
        };
        let items = lex::lex(src).map_err(err)?;
        let nodes = parse::parse(src, items).map_err(err)?;
        Ok(Template {
            name: name.to_string(),
            src: src.to_string(),
            nodes,
        })
    }

    /// Executes against `data`.
    pub fn execute(&self, data: &Value) -> Result<String, String> {
        self.execute_with(data, Options::default())
    }

    pub fn execute_with(&self, data: &Value, opts: Options) -> Result<String, String> {
        if opts == Options::default()
            && let Some(out) = self.execute_plain(data)
        {
            return Ok(out);
        }
        exec::Exec::new(&self.name, &self.src, data.clone(), opts).run(&self.nodes, data)
    }

    /// The short way for the common table row: a template of text and `{{.Field}}` actions
    /// over a record whose fields (or argument-less methods) all answer. `None` whenever
    /// anything else is involved: the full executor then gives the same output (or the error).
    fn execute_plain(&self, data: &Value) -> Option<String> {
        let Value::Object(record) = data else { return None };
        let mut out = String::new();
        for node in &self.nodes {
            match node {
                parse::Node::Text(t) => out.push_str(t),
                parse::Node::Action(pipe) if pipe.vars.is_empty() && pipe.cmds.len() == 1 && pipe.cmds[0].args.len() == 1 => {
                    let parse::Arg::Field(names) = &pipe.cmds[0].args[0].arg else { return None };
                    let [name] = names.as_slice() else { return None };
                    let v = match record.lookup(name)? {
                        Ok(v) => v,
                        Err(0) => record.call(name, &[]).ok()?,
                        Err(_) => return None,
                    };
                    out.push_str(&v.sprint());
                }
                _ => return None,
            }
        }
        Some(out)
    }

    /// Executes and keeps what was written before an error (as Go's writer does).
    pub fn execute_partial(&self, data: &Value, opts: Options) -> (String, Option<String>) {
        exec::Exec::new(&self.name, &self.src, data.clone(), opts).run_partial(&self.nodes, data)
    }
}

#[cfg(test)]
mod tests;
