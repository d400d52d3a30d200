//! Flattens a layer's [`FileSpec`] list into one [`Entry`] per path, with mode and owner:
//! `Include`, `Links`, `Exes` and `Tools` are expanded, defaults applied. This is what a
//! layer builder consumes; the catalog's compact forms stay an authoring convenience.
//!
//! Invariant: entries come out in the order of the specs (an `Include` in place), so a later
//! entry for the same path overrides an earlier one, as in a tar stream.

use crate::engine::hub::spec::FileSpec;

/// What a path is, once the compact forms are expanded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Dir,
    /// A regular file with text content.
    Text(&'static str),
    /// An executable simulated by the named program (`"coreutils:ls"`).
    Program(String),
    /// An executable text script.
    Script(&'static str),
    /// A file whose bytes don't matter, with a nominal size.
    Blob(u64),
    /// A symbolic link to the target.
    Link(&'static str),
    /// A whiteout.
    Deleted,
}

/// One path of a layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub kind: Kind,
    /// Permission bits (`0o755`, `0o1777`, `0o644`; `0o777` for links).
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
}

impl Entry {
    fn root(path: String, kind: Kind, mode: u32) -> Entry {
        Entry {
            path,
            kind,
            mode,
            uid: 0,
            gid: 0,
        }
    }
}

/// How deep `Include`s may nest; the catalog uses two levels.
const MAX_INCLUDE_DEPTH: u32 = 8;

/// All entries of `files`, in order.
pub fn expand(files: &'static [FileSpec]) -> Vec<Entry> {
    let mut out = Vec::new();
    push_all(files, 0, &mut out);
    out
}

fn push_all(files: &'static [FileSpec], depth: u32, out: &mut Vec<Entry>) {
    for spec in files {
        match *spec {
            FileSpec::Include(inner) => {
                // A cycle is impossible in `'static` data built from consts, but stay bounded.
                if depth < MAX_INCLUDE_DEPTH {
                    push_all(inner, depth + 1, out);
                }
            }
            ref other => push_one(other, out),
        }
    }
}

fn join(dir: &str, name: &str) -> String {
    format!("{}/{}", dir.trim_end_matches('/'), name)
}

fn push_one(spec: &'static FileSpec, out: &mut Vec<Entry>) {
    use FileSpec::*;
    match *spec {
        Dir(p) => out.push(Entry::root(p.to_string(), Kind::Dir, 0o755)),
        DirMode(p, mode) => out.push(Entry::root(p.to_string(), Kind::Dir, mode)),
        DirOwned(p, uid, gid, mode) => out.push(Entry {
            path: p.to_string(),
            kind: Kind::Dir,
            mode,
            uid,
            gid,
        }),
        File(p, text) => out.push(Entry::root(p.to_string(), Kind::Text(text), 0o644)),
        Exe(p, program) => out.push(Entry::root(
            p.to_string(),
            Kind::Program(program.to_string()),
            0o755,
        )),
        Script(p, text) => out.push(Entry::root(p.to_string(), Kind::Script(text), 0o755)),
        Link(p, target) => out.push(Entry::root(p.to_string(), Kind::Link(target), 0o777)),
        Blob(p, size) => out.push(Entry::root(p.to_string(), Kind::Blob(size), 0o644)),
        Deleted(p) => out.push(Entry::root(p.to_string(), Kind::Deleted, 0)),
        Links(dir, target, names) => out.extend(
            names
                .iter()
                .map(|n| Entry::root(join(dir, n), Kind::Link(target), 0o777)),
        ),
        Exes(dir, program, names) => out.extend(
            names
                .iter()
                .map(|n| Entry::root(join(dir, n), Kind::Program(program.to_string()), 0o755)),
        ),
        Tools(dir, family, names) => out.extend(
            names
                .iter()
                .map(|n| Entry::root(join(dir, n), Kind::Program(format!("{family}:{n}")), 0o755)),
        ),
        Include(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SHARED: &[FileSpec] = &[FileSpec::Dir("/etc")];
    static FILES: &[FileSpec] = &[
        FileSpec::Include(SHARED),
        FileSpec::Tools("/usr/bin", "coreutils", &["ls", "cat"]),
        FileSpec::Links("/bin", "/bin/busybox", &["sh"]),
        FileSpec::DirOwned("/data", 999, 999, 0o755),
    ];

    #[test]
    fn compact_forms_expand_in_order() {
        let e = expand(FILES);
        let paths: Vec<&str> = e.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            ["/etc", "/usr/bin/ls", "/usr/bin/cat", "/bin/sh", "/data"]
        );
        assert_eq!(e[1].kind, Kind::Program("coreutils:ls".to_string()));
        assert_eq!(e[3].kind, Kind::Link("/bin/busybox"));
        assert_eq!((e[4].uid, e[4].gid, e[4].mode), (999, 999, 0o755));
    }
}
