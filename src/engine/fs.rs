//! File trees as the engine stores them (image layers, writable layers, volumes).
//! The data model and the union view live in the userland module; this is the seam.

/// A layer of files (placeholder until the userland filesystem lands).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tree;
