//! The state of a stage while it builds (its layers, config, history, build arguments and
//! cache key) and the metadata-only instructions that change only the config: ENV, LABEL,
//! EXPOSE, USER, VOLUME, CMD, ENTRYPOINT, HEALTHCHECK, STOPSIGNAL, SHELL, ONBUILD, ARG.
//!
//! Invariant: a metadata instruction never touches the layers or the cache key; a
//! filesystem step (RUN, COPY, ADD, WORKDIR) always moves the cache key.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::history::{self, Entry};
use super::instructions::{Form, Instr};
use super::shlex::{Lex, Vars};
use crate::engine::clock::Time;
use crate::engine::fs::Tree;
use crate::engine::model::config::{Config, HealthConfig};

/// A layer of a stage.
#[derive(Clone, Debug)]
pub struct StageLayer {
    pub diff_id: String,
    pub content: Arc<Tree>,
    pub size: u64,
}

/// A stage being built.
#[derive(Clone, Debug)]
pub struct StageState {
    pub layers: Vec<StageLayer>,
    pub config: Config,
    pub history: Vec<Entry>,
    /// Cache key of the last filesystem state.
    pub key: String,
    /// ARG values in scope (declared in this stage or meta args re-declared).
    pub args: Vec<(String, String)>,
    pub os: String,
    pub architecture: String,
}

impl StageState {
    /// Variables for substitution: ENV, then ARGs (ENV wins, as in BuildKit).
    pub fn vars(&self) -> Vars {
        let mut v: Vars = self.args.iter().cloned().collect();
        for kv in &self.config.env {
            let (k, val) = kv.split_once('=').unwrap_or((kv.as_str(), ""));
            v.insert(k.to_string(), val.to_string());
        }
        v
    }

    /// The shell for shell forms (`SHELL` or `/bin/sh -c`).
    pub fn shell(&self) -> Vec<String> {
        self.config.shell.clone().unwrap_or_else(|| vec!["/bin/sh".into(), "-c".into()])
    }

    /// ARGs that reach RUN's environment (not shadowed by ENV).
    pub fn run_args(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for (k, v) in &self.args {
            if self.config.env_get(k).is_none() {
                out.retain(|(x, _)| x != k);
                out.push((k.clone(), v.clone()));
            }
        }
        out.sort();
        out
    }

    fn meta(&mut self, created_by: String) {
        self.history.push(Entry {
            created: None,
            created_by,
            comment: "buildkit.dockerfile.v0".into(),
            empty_layer: true,
            size: 0,
        });
    }
}

fn form_argv(f: &Form, shell: &[String]) -> Vec<String> {
    match f {
        Form::Exec(v) => v.clone(),
        Form::Shell(s) => shell.iter().cloned().chain(std::iter::once(s.clone())).collect(),
    }
}

/// `EXPOSE 80`, `80/udp`, `8000-8001` → `80/tcp`….
fn ports(word: &str) -> Result<Vec<String>, String> {
    let (p, proto) = word.split_once('/').unwrap_or((word, "tcp"));
    let proto = proto.to_lowercase();
    let bad = || format!("invalid containerPort: {p}");
    let (a, b) = match p.split_once('-') {
        Some((a, b)) => (a.parse::<u32>().map_err(|_| bad())?, b.parse::<u32>().map_err(|_| bad())?),
        None => {
            let n = p.parse::<u32>().map_err(|_| bad())?;
            (n, n)
        }
    };
    if a == 0 || b > 65535 || a > b || b - a > 1024 {
        return Err(bad());
    }
    Ok((a..=b).map(|n| format!("{n}/{proto}")).collect())
}

/// Go's `time.ParseDuration` for the common forms (`30s`, `1m30s`, `500ms`), in seconds.
fn duration_secs(s: &str) -> Result<u64, String> {
    if s.is_empty() {
        return Ok(0);
    }
    let mut total_ms: u64 = 0;
    let mut num = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let mut unit = c.to_string();
        if c == 'm' && chars.peek() == Some(&'s') {
            unit.push('s');
            chars.next();
        }
        let n: u64 = num.parse().map_err(|_| format!("time: invalid duration \"{s}\""))?;
        num.clear();
        total_ms += match unit.as_str() {
            "ms" => n,
            "s" => n * 1000,
            "m" => n * 60_000,
            "h" => n * 3_600_000,
            _ => return Err(format!("time: unknown unit \"{unit}\" in duration \"{s}\"")),
        };
    }
    if !num.is_empty() {
        return Err(format!("time: missing unit in duration \"{s}\""));
    }
    Ok(total_ms / 1000)
}

