//! The Unix userland that runs inside simulated containers and on the learner's host:
//! the union file system ([`fs`]), the shell language ([`sh`]), the resumable process
//! interpreter ([`process`]) and the programs it runs ([`programs`]).
//!
//! Invariant: everything here is deterministic and sans-IO; no input panics or hangs.

pub mod fs;
pub mod process;
pub mod programs;
pub mod sh;
pub mod testing;
