//! Image references as the client parses them: the same `distribution/reference` grammar
//! the daemon uses, shared from [`crate::engine::reference`] (the client and the daemon
//! link the same library in real Docker too).

pub use crate::engine::reference::{DEFAULT_DOMAIN, DEFAULT_TAG, Reference, parse_docker_ref, parse_normalized};
