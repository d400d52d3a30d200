//! Swarm object commands doca knows only by their interface: `stack`, `config`, `secret`.
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Args, Check, CommandSpec as C, FORMAT_HELP, FlagSpec, Gate, INSPECT_FORMAT_HELP, f};

#[rustfmt::skip]
pub static CONFIG: C = C {
    name: "config",
    use_line: "config",
    short: "Manage Swarm configs",
    subcommands: &[&CONFIG_CREATE, &CONFIG_INSPECT, &CONFIG_LS, &CONFIG_RM],
    gate: Gate { version: "1.30", swarm: Some("manager"), ..Gate::NONE },
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const CONFIG_CREATE_FLAGS: &[FlagSpec] = &[
    f("label", "l", List(Check::Label), "Config labels"),
    f("template-driver", "", Str, "Template driver").version("1.37"),
];

#[rustfmt::skip]
pub static CONFIG_CREATE: C = C {
    name: "create",
    use_line: "create [OPTIONS] CONFIG file|-",
    short: "Create a config from a file or STDIN",
    args: Args::Exact(2),
    flags: &[CONFIG_CREATE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONFIG_INSPECT_FLAGS: &[FlagSpec] = &[
    f("format", "f", Str, INSPECT_FORMAT_HELP),
    f("pretty", "", Bool, "Print the information in a human friendly format"),
];

#[rustfmt::skip]
pub static CONFIG_INSPECT: C = C {
    name: "inspect",
    use_line: "inspect [OPTIONS] CONFIG [CONFIG...]",
    short: "Display detailed information on one or more configs",
    args: Args::Min(1),
    flags: &[CONFIG_INSPECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONFIG_LS_FLAGS: &[FlagSpec] = &[
    f("filter", "f", Filter, "Filter output based on conditions provided"),
    f("format", "", Str, FORMAT_HELP),
    f("quiet", "q", Bool, "Only display IDs"),
];

#[rustfmt::skip]
pub static CONFIG_LS: C = C {
    name: "ls",
    use_line: "ls [OPTIONS]",
    short: "List configs",
    aliases: &["list"],
    args: Args::None,
    flags: &[CONFIG_LS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONFIG_RM: C = C {
    name: "rm",
    use_line: "rm CONFIG [CONFIG...]",
    short: "Remove one or more configs",
    aliases: &["remove"],
    args: Args::Min(1),
    ..C::LEAF
};

#[rustfmt::skip]
pub static SECRET: C = C {
    name: "secret",
    use_line: "secret",
    short: "Manage Swarm secrets",
    subcommands: &[&SECRET_CREATE, &SECRET_INSPECT, &SECRET_LS, &SECRET_RM],
    gate: Gate { version: "1.25", swarm: Some("manager"), ..Gate::NONE },
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const SECRET_CREATE_FLAGS: &[FlagSpec] = &[
    f("driver", "d", Str, "Secret driver").version("1.31"),
    f("label", "l", List(Check::Label), "Secret labels"),
    f("template-driver", "", Str, "Template driver").version("1.37"),
];

#[rustfmt::skip]
pub static SECRET_CREATE: C = C {
    name: "create",
    use_line: "create [OPTIONS] SECRET [file|-]",
    short: "Create a secret from a file or STDIN as content",
    args: Args::Range(1, 2),
    flags: &[SECRET_CREATE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SECRET_INSPECT_FLAGS: &[FlagSpec] = &[
    f("format", "f", Str, INSPECT_FORMAT_HELP),
    f("pretty", "", Bool, "Print the information in a human friendly format"),
];

#[rustfmt::skip]
pub static SECRET_INSPECT: C = C {
    name: "inspect",
    use_line: "inspect [OPTIONS] SECRET [SECRET...]",
    short: "Display detailed information on one or more secrets",
    args: Args::Min(1),
    flags: &[SECRET_INSPECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SECRET_LS_FLAGS: &[FlagSpec] = &[
    f("filter", "f", Filter, "Filter output based on conditions provided"),
    f("format", "", Str, FORMAT_HELP),
    f("quiet", "q", Bool, "Only display IDs"),
];

#[rustfmt::skip]
pub static SECRET_LS: C = C {
    name: "ls",
    use_line: "ls [OPTIONS]",
    short: "List secrets",
    aliases: &["list"],
    args: Args::None,
    flags: &[SECRET_LS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static SECRET_RM: C = C {
    name: "rm",
    use_line: "rm SECRET [SECRET...]",
    short: "Remove one or more secrets",
    aliases: &["remove"],
    args: Args::Min(1),
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const STACK_FLAGS: &[FlagSpec] = &[
    f("orchestrator", "", Str, "Orchestrator to use (swarm|all)").deprecated("option will be ignored").persistent(),
];

#[rustfmt::skip]
pub static STACK: C = C {
    name: "stack",
    use_line: "stack [OPTIONS]",
    short: "Manage Swarm stacks",
    flags: &[STACK_FLAGS],
    subcommands: &[&STACK_CONFIG, &STACK_DEPLOY, &STACK_LS, &STACK_PS, &STACK_RM, &STACK_SERVICES],
    gate: Gate { version: "1.25", swarm: Some("manager"), ..Gate::NONE },
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const STACK_CONFIG_FLAGS: &[FlagSpec] = &[
    f("compose-file", "c", Strings, "Path to a Compose file, or \"-\" to read from stdin"),
    f("skip-interpolation", "", Bool, "Skip interpolation and output only merged config"),
];

#[rustfmt::skip]
pub static STACK_CONFIG: C = C {
    name: "config",
    use_line: "config [OPTIONS]",
    short: "Outputs the final config file, after doing merges and interpolations",
    args: Args::None,
    flags: &[STACK_CONFIG_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const STACK_DEPLOY_FLAGS: &[FlagSpec] = &[
    f("compose-file", "c", Strings, "Path to a Compose file, or \"-\" to read from stdin").version("1.25"),
    f("detach", "d", Bool, "Exit immediately instead of waiting for the stack services to converge").def("true"),
    f("prune", "", Bool, "Prune services that are no longer referenced").version("1.27"),
    f("quiet", "q", Bool, "Suppress progress output"),
    f("resolve-image", "", Str, "Query the registry to resolve image digest and supported platforms (\"always\", \"changed\", \"never\")").def("always").version("1.30"),
    f("with-registry-auth", "", Bool, "Send registry authentication details to Swarm agents"),
];

#[rustfmt::skip]
pub static STACK_DEPLOY: C = C {
    name: "deploy",
    use_line: "deploy [OPTIONS] STACK",
    short: "Deploy a new stack or update an existing stack",
    aliases: &["up"],
    args: Args::Exact(1),
    flags: &[STACK_DEPLOY_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const STACK_LS_FLAGS: &[FlagSpec] = &[
    f("format", "", Str, FORMAT_HELP),
];

#[rustfmt::skip]
pub static STACK_LS: C = C {
    name: "ls",
    use_line: "ls [OPTIONS]",
    short: "List stacks",
    aliases: &["list"],
    args: Args::None,
    flags: &[STACK_LS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const STACK_PS_FLAGS: &[FlagSpec] = &[
    f("filter", "f", Filter, "Filter output based on conditions provided"),
    f("format", "", Str, FORMAT_HELP),
    f("no-resolve", "", Bool, "Do not map IDs to Names"),
    f("no-trunc", "", Bool, "Do not truncate output"),
    f("quiet", "q", Bool, "Only display task IDs"),
];

#[rustfmt::skip]
pub static STACK_PS: C = C {
    name: "ps",
    use_line: "ps [OPTIONS] STACK",
    short: "List the tasks in the stack",
    args: Args::Exact(1),
    flags: &[STACK_PS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const STACK_RM_FLAGS: &[FlagSpec] = &[
    f("detach", "d", Bool, "Do not wait for stack removal").def("true"),
];

#[rustfmt::skip]
pub static STACK_RM: C = C {
    name: "rm",
    use_line: "rm [OPTIONS] STACK [STACK...]",
    short: "Remove one or more stacks",
    aliases: &["remove", "down"],
    args: Args::Min(1),
    flags: &[STACK_RM_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const STACK_SERVICES_FLAGS: &[FlagSpec] = &[
    f("filter", "f", Filter, "Filter output based on conditions provided"),
    f("format", "", Str, FORMAT_HELP),
    f("quiet", "q", Bool, "Only display IDs"),
];

#[rustfmt::skip]
pub static STACK_SERVICES: C = C {
    name: "services",
    use_line: "services [OPTIONS] STACK",
    short: "List the services in the stack",
    args: Args::Exact(1),
    flags: &[STACK_SERVICES_FLAGS],
    ..C::LEAF
};
