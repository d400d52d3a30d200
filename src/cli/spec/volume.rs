//! `docker volume …`.
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Args, Check, CommandSpec as C, FORMAT_HELP, FlagSpec, Gate, INSPECT_FORMAT_HELP, f};

#[rustfmt::skip]
pub static VOLUME: C = C {
    name: "volume",
    use_line: "volume COMMAND",
    short: "Manage volumes",
    subcommands: &[&VOLUME_CREATE, &VOLUME_INSPECT, &VOLUME_LS, &VOLUME_PRUNE, &VOLUME_RM, &VOLUME_UPDATE],
    gate: Gate { version: "1.21", ..Gate::NONE },
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const VOLUME_CREATE_FLAGS: &[FlagSpec] = &[
    f("availability", "", Str, "Cluster Volume availability (\"active\", \"pause\", \"drain\")").def("active").version("1.42").swarm("manager"),
    f("driver", "d", Str, "Specify volume driver name").def("local"),
    f("group", "", Str, "Cluster Volume group (cluster volumes)").version("1.42").swarm("manager"),
    f("label", "", List(Check::Label), "Set metadata for a volume"),
    f("limit-bytes", "", Bytes, "Minimum size of the Cluster Volume in bytes").version("1.42").swarm("manager"),
    f("name", "", Str, "Specify volume name").hidden(),
    f("opt", "o", Map(Check::None), "Set driver specific options").def("map[]"),
    f("required-bytes", "", Bytes, "Maximum size of the Cluster Volume in bytes").version("1.42").swarm("manager"),
    f("scope", "", Str, "Cluster Volume access scope (\"single\", \"multi\")").def("single").version("1.42").swarm("manager"),
    f("secret", "", Map(Check::None), "Cluster Volume secrets").def("map[]").version("1.42").swarm("manager"),
    f("sharing", "", Str, "Cluster Volume access sharing (\"none\", \"readonly\", \"onewriter\", \"all\")").def("none").version("1.42").swarm("manager"),
    f("topology-preferred", "", List(Check::None), "A topology that the Cluster Volume would be preferred in").version("1.42").swarm("manager"),
    f("topology-required", "", List(Check::None), "A topology that the Cluster Volume must be accessible from").version("1.42").swarm("manager"),
    f("type", "", Str, "Cluster Volume access type (\"mount\", \"block\")").def("block").version("1.42").swarm("manager"),
];

#[rustfmt::skip]
pub static VOLUME_CREATE: C = C {
    name: "create",
    use_line: "create [OPTIONS] [VOLUME]",
    short: "Create a volume",
    args: Args::Max(1),
    flags: &[VOLUME_CREATE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const VOLUME_INSPECT_FLAGS: &[FlagSpec] = &[
    f("format", "f", Str, INSPECT_FORMAT_HELP),
];

#[rustfmt::skip]
pub static VOLUME_INSPECT: C = C {
    name: "inspect",
    use_line: "inspect [OPTIONS] VOLUME [VOLUME...]",
    short: "Display detailed information on one or more volumes",
    args: Args::Min(1),
    flags: &[VOLUME_INSPECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const VOLUME_LS_FLAGS: &[FlagSpec] = &[
    f("cluster", "", Bool, "Display only cluster volumes, and use cluster volume list formatting").version("1.42").swarm("manager"),
    f("filter", "f", Filter, "Provide filter values (e.g. \"dangling=true\")"),
    f("format", "", Str, FORMAT_HELP),
    f("quiet", "q", Bool, "Only display volume names"),
];

#[rustfmt::skip]
pub static VOLUME_LS: C = C {
    name: "ls",
    use_line: "ls [OPTIONS]",
    short: "List volumes",
    aliases: &["list"],
    args: Args::None,
    flags: &[VOLUME_LS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const VOLUME_PRUNE_FLAGS: &[FlagSpec] = &[
    f("all", "a", Bool, "Remove all unused volumes, not just anonymous ones").version("1.42"),
    f("filter", "", Filter, "Provide filter values (e.g. \"label=<label>\")"),
    f("force", "f", Bool, "Do not prompt for confirmation"),
];

#[rustfmt::skip]
pub static VOLUME_PRUNE: C = C {
    name: "prune",
    use_line: "prune [OPTIONS]",
    short: "Remove unused local volumes",
    args: Args::None,
    flags: &[VOLUME_PRUNE_FLAGS],
    gate: Gate { version: "1.25", ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const VOLUME_RM_FLAGS: &[FlagSpec] = &[
    f("force", "f", Bool, "Force the removal of one or more volumes").version("1.25"),
];

#[rustfmt::skip]
pub static VOLUME_RM: C = C {
    name: "rm",
    use_line: "rm [OPTIONS] VOLUME [VOLUME...]",
    short: "Remove one or more volumes",
    long: "Remove one or more volumes. You cannot remove a volume that is in use by a container.",
    aliases: &["remove"],
    args: Args::Min(1),
    flags: &[VOLUME_RM_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const VOLUME_UPDATE_FLAGS: &[FlagSpec] = &[
    f("availability", "", Str, "Cluster Volume availability (\"active\", \"pause\", \"drain\")").def("active").version("1.42").swarm("manager"),
];

#[rustfmt::skip]
pub static VOLUME_UPDATE: C = C {
    name: "update",
    use_line: "update [OPTIONS] [VOLUME]",
    short: "Update a volume (cluster volumes only)",
    args: Args::Exact(1),
    flags: &[VOLUME_UPDATE_FLAGS],
    gate: Gate { version: "1.42", swarm: Some("manager"), ..Gate::NONE },
    ..C::LEAF
};
