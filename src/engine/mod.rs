//! The engine: the simulated daemons, registries and hosts. It is sans-IO and
//! deterministic: time is an input ([`clock`]), IDs come from a counter ([`ids`]), and every
//! request returns Docker's result or Docker's error plus the [`event::Event`]s it caused.
//!
//! Invariant: nothing in `engine` imports `cli`, `shell`, `view` or `ui`, reads a wall
//! clock, draws randomness or touches the browser.

pub mod clock;
pub mod event;
pub mod hub;
pub mod ids;

/// The whole simulated world.
#[derive(Clone, Debug, Default)]
pub struct World {
    pub clock: clock::Clock,
    pub ids: ids::IdGen,
}

impl World {
    pub fn new() -> World {
        World::default()
    }
}
