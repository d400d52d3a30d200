//! The client-side half of `docker run` / `docker create` (docker/cli
//! `container/opts.go` `parse()`): turns the parsed flags into ports, restart policy,
//! healthcheck, networks… and rejects what the client rejects, in the same order and
//! with the same words (`invalid containerPort: abc`, `invalid restart policy format:
//! …`, `--health-interval cannot be negative`, `conflicting options: …`).
//!
//! Callers print errors as `errors::with_help(msg, "run")` with exit 125. Checks that
//! read local files (`--env-file`, `--label-file`, seccomp profiles) are the handler's.
//!
//! Invariant: pure; never panics on any flag combination.

use std::collections::BTreeMap;

use super::opts::{NetworkAttachment, parse_network};
use super::parse::Invocation;
pub use super::ports::PortBinding;
use super::ports::{parse_port_spec, port_range, split_proto_port, standard_notation};

/// `container.RestartPolicy`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestartPolicy {
    /// "", "no", "always", "unless-stopped", "on-failure" (the daemon validates the name).
    pub name: String,
    pub max_retry: i64,
}

/// `container.HealthConfig` (durations in nanoseconds).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Health {
    /// `["NONE"]` for `--no-healthcheck`, `["CMD-SHELL", cmd]`, or empty (image's).
    pub test: Vec<String>,
    pub interval: i64,
    pub timeout: i64,
    pub start_period: i64,
    pub start_interval: i64,
    pub retries: i64,
}

/// What `docker run`/`create` send, as far as the client computes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunOptions {
    pub image: String,
    pub args: Vec<String>,
    /// Exposed ports, "80/tcp", sorted.
    pub exposed: Vec<String>,
    /// Published ports by container port ("80/tcp").
    pub bindings: BTreeMap<String, Vec<PortBinding>>,
    pub restart: RestartPolicy,
    pub health: Option<Health>,
    pub attach_stdin: bool,
    pub attach_stdout: bool,
    pub attach_stderr: bool,
    pub log_opts: BTreeMap<String, String>,
    pub storage_opts: BTreeMap<String, String>,
    /// `--network` values (`"default"` when none was given), with `--ip`, `--network-alias`
    /// … applied to the first.
    pub networks: Vec<NetworkAttachment>,
}

/// `opts.ParseRestartPolicy`.
pub fn parse_restart_policy(policy: &str) -> Result<RestartPolicy, String> {
    if policy.is_empty() {
        return Ok(RestartPolicy::default());
    }
    let (k, v) = policy.split_once(':').map_or((policy, ""), |(k, v)| (k, v));
    if policy.contains(':') && k.is_empty() {
        return Err("invalid restart policy format: no policy provided before colon".into());
    }
    let mut p = RestartPolicy {
        name: k.to_string(),
        max_retry: 0,
    };
    if !v.is_empty() {
        p.max_retry = super::gostr::parse_int_base(v, 10, 64).map_err(|_| {
            "invalid restart policy format: maximum retry count must be an integer".to_string()
        })?;
    }
    Ok(p)
}

/// `validatePullOpt` (`--pull`).
pub fn check_pull(val: &str) -> Result<(), String> {
    match val {
        "always" | "missing" | "never" | "" => Ok(()),
        _ => Err(format!(
            "invalid pull option: '{val}': must be one of \"always\", \"missing\" or \"never\""
        )),
    }
}

fn valid_mac(s: &str) -> bool {
    let groups: Vec<&str> = s.split([':', '-']).collect();
    (groups.len() == 6 || groups.len() == 8 || groups.len() == 20)
        && groups
            .iter()
            .all(|g| g.len() == 2 && g.bytes().all(|c| c.is_ascii_hexdigit()))
}

fn container_mode(s: &str) -> bool {
    s.strip_prefix("container:")
        .is_some_and(|id| !id.is_empty())
}

