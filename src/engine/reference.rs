//! Image references, parsed exactly like Docker's `distribution/reference` package:
//! `nginx` → `docker.io/library/nginx:latest`, `localhost:5000/app:v1`,
//! `ubuntu@sha256:…`, and the same error texts (`invalid reference format`,
//! `… must be lowercase`).
//!
//! Invariant: a [`Reference`] is always normalized: it has a domain, and a Docker Hub path
//! of one component carries the `library/` prefix.

use std::fmt;

pub const DEFAULT_DOMAIN: &str = "docker.io";
const LEGACY_DEFAULT_DOMAIN: &str = "index.docker.io";
const OFFICIAL_PREFIX: &str = "library/";
pub const DEFAULT_TAG: &str = "latest";
const NAME_TOTAL_LENGTH_MAX: usize = 255;

/// A normalized image reference.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reference {
    /// Registry host, with port if any: `docker.io`, `localhost:5000`.
    pub domain: String,
    /// Repository path in that registry: `library/nginx`, `user/app`.
    pub path: String,
    pub tag: Option<String>,
    /// `sha256:…`
    pub digest: Option<String>,
}

impl Reference {
    /// `docker.io/library/nginx`: the full repository name.
    pub fn name(&self) -> String {
        format!("{}/{}", self.domain, self.path)
    }

    /// The short form Docker shows: `nginx`, `user/app`, `localhost:5000/app`.
    pub fn familiar_name(&self) -> String {
        if self.domain == DEFAULT_DOMAIN {
            if let Some(rest) = self.path.strip_prefix(OFFICIAL_PREFIX) {
                if !rest.contains('/') {
                    return rest.to_string();
                }
            }
            self.path.clone()
        } else {
            self.name()
        }
    }

    /// The tag, or `latest` when there is neither tag nor digest (`TagNameOnly`).
    pub fn with_default_tag(mut self) -> Reference {
        if self.tag.is_none() && self.digest.is_none() {
            self.tag = Some(DEFAULT_TAG.to_string());
        }
        self
    }

    /// The tag or `latest`.
    pub fn tag_or_latest(&self) -> &str {
        self.tag.as_deref().unwrap_or(DEFAULT_TAG)
    }

    /// `nginx:latest`, `user/app:v1`, `ubuntu@sha256:…` (`FamiliarString`).
    pub fn familiar(&self) -> String {
        let mut s = self.familiar_name();
        if let Some(t) = &self.tag {
            s.push(':');
            s.push_str(t);
        }
        if let Some(d) = &self.digest {
            s.push('@');
            s.push_str(d);
        }
        s
    }

    /// A Docker Hub repository (`docker.io`).
    pub fn is_docker_hub(&self) -> bool {
        self.domain == DEFAULT_DOMAIN
    }
}

impl fmt::Display for Reference {
    /// The full form: `docker.io/library/nginx:latest`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name())?;
        if let Some(t) = &self.tag {
            write!(f, ":{t}")?;
        }
        if let Some(d) = &self.digest {
            write!(f, "@{d}")?;
        }
        Ok(())
    }
}

/// `ParseNormalizedNamed`: parses what a user types.
pub fn parse_normalized(s: &str) -> Result<Reference, String> {
    if is_full_hex_id(s) {
        return Err(format!(
            "invalid repository name ({s}), cannot specify 64-byte hexadecimal strings"
        ));
    }
    let (domain, remainder) = split_docker_domain(s);
    let remote = remainder.split_once(':').map_or(remainder.as_str(), |(r, _)| r);
    if remote.to_lowercase() != remote {
        return Err(format!(
            "invalid reference format: repository name ({remote}) must be lowercase"
        ));
    }
    let r = parse(&format!("{domain}/{remainder}"))?;
    if r.path.is_empty() {
        return Err("repository name must have at least one component".to_string());
    }
    Ok(r)
}

