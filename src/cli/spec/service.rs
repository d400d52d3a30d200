//! `docker service …`.
//!
//! Invariant: mirrors docker/cli v28.2.2; flags sorted by name within each group.

use super::Kind::*;
use super::{Args, Check, CommandSpec as C, FORMAT_HELP, FlagSpec, Gate, INSPECT_FORMAT_HELP, f};

#[rustfmt::skip]
pub static SERVICE: C = C {
    name: "service",
    use_line: "service",
    short: "Manage Swarm services",
    subcommands: &[&SERVICE_CREATE, &SERVICE_INSPECT, &SERVICE_LOGS, &SERVICE_LS, &SERVICE_PS, &SERVICE_RM, &SERVICE_ROLLBACK, &SERVICE_SCALE, &SERVICE_UPDATE],
    gate: Gate { version: "1.24", swarm: Some("manager"), ..Gate::NONE },
    ..C::GROUP
};

#[rustfmt::skip]
pub(super) const SERVICE_CREATE_FLAGS: &[FlagSpec] = &[
    f("config", "", Config, "Specify configurations to expose to the service").version("1.30"),
    f("constraint", "", List(Check::None), "Placement constraints"),
    f("container-label", "", List(Check::Label), "Container labels"),
    f("dns", "", List(Check::IpAddr), "Set custom DNS servers").version("1.25"),
    f("dns-option", "", List(Check::None), "Set DNS options").version("1.25"),
    f("dns-search", "", List(Check::DnsSearch), "Set custom DNS search domains").version("1.25"),
    f("endpoint-mode", "", Str, "Endpoint mode (vip or dnsrr)").def("vip"),
    f("env", "e", List(Check::Env), "Set environment variables"),
    f("env-file", "", List(Check::None), "Read in a file of environment variables"),
    f("generic-resource", "", List(Check::GenericResource), "User defined resources"),
    f("group", "", List(Check::None), "Set one or more supplementary user groups for the container").version("1.25"),
    f("host", "", List(Check::ExtraHost), "Set one or more custom host-to-IP mappings (host:ip)").version("1.25"),
    f("label", "l", List(Check::Label), "Service labels"),
    f("mode", "", Str, "Service mode (\"replicated\", \"global\", \"replicated-job\", \"global-job\")").def("replicated"),
    f("mount", "", Mount, "Attach a filesystem mount to the service"),
    f("name", "", Str, "Service name"),
    f("network", "", Network, "Network attachments"),
    f("placement-pref", "", Pref, "Add a placement preference").version("1.28"),
    f("publish", "p", Port, "Publish a port as a node port"),
    f("restart-condition", "", Str, "Restart when condition is met (\"none\", \"on-failure\", \"any\") (default \"any\")"),
    f("restart-delay", "", Duration, "Delay between restart attempts (ns|us|ms|s|m|h) (default 5s)"),
    f("rollback-delay", "", Duration, "Delay between task rollbacks (ns|us|ms|s|m|h) (default 0s)").version("1.28"),
    f("rollback-failure-action", "", Str, "Action on rollback failure (\"pause\", \"continue\") (default \"pause\")").version("1.28"),
    f("rollback-max-failure-ratio", "", Float, "Failure rate to tolerate during a rollback (default 0)").version("1.28"),
    f("rollback-monitor", "", Duration, "Duration after each task rollback to monitor for failure (ns|us|ms|s|m|h) (default 5s)").version("1.28"),
    f("rollback-order", "", Str, "Rollback order (\"start-first\", \"stop-first\") (default \"stop-first\")").version("1.29"),
    f("rollback-parallelism", "", Uint, "Maximum number of tasks rolled back simultaneously (0 to roll back all at once)").def("1").version("1.28"),
    f("secret", "", Secret, "Specify secrets to expose to the service").version("1.25"),
    f("stop-grace-period", "", Duration, "Time to wait before force killing a container (ns|us|ms|s|m|h) (default 10s)"),
    f("sysctl", "", List(Check::None), "Sysctl options").version("1.40"),
    f("ulimit", "", Ulimit, "Ulimit options").def("[]").version("1.41"),
    f("update-delay", "", Duration, "Delay between updates (ns|us|ms|s|m|h) (default 0s)"),
    f("update-failure-action", "", Str, "Action on update failure (\"pause\", \"continue\", \"rollback\") (default \"pause\")"),
    f("update-max-failure-ratio", "", Float, "Failure rate to tolerate during an update (default 0)").version("1.25"),
    f("update-monitor", "", Duration, "Duration after each task update to monitor for failure (ns|us|ms|s|m|h) (default 5s)").version("1.25"),
    f("update-order", "", Str, "Update order (\"start-first\", \"stop-first\") (default \"stop-first\")").version("1.29"),
    f("update-parallelism", "", Uint, "Maximum number of tasks updated simultaneously (0 to update all at once)").def("1"),
];