/// Network attachments with the legacy flags applied (`parseNetworkOpts`).
fn networks(inv: &Invocation) -> Result<Vec<NetworkAttachment>, String> {
    let f = &inv.flags;
    let raw = f.strings("network");
    let mut list: Vec<NetworkAttachment> = Vec::new();
    for r in &raw {
        list.push(parse_network(r)?);
    }
    if list.is_empty() {
        list.push(NetworkAttachment {
            target: "default".into(),
            ..Default::default()
        });
    }
    let aliases = f.strings("network-alias");
    let first = &mut list[0];
    let conflict = |what: &str| Err(format!("conflicting options: cannot specify both {what}"));
    if !first.aliases.is_empty() && !aliases.is_empty() {
        return conflict("--network-alias and per-network alias");
    }
    if !first.ipv4_address.is_empty() && !f.string("ip").is_empty() {
        return conflict("--ip and per-network IPv4 address");
    }
    if !first.ipv6_address.is_empty() && !f.string("ip6").is_empty() {
        return conflict("--ip6 and per-network IPv6 address");
    }
    if !first.mac_address.is_empty() && !f.string("mac-address").is_empty() {
        return conflict("--mac-address and per-network MAC address");
    }
    if !first.link_local_ips.is_empty() && !f.strings("link-local-ip").is_empty() {
        return conflict("--link-local-ip and per-network link-local IP addresses");
    }
    if !aliases.is_empty() {
        first.aliases = aliases;
    }
    for (field, flag) in [
        (&mut first.ipv4_address, "ip"),
        (&mut first.ipv6_address, "ip6"),
        (&mut first.mac_address, "mac-address"),
    ] {
        let v = f.string(flag);
        if !v.is_empty() {
            *field = v;
        }
    }
    let lli = f.strings("link-local-ip");
    if !lli.is_empty() {
        first.link_local_ips = lli;
    }
    let builtin =
        |t: &str| matches!(t, "default" | "bridge" | "host" | "none") || container_mode(t);
    let user = list.iter().any(|n| !builtin(&n.target));
    let non_user = list.iter().any(|n| builtin(&n.target) && !raw.is_empty());
    for (i, n) in list.iter().enumerate() {
        if list[..i].iter().any(|m| m.target == n.target) {
            return Err(format!(
                "network \"{}\" is specified multiple times",
                n.target
            ));
        }
    }
    if user && non_user {
        return Err("conflicting options: cannot attach both user-defined and non-user-defined network-modes".into());
    }
    Ok(list)
}

/// `docker run`/`create` options as the client computes them, or its error text.
pub fn parse_run_options(inv: &Invocation) -> Result<RunOptions, String> {
    let f = &inv.flags;
    check_pull(&f.string("pull"))?;
    let mac = f.string("mac-address");
    if !mac.is_empty() && !valid_mac(&mac) {
        return Err(format!("{mac} is not a valid mac address"));
    }
    let attach = f.strings("attach");
    let mut o = RunOptions {
        image: inv.args.first().cloned().unwrap_or_default(),
        args: inv.args.iter().skip(1).cloned().collect(),
        attach_stdin: attach.iter().any(|a| a == "stdin") || f.bool("interactive"),
        attach_stdout: attach.is_empty() || attach.iter().any(|a| a == "stdout"),
        attach_stderr: attach.is_empty() || attach.iter().any(|a| a == "stderr"),
        ..RunOptions::default()
    };
    let swappiness = f.int("memory-swappiness");
    if swappiness != -1 && !(0..=100).contains(&swappiness) {
        return Err(format!(
            "invalid value: {swappiness}. Valid memory swappiness range is 0-100"
        ));
    }
    let mut exposed: Vec<String> = Vec::new();
    for p in f.strings("publish") {
        for (port, binding) in parse_port_spec(&standard_notation(&p)?)? {
            if !exposed.contains(&port) {
                exposed.push(port.clone());
            }
            o.bindings.entry(port).or_default().push(binding);
        }
    }
    for e in f.strings("expose") {
        if e.contains(':') {
            return Err(format!("invalid port format for --expose: {e}"));
        }
        let (proto, port) = split_proto_port(&e);
        let (start, end) = port_range(&port)
            .map_err(|err| format!("invalid range format for --expose: {e}, error: {err}"))?;
        for i in start..=end {
            let p = format!("{i}/{proto}");
            if !exposed.contains(&p) {
                exposed.push(p);
            }
        }
    }
    exposed.sort();
    o.exposed = exposed;
    let pid = f.string("pid");
    if !(pid.is_empty() || pid == "host" || container_mode(&pid)) {
        return Err("--pid: invalid PID mode".into());
    }
    if !matches!(f.string("uts").as_str(), "" | "host") {
        return Err("--uts: invalid UTS mode".into());
    }
    if !matches!(f.string("userns").as_str(), "" | "host") {
        return Err("--userns: invalid USER mode".into());
    }
    if !matches!(f.string("cgroupns").as_str(), "" | "host" | "private") {
        return Err("--cgroupns: invalid CGROUP mode".into());
    }
    o.restart = parse_restart_policy(&f.string("restart"))?;
    let log_driver = f.string("log-driver");
    let log_opts = f.strings("log-opt");
    if log_driver == "none" && !log_opts.is_empty() {
        return Err(format!("invalid logging opts for driver {log_driver}"));
    }
    o.log_opts = f.map("log-opt");
    for s in f.strings("storage-opt") {
        let Some((k, v)) = s.split_once('=') else {
            return Err("invalid storage option".into());
        };
        o.storage_opts.insert(k.to_string(), v.to_string());
    }
    o.health = health(inv)?;
    if f.bool("rm") && !matches!(o.restart.name.as_str(), "" | "no") {
        return Err("conflicting options: cannot specify both --restart and --rm".into());
    }
    o.networks = networks(inv)?;
    Ok(o)
}

