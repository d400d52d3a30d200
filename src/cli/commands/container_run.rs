//! `docker run`, `docker create` and `docker start`: building the container's
//! configuration from the flags, pulling a missing image, creating, starting, and staying
//! attached to the process until it ends (or leaving it in the terminal's foreground).
//!
//! Flow as in docker/cli: create (on "No such image": `Unable to find image … locally`,
//! pull, create again), then for `run -d` print the ID and start; otherwise attach, start,
//! and wait. A process that ends within a few simulated seconds is waited for at once;
//! one that keeps running (a server) leaves the terminal attached.
//!
//! Invariant: errors are printed the way the real client prints them for that command
//! (`run`: `docker: …` with exit 125/126/127; `create`/`start`: `Error response from
//! daemon: …`, exit 1).

use crate::cli::attach::{Foreground, write_entries};
use crate::cli::commands::image_pull::{pull_error, pull_for_run};
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::errors;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::cli::run_opts::{RunOptions, check_detach_attach, parse_run_options};
use crate::cli::volume_opts;
use crate::engine::api::ApiError;
use crate::engine::api::containers::CreateRequest;
use crate::engine::clock::Span;
use crate::engine::model::config::{Config, HealthConfig, HostConfig, PortBinding, RestartPolicy};
use crate::engine::reference;

pub const HANDLERS: &[(&str, Handler)] =
    &[("container run", run), ("container create", create), ("container start", start)];

/// How long `docker run` (attached) lets simulated time pass waiting for a process that
/// is sleeping to end before handing the terminal over to it.
const SETTLE_SECS: u64 = 10;

/// Reads `--env-file`/`--label-file` lines: `KEY=value`, `KEY` alone, `#` comments.
fn read_kv_files(ctx: &ClientCtx<'_>, files: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for f in files {
        let text = ctx.files.read(f).map_err(|e| format!("open {f}: {e}"))?;
        for line in text.lines() {
            let line = line.trim_start();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(key) = line.split('=').next() {
                if key.is_empty() {
                    return Err(format!("invalid environment variable: {line}"));
                }
            }
            out.push(line.to_string());
        }
    }
    Ok(out)
}

/// The container configuration the client sends (`container.Config` + `HostConfig`).
fn build_request(inv: &Invocation, o: &RunOptions, ctx: &ClientCtx<'_>) -> Result<CreateRequest, String> {
    let f = &inv.flags;
    let cwd = ctx.files.cwd().unwrap_or("/").to_string();
    let (binds, anonymous) = volume_opts::split_volumes(&f.strings("volume"), &cwd)?;
    // `NAME` alone takes the client's value (from a file: only when it has one).
    let mut env: Vec<String> = read_kv_files(ctx, &f.strings("env-file"))?
        .into_iter()
        .filter_map(|l| if l.contains('=') { Some(l) } else { ctx.env.lookup(&l).map(|v| format!("{l}={v}")) })
        .collect();
    env.extend(f.strings("env").iter().map(|e| ctx.env.resolve_env_var(e)));
    let mut labels = std::collections::BTreeMap::new();
    for l in read_kv_files(ctx, &f.strings("label-file"))?.into_iter().chain(f.strings("label")) {
        let (k, v) = l.split_once('=').map_or((l.as_str(), ""), |(k, v)| (k, v));
        labels.insert(k.to_string(), v.to_string());
    }
    let entrypoint = f.changed("entrypoint").then(|| vec![f.string("entrypoint")]);
    let cmd = (!o.args.is_empty()).then(|| o.args.clone());
    let restart = match o.restart.name.as_str() {
        "" | "no" => RestartPolicy::No,
        "always" => RestartPolicy::Always,
        "unless-stopped" => RestartPolicy::UnlessStopped,
        "on-failure" => RestartPolicy::OnFailure { max_retries: o.restart.max_retry.max(0) as u32 },
        other => RestartPolicy::Unknown { name: other.to_string(), max_retries: o.restart.max_retry.max(0) as u32 },
    };
    let restart = match restart {
        RestartPolicy::Always | RestartPolicy::UnlessStopped if o.restart.max_retry > 0 => {
            RestartPolicy::Unknown { name: String::new(), max_retries: o.restart.max_retry as u32 }
        }
        r => r,
    };
    let healthcheck = o.health.as_ref().map(|h| HealthConfig {
        test: h.test.clone(),
        interval_secs: (h.interval / 1_000_000_000) as u64,
        timeout_secs: (h.timeout / 1_000_000_000) as u64,
        start_period_secs: (h.start_period / 1_000_000_000) as u64,
        retries: h.retries.max(0) as u32,
    });
    let tty = f.bool("tty");
    let interactive = f.bool("interactive");
    let detach = f.spec("detach").is_some() && f.bool("detach");
    let config = Config {
        hostname: f.string("hostname"),
        domainname: f.string("domainname"),
        user: f.string("user"),
        attach_stdin: !detach && o.attach_stdin,
        attach_stdout: !detach && o.attach_stdout,
        attach_stderr: !detach && o.attach_stderr,
        exposed_ports: o.exposed.iter().cloned().collect(),
        tty,
        open_stdin: interactive,
        stdin_once: interactive && !detach && o.attach_stdin,
        env,
        cmd,
        healthcheck,
        image: o.image.clone(),
        volumes: anonymous,
        working_dir: f.string("workdir"),
        entrypoint,
        labels,
        stop_signal: Some(f.string("stop-signal")).filter(|s| !s.is_empty()),
        stop_timeout: f.changed("stop-timeout").then(|| f.int("stop-timeout")),
        ..Config::default()
    };
    let network_mode = o.networks.first().map(|n| n.target.clone()).unwrap_or_else(|| "default".into());
    let host_config = HostConfig {
        binds,
        mounts: volume_opts::mounts(&f.strings("mount"), &cwd),
        tmpfs: volume_opts::tmpfs(&f.strings("tmpfs")),
        networking: volume_opts::networking(&o.networks),
        network_mode,
        port_bindings: o
            .bindings
            .iter()
            .map(|(p, bs)| {
                (p.clone(), bs.iter().map(|b| PortBinding { host_ip: b.host_ip.clone(), host_port: b.host_port.clone() }).collect())
            })
            .collect(),
        restart_policy: restart,
        auto_remove: f.bool("rm"),
        volumes_from: f.strings("volumes-from"),
        publish_all_ports: f.bool("publish-all"),
        readonly_rootfs: f.bool("read-only"),
        privileged: f.bool("privileged"),
        links: f.strings("link"),
        extra_hosts: f.strings("add-host"),
        dns: f.strings("dns"),
        memory: f.bytes("memory"),
        nano_cpus: f.nano_cpus("cpus"),
        init: f.changed("init").then(|| f.bool("init")),
        ..HostConfig::default()
    };
    let name = Some(f.string("name")).filter(|n| !n.is_empty());
    Ok(CreateRequest { name, config, host_config })
}

