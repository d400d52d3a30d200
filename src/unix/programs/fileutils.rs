//! File tools: `pwd`, `mkdir`, `rmdir`, `touch`, `rm`, `cp`, `mv`, `ln`, with busybox or
//! GNU error texts (`chmod`, `stat`, `which` are in [`super::attrs`]).
//!
//! Invariant: recursive walks (`rm -r`, `cp -r`) are bounded in depth and entries.

use super::applets::{Ctx, getopt};
use crate::unix::fs::{Data, Errno, Kind, Meta, Node, path};

const MAX_WALK: u32 = 100_000;

pub(super) fn err2(c: &mut Ctx, bb: String, gnu: String) {
    let m = if c.gnu() { gnu } else { bb };
    c.fail(&m);
}

pub fn pwd(c: &mut Ctx) -> Option<i32> {
    let cwd = c.io.cwd.to_string();
    let p = c.io.fs().realpath(&cwd).unwrap_or(cwd);
    c.out(&format!("{p}\n"));
    Some(0)
}

pub fn mkdir(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "pv", "m") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let mode = o.value('m').and_then(|m| u32::from_str_radix(m, 8).ok()).unwrap_or(0o755);
    let mut status = 0;
    for d in &o.operands {
        let abs = c.io.abs(d);
        let (cred, now) = (c.io.cred, c.io.now);
        let meta = Meta { mode, uid: cred.uid, gid: cred.gid, mtime: now };
        if o.has('p') {
            let norm = path::normalize("/", &abs);
            let mut cur = String::new();
            for comp in path::components(&norm) {
                cur = format!("{cur}/{comp}");
                match c.io.fs().stat(&cur) {
                    Ok(s) if s.kind == Kind::Dir => continue,
                    Ok(_) => {
                        err2(
                            c,
                            format!("can't create directory '{d}': File exists"),
                            format!("cannot create directory '{d}': File exists"),
                        );
                        status = 1;
                        break;
                    }
                    Err(_) => {
                        if let Err(e) = c.io.fs().create(&cur, Node::Dir { meta }, cred, now) {
                            err2(
                                c,
                                format!("can't create directory '{d}': {}", e.message()),
                                format!("cannot create directory '{d}': {}", e.message()),
                            );
                            status = 1;
                            break;
                        }
                    }
                }
            }
        } else if let Err(e) = c.io.fs().create(&abs, Node::Dir { meta }, cred, now) {
            err2(
                c,
                format!("can't create directory '{d}': {}", e.message()),
                format!("cannot create directory '{d}': {}", e.message()),
            );
            status = 1;
        }
    }
    if o.operands.is_empty() {
        c.fail("missing operand");
        return Some(1);
    }
    Some(status)
}

pub fn rmdir(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "pv", "") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let mut status = 0;
    for d in &o.operands {
        let abs = c.io.abs(d);
        let (cred, now) = (c.io.cred, c.io.now);
        if let Err(e) = c.io.fs().rmdir(&abs, cred, now) {
            err2(c, format!("'{d}': {}", e.message()), format!("failed to remove '{d}': {}", e.message()));
            status = 1;
        }
    }
    Some(status)
}

pub fn touch(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "cam", "dtr") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let mut status = 0;
    for f in &o.operands {
        let abs = c.io.abs(f);
        let (cred, now) = (c.io.cred, c.io.now);
        let exists = c.io.fs().stat(&abs).is_ok();
        let r = if exists {
            c.io.fs().set_meta(&abs, true, cred, &mut |m| m.mtime = now)
        } else if o.has('c') {
            Ok(())
        } else {
            c.io.fs().write(&abs, b"", true, cred, now)
        };
        if let Err(e) = r {
            err2(c, format!("{f}: {}", e.message()), format!("cannot touch '{f}': {}", e.message()));
            status = 1;
        }
    }
    Some(status)
}

/// Removes `abs` and, for a directory, everything in it.
fn remove_tree(c: &mut Ctx, abs: &str, budget: &mut u32) -> Result<(), Errno> {
    if *budget == 0 {
        return Err(Errno::EBUSY);
    }
    *budget -= 1;
    let (cred, now) = (c.io.cred, c.io.now);
    let st = c.io.fs().lstat(abs)?;
    if st.kind == Kind::Dir {
        let names = c.io.fs().readdir(abs, cred)?;
        for n in names {
            remove_tree(c, &path::child(abs, &n), budget)?;
        }
        c.io.fs().rmdir(abs, cred, now)
    } else {
        c.io.fs().unlink(abs, cred, now)
    }
}

