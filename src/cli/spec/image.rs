//! The image commands: `docker image …` and the top-level shorthands (`images`, `pull`, `rmi`, …).
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Args, Check, CommandSpec as C, FORMAT_HELP, FlagSpec, Gate, INSPECT_FORMAT_HELP, f};

#[rustfmt::skip]
pub(super) const BUILD_FLAGS: &[FlagSpec] = &[
    f("add-host", "", List(Check::ExtraHost), "Add a custom host-to-IP mapping (\"host:ip\")"),
    f("build-arg", "", List(Check::Env), "Set build-time variables"),
    f("cache-from", "", Strings, "Images to consider as cache sources"),
    f("cgroup-parent", "", Str, "Set the parent cgroup for the \"RUN\" instructions during build"),
    f("compress", "", Bool, "Compress the build context using gzip"),
    f("cpu-period", "", Int, "Limit the CPU CFS (Completely Fair Scheduler) period"),
    f("cpu-quota", "", Int, "Limit the CPU CFS (Completely Fair Scheduler) quota"),
    f("cpu-shares", "c", Int, "CPU shares (relative weight)"),
    f("cpuset-cpus", "", Str, "CPUs in which to allow execution (0-3, 0,1)"),
    f("cpuset-mems", "", Str, "MEMs in which to allow execution (0-3, 0,1)"),
    f("disable-content-trust", "", Bool, "Skip image verification").def("true"),
    f("file", "f", Str, "Name of the Dockerfile (Default is \"PATH/Dockerfile\")"),
    f("force-rm", "", Bool, "Always remove intermediate containers"),
    f("iidfile", "", Str, "Write the image ID to the file"),
    f("isolation", "", Str, "Container isolation technology"),
    f("label", "", List(Check::Label), "Set metadata for an image"),
    f("memory", "m", Bytes, "Memory limit"),
    f("memory-swap", "", Bytes, "Swap limit equal to memory plus swap: -1 to enable unlimited swap"),
    f("network", "", Str, "Set the networking mode for the RUN instructions during build").def("default").version("1.25"),
    f("no-cache", "", Bool, "Do not use cache when building the image"),
    f("platform", "", Str, "Set platform if server is multi-platform capable").version("1.38"),
    f("pull", "", Bool, "Always attempt to pull a newer version of the image"),
    f("quiet", "q", Bool, "Suppress the build output and print image ID on success"),
    f("rm", "", Bool, "Remove intermediate containers after a successful build").def("true"),
    f("security-opt", "", Strings, "Security options"),
    f("shm-size", "", Bytes, "Size of \"/dev/shm\""),
    f("squash", "", Bool, "Squash newly built layers into a single new layer").version("1.25").experimental(),
    f("tag", "t", List(Check::Tag), "Name and optionally a tag in the \"name:tag\" format"),
    f("target", "", Str, "Set the target build stage to build."),
    f("ulimit", "", Ulimit, "Ulimit options").def("[]"),
];

