//! How a daemon finds the object a user named: containers by full ID, exact name, or
//! unique ID prefix (`GetContainer`); images by reference, full ID or unique ID prefix
//! (`GetImage`). Error texts are the daemon's own.
//!
//! Invariant: lookups never modify the daemon.

use super::{ApiError, ApiResult};
use crate::engine::model::daemon::Daemon;
use crate::engine::reference::{self, Reference};

/// Finds a container: exact ID, then exact name (with or without leading `/`), then a
/// unique ID prefix. Returns its full ID.
pub fn container_id(d: &Daemon, prefix_or_name: &str) -> ApiResult<String> {
    if prefix_or_name.is_empty() {
        return Err(ApiError::bad_request(format!(
            "invalid name or ID supplied: {:?}",
            prefix_or_name
        )));
    }
    if d.containers.contains_key(prefix_or_name) {
        return Ok(prefix_or_name.to_string());
    }
    let name = prefix_or_name.strip_prefix('/').unwrap_or(prefix_or_name);
    if let Some(c) = d.containers.values().find(|c| c.name == name) {
        return Ok(c.id.clone());
    }
    let mut found: Option<&str> = None;
    for id in d.containers.range(prefix_or_name.to_string()..).map(|(k, _)| k) {
        if !id.starts_with(prefix_or_name) {
            break;
        }
        if found.is_some() {
            return Err(ApiError::bad_request(format!(
                "multiple IDs found with provided prefix: {prefix_or_name}"
            )));
        }
        found = Some(id);
    }
    found
        .map(str::to_string)
        .ok_or_else(|| ApiError::not_found(format!("No such container: {prefix_or_name}")))
}

/// What an image lookup string turned out to be.
pub enum ImageName {
    /// A reference (`nginx`, `nginx:1.27`, `app@sha256:…`), normalized.
    Named(Reference),
    /// A digest or full hex ID (`sha256:…`, 64 hex).
    Digest(String),
}

/// `ParseAnyReference`.
pub fn parse_any(s: &str) -> Result<ImageName, String> {
    if reference::is_full_hex_id(s) {
        return Ok(ImageName::Digest(format!("sha256:{s}")));
    }
    if let Some(hex) = s.strip_prefix("sha256:") {
        if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(ImageName::Digest(s.to_string()));
        }
    }
    reference::parse_normalized(s).map(ImageName::Named)
}

/// The `No such image: …` error for a lookup string.
pub fn no_such_image(s: &str) -> ApiError {
    let shown = match parse_any(s) {
        Ok(ImageName::Named(r)) => r.with_default_tag().familiar(),
        Ok(ImageName::Digest(d)) => d,
        Err(_) => s.to_string(),
    };
    ApiError::not_found(format!("No such image: {shown}"))
}

/// Finds an image (`GetImage`): by reference, then by unique ID prefix. Returns its ID.
pub fn image_id(d: &Daemon, ref_or_id: &str) -> ApiResult<String> {
    let parsed = parse_any(ref_or_id).map_err(ApiError::bad_request)?;
    match parsed {
        ImageName::Digest(dg) => {
            if d.images.contains_key(&dg) {
                Ok(dg)
            } else {
                Err(no_such_image(ref_or_id))
            }
        }
        ImageName::Named(r) => {
            let key = r.clone().with_default_tag().to_string();
            if let Some(id) = d.references.get(&key) {
                return Ok(id.clone());
            }
            search_prefix(d, ref_or_id).ok_or_else(|| no_such_image(ref_or_id))
        }
    }
}

/// A unique image-ID prefix match (`digestset.Lookup`); `sha256:` optional.
fn search_prefix(d: &Daemon, term: &str) -> Option<String> {
    let hex = term.strip_prefix("sha256:").unwrap_or(term);
    if hex.is_empty() || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let mut matches = d.images.keys().filter(|id| id["sha256:".len()..].starts_with(hex));
    let first = matches.next()?;
    if matches.next().is_some() {
        return None;
    }
    Some(first.clone())
}
