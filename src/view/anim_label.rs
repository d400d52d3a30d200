//! Labels carried by animated packets: the HTTP request as the learner will meet it in the
//! docs (`POST /containers/create`, version prefix and query dropped, long IDs shortened),
//! the status line of a response (`404 Not Found`), or a short pt-BR tag for data.
//!
//! Invariant: a label is at most [`MAX_LABEL`] characters and never empty for a request.

/// Longest packet label, in characters.
pub const MAX_LABEL: usize = 48;

/// `/v1.50/containers/3f2a…64hex/start?x=1` → `/containers/3f2a1b2c3d4e/start`.
pub fn short_path(path: &str) -> String {
    let no_query = path.split('?').next().unwrap_or(path);
    let mut segs: Vec<&str> = no_query.split('/').collect();
    // ["", "v1.50", "containers", …]; the registry's `/v2/` is part of its API and stays.
    let engine_version = |s: &str| s.starts_with('v') && s.contains('.') && s[1..].chars().all(|c| c.is_ascii_digit() || c == '.');
    if segs.len() > 2 && engine_version(segs[1]) {
        segs.remove(1);
    }
    let shortened: Vec<String> = segs.iter().map(|s| shorten_segment(s)).collect();
    let joined = shortened.join("/");
    if joined.is_empty() { "/".to_string() } else { joined }
}

/// Shortens a 64-hex ID or a `sha256:` digest to 12 hex digits.
fn shorten_segment(s: &str) -> String {
    let (prefix, hex) = match s.split_once(':') {
        Some((p, h)) => (Some(p), h),
        None => (None, s),
    };
    if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        match prefix {
            Some(p) => format!("{p}:{}", &hex[..12]),
            None => hex[..12].to_string(),
        }
    } else {
        s.to_string()
    }
}

/// `POST /containers/create`.
pub fn request(method: &str, path: &str) -> String {
    clip(&format!("{method} {}", short_path(path)))
}

/// `200 OK`, `404 Not Found`.
pub fn status(code: u16) -> String {
    let reason = match code {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    };
    if reason.is_empty() { code.to_string() } else { format!("{code} {reason}") }
}

/// The runtime step's short name: `containerd: Containers.Create…` → `containerd`.
pub fn runtime(operation: &str) -> String {
    clip(operation.split(':').next().unwrap_or(operation).trim())
}

/// Cuts to [`MAX_LABEL`] characters with an ellipsis.
pub fn clip(s: &str) -> String {
    if s.chars().count() <= MAX_LABEL {
        return s.to_string();
    }
    let mut out: String = s.chars().take(MAX_LABEL - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_lose_version_and_query() {
        assert_eq!(request("POST", "/v1.50/containers/create?name=web"), "POST /containers/create");
        assert_eq!(request("POST", "/v1.50/images/create?fromImage=nginx&tag=latest"), "POST /images/create");
        let id = "a".repeat(64);
        assert_eq!(request("POST", &format!("/v1.50/containers/{id}/start")), "POST /containers/aaaaaaaaaaaa/start");
        assert_eq!(request("GET", "/v1.50/_ping"), "GET /_ping");
    }

    #[test]
    fn registry_paths_shorten_digests() {
        let d = format!("sha256:{}", "b".repeat(64));
        assert_eq!(request("GET", &format!("/v2/library/nginx/blobs/{d}")), "GET /v2/library/nginx/blobs/sha256:bbbbbbbbbbbb");
        assert_eq!(request("GET", "/v2/library/nginx/manifests/latest"), "GET /v2/library/nginx/manifests/latest");
    }

    #[test]
    fn statuses_and_runtime_names() {
        assert_eq!(status(201), "201 Created");
        assert_eq!(status(409), "409 Conflict");
        assert_eq!(status(299), "299");
        assert_eq!(runtime("runc create: namespaces, cgroups, rootfs"), "runc create");
        assert!(clip(&"x".repeat(100)).chars().count() == MAX_LABEL);
    }
}
