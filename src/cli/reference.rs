//! Image references as docker parses them (github.com/distribution/reference):
//! `busybox` → `docker.io/library/busybox:latest`, `localhost:5000/app:v1`, digests, and
//! the exact errors (`invalid reference format`, `… must be lowercase`).
//!
//! Invariant: `parse_normalized_named` accepts exactly what the reference grammar accepts;
//! matching is linear in the input.

/// A parsed, normalized image reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// Registry host (and port): `docker.io`, `localhost:5000`.
    pub domain: String,
    /// Repository path: `library/busybox`.
    pub path: String,
    pub tag: Option<String>,
    /// `sha256:…`.
    pub digest: Option<String>,
}

pub const DEFAULT_DOMAIN: &str = "docker.io";
pub const DEFAULT_TAG: &str = "latest";

impl Reference {
    /// `docker.io/library/busybox`.
    pub fn name(&self) -> String {
        format!("{}/{}", self.domain, self.path)
    }

    /// `reference.FamiliarName`: `busybox`, `user/app`, `localhost:5000/app`.
    pub fn familiar_name(&self) -> String {
        if self.domain == DEFAULT_DOMAIN {
            self.path
                .strip_prefix("library/")
                .filter(|p| !p.contains('/'))
                .unwrap_or(&self.path)
                .to_string()
        } else {
            self.name()
        }
    }

