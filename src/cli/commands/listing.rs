//! What `docker volume` and `docker network` share: `--label`/`--opt` values as a map, the
//! `ls` output (`-q`, `--format`, the default table), and `inspect` of each name through the
//! shared inspect printer.
//!
//! Invariant: pure formatting; the caller fetched everything from the Engine API.

use std::collections::BTreeMap;

use crate::cli::format::context;
use crate::cli::format::inspect::{self, Found};
use crate::cli::format::tables::Table;
use crate::cli::format::template::Value;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;

/// `key=value` flag values as a map; a bare key has an empty value.
pub fn key_values(values: Vec<String>) -> BTreeMap<String, String> {
    values
        .into_iter()
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (kv, String::new()),
        })
        .collect()
}

/// An `ls`: `-q` prints `quiet_format`, no `--format` (or `table`) the command's table.
pub fn list_output(inv: &Invocation, quiet_format: &str, table: &Table, rows: &[Value]) -> Output {
    let f = &inv.flags;
    let format = match f.string("format") {
        _ if f.bool("quiet") => quiet_format.to_string(),
        s if s.is_empty() || s == "table" => table.format.to_string(),
        s => s,
    };
    let mut out = Output::default();
    match context::write(&format, &table.header(), rows) {
        Ok(text) => {
            out.out(&text);
            out
        }
        Err(e) => out.fail(&e, 1),
    }
}

/// An `inspect` of every name given, each looked up by `lookup`.
pub fn inspect_each(inv: &Invocation, mut lookup: impl FnMut(&str) -> Found) -> Output {
    let mut out = Output::default();
    let format = match inspect::parse(&inv.flags.string("format")) {
        Ok(f) => f,
        Err(e) => return out.fail(&e, 64),
    };
    let found: Vec<Found> = inv.args.iter().map(|name| lookup(name)).collect();
    inspect::render(&format, &found, &mut out);
    out
}
