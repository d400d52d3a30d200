//! Commands doca knows only by their interface: `manifest`, `trust`, `checkpoint`.
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Action, Args, Check, CommandSpec as C, FlagSpec, Gate, f};

#[rustfmt::skip]
pub static MANIFEST: C = C {
    name: "manifest",
    use_line: "manifest COMMAND",
    short: "Manage Docker image manifests and manifest lists",
    long: "The **docker manifest** command has subcommands for managing image manifests and\nmanifest lists. A manifest list allows you to use one name to refer to the same image\nbuilt for multiple architectures.\n\nTo see help for a subcommand, use:\n\n    docker manifest CMD --help\n\nFor full details on using docker manifest lists, see the registry v2 specification.",
    subcommands: &[&MANIFEST_ANNOTATE, &MANIFEST_CREATE, &MANIFEST_INSPECT, &MANIFEST_PUSH, &MANIFEST_RM],
    experimental_cli: true,
    action: Action::ManifestUsage,
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const MANIFEST_ANNOTATE_FLAGS: &[FlagSpec] = &[
    f("arch", "", Str, "Set architecture"),
    f("os", "", Str, "Set operating system"),
    f("os-features", "", Strings, "Set operating system feature"),
    f("os-version", "", Str, "Set operating system version"),
    f("variant", "", Str, "Set architecture variant"),
];

#[rustfmt::skip]
pub static MANIFEST_ANNOTATE: C = C {
    name: "annotate",
    use_line: "annotate [OPTIONS] MANIFEST_LIST MANIFEST",
    short: "Add additional information to a local image manifest",
    args: Args::Exact(2),
    flags: &[MANIFEST_ANNOTATE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const MANIFEST_CREATE_FLAGS: &[FlagSpec] = &[
    f("amend", "a", Bool, "Amend an existing manifest list"),
    f("insecure", "", Bool, "Allow communication with an insecure registry"),
];

#[rustfmt::skip]
pub static MANIFEST_CREATE: C = C {
    name: "create",
    use_line: "create MANIFEST_LIST MANIFEST [MANIFEST...]",
    short: "Create a local manifest list for annotating and pushing to a registry",
    args: Args::Min(2),
    flags: &[MANIFEST_CREATE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const MANIFEST_INSPECT_FLAGS: &[FlagSpec] = &[
    f("insecure", "", Bool, "Allow communication with an insecure registry"),
    f("verbose", "v", Bool, "Output additional info including layers and platform"),
];

#[rustfmt::skip]
pub static MANIFEST_INSPECT: C = C {
    name: "inspect",
    use_line: "inspect [OPTIONS] [MANIFEST_LIST] MANIFEST",
    short: "Display an image manifest, or manifest list",
    args: Args::Range(1, 2),
    flags: &[MANIFEST_INSPECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const MANIFEST_PUSH_FLAGS: &[FlagSpec] = &[
    f("insecure", "", Bool, "Allow push to an insecure registry"),
    f("purge", "p", Bool, "Remove the local manifest list after push"),
];

#[rustfmt::skip]
pub static MANIFEST_PUSH: C = C {
    name: "push",
    use_line: "push [OPTIONS] MANIFEST_LIST",
    short: "Push a manifest list to a repository",
    args: Args::Exact(1),
    flags: &[MANIFEST_PUSH_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static MANIFEST_RM: C = C {
    name: "rm",
    use_line: "rm MANIFEST_LIST [MANIFEST_LIST...]",
    short: "Delete one or more manifest lists from local storage",
    args: Args::Min(1),
    ..C::LEAF
};

#[rustfmt::skip]
pub static TRUST: C = C {
    name: "trust",
    use_line: "trust",
    short: "Manage trust on Docker images",
    subcommands: &[&TRUST_INSPECT, &TRUST_KEY, &TRUST_REVOKE, &TRUST_SIGN, &TRUST_SIGNER],
    ..C::GROUP
};

#[rustfmt::skip]
pub static TRUST_KEY: C = C {
    name: "key",
    use_line: "key",
    short: "Manage keys for signing Docker images",
    subcommands: &[&TRUST_KEY_GENERATE, &TRUST_KEY_LOAD],
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const TRUST_KEY_GENERATE_FLAGS: &[FlagSpec] = &[
    f("dir", "", Str, "Directory to generate key in, defaults to current directory"),
];

#[rustfmt::skip]
pub static TRUST_KEY_GENERATE: C = C {
    name: "generate",
    use_line: "generate NAME",
    short: "Generate and load a signing key-pair",
    args: Args::Exact(1),
    flags: &[TRUST_KEY_GENERATE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const TRUST_KEY_LOAD_FLAGS: &[FlagSpec] = &[
    f("name", "", Str, "Name for the loaded key").def("signer"),
];

#[rustfmt::skip]
pub static TRUST_KEY_LOAD: C = C {
    name: "load",
    use_line: "load [OPTIONS] KEYFILE",
    short: "Load a private key file for signing",
    args: Args::Exact(1),
    flags: &[TRUST_KEY_LOAD_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static TRUST_SIGNER: C = C {
    name: "signer",
    use_line: "signer",
    short: "Manage entities who can sign Docker images",
    subcommands: &[&TRUST_SIGNER_ADD, &TRUST_SIGNER_REMOVE],
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const TRUST_SIGNER_ADD_FLAGS: &[FlagSpec] = &[
    f("key", "", List(Check::None), "Path to the signer's public key file"),
];

#[rustfmt::skip]
pub static TRUST_SIGNER_ADD: C = C {
    name: "add",
    use_line: "add OPTIONS NAME REPOSITORY [REPOSITORY...] ",
    short: "Add a signer",
    args: Args::Min(2),
    flags: &[TRUST_SIGNER_ADD_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const TRUST_SIGNER_REMOVE_FLAGS: &[FlagSpec] = &[
    f("force", "f", Bool, "Do not prompt for confirmation before removing the most recent signer"),
];

#[rustfmt::skip]
pub static TRUST_SIGNER_REMOVE: C = C {
    name: "remove",
    use_line: "remove [OPTIONS] NAME REPOSITORY [REPOSITORY...]",
    short: "Remove a signer",
    args: Args::Min(2),
    flags: &[TRUST_SIGNER_REMOVE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const TRUST_INSPECT_FLAGS: &[FlagSpec] = &[
    f("pretty", "", Bool, "Print the information in a human friendly format"),
];

#[rustfmt::skip]
pub static TRUST_INSPECT: C = C {
    name: "inspect",
    use_line: "inspect IMAGE[:TAG] [IMAGE[:TAG]...]",
    short: "Return low-level information about keys and signatures",
    args: Args::Min(1),
    flags: &[TRUST_INSPECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const TRUST_REVOKE_FLAGS: &[FlagSpec] = &[
    f("yes", "y", Bool, "Do not prompt for confirmation"),
];

#[rustfmt::skip]
pub static TRUST_REVOKE: C = C {
    name: "revoke",
    use_line: "revoke [OPTIONS] IMAGE[:TAG]",
    short: "Remove trust for an image",
    args: Args::Exact(1),
    flags: &[TRUST_REVOKE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const TRUST_SIGN_FLAGS: &[FlagSpec] = &[
    f("local", "", Bool, "Sign a locally tagged image"),
];

#[rustfmt::skip]
pub static TRUST_SIGN: C = C {
    name: "sign",
    use_line: "sign IMAGE:TAG",
    short: "Sign an image",
    args: Args::Exact(1),
    flags: &[TRUST_SIGN_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static CHECKPOINT: C = C {
    name: "checkpoint",
    use_line: "checkpoint",
    short: "Manage checkpoints",
    subcommands: &[&CHECKPOINT_CREATE, &CHECKPOINT_LS, &CHECKPOINT_RM],
    gate: Gate { experimental: true, ostype: "linux", version: "1.25", ..Gate::NONE },
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const CHECKPOINT_CREATE_FLAGS: &[FlagSpec] = &[
    f("checkpoint-dir", "", Str, "Use a custom checkpoint storage directory"),
    f("leave-running", "", Bool, "Leave the container running after checkpoint"),
];

#[rustfmt::skip]
pub static CHECKPOINT_CREATE: C = C {
    name: "create",
    use_line: "create [OPTIONS] CONTAINER CHECKPOINT",
    short: "Create a checkpoint from a running container",
    args: Args::Exact(2),
    flags: &[CHECKPOINT_CREATE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CHECKPOINT_LS_FLAGS: &[FlagSpec] = &[
    f("checkpoint-dir", "", Str, "Use a custom checkpoint storage directory"),
];

#[rustfmt::skip]
pub static CHECKPOINT_LS: C = C {
    name: "ls",
    use_line: "ls [OPTIONS] CONTAINER",
    short: "List checkpoints for a container",
    aliases: &["list"],
    args: Args::Exact(1),
    flags: &[CHECKPOINT_LS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static CHECKPOINT_RM: C = C {
    name: "rm",
    use_line: "rm [OPTIONS] CONTAINER CHECKPOINT",
    short: "Remove a checkpoint",
    aliases: &["remove"],
    args: Args::Exact(2),
    flags: &[CHECKPOINT_LS_FLAGS],
    ..C::LEAF
};