    /// `reference.FamiliarString`: familiar name plus `:tag` and `@digest`.
    pub fn familiar_string(&self) -> String {
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

    /// `reference.TagNameOnly`: adds `:latest` when there is neither tag nor digest.
    pub fn with_default_tag(mut self) -> Reference {
        if self.tag.is_none() && self.digest.is_none() {
            self.tag = Some(DEFAULT_TAG.to_string());
        }
        self
    }
}

fn alnum_lower(c: u8) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

/// `pathComponent`: `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`.
fn path_component(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() || !alnum_lower(b[0]) || !alnum_lower(b[b.len() - 1]) {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if alnum_lower(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !alnum_lower(b[i]) {
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

/// `domainAndPort`: a host name, or `[ipv6]`, with an optional `:port`.
fn domain_and_port(s: &str) -> bool {
    let (host, port) = if s.starts_with('[') {
        let Some(end) = s.find(']') else { return false };
        let inner = &s[1..end];
        if inner.is_empty() || !inner.bytes().all(|c| c.is_ascii_hexdigit() || c == b':') {
            return false;
        }
        (&s[..end + 1], &s[end + 1..])
    } else {
        match s.find(':') {
            Some(i) => (&s[..i], &s[i..]),
            None => (s, ""),
        }
    };
    if !port.is_empty() && (port.len() < 2 || !port[1..].bytes().all(|c| c.is_ascii_digit())) {
        return false;
    }
    if host.starts_with('[') {
        return true;
    }
    !host.is_empty()
        && host.split('.').all(|c| {
            let b = c.as_bytes();
            !b.is_empty()
                && b[0].is_ascii_alphanumeric()
                && b[b.len() - 1].is_ascii_alphanumeric()
                && b.iter().all(|x| x.is_ascii_alphanumeric() || *x == b'-')
        })
}

fn tag_ok(t: &str) -> bool {
    let b = t.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    !b.is_empty()
        && b.len() <= 128
        && word(b[0])
        && b[1..].iter().all(|&c| word(c) || c == b'.' || c == b'-')
}

fn digest_ok(d: &str) -> bool {
    let Some((alg, hex)) = d.split_once(':') else {
        return false;
    };
    let comp_ok = |c: &str| {
        let b = c.as_bytes();
        !b.is_empty() && b[0].is_ascii_alphabetic() && b.iter().all(|x| x.is_ascii_alphanumeric())
    };
    alg.split(['-', '_', '+', '.']).all(comp_ok)
        && hex.len() >= 32
        && hex.bytes().all(|c| c.is_ascii_hexdigit())
}

/// The reference grammar: `(domain/)?path(:tag)?(@digest)?`; returns (name, tag, digest).
fn match_reference(s: &str) -> Option<(String, Option<String>, Option<String>)> {
    let (rest, digest) = match s.split_once('@') {
        Some((r, d)) => (r, Some(d)),
        None => (s, None),
    };
    if let Some(d) = digest
        && !digest_ok(d)
    {
        return None;
    }
    // the tag follows the last ':' that comes after the last '/'
    let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
    let (name, tag) = match rest[last_slash..].rfind(':') {
        Some(i) => (&rest[..last_slash + i], Some(&rest[last_slash + i + 1..])),
        None => (rest, None),
    };
    if let Some(t) = tag
        && !tag_ok(t)
    {
        return None;
    }
    let name_ok = {
        let with_domain = name
            .split_once('/')
            .is_some_and(|(d, p)| domain_and_port(d) && p.split('/').all(path_component));
        with_domain || name.split('/').all(path_component)
    };
    name_ok.then(|| {
        (
            name.to_string(),
            tag.map(str::to_string),
            digest.map(str::to_string),
        )
    })
}

/// `reference.Parse` errors and the split of a matched name into domain and path.
fn parse(s: &str) -> Result<Reference, String> {
    let Some((name, tag, digest)) = match_reference(s) else {
        if s.is_empty() {
            return Err("repository name must have at least one component".into());
        }
        if match_reference(&s.to_lowercase()).is_some() {
            return Err("repository name must be lowercase".into());
        }
        return Err("invalid reference format".into());
    };
    if name.len() > 255 {
        return Err("repository name must not be more than 255 characters".into());
    }
    let (domain, path) = match name.split_once('/') {
        Some((d, p)) if domain_and_port(d) && p.split('/').all(path_component) => {
            (d.to_string(), p.to_string())
        }
        _ => (String::new(), name.clone()),
    };
    Ok(Reference {
        domain,
        path,
        tag,
        digest,
    })
}

/// `splitDockerDomain`: which part of a familiar name is a registry.
fn split_docker_domain(name: &str) -> (String, String) {
    let Some((maybe_domain, remote)) = name.split_once('/') else {
        return (DEFAULT_DOMAIN.into(), format!("library/{name}"));
    };
    let (domain, mut remote) = if maybe_domain == "localhost" {
        (maybe_domain.to_string(), remote.to_string())
    } else if maybe_domain == "index.docker.io" {
        (DEFAULT_DOMAIN.to_string(), remote.to_string())
    } else if maybe_domain.contains(['.', ':']) || maybe_domain.to_lowercase() != maybe_domain {
        (maybe_domain.to_string(), remote.to_string())
    } else {
        (DEFAULT_DOMAIN.to_string(), name.to_string())
    };
    if domain == DEFAULT_DOMAIN && !remote.contains('/') {
        remote = format!("library/{remote}");
    }
    (domain, remote)
}

/// `reference.ParseNormalizedNamed`: the parse every docker command applies to image names.
pub fn parse_normalized_named(s: &str) -> Result<Reference, String> {
    if s.len() == 64 && s.bytes().all(|c| matches!(c, b'a'..=b'f' | b'0'..=b'9')) {
        return Err(format!(
            "invalid repository name ({s}), cannot specify 64-byte hexadecimal strings"
        ));
    }
    let (domain, remainder) = split_docker_domain(s);
    let remote = remainder
        .split_once(':')
        .map_or(remainder.as_str(), |(r, _)| r);
    if remote.to_lowercase() != remote {
        return Err(format!(
            "invalid reference format: repository name ({remote}) must be lowercase"
        ));
    }
    parse(&format!("{domain}/{remainder}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_familiar_names() {
        let r = parse_normalized_named("busybox").unwrap();
        assert_eq!(
            (r.domain.as_str(), r.path.as_str(), r.tag.clone()),
            ("docker.io", "library/busybox", None)
        );
        assert_eq!(
            r.clone().with_default_tag().familiar_string(),
            "busybox:latest"
        );
        let r = parse_normalized_named("user/app:v1").unwrap();
        assert_eq!(
            (r.path.as_str(), r.tag.as_deref()),
            ("user/app", Some("v1"))
        );
        let r = parse_normalized_named("localhost:5000/app").unwrap();
        assert_eq!(
            (r.domain.as_str(), r.familiar_name().as_str()),
            ("localhost:5000", "localhost:5000/app")
        );
    }

    #[test]
    fn errors() {
        assert_eq!(
            parse_normalized_named("Foo").unwrap_err(),
            "invalid reference format: repository name (library/Foo) must be lowercase"
        );
        assert_eq!(
            parse_normalized_named("a:b:c").unwrap_err(),
            "invalid reference format"
        );
        assert_eq!(
            parse_normalized_named("-x").unwrap_err(),
            "invalid reference format"
        );
        assert_eq!(
            parse_normalized_named("").unwrap_err(),
            "invalid reference format"
        );
        assert!(
            parse_normalized_named(
                "busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            )
            .is_ok()
        );
    }
}
