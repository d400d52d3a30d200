//! Network tools and servers: the clients a learner types (`curl`, busybox `wget`,
//! `ping`, `nslookup`, `nc`) talk through [`crate::unix::process::Sys`]'s network calls;
//! [`serve`] is how the servers of the images answer them.
//!
//! Invariant: a tool never loops without bound: `ping` stops after `-c` or when
//! interrupted, one request per call elsewhere.

pub mod client;
pub mod serve;
