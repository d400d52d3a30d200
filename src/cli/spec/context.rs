//! `docker context …`.
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Args, CommandSpec as C, FORMAT_HELP, FlagSpec, INSPECT_FORMAT_HELP, f};

#[rustfmt::skip]
pub static CONTEXT: C = C {
    name: "context",
    use_line: "context",
    short: "Manage contexts",
    subcommands: &[&CONTEXT_CREATE, &CONTEXT_EXPORT, &CONTEXT_IMPORT, &CONTEXT_INSPECT, &CONTEXT_LS, &CONTEXT_RM, &CONTEXT_SHOW, &CONTEXT_UPDATE, &CONTEXT_USE],
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const CONTEXT_CREATE_FLAGS: &[FlagSpec] = &[
    f("description", "", Str, "Description of the context"),
    f("docker", "", StringToString, "set the docker endpoint").def("[]"),
    f("from", "", Str, "create context from a named context"),
];

#[rustfmt::skip]
pub static CONTEXT_CREATE: C = C {
    name: "create",
    use_line: "create [OPTIONS] CONTEXT",
    short: "Create a context",
    long: "Create a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context's Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context create my-context --description \"some description\" --docker \"host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file\"",
    args: Args::Exact(1),
    flags: &[CONTEXT_CREATE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTEXT_EXPORT: C = C {
    name: "export",
    use_line: "export [OPTIONS] CONTEXT [FILE|-]",
    short: "Export a context to a tar archive FILE or a tar stream on STDOUT.",
    args: Args::Range(1, 2),
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTEXT_IMPORT: C = C {
    name: "import",
    use_line: "import CONTEXT FILE|-",
    short: "Import a context from a tar or zip file",
    args: Args::Exact(2),
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTEXT_INSPECT_FLAGS: &[FlagSpec] = &[
    f("format", "f", Str, INSPECT_FORMAT_HELP),
];

#[rustfmt::skip]
pub static CONTEXT_INSPECT: C = C {
    name: "inspect",
    use_line: "inspect [OPTIONS] [CONTEXT] [CONTEXT...]",
    short: "Display detailed information on one or more contexts",
    flags: &[CONTEXT_INSPECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTEXT_LS_FLAGS: &[FlagSpec] = &[
    f("format", "", Str, FORMAT_HELP),
    f("quiet", "q", Bool, "Only show context names"),
];

#[rustfmt::skip]
pub static CONTEXT_LS: C = C {
    name: "ls",
    use_line: "ls [OPTIONS]",
    short: "List contexts",
    aliases: &["list"],
    args: Args::None,
    flags: &[CONTEXT_LS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTEXT_RM_FLAGS: &[FlagSpec] = &[
    f("force", "f", Bool, "Force the removal of a context in use"),
];

#[rustfmt::skip]
pub static CONTEXT_RM: C = C {
    name: "rm",
    use_line: "rm CONTEXT [CONTEXT...]",
    short: "Remove one or more contexts",
    aliases: &["remove"],
    args: Args::Min(1),
    flags: &[CONTEXT_RM_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTEXT_SHOW: C = C {
    name: "show",
    use_line: "show",
    short: "Print the name of the current context",
    args: Args::None,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTEXT_UPDATE_FLAGS: &[FlagSpec] = &[
    f("description", "", Str, "Description of the context"),
    f("docker", "", StringToString, "set the docker endpoint").def("[]"),
];

#[rustfmt::skip]
pub static CONTEXT_UPDATE: C = C {
    name: "update",
    use_line: "update [OPTIONS] CONTEXT",
    short: "Update a context",
    long: "Update a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context's Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context update my-context --description \"some description\" --docker \"host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file\"",
    args: Args::Exact(1),
    flags: &[CONTEXT_UPDATE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTEXT_USE: C = C {
    name: "use",
    use_line: "use CONTEXT",
    short: "Set the current docker context",
    args: Args::CobraExact(1),
    ..C::LEAF
};
