//! A stand-in for the `docker` CLI in the course tests, while the real one is not in the
//! shell: it turns the few command lines the lessons use (`pull`, `run`, `create`, `start`,
//! `stop`, `rm`, `rmi`, `tag`, and commands that only look) into the engine API calls the CLI
//! makes. Anything else is refused, and the test skips what depends on it. The real replay
//! through `Session::submit` is in tests/course_replay.rs.

use doca::engine::World;
use doca::engine::api::containers::CreateRequest;
use doca::engine::event::ClientId;
use doca::engine::model::config::{Config, HostConfig, PortBinding};
use doca::engine::reference::parse_docker_ref;

use super::Runner;

/// The learner's home directory (the prompt is `aluno@doca:~$`).
pub const HOME: &str = "/home/aluno";

#[derive(Clone)]
pub struct EngineDriver {
    pub world: World,
}

impl EngineDriver {
    pub fn new() -> EngineDriver {
        EngineDriver { world: World::new() }
    }
}

impl Runner for EngineDriver {
    fn world(&self) -> &World {
        &self.world
    }

    fn run(&mut self, line: &str) -> Result<(), String> {
        let words = split(line).ok_or_else(|| format!("`{line}`: shell syntax"))?;
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        match words.as_slice() {
            ["docker", "pull", r] => {
                self.pull(r);
                Ok(())
            }
            ["docker", "tag", src, dst] => {
                if let Ok(r) = parse_docker_ref(dst) {
                    let _ = self.world.api(ClientId(0)).image_tag(src, &r);
                }
                Ok(())
            }
            ["docker", "rmi", names @ ..] => {
                for n in names.iter().filter(|n| !n.starts_with('-')) {
                    let _ = self.world.api(ClientId(0)).image_remove(n, names.contains(&"-f"), true);
                }
                Ok(())
            }
            ["docker", "start", names @ ..] => self.each(names, |d, n| drop(d.world.api(ClientId(0)).container_start(n))),
            ["docker", "stop", names @ ..] => self.each(names, |d, n| drop(d.world.api(ClientId(0)).container_stop(n, None, None))),
            ["docker", "pause", names @ ..] => self.each(names, |d, n| drop(d.world.api(ClientId(0)).container_pause(n))),
            ["docker", "rm", rest @ ..] => {
                let force = rest.contains(&"-f");
                let names: Vec<&str> = rest.iter().copied().filter(|n| !n.starts_with('-')).collect();
                self.each(&names, |d, n| drop(d.world.api(ClientId(0)).container_remove(n, force, false)))
            }
            ["docker", verb @ ("run" | "create"), rest @ ..] => self.run_or_create(*verb == "run", rest),
            ["docker", "ps" | "images" | "logs" | "history" | "version" | "inspect" | "top" | "port", ..] => Ok(()),
            _ => Err(format!("`{line}` needs the real CLI")),
        }
    }
}

impl EngineDriver {
    fn pull(&mut self, r: &str) -> bool {
        match parse_docker_ref(r) {
            Ok(r) => self.world.api(ClientId(0)).image_pull(&r).is_ok(),
            Err(_) => false,
        }
    }

    fn each(&mut self, names: &[&str], f: impl Fn(&mut EngineDriver, &str)) -> Result<(), String> {
        for n in names {
            f(self, n);
        }
        Ok(())
    }

    /// `docker run` / `docker create` with the options the lessons use.
    fn run_or_create(&mut self, start: bool, args: &[&str]) -> Result<(), String> {
        let mut config = Config::default();
        let mut hc = HostConfig::default();
        let mut name = None;
        let mut i = 0;
        while i < args.len() && args[i].starts_with('-') {
            let value = args.get(i + 1).copied().unwrap_or("");
            match args[i] {
                "-d" | "--rm" | "-i" | "-t" | "-it" | "-P" => {
                    hc.auto_remove |= args[i] == "--rm";
                    hc.publish_all_ports |= args[i] == "-P";
                    i += 1;
                    continue;
                }
                "--name" => name = Some(value.to_string()),
                "-e" => config.env.push(value.to_string()),
                "--network" => hc.network_mode = value.to_string(),
                "-p" => {
                    let (host, container) = value.split_once(':').ok_or("`-p` without a colon")?;
                    let key = format!("{container}/tcp");
                    config.exposed_ports.insert(key.clone());
                    hc.port_bindings.entry(key).or_default().push(PortBinding { host_ip: String::new(), host_port: host.into() });
                }
                "-v" => {
                    let bind = match value.strip_prefix("./") {
                        Some(rest) => format!("{HOME}/{rest}"),
                        None => value.to_string(),
                    };
                    hc.binds.push(bind);
                }
                other => return Err(format!("option {other} needs the real CLI")),
            }
            i += 2;
        }
        let image = *args.get(i).ok_or("no image")?;
        config.image = image.to_string();
        let cmd: Vec<String> = args[i + 1..].iter().map(|s| s.to_string()).collect();
        config.cmd = (!cmd.is_empty()).then_some(cmd);
        if self.world.api(ClientId(0)).image_inspect(image).is_err() && !self.pull(image) {
            return Ok(());
        }
        let created = self.world.api(ClientId(0)).container_create(CreateRequest { name, config, host_config: hc });
        if let (true, Ok(c)) = (start, created) {
            let _ = self.world.api(ClientId(0)).container_start(&c.id);
        }
        Ok(())
    }
}

/// Shell words with single and double quotes; `None` for anything more (redirections,
/// `;`, `&&`, `$(…)`, pipes).
fn split(line: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut started = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                started = true;
            }
            (None, '>' | '<' | ';' | '&' | '|' | '$' | '`' | '\\') => return None,
            (None, c) if c.is_whitespace() => {
                if started {
                    out.push(std::mem::take(&mut cur));
                    started = false;
                }
            }
            (None, c) => {
                cur.push(c);
                started = true;
            }
        }
    }
    if quote.is_some() {
        return None;
    }
    if started {
        out.push(cur);
    }
    Some(out)
}