/// `ParseDockerRef`: normalized, with `latest` when there is no tag or digest.
pub fn parse_docker_ref(s: &str) -> Result<Reference, String> {
    let mut r = parse_normalized(s)?;
    if r.digest.is_some() {
        r.tag = None;
    }
    Ok(r.with_default_tag())
}

/// A 64-character lowercase hex string (an ID, not a name).
pub fn is_full_hex_id(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn split_docker_domain(name: &str) -> (String, String) {
    let Some((maybe_domain, rest)) = name.split_once('/') else {
        return (DEFAULT_DOMAIN.to_string(), format!("{OFFICIAL_PREFIX}{name}"));
    };
    let (domain, mut remote) = if maybe_domain == "localhost" {
        (maybe_domain.to_string(), rest.to_string())
    } else if maybe_domain == LEGACY_DEFAULT_DOMAIN {
        (DEFAULT_DOMAIN.to_string(), rest.to_string())
    } else if maybe_domain.contains(['.', ':']) || maybe_domain.to_lowercase() != maybe_domain {
        (maybe_domain.to_string(), rest.to_string())
    } else {
        (DEFAULT_DOMAIN.to_string(), name.to_string())
    };
    if domain == DEFAULT_DOMAIN && !remote.contains('/') {
        remote = format!("{OFFICIAL_PREFIX}{remote}");
    }
    (domain, remote)
}

/// `reference.Parse` on an already-normalized string `domain/path[:tag][@digest]`.
fn parse(s: &str) -> Result<Reference, String> {
    match match_reference(s) {
        Some(r) => {
            if r.path.len() > NAME_TOTAL_LENGTH_MAX {
                return Err(format!(
                    "repository name must not be more than {NAME_TOTAL_LENGTH_MAX} characters"
                ));
            }
            Ok(r)
        }
        None if s.is_empty() => Err("repository name must have at least one component".into()),
        None if match_reference(&s.to_lowercase()).is_some() => {
            Err("repository name must be lowercase".into())
        }
        None => Err("invalid reference format".into()),
    }
}

/// Matches `ReferenceRegexp`: `name(:tag)?(@digest)?`.
fn match_reference(s: &str) -> Option<Reference> {
    let (rest, digest) = match s.split_once('@') {
        Some((r, d)) => {
            if !is_digest(d) {
                return None;
            }
            (r, Some(d.to_string()))
        }
        None => (s, None),
    };
    // A tag follows the last ':' when what follows has no '/'.
    let (name, tag) = match rest.rsplit_once(':') {
        Some((n, t)) if !t.contains('/') => {
            if !is_tag(t) {
                return None;
            }
            (n, Some(t.to_string()))
        }
        _ => (rest, None),
    };
    let (domain, path) = match_name(name)?;
    Some(Reference { domain, path, tag, digest })
}

/// Matches `anchoredNameRegexp`: `(domain/)?remote-name`, preferring a domain.
fn match_name(name: &str) -> Option<(String, String)> {
    if let Some((d, p)) = name.split_once('/') {
        if is_domain_and_port(d) && is_remote_name(p) {
            return Some((d.to_string(), p.to_string()));
        }
    }
    if is_remote_name(name) { Some((String::new(), name.to_string())) } else { None }
}

fn is_remote_name(s: &str) -> bool {
    !s.is_empty() && s.split('/').all(is_path_component)
}

/// `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`
fn is_path_component(s: &str) -> bool {
    let b = s.as_bytes();
    let alnum = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    if b.is_empty() || !alnum(b[0]) || !alnum(b[b.len() - 1]) {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if alnum(b[i]) {
            i += 1;
            continue;
        }
        // A separator run: '.', '_', '__' or one or more '-'.
        let start = i;
        while i < b.len() && !alnum(b[i]) {
            i += 1;
        }
        let sep = &s[start..i];
        let ok = sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|c| c == b'-');
        if !ok {
            return false;
        }
    }
    true
}

