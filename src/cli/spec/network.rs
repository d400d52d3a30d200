//! `docker network …`.
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Args, Check, CommandSpec as C, FORMAT_HELP, FlagSpec, Gate, INSPECT_FORMAT_HELP, f};

#[rustfmt::skip]
pub static NETWORK: C = C {
    name: "network",
    use_line: "network",
    short: "Manage networks",
    subcommands: &[&NETWORK_CONNECT, &NETWORK_CREATE, &NETWORK_DISCONNECT, &NETWORK_INSPECT, &NETWORK_LS, &NETWORK_PRUNE, &NETWORK_RM],
    gate: Gate { version: "1.21", ..Gate::NONE },
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const NETWORK_CONNECT_FLAGS: &[FlagSpec] = &[
    f("alias", "", Strings, "Add network-scoped alias for the container"),
    f("driver-opt", "", Strings, "driver options for the network"),
    f("gw-priority", "", Int, "Highest gw-priority provides the default gateway. Accepts positive and negative values."),
    f("ip", "", Str, "IPv4 address (e.g., \"172.30.100.104\")"),
    f("ip6", "", Str, "IPv6 address (e.g., \"2001:db8::33\")"),
    f("link", "", List(Check::Link), "Add link to another container"),
    f("link-local-ip", "", Strings, "Add a link-local address for the container"),
];

#[rustfmt::skip]
pub static NETWORK_CONNECT: C = C {
    name: "connect",
    use_line: "connect [OPTIONS] NETWORK CONTAINER",
    short: "Connect a container to a network",
    args: Args::Exact(2),
    flags: &[NETWORK_CONNECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const NETWORK_CREATE_FLAGS: &[FlagSpec] = &[
    f("attachable", "", Bool, "Enable manual container attachment").version("1.25"),
    f("aux-address", "", Map(Check::None), "Auxiliary IPv4 or IPv6 addresses used by Network driver").def("map[]"),
    f("config-from", "", Str, "The network from which to copy the configuration").version("1.30"),
    f("config-only", "", Bool, "Create a configuration only network").version("1.30"),
    f("driver", "d", Str, "Driver to manage the Network").def("bridge"),
    f("gateway", "", Strings, "IPv4 or IPv6 Gateway for the master subnet"),
    f("ingress", "", Bool, "Create swarm routing-mesh network").version("1.29"),
    f("internal", "", Bool, "Restrict external access to the network"),
    f("ip-range", "", Strings, "Allocate container ip from a sub-range"),
    f("ipam-driver", "", Str, "IP Address Management Driver").def("default"),
    f("ipam-opt", "", Map(Check::None), "Set IPAM driver specific options").def("map[]"),
    f("ipv4", "", Bool, "Enable or disable IPv4 address assignment").def("true"),
    f("ipv6", "", Bool, "Enable or disable IPv6 address assignment"),
    f("label", "", List(Check::Label), "Set metadata on a network"),
    f("opt", "o", Map(Check::None), "Set driver specific options").def("map[]"),
    f("scope", "", Str, "Control the network's scope").version("1.30"),
    f("subnet", "", Strings, "Subnet in CIDR format that represents a network segment"),
];

#[rustfmt::skip]
pub static NETWORK_CREATE: C = C {
    name: "create",
    use_line: "create [OPTIONS] NETWORK",
    short: "Create a network",
    args: Args::Exact(1),
    flags: &[NETWORK_CREATE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const NETWORK_DISCONNECT_FLAGS: &[FlagSpec] = &[
    f("force", "f", Bool, "Force the container to disconnect from a network"),
];

#[rustfmt::skip]
pub static NETWORK_DISCONNECT: C = C {
    name: "disconnect",
    use_line: "disconnect [OPTIONS] NETWORK CONTAINER",
    short: "Disconnect a container from a network",
    args: Args::Exact(2),
    flags: &[NETWORK_DISCONNECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const NETWORK_INSPECT_FLAGS: &[FlagSpec] = &[
    f("format", "f", Str, INSPECT_FORMAT_HELP),
    f("verbose", "v", Bool, "Verbose output for diagnostics"),
];

#[rustfmt::skip]
pub static NETWORK_INSPECT: C = C {
    name: "inspect",
    use_line: "inspect [OPTIONS] NETWORK [NETWORK...]",
    short: "Display detailed information on one or more networks",
    args: Args::Min(1),
    flags: &[NETWORK_INSPECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const NETWORK_LS_FLAGS: &[FlagSpec] = &[
    f("filter", "f", Filter, "Provide filter values (e.g. \"driver=bridge\")"),
    f("format", "", Str, FORMAT_HELP),
    f("no-trunc", "", Bool, "Do not truncate the output"),
    f("quiet", "q", Bool, "Only display network IDs"),
];

#[rustfmt::skip]
pub static NETWORK_LS: C = C {
    name: "ls",
    use_line: "ls [OPTIONS]",
    short: "List networks",
    aliases: &["list"],
    args: Args::None,
    flags: &[NETWORK_LS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const NETWORK_PRUNE_FLAGS: &[FlagSpec] = &[
    f("filter", "", Filter, "Provide filter values (e.g. \"until=<timestamp>\")"),
    f("force", "f", Bool, "Do not prompt for confirmation"),
];

#[rustfmt::skip]
pub static NETWORK_PRUNE: C = C {
    name: "prune",
    use_line: "prune [OPTIONS]",
    short: "Remove all unused networks",
    args: Args::None,
    flags: &[NETWORK_PRUNE_FLAGS],
    gate: Gate { version: "1.25", ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const NETWORK_RM_FLAGS: &[FlagSpec] = &[
    f("force", "f", Bool, "Do not error if the network does not exist"),
];

#[rustfmt::skip]
pub static NETWORK_RM: C = C {
    name: "rm",
    use_line: "rm NETWORK [NETWORK...]",
    short: "Remove one or more networks",
    aliases: &["remove"],
    args: Args::Min(1),
    flags: &[NETWORK_RM_FLAGS],
    ..C::LEAF
};
