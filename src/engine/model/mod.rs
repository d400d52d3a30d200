//! The objects of the world: hosts, daemons, clients, registries, and what daemons own.

pub mod build_cache;
pub mod client;
pub mod config;
pub mod container;
pub mod daemon;
pub mod host;
pub mod image;
pub mod network;
pub mod registry;
pub mod volume;
