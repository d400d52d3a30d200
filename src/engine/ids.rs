//! Identifiers and digests. Real Docker draws container IDs from a random source; doca
//! derives them from a per-world counter through SHA-256, so the same session always yields
//! the same IDs. Content (layers, image configs, manifests) is addressed by the real SHA-256
//! of its simulated bytes.
//!
//! Invariant: an [`IdGen`] never returns the same ID twice.

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

/// Lowercase hex SHA-256 of `bytes` (64 characters).
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0'));
        out.push(char::from_digit((b & 0xf) as u32, 16).unwrap_or('0'));
    }
    out
}

/// `sha256:` followed by the hex SHA-256 of `bytes`: an OCI content digest.
pub fn digest_of(bytes: &[u8]) -> String {
    format!("sha256:{}", sha256_hex(bytes))
}

/// The 12-character short form Docker prints for IDs (`stringid.TruncateID`): strips an
/// algorithm prefix such as `sha256:` and keeps 12 hex digits.
pub fn short(id: &str) -> &str {
    let hex = id.split_once(':').map_or(id, |(_, h)| h);
    &hex[..hex.len().min(12)]
}

/// Deterministic source of fresh IDs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdGen {
    counter: u64,
}

impl IdGen {
    /// A fresh 64-hex ID for an object of `kind` ("container", "exec", "volume", ...).
    /// Like Docker's `stringid.GenerateRandomID`, it never is all digits (such an ID would
    /// be ambiguous with a number, so Docker draws again).
    pub fn fresh(&mut self, kind: &str) -> String {
        loop {
            self.counter += 1;
            let id = sha256_hex(format!("doca/{kind}/{}", self.counter).as_bytes());
            if !short(&id).bytes().all(|b| b.is_ascii_digit()) {
                return id;
            }
        }
    }

    /// A fresh number in `0..n`, deterministic (used to pick generated names).
    pub fn pick(&mut self, n: u64) -> u64 {
        self.counter += 1;
        let h = Sha256::digest(format!("doca/pick/{}", self.counter).as_bytes());
        let mut v = 0u64;
        for b in &h[..8] {
            v = (v << 8) | u64::from(*b);
        }
        if n == 0 { 0 } else { v % n }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_empty_is_the_known_value() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn fresh_ids_are_unique_and_64_hex() {
        let mut g = IdGen::default();
        let a = g.fresh("container");
        let b = g.fresh("container");
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(short(&format!("sha256:{a}")).len(), 12);
    }
}
