//! `docker node …`.
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Args, Check, CommandSpec as C, FORMAT_HELP, FlagSpec, Gate, INSPECT_FORMAT_HELP, f};

#[rustfmt::skip]
pub static NODE: C = C {
    name: "node",
    use_line: "node",
    short: "Manage Swarm nodes",
    subcommands: &[&NODE_DEMOTE, &NODE_INSPECT, &NODE_LS, &NODE_PROMOTE, &NODE_PS, &NODE_RM, &NODE_UPDATE],
    gate: Gate { version: "1.24", swarm: Some("manager"), ..Gate::NONE },
    ..C::GROUP
};

#[rustfmt::skip]
pub static NODE_DEMOTE: C = C {
    name: "demote",
    use_line: "demote NODE [NODE...]",
    short: "Demote one or more nodes from manager in the swarm",
    args: Args::Min(1),
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const NODE_INSPECT_FLAGS: &[FlagSpec] = &[
    f("format", "f", Str, INSPECT_FORMAT_HELP),
    f("pretty", "", Bool, "Print the information in a human friendly format"),
];

#[rustfmt::skip]
pub static NODE_INSPECT: C = C {
    name: "inspect",
    use_line: "inspect [OPTIONS] self|NODE [NODE...]",
    short: "Display detailed information on one or more nodes",
    args: Args::Min(1),
    flags: &[NODE_INSPECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const NODE_LS_FLAGS: &[FlagSpec] = &[
    f("filter", "f", Filter, "Filter output based on conditions provided"),
    f("format", "", Str, FORMAT_HELP),
    f("quiet", "q", Bool, "Only display IDs"),
];

#[rustfmt::skip]
pub static NODE_LS: C = C {
    name: "ls",
    use_line: "ls [OPTIONS]",
    short: "List nodes in the swarm",
    aliases: &["list"],
    args: Args::None,
    flags: &[NODE_LS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static NODE_PROMOTE: C = C {
    name: "promote",
    use_line: "promote NODE [NODE...]",
    short: "Promote one or more nodes to manager in the swarm",
    args: Args::Min(1),
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const NODE_PS_FLAGS: &[FlagSpec] = &[
    f("filter", "f", Filter, "Filter output based on conditions provided"),
    f("format", "", Str, "Pretty-print tasks using a Go template"),
    f("no-resolve", "", Bool, "Do not map IDs to Names"),
    f("no-trunc", "", Bool, "Do not truncate output"),
    f("quiet", "q", Bool, "Only display task IDs"),
];

#[rustfmt::skip]
pub static NODE_PS: C = C {
    name: "ps",
    use_line: "ps [OPTIONS] [NODE...]",
    short: "List tasks running on one or more nodes, defaults to current node",
    flags: &[NODE_PS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const NODE_RM_FLAGS: &[FlagSpec] = &[
    f("force", "f", Bool, "Force remove a node from the swarm"),
];

#[rustfmt::skip]
pub static NODE_RM: C = C {
    name: "rm",
    use_line: "rm [OPTIONS] NODE [NODE...]",
    short: "Remove one or more nodes from the swarm",
    aliases: &["remove"],
    args: Args::Min(1),
    flags: &[NODE_RM_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const NODE_UPDATE_FLAGS: &[FlagSpec] = &[
    f("availability", "", Str, "Availability of the node (\"active\", \"pause\", \"drain\")"),
    f("label-add", "", List(Check::None), "Add or update a node label (\"key=value\")"),
    f("label-rm", "", List(Check::None), "Remove a node label if exists"),
    f("role", "", Str, "Role of the node (\"worker\", \"manager\")"),
];

#[rustfmt::skip]
pub static NODE_UPDATE: C = C {
    name: "update",
    use_line: "update [OPTIONS] NODE",
    short: "Update a node",
    args: Args::Exact(1),
    flags: &[NODE_UPDATE_FLAGS],
    ..C::LEAF
};