/// Applies a metadata-only instruction.
pub fn apply_meta(st: &mut StageState, instr: &Instr, escape: char, build_args: &BTreeMap<String, String>, meta_args: &Vars) -> Result<(), String> {
    let lex = Lex::new(escape);
    let vars = st.vars();
    match instr {
        Instr::Env { pairs, .. } => {
            let mut shown = Vec::new();
            for (k, v) in pairs {
                let k = lex.word(k, &vars)?;
                let v = lex.word(v, &st.vars())?;
                st.config.env_set(&k, &v);
                shown.push(format!("{k}={v}"));
            }
            st.meta(format!("ENV {}", shown.join(" ")));
        }
        Instr::Label { pairs, .. } => {
            let mut shown = Vec::new();
            for (k, v) in pairs {
                let (k, v) = (lex.word(k, &vars)?, lex.word(v, &vars)?);
                st.config.labels.insert(k.clone(), v.clone());
                shown.push(format!("{k}={v}"));
            }
            st.meta(format!("LABEL {}", shown.join(" ")));
        }
        Instr::Arg(list) => {
            let mut shown = Vec::new();
            for (k, default) in list {
                let default = match default {
                    Some(d) => Some(lex.word(d, &vars)?),
                    None => meta_args.get(k).cloned(),
                };
                let value = build_args.get(k).cloned().or(default.clone());
                shown.push(match &default {
                    Some(d) => format!("{k}={d}"),
                    None => k.clone(),
                });
                if let Some(v) = value {
                    st.args.retain(|(x, _)| x != k);
                    st.args.push((k.clone(), v));
                }
            }
            st.meta(format!("ARG {}", shown.join(" ")));
        }
        Instr::Expose(ws) => {
            let mut added = Vec::new();
            for w in ws {
                for p in ports(&lex.word(w, &vars)?)? {
                    st.config.exposed_ports.insert(p.clone());
                    added.push(p);
                }
            }
            st.meta(format!("EXPOSE {}", history::go_port_map(&added)));
        }
        Instr::User(u) => {
            let u = lex.word(u, &vars)?;
            st.config.user = u.clone();
            st.meta(format!("USER {u}"));
        }
        Instr::Volume(vs) => {
            let vs = lex.words(vs, &vars)?;
            for v in &vs {
                st.config.volumes.insert(v.clone());
            }
            st.meta(format!("VOLUME {}", history::go_list(&vs)));
        }
        Instr::Cmd(f) => {
            let argv = form_argv(f, &st.shell());
            st.meta(format!("CMD {}", history::go_quoted_list(&argv)));
            st.config.cmd = Some(argv);
        }
        Instr::Entrypoint(f) => {
            let argv = form_argv(f, &st.shell());
            st.meta(format!("ENTRYPOINT {}", history::go_quoted_list(&argv)));
            st.config.entrypoint = Some(argv);
            // An ENTRYPOINT resets an inherited CMD.
            st.config.cmd = None;
        }
        Instr::Healthcheck(h) => match h {
            None => {
                st.config.healthcheck = Some(HealthConfig { test: vec!["NONE".into()], ..HealthConfig::default() });
                st.meta("HEALTHCHECK &{[\"NONE\"] \"0s\" \"0s\" \"0s\" \"0s\" '\\x00'}".into());
            }
            Some(h) => {
                let (i, t, s) = (duration_secs(&h.interval)?, duration_secs(&h.timeout)?, duration_secs(&h.start_period)?);
                let show = |d: &str| if d.is_empty() { "0s".to_string() } else { d.to_string() };
                st.meta(format!(
                    "HEALTHCHECK &{{{} \"{}\" \"{}\" \"{}\" \"0s\" '\\x{:02x}'}}",
                    history::go_quoted_list(&h.test),
                    show(&h.interval),
                    show(&h.timeout),
                    show(&h.start_period),
                    h.retries
                ));
                st.config.healthcheck = Some(HealthConfig { test: h.test.clone(), interval_secs: i, timeout_secs: t, start_period_secs: s, retries: h.retries });
            }
        },
        Instr::Stopsignal(s) => {
            let s = lex.word(s, &vars)?;
            st.config.stop_signal = Some(s.clone());
            st.meta(format!("STOPSIGNAL {s}"));
        }
        Instr::Shell(v) => {
            st.config.shell = Some(v.clone());
            st.meta(format!("SHELL {}", history::go_list(v)));
        }
        Instr::Onbuild(t) => {
            st.config.on_build.push(t.clone());
            st.meta(format!("ONBUILD {t}"));
        }
        Instr::Maintainer(m) => {
            st.meta(format!("MAINTAINER {m}"));
        }
        Instr::Run(_) | Instr::Copy { .. } | Instr::Workdir(_) => {}
    }
    Ok(())
}

/// A fresh stage on a base image (or scratch), at `now` for nothing in particular.
pub fn new_stage(config: Config, history: Vec<Entry>, layers: Vec<StageLayer>, key: String) -> StageState {
    StageState { layers, config, history, key, args: Vec::new(), os: "linux".into(), architecture: "amd64".into() }
}

/// A history entry for a filesystem step.
pub fn layer_entry(created_by: String, created: Time, size: u64, empty: bool) -> Entry {
    Entry { created: if empty { None } else { Some(created) }, created_by, comment: "buildkit.dockerfile.v0".into(), empty_layer: empty, size: if empty { 0 } else { size } }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_and_durations() {
        assert_eq!(ports("80").unwrap(), vec!["80/tcp"]);
        assert_eq!(ports("53/UDP").unwrap(), vec!["53/udp"]);
        assert_eq!(ports("8000-8001").unwrap(), vec!["8000/tcp", "8001/tcp"]);
        assert!(ports("http").is_err());
        assert_eq!(duration_secs("1m30s").unwrap(), 90);
        assert!(duration_secs("5x").is_err());
    }

    #[test]
    fn env_and_cmd_change_only_the_config() {
        let mut st = new_stage(Config::default(), Vec::new(), Vec::new(), "k".into());
        let none = BTreeMap::new();
        apply_meta(&mut st, &Instr::Env { pairs: vec![("A".into(), "1".into())], legacy: false }, '\\', &none, &Vars::new()).unwrap();
        apply_meta(&mut st, &Instr::Cmd(Form::Shell("echo $A".into())), '\\', &none, &Vars::new()).unwrap();
        assert_eq!(st.config.env, vec!["A=1"]);
        assert_eq!(st.config.cmd.as_ref().unwrap(), &vec!["/bin/sh".to_string(), "-c".into(), "echo $A".into()]);
        assert_eq!(st.history[1].created_by, "CMD [\"/bin/sh\" \"-c\" \"echo $A\"]");
        assert_eq!(st.key, "k");
    }
}
