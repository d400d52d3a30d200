//! `docker swarm …`.
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Args, CommandSpec as C, FlagSpec, Gate, f};

#[rustfmt::skip]
pub static SWARM: C = C {
    name: "swarm",
    use_line: "swarm",
    short: "Manage Swarm",
    subcommands: &[&SWARM_CA, &SWARM_INIT, &SWARM_JOIN, &SWARM_JOIN_TOKEN, &SWARM_LEAVE, &SWARM_UNLOCK, &SWARM_UNLOCK_KEY, &SWARM_UPDATE],
    gate: Gate { version: "1.24", swarm: Some(""), ..Gate::NONE },
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const SWARM_CA_FLAGS: &[FlagSpec] = &[
    f("ca-cert", "", PemFile, "Path to the PEM-formatted root CA certificate to use for the new cluster"),
    f("ca-key", "", PemFile, "Path to the PEM-formatted root CA key to use for the new cluster"),
    f("cert-expiry", "", Duration, "Validity period for node certificates (ns|us|ms|s|m|h)").def("2160h0m0s"),
    f("detach", "d", Bool, "Exit immediately instead of waiting for the root rotation to converge"),
    f("external-ca", "", ExternalCa, "Specifications of one or more certificate signing endpoints"),
    f("quiet", "q", Bool, "Suppress progress output"),
    f("rotate", "", Bool, "Rotate the swarm CA - if no certificate or key are provided, new ones will be generated"),
];

#[rustfmt::skip]
pub static SWARM_CA: C = C {
    name: "ca",
    use_line: "ca [OPTIONS]",
    short: "Display and rotate the root CA",
    args: Args::None,
    flags: &[SWARM_CA_FLAGS],
    gate: Gate { version: "1.30", swarm: Some("manager"), ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SWARM_INIT_FLAGS: &[FlagSpec] = &[
    f("advertise-addr", "", Str, "Advertised address (format: \"<ip|interface>[:port]\")"),
    f("autolock", "", Bool, "Enable manager autolocking (requiring an unlock key to start a stopped manager)"),
    f("availability", "", Str, "Availability of the node (\"active\", \"pause\", \"drain\")").def("active"),
    f("cert-expiry", "", Duration, "Validity period for node certificates (ns|us|ms|s|m|h)").def("2160h0m0s"),
    f("data-path-addr", "", Str, "Address or interface to use for data path traffic (format: \"<ip|interface>\")").version("1.31"),
    f("data-path-port", "", Uint32, "Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.").version("1.40"),
    f("default-addr-pool", "", IpNetSlice, "default address pool in CIDR format").def("[]").version("1.39"),
    f("default-addr-pool-mask-length", "", Uint32, "default address pool subnet mask length").def("24").version("1.39"),
    f("dispatcher-heartbeat", "", Duration, "Dispatcher heartbeat period (ns|us|ms|s|m|h)").def("5s"),
    f("external-ca", "", ExternalCa, "Specifications of one or more certificate signing endpoints"),
    f("force-new-cluster", "", Bool, "Force create a new cluster from current state"),
    f("listen-addr", "", NodeAddr, "Listen address (format: \"<ip|interface>[:port]\")").def("0.0.0.0:2377"),
    f("max-snapshots", "", Uint, "Number of additional Raft snapshots to retain").version("1.25"),
    f("snapshot-interval", "", Uint, "Number of log entries between Raft snapshots").def("10000").version("1.25"),
    f("task-history-limit", "", Int, "Task history retention limit").def("5"),
];

#[rustfmt::skip]
pub static SWARM_INIT: C = C {
    name: "init",
    use_line: "init [OPTIONS]",
    short: "Initialize a swarm",
    args: Args::None,
    flags: &[SWARM_INIT_FLAGS],
    gate: Gate { version: "1.24", swarm: Some(""), ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SWARM_JOIN_FLAGS: &[FlagSpec] = &[
    f("advertise-addr", "", Str, "Advertised address (format: \"<ip|interface>[:port]\")"),
    f("availability", "", Str, "Availability of the node (\"active\", \"pause\", \"drain\")").def("active"),
    f("data-path-addr", "", Str, "Address or interface to use for data path traffic (format: \"<ip|interface>\")").version("1.31"),
    f("listen-addr", "", NodeAddr, "Listen address (format: \"<ip|interface>[:port]\")").def("0.0.0.0:2377"),
    f("token", "", Str, "Token for entry into the swarm"),
];

#[rustfmt::skip]
pub static SWARM_JOIN: C = C {
    name: "join",
    use_line: "join [OPTIONS] HOST:PORT",
    short: "Join a swarm as a node and/or manager",
    args: Args::Exact(1),
    flags: &[SWARM_JOIN_FLAGS],
    gate: Gate { version: "1.24", swarm: Some(""), ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SWARM_JOIN_TOKEN_FLAGS: &[FlagSpec] = &[
    f("quiet", "q", Bool, "Only display token"),
    f("rotate", "", Bool, "Rotate join token"),
];

#[rustfmt::skip]
pub static SWARM_JOIN_TOKEN: C = C {
    name: "join-token",
    use_line: "join-token [OPTIONS] (worker|manager)",
    short: "Manage join tokens",
    args: Args::Exact(1),
    flags: &[SWARM_JOIN_TOKEN_FLAGS],
    gate: Gate { version: "1.24", swarm: Some("manager"), ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SWARM_LEAVE_FLAGS: &[FlagSpec] = &[
    f("force", "f", Bool, "Force this node to leave the swarm, ignoring warnings"),
];

#[rustfmt::skip]
pub static SWARM_LEAVE: C = C {
    name: "leave",
    use_line: "leave [OPTIONS]",
    short: "Leave the swarm",
    args: Args::None,
    flags: &[SWARM_LEAVE_FLAGS],
    gate: Gate { version: "1.24", swarm: Some("active"), ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub static SWARM_UNLOCK: C = C {
    name: "unlock",
    use_line: "unlock",
    short: "Unlock swarm",
    args: Args::None,
    gate: Gate { version: "1.24", swarm: Some("manager"), ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SWARM_UNLOCK_KEY_FLAGS: &[FlagSpec] = &[
    f("quiet", "q", Bool, "Only display token"),
    f("rotate", "", Bool, "Rotate unlock key"),
];

#[rustfmt::skip]
pub static SWARM_UNLOCK_KEY: C = C {
    name: "unlock-key",
    use_line: "unlock-key [OPTIONS]",
    short: "Manage the unlock key",
    args: Args::None,
    flags: &[SWARM_UNLOCK_KEY_FLAGS],
    gate: Gate { version: "1.24", swarm: Some("manager"), ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SWARM_UPDATE_FLAGS: &[FlagSpec] = &[
    f("autolock", "", Bool, "Change manager autolocking setting (true|false)"),
    f("cert-expiry", "", Duration, "Validity period for node certificates (ns|us|ms|s|m|h)").def("2160h0m0s"),
    f("dispatcher-heartbeat", "", Duration, "Dispatcher heartbeat period (ns|us|ms|s|m|h)").def("5s"),
    f("external-ca", "", ExternalCa, "Specifications of one or more certificate signing endpoints"),
    f("max-snapshots", "", Uint, "Number of additional Raft snapshots to retain").version("1.25"),
    f("snapshot-interval", "", Uint, "Number of log entries between Raft snapshots").def("10000").version("1.25"),
    f("task-history-limit", "", Int, "Task history retention limit").def("5"),
];

#[rustfmt::skip]
pub static SWARM_UPDATE: C = C {
    name: "update",
    use_line: "update [OPTIONS]",
    short: "Update the swarm",
    args: Args::None,
    flags: &[SWARM_UPDATE_FLAGS],
    gate: Gate { version: "1.24", swarm: Some("manager"), ..Gate::NONE },
    ..C::LEAF
};