fn is_domain_and_port(s: &str) -> bool {
    let (host, port) = if s.starts_with('[') {
        match s.find(']') {
            Some(end) => {
                let inner = &s[1..end];
                if inner.is_empty() || !inner.bytes().all(|c| c.is_ascii_hexdigit() || c == b':') {
                    return false;
                }
                (&s[..=end], s[end + 1..].strip_prefix(':').map(Some).unwrap_or(
                    if s.len() > end + 1 { return false } else { None },
                ))
            }
            None => return false,
        }
    } else {
        match s.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (s, None),
        }
    };
    if let Some(p) = port {
        if p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    host.starts_with('[') || (!host.is_empty() && host.split('.').all(is_domain_component))
}

/// `[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]`
fn is_domain_component(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
}

/// `[\w][\w.-]{0,127}`
pub fn is_tag(s: &str) -> bool {
    let b = s.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    !b.is_empty()
        && b.len() <= 128
        && word(b[0])
        && b.iter().all(|c| word(*c) || *c == b'.' || *c == b'-')
}

/// `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}`
fn is_digest(s: &str) -> bool {
    let Some((alg, hex)) = s.split_once(':') else { return false };
    let alg_ok = alg.split(['-', '_', '+', '.']).all(|part| {
        let b = part.as_bytes();
        !b.is_empty() && b[0].is_ascii_alphabetic() && b.iter().all(|c| c.is_ascii_alphanumeric())
    });
    alg_ok && hex.len() >= 32 && hex.bytes().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(s: &str) -> String {
        parse_docker_ref(s).map(|r| r.to_string()).unwrap_or_else(|e| format!("ERR {e}"))
    }

    #[test]
    fn normalizes_like_docker() {
        assert_eq!(full("nginx"), "docker.io/library/nginx:latest");
        assert_eq!(full("nginx:1.27"), "docker.io/library/nginx:1.27");
        assert_eq!(full("user/app"), "docker.io/user/app:latest");
        assert_eq!(full("localhost:5000/app:v1"), "localhost:5000/app:v1");
        assert_eq!(full("localhost/app"), "localhost/app:latest");
        assert_eq!(full("index.docker.io/nginx"), "docker.io/library/nginx:latest");
        assert_eq!(full("ghcr.io/a/b/c:1"), "ghcr.io/a/b/c:1");
        let d = "sha256:".to_string() + &"a".repeat(64);
        assert_eq!(full(&format!("ubuntu@{d}")), format!("docker.io/library/ubuntu@{d}"));
    }

    #[test]
    fn errors_like_docker() {
        assert_eq!(
            full("Nginx"),
            "ERR invalid reference format: repository name (library/Nginx) must be lowercase"
        );
        assert_eq!(full("nginx:"), "ERR invalid reference format");
        assert_eq!(full("ngi nx"), "ERR invalid reference format");
        assert_eq!(full("nginx:la test"), "ERR invalid reference format");
        assert_eq!(full("-nginx"), "ERR invalid reference format");
        assert_eq!(full(":latest"), "ERR invalid reference format");
        assert_eq!(full("a:b:c"), "ERR invalid reference format");
        assert_eq!(full(""), "ERR invalid reference format");
        assert!(full(&format!("busybox@sha256:{}", "0123456789abcdef".repeat(4))).starts_with("docker.io/library/busybox@"));
        assert!(full(&"a".repeat(64)).contains("cannot specify 64-byte hexadecimal strings"));
    }

    #[test]
    fn familiar_forms() {
        let r = parse_docker_ref("nginx").unwrap();
        assert_eq!(r.familiar(), "nginx:latest");
        let r = parse_docker_ref("localhost:5000/app").unwrap();
        assert_eq!(r.familiar(), "localhost:5000/app:latest");
        assert!(is_path_component("a__b"));
        assert!(!is_path_component("a___b"));
        assert!(is_path_component("a--b"));
    }
}
