//! Registry commands: `docker push` (`image push`), `docker login`, `docker logout` and
//! `docker search` (docker/cli `cli/command/image/push.go`, `cli/command/registry/`).
//! Push progress is shown as a terminal shows it once done: one line per layer (top
//! first) with its final status.
//!
//! Invariant: credentials live in the client (`Client::logins`, the simulated
//! `~/.docker/config.json`); the daemon only checks them.

use crate::cli::dispatch::{ClientCtx, Handler};
use crate::cli::errors;
use crate::cli::format::status::ellipsis;
use crate::cli::format::tabwriter::TabWriter;
use crate::cli::output::Output;
use crate::cli::parse::Invocation;
use crate::engine::api::push::PushStatus;
use crate::engine::reference;

pub const HANDLERS: &[(&str, Handler)] = &[("image push", push), ("login", login), ("logout", logout), ("search", search)];

/// Docker Hub's key in the config file.
const INDEX_SERVER: &str = "https://index.docker.io/v1/";

/// The key a registry's credentials are stored under.
fn login_key(domain: &str) -> String {
    if domain.is_empty() || domain == "docker.io" || domain == "index.docker.io" || domain == INDEX_SERVER {
        INDEX_SERVER.to_string()
    } else {
        domain.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/').to_string()
    }
}

fn push(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let name = inv.args.first().cloned().unwrap_or_default();
    let r = match reference::parse_normalized(&name) {
        Ok(r) => r,
        Err(e) => return out.fail(&e, 1),
    };
    if r.digest.is_some() {
        return out.fail("cannot push a digest reference", 1);
    }
    let quiet = inv.flags.bool("quiet");
    if r.tag.is_none() && !quiet {
        out.out("Using default tag: latest\n");
    }
    let r = r.with_default_tag();
    let key = login_key(&r.domain);
    let user = ctx.world.client(ctx.client).logins.get(&key).cloned();
    let rep = match ctx.api().image_push(&r, user.as_deref()) {
        Ok(rep) => rep,
        Err(e) => return out.fail(&e.message(), 1),
    };
    if !quiet {
        out.out(&format!("The push refers to repository [{}]\n", rep.repository));
        for (id, st) in &rep.layers {
            let s = match st {
                PushStatus::Preparing => "Preparing".to_string(),
                PushStatus::Pushed => "Pushed".to_string(),
                PushStatus::AlreadyExists => "Layer already exists".to_string(),
                PushStatus::MountedFrom(from) => format!("Mounted from {from}"),
            };
            out.out(&format!("{id}: {s} \n"));
        }
    }
    if let Some(e) = rep.error {
        if e.starts_with("denied") {
            out.notes.push("Para enviar ao Docker Hub é preciso `docker login`, e a imagem precisa estar no seu namespace (por exemplo `aluno/app`): use `docker tag app aluno/app` antes do push.".into());
        }
        return out.fail(&e, 1);
    }
    if let Some(res) = rep.result {
        if quiet {
            out.out(&format!("{}\n", r.familiar()));
        } else {
            out.out(&format!("{res}\n"));
        }
    }
    out
}

fn login(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let user = inv.flags.string("username");
    let password = inv.flags.string("password");
    if !password.is_empty() && inv.flags.bool("password-stdin") {
        return out.fail("conflicting options: cannot specify both --password and --password-stdin", 1);
    }
    if inv.flags.bool("password-stdin") && user.is_empty() {
        return out.fail("the --password-stdin option requires --username to be set", 1);
    }
    if !password.is_empty() {
        out.err("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n");
    }
    if user.is_empty() || password.is_empty() {
        out.notes.push("O doca não faz login interativo: use `docker login -u USUÁRIO -p SENHA` (contas do Docker Hub simulado: aluno / docker123).".into());
        return out.fail("Error: Cannot perform an interactive login from a non TTY device", 1);
    }
    let server = inv.args.first().cloned().unwrap_or_default();
    let key = login_key(&server);
    let domain = if key == INDEX_SERVER { "docker.io".to_string() } else { key.clone() };
    match ctx.api().registry_login(&domain, &user, &password) {
        Ok(()) => {
            let fresh = ctx.world.client(ctx.client).logins.get(&key) != Some(&user);
            ctx.world.client_mut(ctx.client).logins.insert(key, user);
            if fresh {
                out.err(&format!(
                    "\nWARNING! Your credentials are stored unencrypted in '{}/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n",
                    ctx.env.config_dir
                ));
            }
            out.out("Login Succeeded\n");
            out
        }
        Err(e) => {
            if e.status() == 401 {
                out.notes.push("Usuário ou senha incorretos. As contas do Docker Hub simulado são aluno e professor, ambas com a senha docker123.".into());
            }
            out.fail(&errors::daemon(&e.message()), 1)
        }
    }
}

fn logout(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let server = inv.args.first().cloned().unwrap_or_default();
    let key = login_key(&server);
    out.out(&format!("Removing login credentials for {key}\n"));
    ctx.world.client_mut(ctx.client).logins.remove(&key);
    out
}

fn search(inv: &Invocation, ctx: &mut ClientCtx<'_>) -> Output {
    let mut out = Output::default();
    let term = inv.args.first().cloned().unwrap_or_default();
    let limit = match inv.flags.int("limit") {
        0 => 25,
        n if !(1..=100).contains(&n) => return out.fail(&errors::daemon(&format!("limit {n} is outside the range of [1, 100]")), 1),
        n => n as u32,
    };
    let hits = match ctx.api().image_search(&term, limit) {
        Ok(h) => h,
        Err(e) => return out.fail(&errors::daemon(&e.message()), 1),
    };
    let trunc = !inv.flags.bool("no-trunc");
    let mut tw = TabWriter::docker_table();
    tw.write("NAME\tDESCRIPTION\tSTARS\tOFFICIAL\n");
    for h in hits {
        let desc = h.description.replace(['\n', '\r'], " ");
        let desc = if trunc { ellipsis(&desc, 45) } else { desc };
        let official = if h.official { "[OK]" } else { "" };
        tw.write(&format!("{}\t{desc}\t{}\t{official}\n", h.name, h.stars));
    }
    out.out(&tw.finish());
    out
}
