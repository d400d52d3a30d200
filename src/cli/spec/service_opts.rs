//! The options `docker service create` and `update` share (docker/cli `service/opts.go`).
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Check, FlagSpec, f};

#[rustfmt::skip]
pub(super) const SERVICE_OPTS: &[FlagSpec] = &[
    f("cap-add", "", List(Check::None), "Add Linux capabilities").version("1.41"),
    f("cap-drop", "", List(Check::None), "Drop Linux capabilities").version("1.41"),
    f("credential-spec", "", CredentialSpec, "Credential spec for managed service account (Windows only)").version("1.29"),
    f("detach", "d", Bool, "Exit immediately instead of waiting for the service to converge").version("1.29"),
    f("entrypoint", "", Command, "Overwrite the default ENTRYPOINT of the image"),
    f("health-cmd", "", Str, "Command to run to check health").version("1.25"),
    f("health-interval", "", Duration, "Time between running the check (ms|s|m|h)").version("1.25"),
    f("health-retries", "", Int, "Consecutive failures needed to report unhealthy").version("1.25"),
    f("health-start-interval", "", Duration, "Time between running the check during the start period (ms|s|m|h)").version("1.44"),
    f("health-start-period", "", Duration, "Start period for the container to initialize before counting retries towards unstable (ms|s|m|h)").version("1.29"),
    f("health-timeout", "", Duration, "Maximum time to allow one check to run (ms|s|m|h)").version("1.25"),
    f("hostname", "", Str, "Container hostname").version("1.25"),
    f("init", "", Bool, "Use an init inside each service container to forward signals and reap processes").version("1.37"),
    f("isolation", "", Str, "Service container isolation mode").version("1.35"),
    f("limit-cpu", "", NanoCpus, "Limit CPUs"),
    f("limit-memory", "", Bytes, "Limit Memory"),
    f("limit-pids", "", Int, "Limit maximum number of processes (default 0 = unlimited)").version("1.41"),
    f("log-driver", "", Str, "Logging driver for service"),
    f("log-opt", "", List(Check::Env), "Logging driver options"),
    f("max-concurrent", "", Uint, "Number of job tasks to run concurrently (default equal to --replicas)").version("1.41"),
    f("no-healthcheck", "", Bool, "Disable any container-specified HEALTHCHECK").version("1.25"),
    f("no-resolve-image", "", Bool, "Do not query the registry to resolve image digest and supported platforms").version("1.30"),
    f("oom-score-adj", "", Int, "Tune host's OOM preferences (-1000 to 1000) ").version("1.46"),
    f("quiet", "q", Bool, "Suppress progress output"),
    f("read-only", "", Bool, "Mount the container's root filesystem as read only").version("1.28"),
    f("replicas", "", Uint, "Number of tasks"),
    f("replicas-max-per-node", "", Uint, "Maximum number of tasks per node (default 0 = unlimited)").version("1.40"),
    f("reserve-cpu", "", NanoCpus, "Reserve CPUs"),
    f("reserve-memory", "", Bytes, "Reserve Memory"),
    f("restart-max-attempts", "", Uint, "Maximum number of restarts before giving up"),
    f("restart-window", "", Duration, "Window used to evaluate the restart policy (ns|us|ms|s|m|h)"),
    f("stop-signal", "", Str, "Signal to stop the container").version("1.28"),
    f("tty", "t", Bool, "Allocate a pseudo-TTY").version("1.25"),
    f("user", "u", Str, "Username or UID (format: <name|uid>[:<group|gid>])"),
    f("with-registry-auth", "", Bool, "Send registry authentication details to swarm agents"),
    f("workdir", "w", Str, "Working directory inside the container"),
];