#[rustfmt::skip]
pub static BUILD: C = C {
    name: "build",
    use_line: "build [OPTIONS] PATH | URL | -",
    short: "Build an image from a Dockerfile",
    aliases_text: "docker image build, docker build, docker builder build",
    args: Args::Exact(1),
    flags: &[BUILD_FLAGS],
    category_top: 4,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const PULL_FLAGS: &[FlagSpec] = &[
    f("all-tags", "a", Bool, "Download all tagged images in the repository"),
    f("disable-content-trust", "", Bool, "Skip image verification").def("true"),
    f("platform", "", Str, "Set platform if server is multi-platform capable").version("1.32"),
    f("quiet", "q", Bool, "Suppress verbose output"),
];

#[rustfmt::skip]
pub static PULL: C = C {
    name: "pull",
    use_line: "pull [OPTIONS] NAME[:TAG|@DIGEST]",
    short: "Download an image from a registry",
    aliases_text: "docker image pull, docker pull",
    args: Args::Exact(1),
    flags: &[PULL_FLAGS],
    category_top: 5,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const PUSH_FLAGS: &[FlagSpec] = &[
    f("all-tags", "a", Bool, "Push all tags of an image to the repository"),
    f("disable-content-trust", "", Bool, "Skip image signing").def("true"),
    f("platform", "", Str, "Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)").version("1.46"),
    f("quiet", "q", Bool, "Suppress verbose output"),
];

#[rustfmt::skip]
pub static PUSH: C = C {
    name: "push",
    use_line: "push [OPTIONS] NAME[:TAG]",
    short: "Upload an image to a registry",
    aliases_text: "docker image push, docker push",
    args: Args::Exact(1),
    flags: &[PUSH_FLAGS],
    category_top: 6,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const IMAGES_FLAGS: &[FlagSpec] = &[
    f("all", "a", Bool, "Show all images (default hides intermediate images)"),
    f("digests", "", Bool, "Show digests"),
    f("filter", "f", Filter, "Filter output based on conditions provided"),
    f("format", "", Str, FORMAT_HELP),
    f("no-trunc", "", Bool, "Don't truncate output"),
    f("quiet", "q", Bool, "Only show image IDs"),
    f("tree", "", Bool, "List multi-platform images as a tree (EXPERIMENTAL)").version("1.47"),
];

#[rustfmt::skip]
pub static IMAGES: C = C {
    name: "images",
    use_line: "images [OPTIONS] [REPOSITORY[:TAG]]",
    short: "List images",
    aliases_text: "docker image ls, docker image list, docker images",
    args: Args::Max(1),
    flags: &[IMAGES_FLAGS],
    category_top: 7,
    ..C::LEAF
};

#[rustfmt::skip]
pub static IMAGE: C = C {
    name: "image",
    use_line: "image",
    short: "Manage images",
    subcommands: &[&IMAGE_BUILD, &IMAGE_HISTORY, &IMAGE_IMPORT, &IMAGE_INSPECT, &IMAGE_LOAD, &IMAGE_LS, &IMAGE_PRUNE, &PULL, &PUSH, &IMAGE_RM, &IMAGE_SAVE, &IMAGE_TAG],
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const IMAGE_BUILD_FLAGS: &[FlagSpec] = &[
    f("add-host", "", List(Check::ExtraHost), "Add a custom host-to-IP mapping (\"host:ip\")"),
    f("build-arg", "", List(Check::Env), "Set build-time variables"),
    f("cache-from", "", Strings, "Images to consider as cache sources"),
    f("cgroup-parent", "", Str, "Set the parent cgroup for the \"RUN\" instructions during build"),
    f("compress", "", Bool, "Compress the build context using gzip"),
    f("cpu-period", "", Int, "Limit the CPU CFS (Completely Fair Scheduler) period"),
    f("cpu-quota", "", Int, "Limit the CPU CFS (Completely Fair Scheduler) quota"),
    f("cpu-shares", "c", Int, "CPU shares (relative weight)"),
    f("cpuset-cpus", "", Str, "CPUs in which to allow execution (0-3, 0,1)"),
    f("cpuset-mems", "", Str, "MEMs in which to allow execution (0-3, 0,1)"),
    f("disable-content-trust", "", Bool, "Skip image verification").def("true"),
    f("file", "f", Str, "Name of the Dockerfile (Default is \"PATH/Dockerfile\")"),
    f("force-rm", "", Bool, "Always remove intermediate containers"),
    f("iidfile", "", Str, "Write the image ID to the file"),
    f("isolation", "", Str, "Container isolation technology"),
    f("label", "", List(Check::Label), "Set metadata for an image"),
    f("memory", "m", Bytes, "Memory limit"),
    f("memory-swap", "", Bytes, "Swap limit equal to memory plus swap: -1 to enable unlimited swap"),
    f("network", "", Str, "Set the networking mode for the RUN instructions during build").def("default").version("1.25"),
    f("no-cache", "", Bool, "Do not use cache when building the image"),
    f("platform", "", Str, "Set platform if server is multi-platform capable").version("1.38"),
    f("pull", "", Bool, "Always attempt to pull a newer version of the image"),
    f("quiet", "q", Bool, "Suppress the build output and print image ID on success"),
    f("rm", "", Bool, "Remove intermediate containers after a successful build").def("true"),
    f("security-opt", "", Strings, "Security options"),
    f("shm-size", "", Bytes, "Size of \"/dev/shm\""),
    f("squash", "", Bool, "Squash newly built layers into a single new layer").version("1.25").experimental(),
    f("tag", "t", List(Check::Tag), "Name and optionally a tag in the \"name:tag\" format"),
    f("target", "", Str, "Set the target build stage to build."),
    f("ulimit", "", Ulimit, "Ulimit options").def("[]"),
];

#[rustfmt::skip]
pub static IMAGE_BUILD: C = C {
    name: "build",
    use_line: "build [OPTIONS] PATH | URL | -",
    short: "Build an image from a Dockerfile",
    aliases_text: "docker image build, docker build, docker builder build",
    args: Args::Exact(1),
    flags: &[IMAGE_BUILD_FLAGS],
    category_top: 4,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const IMAGE_HISTORY_FLAGS: &[FlagSpec] = &[
    f("format", "", Str, FORMAT_HELP),
    f("human", "H", Bool, "Print sizes and dates in human readable format").def("true"),
    f("no-trunc", "", Bool, "Don't truncate output"),
    f("platform", "", Str, "Show history for the given platform. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")").version("1.48"),
    f("quiet", "q", Bool, "Only show image IDs"),
];

#[rustfmt::skip]
pub static IMAGE_HISTORY: C = C {
    name: "history",
    use_line: "history [OPTIONS] IMAGE",
    short: "Show the history of an image",
    aliases_text: "docker image history, docker history",
    args: Args::Exact(1),
    flags: &[IMAGE_HISTORY_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const IMAGE_IMPORT_FLAGS: &[FlagSpec] = &[
    f("change", "c", List(Check::None), "Apply Dockerfile instruction to the created image"),
    f("message", "m", Str, "Set commit message for imported image"),
    f("platform", "", Str, "Set platform if server is multi-platform capable").version("1.32"),
];

#[rustfmt::skip]
pub static IMAGE_IMPORT: C = C {
    name: "import",
    use_line: "import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]",
    short: "Import the contents from a tarball to create a filesystem image",
    aliases_text: "docker image import, docker import",
    args: Args::Min(1),
    flags: &[IMAGE_IMPORT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const IMAGE_INSPECT_FLAGS: &[FlagSpec] = &[
    f("format", "f", Str, INSPECT_FORMAT_HELP),
    f("platform", "", Str, "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)").version("1.49"),
];

#[rustfmt::skip]
pub static IMAGE_INSPECT: C = C {
    name: "inspect",
    use_line: "inspect [OPTIONS] IMAGE [IMAGE...]",
    short: "Display detailed information on one or more images",
    args: Args::Min(1),
    flags: &[IMAGE_INSPECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const IMAGE_LOAD_FLAGS: &[FlagSpec] = &[
    f("input", "i", Str, "Read from tar archive file, instead of STDIN"),
    f("platform", "", Str, "Load only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")").version("1.48"),
    f("quiet", "q", Bool, "Suppress the load output"),
];

#[rustfmt::skip]
pub static IMAGE_LOAD: C = C {
    name: "load",
    use_line: "load [OPTIONS]",
    short: "Load an image from a tar archive or STDIN",
    aliases_text: "docker image load, docker load",
    args: Args::None,
    flags: &[IMAGE_LOAD_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static IMAGE_LS: C = C {
    name: "ls",
    use_line: "ls [OPTIONS] [REPOSITORY[:TAG]]",
    short: "List images",
    aliases: &["list"],
    aliases_text: "docker image ls, docker image list, docker images",
    args: Args::Max(1),
    flags: &[IMAGES_FLAGS],
    category_top: 7,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const IMAGE_PRUNE_FLAGS: &[FlagSpec] = &[
    f("all", "a", Bool, "Remove all unused images, not just dangling ones"),
    f("filter", "", Filter, "Provide filter values (e.g. \"until=<timestamp>\")"),
    f("force", "f", Bool, "Do not prompt for confirmation"),
];

#[rustfmt::skip]
pub static IMAGE_PRUNE: C = C {
    name: "prune",
    use_line: "prune [OPTIONS]",
    short: "Remove unused images",
    args: Args::None,
    flags: &[IMAGE_PRUNE_FLAGS],
    gate: Gate { version: "1.25", ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const IMAGE_RM_FLAGS: &[FlagSpec] = &[
    f("force", "f", Bool, "Force removal of the image"),
    f("no-prune", "", Bool, "Do not delete untagged parents"),
    f("platform", "", Strings, "Remove only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")").version("1.50"),
];

#[rustfmt::skip]
pub static IMAGE_RM: C = C {
    name: "rm",
    use_line: "rm [OPTIONS] IMAGE [IMAGE...]",
    short: "Remove one or more images",
    aliases: &["rmi", "remove"],
    aliases_text: "docker image rm, docker image remove, docker rmi",
    args: Args::Min(1),
    flags: &[IMAGE_RM_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const IMAGE_SAVE_FLAGS: &[FlagSpec] = &[
    f("output", "o", Str, "Write to a file, instead of STDOUT"),
    f("platform", "", Str, "Save only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")").version("1.48"),
];

#[rustfmt::skip]
pub static IMAGE_SAVE: C = C {
    name: "save",
    use_line: "save [OPTIONS] IMAGE [IMAGE...]",
    short: "Save one or more images to a tar archive (streamed to STDOUT by default)",
    aliases_text: "docker image save, docker save",
    args: Args::Min(1),
    flags: &[IMAGE_SAVE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static IMAGE_TAG: C = C {
    name: "tag",
    use_line: "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
    short: "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
    aliases_text: "docker image tag, docker tag",
    args: Args::Exact(2),
    interspersed: false,
    ..C::LEAF
};

#[rustfmt::skip]
pub static RMI: C = C {
    name: "rmi",
    use_line: "rmi [OPTIONS] IMAGE [IMAGE...]",
    short: "Remove one or more images",
    aliases_text: "docker image rm, docker image remove, docker rmi",
    args: Args::Min(1),
    flags: &[IMAGE_RM_FLAGS],
    ..C::LEAF
};
