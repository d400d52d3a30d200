//! `docker system …`, `version`, `info`, `events`, `inspect` and the registry commands (`login`, `logout`, `search`).
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Args, CommandSpec as C, FORMAT_HELP, FlagSpec, Gate, INSPECT_FORMAT_HELP, f};

#[rustfmt::skip]
pub(super) const LOGIN_FLAGS: &[FlagSpec] = &[
    f("password", "p", Str, "Password or Personal Access Token (PAT)"),
    f("password-stdin", "", Bool, "Take the Password or Personal Access Token (PAT) from stdin"),
    f("username", "u", Str, "Username"),
];

#[rustfmt::skip]
pub static LOGIN: C = C {
    name: "login",
    use_line: "login [OPTIONS] [SERVER]",
    short: "Authenticate to a registry",
    long: "Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.",
    args: Args::Max(1),
    flags: &[LOGIN_FLAGS],
    category_top: 8,
    ..C::LEAF
};

#[rustfmt::skip]
pub static LOGOUT: C = C {
    name: "logout",
    use_line: "logout [SERVER]",
    short: "Log out from a registry",
    long: "Log out from a registry.\nIf no server is specified, the default is defined by the daemon.",
    args: Args::Max(1),
    category_top: 9,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SEARCH_FLAGS: &[FlagSpec] = &[
    f("filter", "f", Filter, "Filter output based on conditions provided"),
    f("format", "", Str, "Pretty-print search using a Go template"),
    f("limit", "", Int, "Max number of search results"),
    f("no-trunc", "", Bool, "Don't truncate output"),
];

#[rustfmt::skip]
pub static SEARCH: C = C {
    name: "search",
    use_line: "search [OPTIONS] TERM",
    short: "Search Docker Hub for images",
    args: Args::Exact(1),
    flags: &[SEARCH_FLAGS],
    category_top: 10,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const VERSION_FLAGS: &[FlagSpec] = &[
    f("format", "f", Str, INSPECT_FORMAT_HELP),
];

#[rustfmt::skip]
pub static VERSION: C = C {
    name: "version",
    use_line: "version [OPTIONS]",
    short: "Show the Docker version information",
    args: Args::None,
    flags: &[VERSION_FLAGS],
    category_top: 10,
    ..C::LEAF
};

#[rustfmt::skip]
pub static INFO: C = C {
    name: "info",
    use_line: "info [OPTIONS]",
    short: "Display system-wide information",
    aliases_text: "docker system info, docker info",
    args: Args::None,
    flags: &[VERSION_FLAGS],
    category_top: 12,
    ..C::LEAF
};

#[rustfmt::skip]
pub static SYSTEM: C = C {
    name: "system",
    use_line: "system",
    short: "Manage Docker",
    subcommands: &[&SYSTEM_DF, &SYSTEM_EVENTS, &SYSTEM_INFO, &SYSTEM_PRUNE],
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const SYSTEM_DF_FLAGS: &[FlagSpec] = &[
    f("format", "", Str, FORMAT_HELP),
    f("verbose", "v", Bool, "Show detailed information on space usage"),
];

#[rustfmt::skip]
pub static SYSTEM_DF: C = C {
    name: "df",
    use_line: "df [OPTIONS]",
    short: "Show docker disk usage",
    args: Args::None,
    flags: &[SYSTEM_DF_FLAGS],
    gate: Gate { version: "1.25", ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SYSTEM_EVENTS_FLAGS: &[FlagSpec] = &[
    f("filter", "f", Filter, "Filter output based on conditions provided"),
    f("format", "", Str, INSPECT_FORMAT_HELP),
    f("since", "", Str, "Show all events created since timestamp"),
    f("until", "", Str, "Stream events until this timestamp"),
];

#[rustfmt::skip]
pub static SYSTEM_EVENTS: C = C {
    name: "events",
    use_line: "events [OPTIONS]",
    short: "Get real time events from the server",
    aliases_text: "docker system events, docker events",
    args: Args::None,
    flags: &[SYSTEM_EVENTS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SYSTEM_INFO_FLAGS: &[FlagSpec] = &[
    f("format", "f", Str, INSPECT_FORMAT_HELP),
];

#[rustfmt::skip]
pub static SYSTEM_INFO: C = C {
    name: "info",
    use_line: "info [OPTIONS]",
    short: "Display system-wide information",
    aliases_text: "docker system info, docker info",
    args: Args::None,
    flags: &[SYSTEM_INFO_FLAGS],
    category_top: 12,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SYSTEM_PRUNE_FLAGS: &[FlagSpec] = &[
    f("all", "a", Bool, "Remove all unused images not just dangling ones"),
    f("filter", "", Filter, "Provide filter values (e.g. \"label=<key>=<value>\")").version("1.28"),
    f("force", "f", Bool, "Do not prompt for confirmation"),
    f("volumes", "", Bool, "Prune anonymous volumes"),
];

#[rustfmt::skip]
pub static SYSTEM_PRUNE: C = C {
    name: "prune",
    use_line: "prune [OPTIONS]",
    short: "Remove unused data",
    args: Args::None,
    flags: &[SYSTEM_PRUNE_FLAGS],
    gate: Gate { version: "1.25", ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const INSPECT_FLAGS: &[FlagSpec] = &[
    f("format", "f", Str, INSPECT_FORMAT_HELP),
    f("size", "s", Bool, "Display total file sizes if the type is container"),
    f("type", "", Str, "Only inspect objects of the given type"),
];

#[rustfmt::skip]
pub static INSPECT: C = C {
    name: "inspect",
    use_line: "inspect [OPTIONS] NAME|ID [NAME|ID...]",
    short: "Return low-level information on Docker objects",
    args: Args::Min(1),
    flags: &[INSPECT_FLAGS],
    ..C::LEAF
};
