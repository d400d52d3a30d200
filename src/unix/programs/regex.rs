//! regex (in progress).
