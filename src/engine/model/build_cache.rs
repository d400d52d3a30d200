//! BuildKit's cache on one daemon: the step results a rebuild reuses, the base images
//! BuildKit pulled for builds, and the records `docker builder prune` and `docker system df`
//! list. Base images a build pulls are not images of the store (`docker images` does not
//! list them); their layers, and the layers of every step, stay on disk while a record
//! holds them, even after `docker rmi` of the built image.
//!
//! Invariant: every step result and every pulled base has a record; a layer a record
//! holds (`chains`) is in the daemon's layer store.

use std::collections::{BTreeMap, BTreeSet};

use super::image::Image;
use crate::engine::build::solver::CacheRecord;
use crate::engine::clock::Time;

/// What a cache record is, in `docker system df -v`'s words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    /// A snapshot: a base image's layers or a step's layer.
    Regular,
    /// Files the client sent (Dockerfile, `.dockerignore`, context), kept per directory
    /// so the next build only sends what changed. Mutable: `builder prune` marks them `*`.
    SourceLocal,
}

/// One entry of the cache, as `docker builder prune` prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildRecord {
    /// 25 lowercase base-36 characters, like BuildKit's.
    pub id: String,
    pub kind: RecordKind,
    pub size: u64,
    pub created: Time,
    pub last_used: Time,
    /// How many builds used it.
    pub usage: u32,
    /// What it caches: a step's cache key, a base's reference or a source's `dir\0name`.
    pub key: String,
    /// The layers it keeps on disk (chain IDs), once known.
    pub chains: Vec<String>,
}

impl BuildRecord {
    /// Mutable records (BuildKit's uncommitted ones): what a client sent, and step results
    /// no exported image took. `docker builder prune` marks them with `*`.
    pub fn mutable(&self) -> bool {
        self.kind == RecordKind::SourceLocal || self.chains.is_empty()
    }
}

/// A base image BuildKit pulled: its manifest digest in that repository and its config.
#[derive(Clone, Debug)]
pub struct BuildBase {
    pub digest: String,
    pub image: Image,
}

#[derive(Clone, Debug, Default)]
pub struct BuildCache {
    /// Step cache key → the step's result.
    pub steps: BTreeMap<String, CacheRecord>,
    /// Full reference (`docker.io/library/alpine:latest`) → the base pulled for it.
    pub bases: BTreeMap<String, BuildBase>,
    pub records: Vec<BuildRecord>,
}

impl BuildCache {
    /// The layers the cache keeps on disk.
    pub fn held_chains(&self) -> BTreeSet<String> {
        self.records.iter().flat_map(|r| r.chains.iter().cloned()).collect()
    }

    pub fn record_mut(&mut self, key: &str) -> Option<&mut BuildRecord> {
        self.records.iter_mut().find(|r| r.key == key)
    }

    /// Marks a record used now, or adds it (its ID from `fresh_id`).
    pub fn touch(&mut self, key: &str, kind: RecordKind, size: u64, now: Time, fresh_id: impl FnOnce() -> String) -> &mut BuildRecord {
        match self.records.iter().position(|r| r.key == key) {
            Some(i) => {
                let r = &mut self.records[i];
                r.last_used = now;
                r.usage += 1;
                r.size = size;
                r
            }
            None => {
                self.records.push(BuildRecord { id: fresh_id(), kind, size, created: now, last_used: now, usage: 1, key: key.to_string(), chains: Vec::new() });
                let last = self.records.len() - 1;
                &mut self.records[last]
            }
        }
    }

    /// Removes the records `drop` selects, with the step results and bases they cached;
    /// returns them in the order they were created.
    pub fn remove(&mut self, drop: impl Fn(&BuildRecord) -> bool) -> Vec<BuildRecord> {
        let (gone, kept): (Vec<BuildRecord>, Vec<BuildRecord>) = std::mem::take(&mut self.records).into_iter().partition(|r| drop(r));
        self.records = kept;
        for r in &gone {
            self.steps.remove(&r.key);
            self.bases.remove(&r.key);
        }
        gone
    }
}

/// A BuildKit record ID from 64 hex digits: 25 characters of `[a-z0-9]`.
pub fn record_id(hex: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    hex.as_bytes()
        .chunks(2)
        .take(25)
        .map(|pair| {
            let v = pair.iter().fold(0u32, |acc, c| acc * 16 + char::from(*c).to_digit(16).unwrap_or(0));
            char::from(ALPHABET[(v % 36) as usize])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_ids_look_like_buildkits() {
        let id = record_id(&"9f".repeat(32));
        assert_eq!(id.len(), 25);
        assert!(id.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
    }

    #[test]
    fn removing_a_record_forgets_what_it_cached() {
        let mut c = BuildCache::default();
        c.steps.insert("k".into(), CacheRecord { layer: None, created: Time(0) });
        c.touch("k", RecordKind::Regular, 3, Time(0), || "a".repeat(25)).chains.push("sha256:1".into());
        c.touch("src", RecordKind::SourceLocal, 6, Time(0), || "b".repeat(25));
        assert_eq!(c.held_chains().len(), 1);
        let gone = c.remove(|r| r.kind == RecordKind::Regular);
        assert_eq!(gone.len(), 1);
        assert!(c.steps.is_empty() && c.held_chains().is_empty() && c.records.len() == 1);
    }
}
