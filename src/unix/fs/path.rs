//! Lexical path helpers. Paths in layers are absolute, normalized strings (`/etc/passwd`,
//! root is `/`); these helpers join, split and compare them without touching any tree.
//!
//! Invariant: `normalize` returns an absolute path with no `.`, `..`, empty component or
//! trailing slash (except the root itself).

/// Joins `path` onto `cwd` (if relative) and normalizes lexically (`..` pops a component).
pub fn normalize(cwd: &str, path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let full: String = if path.starts_with('/') { path.to_string() } else { format!("{cwd}/{path}") };
    for c in full.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    if parts.is_empty() { "/".to_string() } else { format!("/{}", parts.join("/")) }
}

/// `path` made absolute against `cwd` without normalizing it (so `..` can be resolved
/// physically, after symbolic links).
pub fn absolute(cwd: &str, path: &str) -> String {
    if path.starts_with('/') {
        path.to_string()
    } else if cwd.ends_with('/') {
        format!("{cwd}{path}")
    } else {
        format!("{cwd}/{path}")
    }
}

/// The components of an absolute normalized path (`/a/b` → `["a", "b"]`, `/` → `[]`).
pub fn components(path: &str) -> Vec<&str> {
    path.split('/').filter(|c| !c.is_empty()).collect()
}

/// Parent of a normalized path (`/a/b` → `/a`, `/a` → `/`, `/` → `/`).
pub fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) | None => "/",
        Some(i) => &path[..i],
    }
}

/// Last component of a normalized path (`/a/b` → `b`, `/` → `/`).
pub fn base(path: &str) -> &str {
    if path == "/" {
        return "/";
    }
    path.rsplit('/').next().unwrap_or(path)
}

/// `dir` + `/` + `name`, for a normalized `dir`.
pub fn child(dir: &str, name: &str) -> String {
    if dir == "/" { format!("/{name}") } else { format!("{dir}/{name}") }
}

/// The proper ancestors of a normalized path, nearest first, excluding `/`.
pub fn ancestors(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut p = path;
    loop {
        let q = parent(p);
        if q == "/" || q == p {
            break;
        }
        out.push(q);
        p = q;
    }
    out
}

/// Whether `path` is `prefix` or lies under it (component-wise).
pub fn is_under(path: &str, prefix: &str) -> bool {
    prefix == "/" || path == prefix || (path.starts_with(prefix) && path.as_bytes().get(prefix.len()) == Some(&b'/'))
}

/// `path` relative to `prefix` as a rooted path (`/data/x` under `/data` → `/x`).
pub fn rebase(path: &str, prefix: &str) -> String {
    if prefix == "/" {
        return path.to_string();
    }
    let rest = &path[prefix.len().min(path.len())..];
    if rest.is_empty() { "/".to_string() } else { rest.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_joins_and_collapses() {
        assert_eq!(normalize("/home", "a/../b/./c/"), "/home/b/c");
        assert_eq!(normalize("/", "../.."), "/");
        assert_eq!(normalize("/x", "/etc//passwd"), "/etc/passwd");
    }

    #[test]
    fn parents_and_ancestors() {
        assert_eq!(parent("/a/b"), "/a");
        assert_eq!(parent("/a"), "/");
        assert_eq!(base("/a/b"), "b");
        assert_eq!(ancestors("/a/b/c"), vec!["/a/b", "/a"]);
        assert!(is_under("/data/x", "/data"));
        assert!(!is_under("/database", "/data"));
        assert_eq!(rebase("/data/x", "/data"), "/x");
        assert_eq!(rebase("/data", "/data"), "/");
    }
}
