//! `docker builder …`.
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Args, Check, CommandSpec as C, FlagSpec, Gate, f};

#[rustfmt::skip]
pub static BUILDER: C = C {
    name: "builder",
    use_line: "builder",
    short: "Manage builds",
    subcommands: &[&BUILDER_BUILD, &BUILDER_PRUNE],
    gate: Gate { version: "1.31", ..Gate::NONE },
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const BUILDER_BUILD_FLAGS: &[FlagSpec] = &[
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
pub static BUILDER_BUILD: C = C {
    name: "build",
    use_line: "build [OPTIONS] PATH | URL | -",
    short: "Build an image from a Dockerfile",
    aliases_text: "docker image build, docker build, docker builder build",
    args: Args::Exact(1),
    flags: &[BUILDER_BUILD_FLAGS],
    category_top: 4,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const BUILDER_PRUNE_FLAGS: &[FlagSpec] = &[
    f("all", "a", Bool, "Remove all unused build cache, not just dangling ones"),
    f("filter", "", Filter, "Provide filter values (e.g. \"until=24h\")"),
    f("force", "f", Bool, "Do not prompt for confirmation"),
    f("keep-storage", "", Bytes, "Amount of disk space to keep for cache"),
];

#[rustfmt::skip]
pub static BUILDER_PRUNE: C = C {
    name: "prune",
    use_line: "prune",
    short: "Remove build cache",
    args: Args::None,
    flags: &[BUILDER_PRUNE_FLAGS],
    gate: Gate { version: "1.39", ..Gate::NONE },
    ..C::LEAF
};
