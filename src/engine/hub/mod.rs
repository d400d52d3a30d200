//! The built-in Docker Hub: a catalog of real images ([`catalog`]) described by [`spec`].

pub mod catalog;
pub mod spec;
