//! The built-in Docker Hub: a catalog of real images ([`catalog`]) described by [`spec`],
//! turned into registry content by [`build`].

pub mod build;
pub mod catalog;
pub mod spec;
