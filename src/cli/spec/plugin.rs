//! `docker plugin …`.
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Args, CommandSpec as C, FORMAT_HELP, FlagSpec, Gate, INSPECT_FORMAT_HELP, f};

#[rustfmt::skip]
pub static PLUGIN: C = C {
    name: "plugin",
    use_line: "plugin",
    short: "Manage plugins",
    subcommands: &[&PLUGIN_CREATE, &PLUGIN_DISABLE, &PLUGIN_ENABLE, &PLUGIN_INSPECT, &PLUGIN_INSTALL, &PLUGIN_LS, &PLUGIN_PUSH, &PLUGIN_RM, &PLUGIN_SET, &PLUGIN_UPGRADE],
    gate: Gate { version: "1.25", ..Gate::NONE },
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const PLUGIN_CREATE_FLAGS: &[FlagSpec] = &[
    f("compress", "", Bool, "Compress the context using gzip"),
];

#[rustfmt::skip]
pub static PLUGIN_CREATE: C = C {
    name: "create",
    use_line: "create [OPTIONS] PLUGIN PLUGIN-DATA-DIR",
    short: "Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.",
    args: Args::Min(2),
    flags: &[PLUGIN_CREATE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const PLUGIN_DISABLE_FLAGS: &[FlagSpec] = &[
    f("force", "f", Bool, "Force the disable of an active plugin"),
];

#[rustfmt::skip]
pub static PLUGIN_DISABLE: C = C {
    name: "disable",
    use_line: "disable [OPTIONS] PLUGIN",
    short: "Disable a plugin",
    args: Args::Exact(1),
    flags: &[PLUGIN_DISABLE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const PLUGIN_ENABLE_FLAGS: &[FlagSpec] = &[
    f("timeout", "", Int, "HTTP client timeout (in seconds)").def("30"),
];

#[rustfmt::skip]
pub static PLUGIN_ENABLE: C = C {
    name: "enable",
    use_line: "enable [OPTIONS] PLUGIN",
    short: "Enable a plugin",
    args: Args::Exact(1),
    flags: &[PLUGIN_ENABLE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const PLUGIN_INSPECT_FLAGS: &[FlagSpec] = &[
    f("format", "f", Str, INSPECT_FORMAT_HELP),
];

#[rustfmt::skip]
pub static PLUGIN_INSPECT: C = C {
    name: "inspect",
    use_line: "inspect [OPTIONS] PLUGIN [PLUGIN...]",
    short: "Display detailed information on one or more plugins",
    args: Args::Min(1),
    flags: &[PLUGIN_INSPECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const PLUGIN_INSTALL_FLAGS: &[FlagSpec] = &[
    f("alias", "", Str, "Local name for plugin"),
    f("disable", "", Bool, "Do not enable the plugin on install"),
    f("disable-content-trust", "", Bool, "Skip image verification").def("true"),
    f("grant-all-permissions", "", Bool, "Grant all permissions necessary to run the plugin"),
];

#[rustfmt::skip]
pub static PLUGIN_INSTALL: C = C {
    name: "install",
    use_line: "install [OPTIONS] PLUGIN [KEY=VALUE...]",
    short: "Install a plugin",
    args: Args::Min(1),
    flags: &[PLUGIN_INSTALL_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const PLUGIN_LS_FLAGS: &[FlagSpec] = &[
    f("filter", "f", Filter, "Provide filter values (e.g. \"enabled=true\")"),
    f("format", "", Str, FORMAT_HELP),
    f("no-trunc", "", Bool, "Don't truncate output"),
    f("quiet", "q", Bool, "Only display plugin IDs"),
];

#[rustfmt::skip]
pub static PLUGIN_LS: C = C {
    name: "ls",
    use_line: "ls [OPTIONS]",
    short: "List plugins",
    aliases: &["list"],
    args: Args::None,
    flags: &[PLUGIN_LS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const PLUGIN_PUSH_FLAGS: &[FlagSpec] = &[
    f("disable-content-trust", "", Bool, "Skip image signing").def("true"),
];

#[rustfmt::skip]
pub static PLUGIN_PUSH: C = C {
    name: "push",
    use_line: "push [OPTIONS] PLUGIN[:TAG]",
    short: "Push a plugin to a registry",
    args: Args::Exact(1),
    flags: &[PLUGIN_PUSH_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const PLUGIN_RM_FLAGS: &[FlagSpec] = &[
    f("force", "f", Bool, "Force the removal of an active plugin"),
];

#[rustfmt::skip]
pub static PLUGIN_RM: C = C {
    name: "rm",
    use_line: "rm [OPTIONS] PLUGIN [PLUGIN...]",
    short: "Remove one or more plugins",
    aliases: &["remove"],
    args: Args::Min(1),
    flags: &[PLUGIN_RM_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static PLUGIN_SET: C = C {
    name: "set",
    use_line: "set PLUGIN KEY=VALUE [KEY=VALUE...]",
    short: "Change settings for a plugin",
    args: Args::Min(2),
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const PLUGIN_UPGRADE_FLAGS: &[FlagSpec] = &[
    f("disable-content-trust", "", Bool, "Skip image verification").def("true"),
    f("grant-all-permissions", "", Bool, "Grant all permissions necessary to run the plugin"),
    f("skip-remote-check", "", Bool, "Do not check if specified remote plugin matches existing plugin image"),
];

#[rustfmt::skip]
pub static PLUGIN_UPGRADE: C = C {
    name: "upgrade",
    use_line: "upgrade [OPTIONS] PLUGIN [REMOTE]",
    short: "Upgrade an existing plugin",
    args: Args::Range(1, 2),
    flags: &[PLUGIN_UPGRADE_FLAGS],
    gate: Gate { version: "1.26", ..Gate::NONE },
    ..C::LEAF
};