fn health(inv: &Invocation) -> Result<Option<Health>, String> {
    let f = &inv.flags;
    let h = Health {
        test: Vec::new(),
        interval: f.duration_nanos("health-interval"),
        timeout: f.duration_nanos("health-timeout"),
        start_period: f.duration_nanos("health-start-period"),
        start_interval: f.duration_nanos("health-start-interval"),
        retries: f.int("health-retries"),
    };
    let cmd = f.string("health-cmd");
    let have = !cmd.is_empty()
        || h.interval != 0
        || h.timeout != 0
        || h.start_period != 0
        || h.retries != 0
        || h.start_interval != 0;
    if f.bool("no-healthcheck") {
        if have {
            return Err("--no-healthcheck conflicts with --health-* options".into());
        }
        return Ok(Some(Health {
            test: vec!["NONE".into()],
            ..Health::default()
        }));
    }
    if !have {
        return Ok(None);
    }
    for (v, name) in [
        (h.interval, "interval"),
        (h.timeout, "timeout"),
        (h.retries, "retries"),
        (h.start_period, "start-period"),
        (h.start_interval, "start-interval"),
    ] {
        if v < 0 {
            return Err(format!("--health-{name} cannot be negative"));
        }
    }
    let test = if cmd.is_empty() {
        Vec::new()
    } else {
        vec!["CMD-SHELL".into(), cmd]
    };
    Ok(Some(Health { test, ..h }))
}

/// `docker run -d` with `-a` (checked after the options are parsed).
pub fn check_detach_attach(inv: &Invocation) -> Result<(), String> {
    if inv.flags.bool("detach") && !inv.flags.strings("attach").is_empty() {
        return Err("conflicting options: cannot specify both --attach and --detach".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::env::Env;

    fn run(line: &str) -> Result<RunOptions, String> {
        let args: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        let inv = crate::cli::parse(&args, &Env::default()).map_err(|o| o.stderr())?;
        parse_run_options(&inv)
    }

    #[test]
    fn ports() {
        let o =
            run("run -p 8080:80 -p 127.0.0.1::53/udp -p 9000-9001:90-91 --expose 7000-7001 nginx")
                .unwrap();
        assert_eq!(
            o.exposed,
            vec![
                "53/udp", "7000/tcp", "7001/tcp", "80/tcp", "90/tcp", "91/tcp"
            ]
        );
        assert_eq!(
            o.bindings["80/tcp"],
            vec![PortBinding {
                host_ip: "".into(),
                host_port: "8080".into()
            }]
        );
        assert_eq!(
            o.bindings["53/udp"],
            vec![PortBinding {
                host_ip: "127.0.0.1".into(),
                host_port: "".into()
            }]
        );
        assert_eq!(o.bindings["91/tcp"][0].host_port, "9001");
        assert_eq!(
            run("run -p abc busybox").unwrap_err(),
            "invalid containerPort: abc"
        );
        assert_eq!(
            run("run -p x:80 busybox").unwrap_err(),
            "invalid hostPort: x"
        );
        assert_eq!(
            run("run -p 80/foo busybox").unwrap_err(),
            "invalid proto: foo"
        );
        assert_eq!(
            run("run -p 1.2.3:80:80 busybox").unwrap_err(),
            "invalid IP address: 1.2.3"
        );
        assert_eq!(
            run("run --expose abc busybox").unwrap_err(),
            "invalid range format for --expose: abc, error: strconv.ParseUint: parsing \"abc\": invalid syntax"
        );
        let o = run("run -p published=8080,target=80 nginx").unwrap();
        assert_eq!(o.bindings["80/tcp"][0].host_port, "8080");
    }

    #[test]
    fn policies_and_checks() {
        assert_eq!(
            run("run --restart on-failure:3 busybox").unwrap().restart,
            RestartPolicy {
                name: "on-failure".into(),
                max_retry: 3
            }
        );
        assert_eq!(
            run("run --restart=on-failure:x busybox").unwrap_err(),
            "invalid restart policy format: maximum retry count must be an integer"
        );
        assert_eq!(
            run("run --pull sometimes busybox").unwrap_err(),
            "invalid pull option: 'sometimes': must be one of \"always\", \"missing\" or \"never\""
        );
        assert_eq!(
            run("run --health-interval=-5s busybox").unwrap_err(),
            "--health-interval cannot be negative"
        );
        assert_eq!(
            run("run --rm --restart always busybox").unwrap_err(),
            "conflicting options: cannot specify both --restart and --rm"
        );
        assert_eq!(
            run("run --pid foo busybox").unwrap_err(),
            "--pid: invalid PID mode"
        );
        assert_eq!(
            run("run --memory-swappiness 101 busybox").unwrap_err(),
            "invalid value: 101. Valid memory swappiness range is 0-100"
        );
        assert_eq!(
            run("run --network host --network mynet busybox").unwrap_err(),
            "conflicting options: cannot attach both user-defined and non-user-defined network-modes"
        );
        let o = run("run -it --network mynet --network-alias db busybox").unwrap();
        assert!(o.attach_stdin && o.attach_stdout);
        assert_eq!(
            (o.networks[0].target.as_str(), o.networks[0].aliases.clone()),
            ("mynet", vec!["db".to_string()])
        );
        assert_eq!(
            run("run --no-healthcheck busybox")
                .unwrap()
                .health
                .unwrap()
                .test,
            vec!["NONE"]
        );
    }
}