pub fn rm(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "rRfivd", "") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let recursive = o.has('r') || o.has('R');
    let mut status = 0;
    if o.operands.is_empty() && !o.has('f') {
        if c.gnu() {
            c.fail("missing operand\nTry 'rm --help' for more information.");
        } else {
            c.io.err(&format!("{}\n\nUsage: rm [-irf] FILE...\n", super::applets::BANNER));
        }
        return Some(1);
    }
    for f in &o.operands {
        let abs = c.io.abs(f);
        let norm = path::normalize("/", &abs);
        if recursive && norm == "/" && c.gnu() {
            c.fail(
                "it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe",
            );
            status = 1;
            continue;
        }
        let st = match c.io.fs().lstat(&abs) {
            Ok(s) => s,
            Err(e) => {
                if !o.has('f') {
                    err2(
                        c,
                        format!("can't remove '{f}': {}", e.message()),
                        format!("cannot remove '{f}': {}", e.message()),
                    );
                    status = 1;
                }
                continue;
            }
        };
        if st.kind == Kind::Dir && !recursive {
            err2(c, format!("'{f}' is a directory"), format!("cannot remove '{f}': Is a directory"));
            status = 1;
            continue;
        }
        let mut budget = MAX_WALK;
        if let Err(e) = remove_tree(c, &abs, &mut budget) {
            err2(c, format!("can't remove '{f}': {}", e.message()), format!("cannot remove '{f}': {}", e.message()));
            status = 1;
        }
    }
    Some(status)
}

/// Copies `src` to `dst` (recursively when `recursive`).
fn copy(c: &mut Ctx, src: &str, dst: &str, recursive: bool, preserve: bool, budget: &mut u32) -> Result<(), Errno> {
    if *budget == 0 {
        return Err(Errno::EBUSY);
    }
    *budget -= 1;
    let (cred, now) = (c.io.cred, c.io.now);
    let st = c.io.fs().stat(src)?;
    let meta = Meta {
        mode: st.meta.mode,
        uid: if preserve { st.meta.uid } else { cred.uid },
        gid: if preserve { st.meta.gid } else { cred.gid },
        mtime: if preserve { st.meta.mtime } else { now },
    };
    if st.kind == Kind::Dir {
        if !recursive {
            return Err(Errno::EISDIR);
        }
        if path::is_under(&path::normalize("/", dst), &path::normalize("/", src)) {
            return Err(Errno::EINVAL);
        }
        match c.io.fs().stat(dst) {
            Ok(s) if s.kind == Kind::Dir => {}
            Ok(_) => return Err(Errno::ENOTDIR),
            Err(_) => c.io.fs().create(dst, Node::Dir { meta }, cred, now)?,
        }
        for n in c.io.fs().readdir(src, cred)? {
            copy(c, &path::child(src, &n), &path::child(dst, &n), recursive, preserve, budget)?;
        }
        return Ok(());
    }
    let data = c.io.fs().read(src, cred)?;
    match c.io.fs().stat(dst) {
        Ok(s) if s.kind == Kind::Dir => Err(Errno::EISDIR),
        Ok(_) => match data {
            Data::Bytes(b) => c.io.fs().write(dst, &b, false, cred, now),
            other => {
                c.io.fs().unlink(dst, cred, now)?;
                c.io.fs().create(dst, Node::File { meta, data: other }, cred, now)
            }
        },
        Err(_) => c.io.fs().create(dst, Node::File { meta, data }, cred, now),
    }
}

fn is_dir(c: &mut Ctx, p: &str) -> bool {
    c.io.fs().stat(p).is_ok_and(|s| s.kind == Kind::Dir)
}

