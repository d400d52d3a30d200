//! Image checks (references, provenance, layers, history, config) and comparisons of two
//! images' layers, the way the build cache shows: a layer reused from the other image was
//! not rebuilt.
//!
//! Invariant: reads only; layers are compared by diff ID (content), as the daemon shares them.

use std::collections::BTreeSet;

use super::eval::{Tally, container_id, eq, resolve, text, texts};
use super::spec::Key;
use super::{Check, Cond, Value};
use crate::engine::model::daemon::Daemon;
use crate::engine::model::image::Image;

pub(super) fn images(check: &Check, d: &Daemon) -> Tally {
    let mut t = Tally::default();
    for img in d.images.values() {
        t.add(check, check.conds.iter().map(|cond| Some(answer(img, d, cond))));
    }
    t
}

fn answer(img: &Image, d: &Daemon, cond: &Cond) -> bool {
    let op = cond.op;
    match (&cond.key, &cond.value) {
        (Key::Ref, Value::Ref(full)) => eq(op, d.references.get(full) == Some(&img.id)),
        (Key::SameAs, Value::Ref(full)) => eq(op, resolve(d, full).as_ref() == Some(&img.id)),
        (Key::FromContainer, Value::Text(name)) => {
            let from = !img.container.is_empty() && container_id(d, name).is_some_and(|id| id == img.container);
            match op {
                super::Op::Ne => !from,
                _ => from,
            }
        }
        (Key::BuiltFrom, Value::Ref(full)) => {
            let built = resolve(d, full).and_then(|id| d.images.get(&id)).is_some_and(|base| {
                base.id != img.id && img.layers.len() >= base.layers.len() && img.layers.starts_with(&base.layers)
            });
            eq(op, built)
        }
        (Key::Layers, Value::Number(n)) => op.numbers(img.layers.len() as u64, *n),
        (Key::History, Value::Text(w)) => texts(op, img.history.iter().map(|h| h.created_by.as_str()), w),
        (Key::Env, Value::Text(w)) => texts(op, img.config.env.iter().map(String::as_str), w),
        (Key::Cmd, Value::Text(w)) => text(op, &img.config.cmd.as_ref().map(|c| c.join(" ")).unwrap_or_default(), w),
        (Key::Exposes, Value::Port(p)) => {
            let want = format!("{}/{}", p.container.unwrap_or(0), p.proto);
            img.config.exposed_ports.contains(&want)
        }
        (Key::Workdir, Value::Text(w)) => text(op, &img.config.working_dir, w),
        (Key::Label, Value::Text(w)) => {
            let labels: Vec<String> = img.config.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
            texts(op, labels.iter().map(String::as_str), w)
        }
        _ => false,
    }
}

/// `compare image=A with=B …`: one object (the pair) when both images exist, none otherwise.
pub(super) fn compare(check: &Check, d: &Daemon) -> Tally {
    let find = |key: Key| {
        check.conds.iter().find_map(|c| match (&c.key, &c.value) {
            (k, Value::Ref(full)) if *k == key => resolve(d, full).and_then(|id| d.images.get(&id)),
            _ => None,
        })
    };
    let mut t = Tally::default();
    let (Some(a), Some(b)) = (find(Key::Image), find(Key::With)) else {
        return t;
    };
    let theirs: BTreeSet<&String> = b.layers.iter().collect();
    let shared = a.layers.iter().filter(|l| theirs.contains(l)).count() as u64;
    let new = a.layers.len() as u64 - shared;
    let answers = check.conds.iter().map(|c| {
        Some(match (&c.key, &c.value) {
            (Key::NewLayers, Value::Number(n)) => c.op.numbers(new, *n),
            (Key::SharedLayers, Value::Number(n)) => c.op.numbers(shared, *n),
            (Key::Image | Key::With, _) => true,
            _ => false,
        })
    });
    t.add(check, answers);
    t
}