/// What went wrong creating a container, and where it happened.
enum CreateError {
    /// Rejected by the client (bad flag value, missing env file).
    Client(String),
    /// Returned by the daemon (or its unreachability).
    Api(ApiError),
}

/// `createContainer`: create, pulling the image first if it is missing. Progress and
/// warnings go to `out` (stderr).
fn create_container(inv: &Invocation, ctx: &mut ClientCtx<'_>, out: &mut Output) -> Result<String, CreateError> {
    let o = parse_run_options(inv).map_err(CreateError::Client)?;
    if inv.flags.spec("detach").is_some() {
        check_detach_attach(inv).map_err(CreateError::Client)?;
    }
    let req = build_request(inv, &o, ctx).map_err(CreateError::Client)?;
    let quiet = inv.flags.bool("quiet");
    let pull = inv.flags.string("pull");
    // `ParseAnyReference`: a bad name fails before any request.
    let named = if reference::is_full_hex_id(&o.image) {
        None
    } else {
        Some(reference::parse_normalized(&o.image).map_err(CreateError::Client)?.with_default_tag())
    };
    if pull == "always" {
        if let Some(r) = &named {
            pull_for_run(ctx, r, quiet, out).map_err(CreateError::Api)?;
        }
    }
    let resp = match ctx.api().container_create(req.clone()) {
        Ok(r) => r,
        Err(e) if e.status() == 404 && e.message().starts_with("No such image") && pull != "never" => {
            let Some(r) = &named else { return Err(CreateError::Api(e)) };
            if !quiet {
                out.err(&format!("Unable to find image '{}' locally\n", r.familiar()));
            }
            pull_for_run(ctx, r, quiet, out).map_err(CreateError::Api)?;
            ctx.api().container_create(req).map_err(CreateError::Api)?
        }
        Err(e) => return Err(CreateError::Api(e)),
    };
    for w in &resp.warnings {
        out.err(&format!("WARNING: {w}\n"));
    }
    Ok(resp.id)
}

fn api_text(e: &ApiError) -> String {
    pull_error(e)
}

fn create(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    match create_container(inv, ctx, &mut out) {
        Ok(id) => {
            out.out(&format!("{id}\n"));
            out
        }
        Err(CreateError::Client(msg)) => out.fail(&errors::with_help(&msg, "create"), 125),
        Err(CreateError::Api(e)) => out.fail(&api_text(&e), 1),
    }
}

