//! The root `docker` command: its global options, the inherited `--help` flag and the
//! list of top-level commands.
//!
//! Invariant: `ROOT.subcommands` is sorted by name; defaults that depend on the user's
//! home use the `<config>` placeholder, which help rendering replaces.

use super::Kind::*;
use super::{Action, Args, Check, CommandSpec as C, FlagSpec, Gate, f};

/// `docker [OPTIONS]`: the client's own options (cli/flags/options.go).
#[rustfmt::skip]
pub const GLOBAL_FLAGS: &[FlagSpec] = &[
    f("config", "", Str, "Location of client config files").def("<config>"),
    f("context", "c", Str, "Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with \"docker context use\")"),
    f("debug", "D", Bool, "Enable debug mode"),
    f("host", "H", List(Check::None), "Daemon socket to connect to"),
    f("log-level", "l", Str, "Set the logging level (\"debug\", \"info\", \"warn\", \"error\", \"fatal\")").def("info"),
    f("tls", "", Bool, "Use TLS; implied by --tlsverify"),
    f("tlscacert", "", Str, "Trust certs signed only by this CA").def("<config>/ca.pem"),
    f("tlscert", "", Str, "Path to TLS certificate file").def("<config>/cert.pem"),
    f("tlskey", "", Str, "Path to TLS key file").def("<config>/key.pem"),
    f("tlsverify", "", Bool, "Use TLS and verify the remote"),
    f("version", "v", Bool, "Print version information and quit"),
];

/// `-h, --help`, a persistent flag of the root: hidden, its shorthand deprecated.
pub const HELP_FLAG: FlagSpec = f("help", "h", Bool, "Print usage")
    .hidden()
    .short_deprecated("use --help")
    .persistent();

/// `docker bake`: a stub replaced by buildx when installed; hidden without it.
#[rustfmt::skip]
pub static BAKE: C = C {
    name: "bake",
    use_line: "bake [OPTIONS] [TARGET...]",
    short: "Build from a file",
    aliases_text: "docker buildx bake",
    gate: Gate { version: "1.31", ..Gate::NONE },
    category_top: 5,
    hidden: true,
    action: Action::ShowHelp,
    ..C::LEAF
};

/// `docker`.
#[rustfmt::skip]
pub static ROOT: C = C {
    name: "docker",
    use_line: "docker [OPTIONS] COMMAND [ARG...]",
    short: "A self-sufficient runtime for containers",
    args: Args::Any,
    flags: &[GLOBAL_FLAGS],
    subcommands: &[
        &super::container::CONTAINER_ATTACH,
        &BAKE,
        &super::image::BUILD,
        &super::builder::BUILDER,
        &super::other::CHECKPOINT,
        &super::container::CONTAINER_COMMIT,
        &super::stack::CONFIG,
        &super::container::CONTAINER,
        &super::context::CONTEXT,
        &super::container::CONTAINER_CP,
        &super::container::CONTAINER_CREATE,
        &super::container::CONTAINER_DIFF,
        &super::system::SYSTEM_EVENTS,
        &super::container::EXEC,
        &super::container::CONTAINER_EXPORT,
        &super::image::IMAGE_HISTORY,
        &super::image::IMAGE,
        &super::image::IMAGES,
        &super::image::IMAGE_IMPORT,
        &super::system::INFO,
        &super::system::INSPECT,
        &super::container::CONTAINER_KILL,
        &super::image::IMAGE_LOAD,
        &super::system::LOGIN,
        &super::system::LOGOUT,
        &super::container::CONTAINER_LOGS,
        &super::other::MANIFEST,
        &super::network::NETWORK,
        &super::node::NODE,
        &super::container::CONTAINER_PAUSE,
        &super::plugin::PLUGIN,
        &super::container::CONTAINER_PORT,
        &super::container::PS,
        &super::image::PULL,
        &super::image::PUSH,
        &super::container::CONTAINER_RENAME,
        &super::container::CONTAINER_RESTART,
        &super::container::CONTAINER_RM,
        &super::image::RMI,
        &super::container::RUN,
        &super::image::IMAGE_SAVE,
        &super::system::SEARCH,
        &super::stack::SECRET,
        &super::service::SERVICE,
        &super::stack::STACK,
        &super::container::CONTAINER_START,
        &super::container::CONTAINER_STATS,
        &super::container::CONTAINER_STOP,
        &super::swarm::SWARM,
        &super::system::SYSTEM,
        &super::image::IMAGE_TAG,
        &super::container::CONTAINER_TOP,
        &super::other::TRUST,
        &super::container::CONTAINER_UNPAUSE,
        &super::container::CONTAINER_UPDATE,
        &super::system::VERSION,
        &super::volume::VOLUME,
        &super::container::CONTAINER_WAIT,    ],
    ..C::LEAF
};

/// cobra's `help [command]`, reachable from the root but never listed.
#[rustfmt::skip]
pub static HELP_COMMAND: C = C {
    name: "help",
    use_line: "help [command]",
    short: "Help about the command",
    hidden: true,
    ..C::LEAF
};
