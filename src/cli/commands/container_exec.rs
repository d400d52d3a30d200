//! `docker exec` and `docker attach`: a client connected to a process in a running
//! container. `exec` runs a new process (`-i -t -d -e -w -u`); `attach` connects to the
//! main one. A process that ends within a few simulated seconds is waited for at once;
//! one that keeps running (an interactive shell, a server) holds the terminal
//! ([`Foreground::Exec`], [`Foreground::Container`]), with the shell's prompt shown.
//!
//! Invariant: the checks run in docker/cli's order (inspect, tty, create, start); a
//! process that could not start shows the daemon's text on stdout with its exit code
//! (126 or 127), as the hijacked stream carries it.

use super::container_common::{api_error, trim_id};
use crate::cli::attach::{Foreground, write_entries};
use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::engine::api::exec::ExecConfig;
use crate::engine::clock::Span;

pub const HANDLERS: &[(&str, Handler)] = &[("container exec", exec), ("container attach", attach)];

/// How long a client lets simulated time pass for a sleeping process before handing the
/// terminal over to it.
const SETTLE_SECS: u64 = 10;

/// `CheckTty`'s error.
const NOT_A_TTY: &str = "the input device is not a TTY";

/// `-e`/`--env-file` as `ReadKVEnvStrings` builds them: files first, then the flags.
fn exec_env(inv: &Invocation, ctx: &ClientCtx<'_>) -> Result<Vec<String>, String> {
    let mut env = Vec::new();
    for file in inv.flags.strings("env-file") {
        let text = ctx.files.read(&file).map_err(|e| format!("open {file}: {e}"))?;
        for line in text.lines() {
            let line = line.trim_start();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('=') {
                return Err(format!("invalid environment variable: {line}"));
            }
            if line.contains('=') {
                env.push(line.to_string());
            } else if let Some(v) = ctx.env.lookup(line) {
                env.push(format!("{line}={v}"));
            }
        }
    }
    env.extend(inv.flags.strings("env").iter().map(|e| ctx.env.resolve_env_var(e)));
    Ok(env)
}

fn exec(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let f = &inv.flags;
    let (detach, tty, interactive) = (f.bool("detach"), f.bool("tty"), f.bool("interactive"));
    let env = match exec_env(inv, ctx) {
        Ok(e) => e,
        Err(e) => return out.fail(&e, 1),
    };
    let name = match trim_id(&inv.args[0]) {
        Ok(n) => n.to_string(),
        Err(e) => return out.fail(&e, 1),
    };
    let c = match ctx.api().container_inspect(&name) {
        Ok(c) => c,
        Err(e) => return out.fail(&api_error(&e), 1),
    };
    let piped = ctx.files.stdin().map(str::to_string);
    if !detach && interactive && tty && piped.is_some() {
        return out.fail(NOT_A_TTY, 1);
    }
    let stdin = interactive && !detach;
    let cfg = ExecConfig {
        cmd: inv.args[1..].to_vec(),
        env,
        user: f.string("user"),
        working_dir: f.string("workdir"),
        tty,
        stdin,
    };
    let exec_id = match ctx.api().exec_create(&name, cfg) {
        Ok(id) => id,
        Err(e) => return out.fail(&api_error(&e), 1),
    };
    let state = match ctx.api().exec_start(&exec_id, detach) {
        Ok(s) => s,
        Err(e) => return out.fail(&api_error(&e), 1),
    };
    if detach {
        return out;
    }
    let (container, index) = (c.id.clone(), state.index);
    write_entries(&mut out, &state.output, tty);
    if let Some(code) = state.exit_code {
        out.exit = code;
        return out;
    }
    if let (true, Some(data)) = (stdin, &piped) {
        ctx.api().exec_input(&container, index, data);
        ctx.api().exec_close_stdin(&container, index);
    }
    let fg = Foreground::Exec { container: container.clone(), index, stdin: stdin && piped.is_none(), tty };
    if !stdin || piped.is_some() {
        let limit = ctx.world.now() + Span::secs(SETTLE_SECS);
        while let Some(wake) = ctx.api().exec_next_wake(&container, index) {
            if wake > limit {
                break;
            }
            let now = ctx.world.now();
            ctx.world.advance(wake.since(now).max(Span(1)));
        }
    }
    hold(ctx, fg, out)
}

/// Collects what the process wrote; if it has not ended, the terminal stays with it.
fn hold(ctx: &mut ClientCtx<'_>, mut fg: Foreground, mut out: Output) -> Output {
    let p = fg.poll(ctx);
    out.extend(&p.out.chunks);
    out.notes.extend(p.out.notes);
    if p.done {
        out.exit = p.out.exit;
        return out;
    }
    out.attach = Some(fg);
    out
}

fn attach(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let out = Output::default();
    let f = &inv.flags;
    let name = match trim_id(&inv.args[0]) {
        Ok(n) => n.to_string(),
        Err(e) => return out.fail(&e, 1),
    };
    // The client asks to be told when the container stops before anything else.
    let _ = ctx.api().container_wait(&name, 0);
    let c = match ctx.api().container_inspect(&name) {
        Ok(c) => c,
        Err(e) => return out.fail(&api_error(&e), 1),
    };
    let st = &c.state;
    if !st.running {
        return out.fail("You cannot attach to a stopped container, start it first", 1);
    }
    if st.paused {
        return out.fail("You cannot attach to a paused container, unpause it first", 1);
    }
    if st.restarting {
        return out.fail("You cannot attach to a restarting container, wait until it is running", 1);
    }
    let no_stdin = f.bool("no-stdin");
    if !no_stdin && c.config.tty && ctx.files.stdin().is_some() {
        return out.fail(NOT_A_TTY, 1);
    }
    let stdin = !no_stdin && c.config.open_stdin;
    if let Err(e) = ctx.api().container_attach(&c.id, stdin) {
        return out.fail(&api_error(&e), 1);
    }
    let sig_proxy = f.bool("sig-proxy") && !c.config.tty;
    let fg = Foreground::Container { id: c.id.clone(), stdin, tty: c.config.tty, sig_proxy, interrupted: false };
    hold(ctx, fg, out)
}