#[rustfmt::skip]
pub static SERVICE_CREATE: C = C {
    name: "create",
    use_line: "create [OPTIONS] IMAGE [COMMAND] [ARG...]",
    short: "Create a new service",
    args: Args::Min(1),
    flags: &[super::service_opts::SERVICE_OPTS, SERVICE_CREATE_FLAGS],
    interspersed: false,
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SERVICE_INSPECT_FLAGS: &[FlagSpec] = &[
    f("format", "f", Str, INSPECT_FORMAT_HELP),
    f("pretty", "", Bool, "Print the information in a human friendly format"),
];

#[rustfmt::skip]
pub static SERVICE_INSPECT: C = C {
    name: "inspect",
    use_line: "inspect [OPTIONS] SERVICE [SERVICE...]",
    short: "Display detailed information on one or more services",
    args: Args::Min(1),
    flags: &[SERVICE_INSPECT_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SERVICE_LOGS_FLAGS: &[FlagSpec] = &[
    f("details", "", Bool, "Show extra details provided to logs").version("1.30"),
    f("follow", "f", Bool, "Follow log output"),
    f("no-resolve", "", Bool, "Do not map IDs to Names in output"),
    f("no-task-ids", "", Bool, "Do not include task IDs in output"),
    f("no-trunc", "", Bool, "Do not truncate output"),
    f("raw", "", Bool, "Do not neatly format logs").version("1.30"),
    f("since", "", Str, "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)"),
    f("tail", "n", Str, "Number of lines to show from the end of the logs").def("all"),
    f("timestamps", "t", Bool, "Show timestamps"),
];

#[rustfmt::skip]
pub static SERVICE_LOGS: C = C {
    name: "logs",
    use_line: "logs [OPTIONS] SERVICE|TASK",
    short: "Fetch the logs of a service or task",
    args: Args::Exact(1),
    flags: &[SERVICE_LOGS_FLAGS],
    gate: Gate { version: "1.29", ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SERVICE_LS_FLAGS: &[FlagSpec] = &[
    f("filter", "f", Filter, "Filter output based on conditions provided"),
    f("format", "", Str, FORMAT_HELP),
    f("quiet", "q", Bool, "Only display IDs"),
];

#[rustfmt::skip]
pub static SERVICE_LS: C = C {
    name: "ls",
    use_line: "ls [OPTIONS]",
    short: "List services",
    aliases: &["list"],
    args: Args::None,
    flags: &[SERVICE_LS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SERVICE_PS_FLAGS: &[FlagSpec] = &[
    f("filter", "f", Filter, "Filter output based on conditions provided"),
    f("format", "", Str, "Pretty-print tasks using a Go template"),
    f("no-resolve", "", Bool, "Do not map IDs to Names"),
    f("no-trunc", "", Bool, "Do not truncate output"),
    f("quiet", "q", Bool, "Only display task IDs"),
];

#[rustfmt::skip]
pub static SERVICE_PS: C = C {
    name: "ps",
    use_line: "ps [OPTIONS] SERVICE [SERVICE...]",
    short: "List the tasks of one or more services",
    args: Args::Min(1),
    flags: &[SERVICE_PS_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub static SERVICE_RM: C = C {
    name: "rm",
    use_line: "rm SERVICE [SERVICE...]",
    short: "Remove one or more services",
    aliases: &["remove"],
    args: Args::Min(1),
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SERVICE_ROLLBACK_FLAGS: &[FlagSpec] = &[
    f("detach", "d", Bool, "Exit immediately instead of waiting for the service to converge"),
    f("quiet", "q", Bool, "Suppress progress output"),
];

#[rustfmt::skip]
pub static SERVICE_ROLLBACK: C = C {
    name: "rollback",
    use_line: "rollback [OPTIONS] SERVICE",
    short: "Revert changes to a service's configuration",
    args: Args::Exact(1),
    flags: &[SERVICE_ROLLBACK_FLAGS],
    gate: Gate { version: "1.31", ..Gate::NONE },
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SERVICE_SCALE_FLAGS: &[FlagSpec] = &[
    f("detach", "d", Bool, "Exit immediately instead of waiting for the service to converge"),
];

#[rustfmt::skip]
pub static SERVICE_SCALE: C = C {
    name: "scale",
    use_line: "scale SERVICE=REPLICAS [SERVICE=REPLICAS...]",
    short: "Scale one or multiple replicated services",
    args: Args::ServiceScale,
    flags: &[SERVICE_SCALE_FLAGS],
    ..C::LEAF
};

#[rustfmt::skip]
pub(super) const SERVICE_UPDATE_FLAGS: &[FlagSpec] = &[
    f("args", "", Command, "Service command args"),
    f("config-add", "", Config, "Add or update a config file on a service").version("1.30"),
    f("config-rm", "", List(Check::None), "Remove a configuration file").version("1.30"),
    f("constraint-add", "", List(Check::None), "Add or update a placement constraint"),
    f("constraint-rm", "", List(Check::None), "Remove a constraint"),
    f("container-label-add", "", List(Check::Label), "Add or update a container label"),
    f("container-label-rm", "", List(Check::None), "Remove a container label by its key"),
    f("dns-add", "", List(Check::IpAddr), "Add or update a custom DNS server").version("1.25"),
    f("dns-option-add", "", List(Check::None), "Add or update a DNS option").version("1.25"),
    f("dns-option-rm", "", List(Check::None), "Remove a DNS option").version("1.25"),
    f("dns-rm", "", List(Check::None), "Remove a custom DNS server").version("1.25"),
    f("dns-search-add", "", List(Check::DnsSearch), "Add or update a custom DNS search domain").version("1.25"),
    f("dns-search-rm", "", List(Check::None), "Remove a DNS search domain").version("1.25"),
    f("endpoint-mode", "", Str, "Endpoint mode (vip or dnsrr)"),
    f("env-add", "", List(Check::Env), "Add or update an environment variable"),
    f("env-rm", "", List(Check::None), "Remove an environment variable"),
    f("force", "", Bool, "Force update even if no changes require it").version("1.25"),
    f("generic-resource-add", "", List(Check::None), "Add a Generic resource"),
    f("generic-resource-rm", "", List(Check::None), "Remove a Generic resource"),
    f("group-add", "", List(Check::None), "Add an additional supplementary user group to the container").version("1.25"),
    f("group-rm", "", List(Check::None), "Remove a previously added supplementary user group from the container").version("1.25"),
    f("host-add", "", List(Check::ExtraHost), "Add a custom host-to-IP mapping (\"host:ip\")").version("1.32"),
    f("host-rm", "", List(Check::None), "Remove a custom host-to-IP mapping (\"host:ip\")").version("1.25"),
    f("image", "", Str, "Service image tag"),
    f("label-add", "", List(Check::Label), "Add or update a service label"),
    f("label-rm", "", List(Check::None), "Remove a label by its key"),
    f("mount-add", "", Mount, "Add or update a mount on a service"),
    f("mount-rm", "", List(Check::None), "Remove a mount by its target path"),
    f("network-add", "", Network, "Add a network").version("1.29"),
    f("network-rm", "", List(Check::None), "Remove a network").version("1.29"),
    f("placement-pref-add", "", Pref, "Add a placement preference").version("1.28"),
    f("placement-pref-rm", "", Pref, "Remove a placement preference").version("1.28"),
    f("publish-add", "", Port, "Add or update a published port"),
    f("publish-rm", "", Port, "Remove a published port by its target port"),
    f("restart-condition", "", Str, "Restart when condition is met (\"none\", \"on-failure\", \"any\")"),
    f("restart-delay", "", Duration, "Delay between restart attempts (ns|us|ms|s|m|h)"),
    f("rollback", "", Bool, "Rollback to previous specification").version("1.25"),
    f("rollback-delay", "", Duration, "Delay between task rollbacks (ns|us|ms|s|m|h)").version("1.28"),
    f("rollback-failure-action", "", Str, "Action on rollback failure (\"pause\", \"continue\")").version("1.28"),
    f("rollback-max-failure-ratio", "", Float, "Failure rate to tolerate during a rollback").version("1.28"),
    f("rollback-monitor", "", Duration, "Duration after each task rollback to monitor for failure (ns|us|ms|s|m|h)").version("1.28"),
    f("rollback-order", "", Str, "Rollback order (\"start-first\", \"stop-first\")").version("1.29"),
    f("rollback-parallelism", "", Uint, "Maximum number of tasks rolled back simultaneously (0 to roll back all at once)").version("1.28"),
    f("secret-add", "", Secret, "Add or update a secret on a service").version("1.25"),
    f("secret-rm", "", List(Check::None), "Remove a secret").version("1.25"),
    f("stop-grace-period", "", Duration, "Time to wait before force killing a container (ns|us|ms|s|m|h)"),
    f("sysctl-add", "", List(Check::None), "Add or update a Sysctl option").version("1.40"),
    f("sysctl-rm", "", List(Check::None), "Remove a Sysctl option").version("1.40"),
    f("ulimit-add", "", Ulimit, "Add or update a ulimit option").def("[]").version("1.41"),
    f("ulimit-rm", "", List(Check::None), "Remove a ulimit option").version("1.41"),
    f("update-delay", "", Duration, "Delay between updates (ns|us|ms|s|m|h)"),
    f("update-failure-action", "", Str, "Action on update failure (\"pause\", \"continue\", \"rollback\")"),
    f("update-max-failure-ratio", "", Float, "Failure rate to tolerate during an update").version("1.25"),
    f("update-monitor", "", Duration, "Duration after each task update to monitor for failure (ns|us|ms|s|m|h)").version("1.25"),
    f("update-order", "", Str, "Update order (\"start-first\", \"stop-first\")").version("1.29"),
    f("update-parallelism", "", Uint, "Maximum number of tasks updated simultaneously (0 to update all at once)"),
];

#[rustfmt::skip]
pub static SERVICE_UPDATE: C = C {
    name: "update",
    use_line: "update [OPTIONS] SERVICE",
    short: "Update a service",
    args: Args::Exact(1),
    flags: &[super::service_opts::SERVICE_OPTS, SERVICE_UPDATE_FLAGS],
    ..C::LEAF
};
