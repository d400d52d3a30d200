//! The container commands: `docker container …` and the top-level shorthands (`run`, `ps`, `rm`, …).
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Args, Check, CommandSpec as C, FORMAT_HELP, FlagSpec, Gate, INSPECT_FORMAT_HELP, f};

#[rustfmt::skip]
pub(super) const RUN_FLAGS: &[FlagSpec] = &[
    f("detach", "d", Bool, "Run container in background and print container ID"),
    f("detach-keys", "", Str, "Override the key sequence for detaching a container"),
    f("pull", "", Str, "Pull image before running (\"always\", \"missing\", \"never\")").def("missing"),
    f("sig-proxy", "", Bool, "Proxy received signals to the process").def("true"),
];

#[rustfmt::skip]
pub static RUN: C = C {
    name: "run",
    use_line: "run [OPTIONS] IMAGE [COMMAND] [ARG...]",
    short: "Create and run a new container from an image",
    aliases_text: "docker container run, docker run",
    args: Args::Min(1),
    flags: &[super::container_opts::CONTAINER_OPTS, RUN_FLAGS],
    category_top: 1,
    interspersed: false,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const EXEC_FLAGS: &[FlagSpec] = &[
    f("detach", "d", Bool, "Detached mode: run command in the background"),
    f("detach-keys", "", Str, "Override the key sequence for detaching a container"),
    f("env", "e", List(Check::Env), "Set environment variables").version("1.25"),
    f("env-file", "", List(Check::None), "Read in a file of environment variables").version("1.25"),
    f("interactive", "i", Bool, "Keep STDIN open even if not attached"),
    f("privileged", "", Bool, "Give extended privileges to the command"),
    f("tty", "t", Bool, "Allocate a pseudo-TTY"),
    f("user", "u", Str, "Username or UID (format: \"<name|uid>[:<group|gid>]\")"),
    f("workdir", "w", Str, "Working directory inside the container").version("1.35"),
];

#[rustfmt::skip]
pub static EXEC: C = C {
    name: "exec",
    use_line: "exec [OPTIONS] CONTAINER COMMAND [ARG...]",
    short: "Execute a command in a running container",
    aliases_text: "docker container exec, docker exec",
    args: Args::Min(2),
    flags: &[EXEC_FLAGS],
    category_top: 2,
    interspersed: false,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const PS_FLAGS: &[FlagSpec] = &[
    f("all", "a", Bool, "Show all containers (default shows just running)"),
    f("filter", "f", Filter, "Filter output based on conditions provided"),
    f("format", "", Str, FORMAT_HELP),
    f("last", "n", Int, "Show n last created containers (includes all states)").def("-1"),
    f("latest", "l", Bool, "Show the latest created container (includes all states)"),
    f("no-trunc", "", Bool, "Don't truncate output"),
    f("quiet", "q", Bool, "Only display container IDs"),
    f("size", "s", Bool, "Display total file sizes"),
];

#[rustfmt::skip]
pub static PS: C = C {
    name: "ps",
    use_line: "ps [OPTIONS]",
    short: "List containers",
    aliases_text: "docker container ls, docker container list, docker container ps, docker ps",
    args: Args::None,
    flags: &[PS_FLAGS],
    category_top: 3,
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTAINER: C = C {
    name: "container",
    use_line: "container",
    short: "Manage containers",
    subcommands: &[&CONTAINER_ATTACH, &CONTAINER_COMMIT, &CONTAINER_CP, &CONTAINER_CREATE, &CONTAINER_DIFF, &EXEC, &CONTAINER_EXPORT, &CONTAINER_INSPECT, &CONTAINER_KILL, &CONTAINER_LOGS, &CONTAINER_LS, &CONTAINER_PAUSE, &CONTAINER_PORT, &CONTAINER_PRUNE, &CONTAINER_RENAME, &CONTAINER_RESTART, &CONTAINER_RM, &RUN, &CONTAINER_START, &CONTAINER_STATS, &CONTAINER_STOP, &CONTAINER_TOP, &CONTAINER_UNPAUSE, &CONTAINER_UPDATE, &CONTAINER_WAIT],
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const CONTAINER_ATTACH_FLAGS: &[FlagSpec] = &[
    f("detach-keys", "", Str, "Override the key sequence for detaching a container"),
    f("no-stdin", "", Bool, "Do not attach STDIN"),
    f("sig-proxy", "", Bool, "Proxy all received signals to the process").def("true"),
];

#[rustfmt::skip]
pub static CONTAINER_ATTACH: C = C {
    name: "attach",
    use_line: "attach [OPTIONS] CONTAINER",
    short: "Attach local standard input, output, and error streams to a running container",
    aliases_text: "docker container attach, docker attach",
    args: Args::Exact(1),
    flags: &[CONTAINER_ATTACH_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTAINER_COMMIT_FLAGS: &[FlagSpec] = &[
    f("author", "a", Str, "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")"),
    f("change", "c", List(Check::None), "Apply Dockerfile instruction to the created image"),
    f("message", "m", Str, "Commit message"),
    f("pause", "p", Bool, "Pause container during commit").def("true"),
];

#[rustfmt::skip]
pub static CONTAINER_COMMIT: C = C {
    name: "commit",
    use_line: "commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
    short: "Create a new image from a container's changes",
    aliases_text: "docker container commit, docker commit",
    args: Args::Range(1, 2),
    flags: &[CONTAINER_COMMIT_FLAGS],
    interspersed: false,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTAINER_CP_FLAGS: &[FlagSpec] = &[
    f("archive", "a", Bool, "Archive mode (copy all uid/gid information)"),
    f("follow-link", "L", Bool, "Always follow symbol link in SRC_PATH"),
    f("quiet", "q", Bool, "Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached"),
];

#[rustfmt::skip]
pub static CONTAINER_CP: C = C {
    name: "cp",
    use_line: "cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
    short: "Copy files/folders between a container and the local filesystem",
    long: "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
    aliases_text: "docker container cp, docker cp",
    args: Args::Exact(2),
    flags: &[CONTAINER_CP_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTAINER_CREATE_FLAGS: &[FlagSpec] = &[
    f("pull", "", Str, "Pull image before creating (\"always\", \"|missing\", \"never\")").def("missing"),
];

#[rustfmt::skip]
pub static CONTAINER_CREATE: C = C {
    name: "create",
    use_line: "create [OPTIONS] IMAGE [COMMAND] [ARG...]",
    short: "Create a new container",
    aliases_text: "docker container create, docker create",
    args: Args::Min(1),
    flags: &[super::container_opts::CONTAINER_OPTS, CONTAINER_CREATE_FLAGS],
    interspersed: false,
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTAINER_DIFF: C = C {
    name: "diff",
    use_line: "diff CONTAINER",
    short: "Inspect changes to files or directories on a container's filesystem",
    aliases_text: "docker container diff, docker diff",
    args: Args::Exact(1),
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTAINER_EXPORT_FLAGS: &[FlagSpec] = &[
    f("output", "o", Str, "Write to a file, instead of STDOUT"),
];

#[rustfmt::skip]
pub static CONTAINER_EXPORT: C = C {
    name: "export",
    use_line: "export [OPTIONS] CONTAINER",
    short: "Export a container's filesystem as a tar archive",
    aliases_text: "docker container export, docker export",
    args: Args::Exact(1),
    flags: &[CONTAINER_EXPORT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTAINER_INSPECT_FLAGS: &[FlagSpec] = &[
    f("format", "f", Str, INSPECT_FORMAT_HELP),
    f("size", "s", Bool, "Display total file sizes"),
];

#[rustfmt::skip]
pub static CONTAINER_INSPECT: C = C {
    name: "inspect",
    use_line: "inspect [OPTIONS] CONTAINER [CONTAINER...]",
    short: "Display detailed information on one or more containers",
    args: Args::Min(1),
    flags: &[CONTAINER_INSPECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTAINER_KILL_FLAGS: &[FlagSpec] = &[
    f("signal", "s", Str, "Signal to send to the container"),
];

#[rustfmt::skip]
pub static CONTAINER_KILL: C = C {
    name: "kill",
    use_line: "kill [OPTIONS] CONTAINER [CONTAINER...]",
    short: "Kill one or more running containers",
    aliases_text: "docker container kill, docker kill",
    args: Args::Min(1),
    flags: &[CONTAINER_KILL_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTAINER_LOGS_FLAGS: &[FlagSpec] = &[
    f("details", "", Bool, "Show extra details provided to logs"),
    f("follow", "f", Bool, "Follow log output"),
    f("since", "", Str, "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)"),
    f("tail", "n", Str, "Number of lines to show from the end of the logs").def("all"),
    f("timestamps", "t", Bool, "Show timestamps"),
    f("until", "", Str, "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)").version("1.35"),
];

#[rustfmt::skip]
pub static CONTAINER_LOGS: C = C {
    name: "logs",
    use_line: "logs [OPTIONS] CONTAINER",
    short: "Fetch the logs of a container",
    aliases_text: "docker container logs, docker logs",
    args: Args::Exact(1),
    flags: &[CONTAINER_LOGS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTAINER_LS: C = C {
    name: "ls",
    use_line: "ls [OPTIONS]",
    short: "List containers",
    aliases: &["ps", "list"],
    aliases_text: "docker container ls, docker container list, docker container ps, docker ps",
    args: Args::None,
    flags: &[PS_FLAGS],
    category_top: 3,
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTAINER_PAUSE: C = C {
    name: "pause",
    use_line: "pause CONTAINER [CONTAINER...]",
    short: "Pause all processes within one or more containers",
    aliases_text: "docker container pause, docker pause",
    args: Args::Min(1),
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTAINER_PORT: C = C {
    name: "port",
    use_line: "port CONTAINER [PRIVATE_PORT[/PROTO]]",
    short: "List port mappings or a specific mapping for the container",
    aliases_text: "docker container port, docker port",
    args: Args::Range(1, 2),
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTAINER_PRUNE_FLAGS: &[FlagSpec] = &[
    f("filter", "", Filter, "Provide filter values (e.g. \"until=<timestamp>\")"),
    f("force", "f", Bool, "Do not prompt for confirmation"),
];

#[rustfmt::skip]
pub static CONTAINER_PRUNE: C = C {
    name: "prune",
    use_line: "prune [OPTIONS]",
    short: "Remove all stopped containers",
    args: Args::None,
    flags: &[CONTAINER_PRUNE_FLAGS],
    gate: Gate { version: "1.25", ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTAINER_RENAME: C = C {
    name: "rename",
    use_line: "rename CONTAINER NEW_NAME",
    short: "Rename a container",
    aliases_text: "docker container rename, docker rename",
    args: Args::Exact(2),
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTAINER_RESTART_FLAGS: &[FlagSpec] = &[
    f("signal", "s", Str, "Signal to send to the container"),
    f("time", "", Int, "Seconds to wait before killing the container (deprecated: use --timeout)").deprecated("use --timeout instead").shares("timeout"),
    f("timeout", "t", Int, "Seconds to wait before killing the container"),
];

#[rustfmt::skip]
pub static CONTAINER_RESTART: C = C {
    name: "restart",
    use_line: "restart [OPTIONS] CONTAINER [CONTAINER...]",
    short: "Restart one or more containers",
    aliases_text: "docker container restart, docker restart",
    args: Args::Min(1),
    flags: &[CONTAINER_RESTART_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTAINER_RM_FLAGS: &[FlagSpec] = &[
    f("force", "f", Bool, "Force the removal of a running container (uses SIGKILL)"),
    f("link", "l", Bool, "Remove the specified link"),
    f("volumes", "v", Bool, "Remove anonymous volumes associated with the container"),
];

#[rustfmt::skip]
pub static CONTAINER_RM: C = C {
    name: "rm",
    use_line: "rm [OPTIONS] CONTAINER [CONTAINER...]",
    short: "Remove one or more containers",
    aliases: &["remove"],
    aliases_text: "docker container rm, docker container remove, docker rm",
    args: Args::Min(1),
    flags: &[CONTAINER_RM_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTAINER_START_FLAGS: &[FlagSpec] = &[
    f("attach", "a", Bool, "Attach STDOUT/STDERR and forward signals"),
    f("checkpoint", "", Str, "Restore from this checkpoint").ostype("linux").experimental(),
    f("checkpoint-dir", "", Str, "Use a custom checkpoint storage directory").ostype("linux").experimental(),
    f("detach-keys", "", Str, "Override the key sequence for detaching a container"),
    f("interactive", "i", Bool, "Attach container's STDIN"),
];

#[rustfmt::skip]
pub static CONTAINER_START: C = C {
    name: "start",
    use_line: "start [OPTIONS] CONTAINER [CONTAINER...]",
    short: "Start one or more stopped containers",
    aliases_text: "docker container start, docker start",
    args: Args::Min(1),
    flags: &[CONTAINER_START_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTAINER_STATS_FLAGS: &[FlagSpec] = &[
    f("all", "a", Bool, "Show all containers (default shows just running)"),
    f("format", "", Str, FORMAT_HELP),
    f("no-stream", "", Bool, "Disable streaming stats and only pull the first result"),
    f("no-trunc", "", Bool, "Do not truncate output"),
];

#[rustfmt::skip]
pub static CONTAINER_STATS: C = C {
    name: "stats",
    use_line: "stats [OPTIONS] [CONTAINER...]",
    short: "Display a live stream of container(s) resource usage statistics",
    aliases_text: "docker container stats, docker stats",
    flags: &[CONTAINER_STATS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTAINER_STOP: C = C {
    name: "stop",
    use_line: "stop [OPTIONS] CONTAINER [CONTAINER...]",
    short: "Stop one or more running containers",
    aliases_text: "docker container stop, docker stop",
    args: Args::Min(1),
    flags: &[CONTAINER_RESTART_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTAINER_TOP: C = C {
    name: "top",
    use_line: "top CONTAINER [ps OPTIONS]",
    short: "Display the running processes of a container",
    aliases_text: "docker container top, docker top",
    args: Args::Min(1),
    interspersed: false,
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTAINER_UNPAUSE: C = C {
    name: "unpause",
    use_line: "unpause CONTAINER [CONTAINER...]",
    short: "Unpause all processes within one or more containers",
    aliases_text: "docker container unpause, docker unpause",
    args: Args::Min(1),
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const CONTAINER_UPDATE_FLAGS: &[FlagSpec] = &[
    f("blkio-weight", "", Uint16, "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)"),
    f("cpu-period", "", Int, "Limit CPU CFS (Completely Fair Scheduler) period"),
    f("cpu-quota", "", Int, "Limit CPU CFS (Completely Fair Scheduler) quota"),
    f("cpu-rt-period", "", Int, "Limit the CPU real-time period in microseconds").version("1.25"),
    f("cpu-rt-runtime", "", Int, "Limit the CPU real-time runtime in microseconds").version("1.25"),
    f("cpu-shares", "c", Int, "CPU shares (relative weight)"),
    f("cpus", "", NanoCpus, "Number of CPUs").version("1.29"),
    f("cpuset-cpus", "", Str, "CPUs in which to allow execution (0-3, 0,1)"),
    f("cpuset-mems", "", Str, "MEMs in which to allow execution (0-3, 0,1)"),
    f("kernel-memory", "", Bytes, "Kernel memory limit (deprecated)").hidden(),
    f("memory", "m", Bytes, "Memory limit"),
    f("memory-reservation", "", Bytes, "Memory soft limit"),
    f("memory-swap", "", MemSwap, "Swap limit equal to memory plus swap: -1 to enable unlimited swap"),
    f("pids-limit", "", Int, "Tune container pids limit (set -1 for unlimited)").version("1.40"),
    f("restart", "", Str, "Restart policy to apply when a container exits"),
];

#[rustfmt::skip]
pub static CONTAINER_UPDATE: C = C {
    name: "update",
    use_line: "update [OPTIONS] CONTAINER [CONTAINER...]",
    short: "Update configuration of one or more containers",
    aliases_text: "docker container update, docker update",
    args: Args::Min(1),
    flags: &[CONTAINER_UPDATE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static CONTAINER_WAIT: C = C {
    name: "wait",
    use_line: "wait CONTAINER [CONTAINER...]",
    short: "Block until one or more containers stop, then print their exit codes",
    aliases_text: "docker container wait, docker wait",
    args: Args::Min(1),
    ..C::LEAF
};
