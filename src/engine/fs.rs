//! File trees as the engine stores them (image layers, writable layers, volumes): the
//! userland's [`crate::unix::fs::Layer`], under the name the engine uses.

/// A layer of files: an image layer, a container's writable layer, or a volume's content.
pub type Tree = crate::unix::fs::Layer;