/// `docker run`'s `toStatusError`.
fn run_failure(out: Output, message: &str) -> Output {
    let code = errors::run_exit_code(message);
    out.fail(&errors::with_help(message, "run"), code)
}

fn run(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let f = &inv.flags;
    // `CheckTty`: a tty for input that does not come from the terminal.
    let (attach_stdin, tty_wanted) = (f.bool("interactive") && !f.bool("detach"), f.bool("tty"));
    if attach_stdin && tty_wanted && ctx.files.stdin().is_some() && parse_run_options(inv).is_ok() {
        return out.fail("the input device is not a TTY", 1);
    }
    let id = match create_container(inv, ctx, &mut out) {
        Ok(id) => id,
        Err(CreateError::Client(msg)) => return out.fail(&errors::with_help(&msg, "run"), 125),
        Err(CreateError::Api(e)) => return run_failure(out, &api_text(&e)),
    };
    let detach = f.bool("detach");
    let tty = f.bool("tty");
    let stdin = f.bool("interactive");
    if detach {
        // The ID is printed while the start request is on its way: even a failed start
        // leaves it on stdout.
        out.out(&format!("{id}\n"));
        if let Err(e) = ctx.api().container_start(&id) {
            return run_failure(out, &api_text(&e));
        }
        return out;
    }
    if let Err(e) = ctx.api().container_attach(&id, stdin) {
        return run_failure(out, &api_text(&e));
    }
    if let Err(e) = ctx.api().container_start(&id) {
        ctx.api().attach_detach(&id);
        return run_failure(out, &api_text(&e));
    }
    // Input from a pipe or a file is sent whole, then closed; the terminal's is typed.
    let piped = ctx.files.stdin().map(str::to_string);
    if let (true, Some(data)) = (stdin, &piped) {
        ctx.api().attach_input(&id, data);
        ctx.api().attach_close_stdin(&id);
    }
    let typed = stdin && piped.is_none();
    let sig_proxy = f.bool("sig-proxy");
    let fg = Foreground::Container { id: id.clone(), stdin: typed, tty, sig_proxy, interrupted: false };
    follow(ctx, fg, typed, out)
}

/// Lets a sleeping process finish within [`SETTLE_SECS`] of simulated time, then either
/// returns its output and status, or leaves the terminal attached to it.
fn follow(ctx: &mut ClientCtx<'_>, mut fg: Foreground, interactive: bool, mut out: Output) -> Output {
    let Foreground::Container { id, tty, .. } = fg.clone() else { return out };
    if !interactive {
        let limit = ctx.world.now() + Span::secs(SETTLE_SECS);
        while let Some(wake) = ctx.api().container_next_wake(&id) {
            if wake > limit {
                break;
            }
            let now = ctx.world.now();
            ctx.world.advance(wake.since(now).max(Span(1)));
        }
    }
    let p = fg.poll(ctx);
    out.extend(&p.out.chunks);
    out.notes.extend(p.out.notes);
    if p.done {
        out.exit = p.out.exit;
        return out;
    }
    let _ = tty;
    let _ = write_entries;
    out.attach = Some(fg);
    out
}

fn start(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let attach = inv.flags.bool("attach");
    let interactive = inv.flags.bool("interactive");
    if attach || interactive {
        if inv.args.len() > 1 {
            return out.fail("you cannot start and attach multiple containers at once", 1);
        }
        let name = &inv.args[0];
        let c = match ctx.api().container_inspect(name) {
            Ok(c) => c,
            Err(e) => return out.fail(&api_text(&e), 1),
        };
        let stdin = interactive && c.config.open_stdin;
        if let Err(e) = ctx.api().container_attach(&c.id, stdin) {
            return out.fail(&api_text(&e), 1);
        }
        if let Err(e) = ctx.api().container_start(&c.id) {
            ctx.api().attach_detach(&c.id);
            return out.fail(&api_text(&e), 1);
        }
        let fg = Foreground::Container { id: c.id.clone(), stdin, tty: c.config.tty, sig_proxy: !c.config.tty, interrupted: false };
        return follow(ctx, fg, stdin, out);
    }
    let mut failed = Vec::new();
    for name in &inv.args {
        match ctx.api().container_start(name) {
            Ok(_) => out.out(&format!("{name}\n")),
            Err(e) => {
                out.err(&format!("{}\n", api_text(&e)));
                failed.push(name.clone());
            }
        }
    }
    if !failed.is_empty() {
        return out.fail(&errors::failed_to_start(&failed), 1);
    }
    out
}
