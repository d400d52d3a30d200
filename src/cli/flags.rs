//! The flags of a parsed command line with typed accessors, the way handlers read them in
//! docker/cli (`flags.Changed("size")`, `options.all`, …). Unset flags answer their
//! default.
//!
//! Invariant: stored values were accepted by [`super::values::set`], so accessors only
//! fall back to zero values for names the command does not define (a handler bug, caught
//! by `debug_assert!`).

use std::collections::{BTreeMap, BTreeSet};

use super::gostr::{parse_bool, parse_duration, parse_float, parse_int};
use super::spec::{FlagSpec, Kind};
use super::units::ram_in_bytes;
use super::values::{Stored, parse_cpus};

/// Flags of one command after parsing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedFlags {
    specs: Vec<&'static FlagSpec>,
    /// `specs` sorted by name, the first definition of a name only (`run` has about a
    /// hundred flags, read one by one: a binary search, built with one allocation).
    by_name: Vec<&'static FlagSpec>,
    /// Values by storage key (a flag's name, or the flag it shares).
    values: BTreeMap<&'static str, Vec<String>>,
    /// Flags given on the command line, by name.
    changed: BTreeSet<&'static str>,
    /// Names in the order they were first set.
    order: Vec<&'static str>,
}

impl ParsedFlags {
    pub fn new(specs: Vec<&'static FlagSpec>) -> ParsedFlags {
        let mut by_name = specs.clone();
        // stable: among equal names the first definition stays first and wins, as with a
        // linear search
        by_name.sort_by_key(|f| f.name);
        by_name.dedup_by_key(|f| f.name);
        ParsedFlags { specs, by_name, ..ParsedFlags::default() }
    }

    pub fn spec(&self, name: &str) -> Option<&'static FlagSpec> {
        self.by_name.binary_search_by(|f| f.name.cmp(name)).ok().map(|i| self.by_name[i])
    }

    pub fn specs(&self) -> &[&'static FlagSpec] {
        &self.specs
    }

    /// Records one accepted `Set`.
    pub(crate) fn store(&mut self, flag: &'static FlagSpec, stored: Stored) {
        let slot = self.values.entry(flag.key()).or_default();
        match stored {
            Stored::Replace(v) => *slot = vec![v],
            Stored::Append(vs) => slot.extend(vs),
        }
        if self.changed.insert(flag.name) {
            self.order.push(flag.name);
        }
    }

    /// The flag was given on the command line (`flags.Changed`).
    pub fn changed(&self, name: &str) -> bool {
        debug_assert!(
            self.spec(name).is_some(),
            "flag --{name} is not defined here"
        );
        self.changed.contains(name)
    }

    /// Names of the flags given, in the order first seen.
    pub fn changed_names(&self) -> &[&'static str] {
        &self.order
    }

    fn raw(&self, name: &str) -> Option<&str> {
        let spec = self.spec(name);
        debug_assert!(spec.is_some(), "flag --{name} is not defined here");
        let spec = spec?;
        match self.values.get(spec.key()).and_then(|v| v.last()) {
            Some(v) => Some(v.as_str()),
            None => Some(spec.default_text()),
        }
    }

    pub fn bool(&self, name: &str) -> bool {
        self.raw(name)
            .and_then(|v| parse_bool(v).ok())
            .unwrap_or(false)
    }

    /// A string flag's value (or its default).
    pub fn string(&self, name: &str) -> String {
        self.raw(name).unwrap_or("").to_string()
    }

    /// An integer flag (int, int64, uint…, and bytes flags, which store bytes).
    pub fn int(&self, name: &str) -> i64 {
        let Some(raw) = self.raw(name) else { return 0 };
        match self.spec(name).map(|s| s.kind) {
            Some(Kind::Bytes | Kind::MemSwap) if !self.stored(name) => {
                ram_in_bytes(raw).unwrap_or(0)
            }
            Some(Kind::NanoCpus) if !self.stored(name) => parse_cpus(raw).unwrap_or(0),
            _ => raw
                .parse::<i64>()
                .or_else(|_| parse_int(raw, 64))
                .unwrap_or(0),
        }
    }

    /// A uint64 flag.
    pub fn uint(&self, name: &str) -> u64 {
        self.raw(name).and_then(|v| v.parse().ok()).unwrap_or(0)
    }

    pub fn float(&self, name: &str) -> f64 {
        self.raw(name)
            .and_then(|v| parse_float(v).ok())
            .unwrap_or(0.0)
    }

    /// A duration flag, in nanoseconds (may be negative: docker checks later).
    pub fn duration_nanos(&self, name: &str) -> i64 {
        let Some(raw) = self.raw(name) else { return 0 };
        if self.stored(name) {
            raw.parse().unwrap_or(0)
        } else {
            parse_duration(raw).unwrap_or(0)
        }
    }

    /// A bytes flag (`--memory 512m` → 536870912); `-1` for an unlimited memory swap.
    pub fn bytes(&self, name: &str) -> i64 {
        self.int(name)
    }

    /// A `decimal` flag (`--cpus 1.5`) in nano-CPUs.
    pub fn nano_cpus(&self, name: &str) -> i64 {
        self.int(name)
    }

    fn stored(&self, name: &str) -> bool {
        self.spec(name)
            .is_some_and(|s| self.values.contains_key(s.key()))
    }

    /// All values of a repeatable flag (lists, mounts, ports, stringSlice…), in order.
    pub fn strings(&self, name: &str) -> Vec<String> {
        let Some(spec) = self.spec(name) else {
            debug_assert!(false, "flag --{name} is not defined here");
            return Vec::new();
        };
        self.values.get(spec.key()).cloned().unwrap_or_default()
    }

    /// A map flag (`--sysctl`, `-o`) or `key=value` list, later keys win.
    pub fn map(&self, name: &str) -> BTreeMap<String, String> {
        self.strings(name)
            .into_iter()
            .map(|kv| match kv.split_once('=') {
                Some((k, v)) => (k.to_string(), v.to_string()),
                None => (kv, String::new()),
            })
            .collect()
    }

    /// A `--filter` flag as (name, value) pairs (names lowercased and trimmed, as docker does).
    pub fn filters(&self, name: &str) -> Vec<(String, String)> {
        self.strings(name)
            .into_iter()
            .filter_map(|kv| {
                kv.split_once('=')
                    .map(|(k, v)| (k.to_string(), v.to_string()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::spec::f;

    static FLAGS: [FlagSpec; 4] = [
        f("all", "a", Kind::Bool, ""),
        f("last", "n", Kind::Int, "").def("-1"),
        f("memory", "m", Kind::Bytes, ""),
        f("env", "e", Kind::List(crate::cli::spec::Check::None), ""),
    ];

    #[test]
    fn defaults_and_values() {
        let mut p = ParsedFlags::new(FLAGS.iter().collect());
        assert!(!p.bool("all"));
        assert_eq!(p.int("last"), -1);
        assert_eq!(p.bytes("memory"), 0);
        p.store(&FLAGS[1], Stored::Replace("3".into()));
        p.store(&FLAGS[2], Stored::Replace("536870912".into()));
        p.store(&FLAGS[3], Stored::Append(vec!["A=1".into()]));
        p.store(&FLAGS[3], Stored::Append(vec!["B".into()]));
        assert_eq!(p.int("last"), 3);
        assert_eq!(p.bytes("memory"), 536_870_912);
        assert_eq!(p.strings("env"), vec!["A=1", "B"]);
        assert!(p.changed("env") && !p.changed("all"));
        assert_eq!(p.changed_names(), ["last", "memory", "env"]);
    }
}
