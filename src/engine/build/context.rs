//! The build context: the files the client sends, as a tree rooted at `/`, filtered by
//! `.dockerignore` (Go `filepath.Match` patterns, `**`, `!` exceptions), and the glob
//! matching COPY/ADD sources use.
//!
//! Invariant: matching is bounded by the pattern and path lengths (no backtracking
//! blow-up: `*` never crosses `/`, `**` is tried per path component).

use crate::engine::fs::Tree;
use crate::unix::fs::{Entry, Node};

/// Go's `filepath.Match` for one path (no `/` crossing for `*` and `?`).
pub fn glob(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // Iterative matcher with single-star backtracking (linear in practice).
    let (mut pi, mut ni) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() {
            match p[pi] {
                '*' => {
                    star = Some((pi, ni));
                    pi += 1;
                    continue;
                }
                '?' if n[ni] != '/' => {
                    pi += 1;
                    ni += 1;
                    continue;
                }
                '[' => {
                    if let Some((ok, len)) = class(&p[pi..], n[ni]) {
                        if ok && n[ni] != '/' {
                            pi += len;
                            ni += 1;
                            continue;
                        }
                    }
                }
                '\\' if pi + 1 < p.len() && p[pi + 1] == n[ni] => {
                    pi += 2;
                    ni += 1;
                    continue;
                }
                c if c == n[ni] => {
                    pi += 1;
                    ni += 1;
                    continue;
                }
                _ => {}
            }
        }
        match star {
            Some((sp, sn)) if n[sn] != '/' => {
                pi = sp + 1;
                ni = sn + 1;
                star = Some((sp, sn + 1));
            }
            _ => return false,
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// A `[…]` class at the start of `p`: (matches `c`, length of the class).
fn class(p: &[char], c: char) -> Option<(bool, usize)> {
    let end = p.iter().skip(1).position(|&x| x == ']')? + 1;
    let body = &p[1..end];
    let (neg, body) = match body.first() {
        Some('^') | Some('!') => (true, &body[1..]),
        _ => (false, body),
    };
    let mut ok = false;
    let mut i = 0;
    while i < body.len() {
        if i + 2 < body.len() && body[i + 1] == '-' {
            ok |= body[i] <= c && c <= body[i + 2];
            i += 3;
        } else {
            ok |= body[i] == c;
            i += 1;
        }
    }
    Some((ok != neg, end + 1))
}

/// Matches with `**` (any number of components) support; paths have no leading `/`.
pub fn glob_path(pattern: &str, path: &str) -> bool {
    fn rec(p: &[&str], n: &[&str], budget: &mut u32) -> bool {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        match p.first() {
            None => n.is_empty(),
            Some(&"**") => (0..=n.len()).any(|k| rec(&p[1..], &n[k..], budget)),
            Some(seg) => !n.is_empty() && glob(seg, n[0]) && rec(&p[1..], &n[1..], budget),
        }
    }
    let p: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
    let n: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    rec(&p, &n, &mut 10_000)
}

/// `.dockerignore` rules, in order (`!` marks an exception).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ignore {
    rules: Vec<(bool, String)>,
}

impl Ignore {
    pub fn parse(text: &str) -> Ignore {
        let mut rules = Vec::new();
        for line in text.lines() {
            let l = line.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let (neg, pat) = match l.strip_prefix('!') {
                Some(p) => (true, p.trim()),
                None => (false, l),
            };
            let pat = crate::unix::fs::path::normalize("/", pat);
            rules.push((neg, pat.trim_start_matches('/').to_string()));
        }
        Ignore { rules }
    }

    /// Whether `path` (no leading `/`) is excluded: the last matching rule wins; a rule that
    /// matches a parent directory matches what is under it.
    pub fn excludes(&self, path: &str) -> bool {
        let mut out = false;
        for (neg, pat) in &self.rules {
            let mut m = glob_path(pat, path);
            if !m {
                let mut parent = path;
                while let Some((p, _)) = parent.rsplit_once('/') {
                    if glob_path(pat, p) {
                        m = true;
                        break;
                    }
                    parent = p;
                }
            }
            if m {
                out = !neg;
            }
        }
        out
    }
}

/// Keeps what `.dockerignore` allows (`Dockerfile` and `.dockerignore` always stay).
pub fn filter(tree: &Tree, ignore: &Ignore) -> Tree {
    let mut out = Tree::new();
    for (p, e) in tree.iter() {
        let rel = p.trim_start_matches('/');
        if rel.is_empty() || !ignore.excludes(rel) {
            out.put(p, e.clone());
        }
    }
    out
}

/// Bytes the client transfers for `paths` (file contents).
pub fn transfer_size(tree: &Tree) -> u64 {
    tree.iter()
        .map(|(_, e)| match e {
            Entry::Node(Node::File { data, .. }) => data.size(),
            _ => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_glob() {
        assert!(glob("*.py", "app.py"));
        assert!(!glob("*.py", "dir/app.py"));
        assert!(glob("a?c", "abc"));
        assert!(glob("[a-c]x", "bx"));
        assert!(!glob("[^a-c]x", "bx"));
        assert!(glob_path("**/*.log", "a/b/c.log"));
        assert!(glob_path("**/*.log", "c.log"));
    }

    #[test]
    fn dockerignore_with_exceptions() {
        let ig = Ignore::parse("# comment\n*.log\nnode_modules\n!keep.log\n");
        assert!(ig.excludes("x.log"));
        assert!(!ig.excludes("keep.log"));
        assert!(ig.excludes("node_modules/a/b.js"));
        assert!(!ig.excludes("src/x.log"));
    }
}
