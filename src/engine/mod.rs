//! The engine: the simulated daemons, registries and hosts. It is sans-IO and
//! deterministic: time is an input ([`clock`]), IDs come from a counter ([`ids`]), and every
//! request returns Docker's result or Docker's error plus the [`event::Event`]s it caused.
//!
//! Invariant: nothing in `engine` imports `cli`, `shell`, `view` or `ui`, reads a wall
//! clock, draws randomness or touches the browser.

pub mod api;
pub mod build;
pub mod clock;
pub mod event;
pub mod fs;
pub mod hostfs;
pub mod hub;
pub mod invariants;
pub mod ids;
pub mod model;
pub mod names;
pub mod net;
pub mod narration;
pub mod narration_net;
pub mod oci;
pub mod proc;
pub mod procctx;
pub mod reference;
pub mod registry_host;
pub mod rootfs;
pub mod runtime;
pub mod sandbox;
pub mod signal;
pub mod units;
pub mod world;

pub use world::World;
