//! The native twin's build contexts: a real directory read into a tree (files as bytes,
//! directories, symbolic links), for `docker build PATH` run from a real working directory.
//!
//! Invariant: bounded: at most [`MAX_ENTRIES`] entries and [`MAX_BYTES`] bytes are read;
//! WebAssembly builds never read anything.

#[cfg(not(target_arch = "wasm32"))]
use crate::engine::clock::Time;
use crate::unix::fs::Layer;
#[cfg(not(target_arch = "wasm32"))]
use crate::unix::fs::{Data, Entry, Meta, Node};

#[cfg(not(target_arch = "wasm32"))]
const MAX_ENTRIES: usize = 20_000;
#[cfg(not(target_arch = "wasm32"))]
const MAX_BYTES: u64 = 64 << 20;

/// Reads the directory `dir` as a tree rooted at `/`; `not found` when it is not a directory.
pub fn read(dir: &std::path::Path) -> Result<Layer, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = dir;
        Err("not found".into())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        if !dir.is_dir() {
            return Err("not found".into());
        }
        let mut out = Layer::new();
        let mut budget = (MAX_ENTRIES, MAX_BYTES);
        walk(dir, "", &mut out, &mut budget);
        Ok(out)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn mode_of(md: &std::fs::Metadata) -> u32 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        md.permissions().mode() & 0o7777
    }
    #[cfg(not(unix))]
    {
        if md.is_dir() { 0o755 } else { 0o644 }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn walk(dir: &std::path::Path, rel: &str, out: &mut Layer, budget: &mut (usize, u64)) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut names: Vec<_> = rd.filter_map(|e| e.ok()).collect();
    names.sort_by_key(|e| e.file_name());
    for e in names {
        if budget.0 == 0 {
            return;
        }
        budget.0 -= 1;
        let name = e.file_name().to_string_lossy().into_owned();
        let path = format!("{rel}/{name}");
        let Ok(md) = std::fs::symlink_metadata(e.path()) else { continue };
        let meta = Meta { mode: mode_of(&md), uid: 0, gid: 0, mtime: Time::START };
        if md.file_type().is_symlink() {
            let target = std::fs::read_link(e.path()).map(|t| t.to_string_lossy().into_owned()).unwrap_or_default();
            out.put(&path, Entry::Node(Node::Symlink { meta, target }));
        } else if md.is_dir() {
            out.put(&path, Entry::Node(Node::Dir { meta }));
            walk(&e.path(), &path, out, budget);
        } else if md.len() <= budget.1 {
            budget.1 -= md.len();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            out.put(&path, Entry::Node(Node::File { meta, data: Data::Bytes(bytes) }));
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn reads_a_real_directory() {
        let dir = std::env::temp_dir().join(format!("doca-real-tree-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("Dockerfile"), "FROM alpine\n").unwrap();
        std::fs::write(dir.join("sub/a.txt"), "a").unwrap();
        let t = read(&dir).unwrap();
        assert!(t.get("/Dockerfile").is_some() && t.get("/sub/a.txt").is_some());
        assert!(read(&dir.join("nope")).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