pub fn cp(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "rRapfivLPdnu", "") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    let recursive = o.has('r') || o.has('R') || o.has('a');
    let preserve = o.has('p') || o.has('a');
    if o.operands.len() < 2 {
        let msg = if o.operands.is_empty() {
            "missing file operand".to_string()
        } else {
            format!("missing destination file operand after '{}'", o.operands[0])
        };
        c.fail(&if c.gnu() { format!("{msg}\nTry 'cp --help' for more information.") } else { msg });
        return Some(1);
    }
    let (srcs, dst) = o.operands.split_at(o.operands.len() - 1);
    let dst_abs = c.io.abs(&dst[0]);
    let into_dir = is_dir(c, &dst_abs);
    if srcs.len() > 1 && !into_dir {
        err2(c, format!("'{}' is not a directory", dst[0]), format!("target '{}': Not a directory", dst[0]));
        return Some(1);
    }
    let mut status = 0;
    for s in srcs {
        let sa = c.io.abs(s);
        let target =
            if into_dir { path::child(&dst_abs, path::base(&path::normalize("/", &sa))) } else { dst_abs.clone() };
        let st = match c.io.fs().stat(&sa) {
            Ok(st) => st,
            Err(e) => {
                err2(c, format!("can't stat '{s}': {}", e.message()), format!("cannot stat '{s}': {}", e.message()));
                status = 1;
                continue;
            }
        };
        if st.kind == Kind::Dir && !recursive {
            err2(c, format!("omitting directory '{s}'"), format!("-r not specified; omitting directory '{s}'"));
            status = 1;
            continue;
        }
        let mut budget = MAX_WALK;
        if let Err(e) = copy(c, &sa, &target, recursive, preserve, &mut budget) {
            let t = if into_dir {
                format!("{}/{}", dst[0].trim_end_matches('/'), path::base(&path::normalize("/", &sa)))
            } else {
                dst[0].clone()
            };
            err2(
                c,
                format!("can't create '{t}': {}", e.message()),
                format!("cannot create regular file '{t}': {}", e.message()),
            );
            status = 1;
        }
    }
    Some(status)
}

pub fn mv(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "finvTu", "") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    if o.operands.len() < 2 {
        c.fail("missing file operand");
        return Some(1);
    }
    let (srcs, dst) = o.operands.split_at(o.operands.len() - 1);
    let dst_abs = c.io.abs(&dst[0]);
    let into_dir = is_dir(c, &dst_abs);
    let mut status = 0;
    for s in srcs {
        let sa = c.io.abs(s);
        let target =
            if into_dir { path::child(&dst_abs, path::base(&path::normalize("/", &sa))) } else { dst_abs.clone() };
        let (cred, now) = (c.io.cred, c.io.now);
        if let Err(e) = c.io.fs().rename(&sa, &target, cred, now) {
            if e == Errno::ENOENT && c.io.fs().lstat(&sa).is_err() {
                err2(c, format!("can't rename '{s}': {}", e.message()), format!("cannot stat '{s}': {}", e.message()));
            } else {
                err2(
                    c,
                    format!("can't rename '{s}': {}", e.message()),
                    format!("cannot move '{s}' to '{}': {}", dst[0], e.message()),
                );
            }
            status = 1;
        }
    }
    Some(status)
}

pub fn ln(c: &mut Ctx) -> Option<i32> {
    let o = match getopt(c.args(), "sfnvT", "") {
        Ok(o) => o,
        Err(x) => return Some(c.bad_option(x, 1)),
    };
    if o.operands.is_empty() {
        c.fail("missing file operand");
        return Some(1);
    }
    let target = o.operands[0].clone();
    let link = o.operands.get(1).cloned().unwrap_or_else(|| path::base(&path::normalize("/", &target)).to_string());
    let mut abs = c.io.abs(&link);
    if is_dir(c, &abs) && o.operands.len() > 1 {
        abs = path::child(&abs, path::base(&path::normalize("/", &target)));
    }
    let (cred, now) = (c.io.cred, c.io.now);
    if o.has('f') && c.io.fs().lstat(&abs).is_ok() {
        let _ = c.io.fs().unlink(&abs, cred, now);
    }
    let r = if o.has('s') {
        let meta = Meta { mode: 0o777, uid: cred.uid, gid: cred.gid, mtime: now };
        c.io.fs().create(&abs, Node::Symlink { meta, target: target.clone() }, cred, now)
    } else {
        let ta = c.io.abs(&target);
        let mut budget = 1;
        copy(c, &ta, &abs, false, true, &mut budget)
    };
    if let Err(e) = r {
        let kind = if o.has('s') { "symbolic link" } else { "hard link" };
        err2(c, format!("{link}: {}", e.message()), format!("failed to create {kind} '{link}': {}", e.message()));
        return Some(1);
    }
    Some(0)
}
