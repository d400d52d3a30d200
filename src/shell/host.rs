//! The learner's host as the shell process sees it: its files (a union of the host's base
//! and the world's host tree), its clock (the world's), and the programs doca provides
//! itself: `docker` (the client in [`crate::cli`]), `clear`, `help`, `history`.
//!
//! Invariant: while a `docker` command runs, the host tree is back in the world (bind
//! mounts and build contexts read it); afterwards the shell sees any change made.

use std::cell::RefCell;

use super::host_fs;
use crate::cli::attach::Foreground;
use crate::cli::{ClientCtx, Env, HostFiles};
use crate::engine::World;
use crate::engine::clock::Time;
use crate::engine::event::{ClientId, HostId};
use crate::unix::fs::{Cred, Data, Errno, Fs, Layer, Meta, Node, Stat, UnionFs};
use crate::unix::process::{ExternalResult, KernelInfo, Stream, Sys};

/// What the host shell produced while running.
#[derive(Default)]
pub struct Produced {
    pub output: Vec<(Stream, String)>,
    /// A `docker` command now holds the terminal.
    pub foreground: Option<Foreground>,
    /// pt-BR notes from the client.
    pub notes: Vec<String>,
    /// `clear` ran.
    pub clear: bool,
}

/// The host, for one run of the shell process.
pub struct HostSys<'w> {
    pub world: &'w mut World,
    pub host: HostId,
    pub client: ClientId,
    pub env: &'w Env,
    pub history: &'w [String],
    /// The native twin's real directory for `--env-file` and build contexts.
    pub real_dir: Option<std::path::PathBuf>,
    /// The host tree, out of the world while the shell runs.
    fs: RefCell<Layer>,
    pub produced: Produced,
    /// Whether the standard error of the `docker` command about to run is the terminal.
    ext_stderr_tty: bool,
}

impl<'w> HostSys<'w> {
    /// [`Sys::exchange`] from the host, with the host tree in the world.
    fn exchange_in_world(&mut self, addr: &str, port: u16, payload: crate::unix::net::Payload) -> Result<crate::unix::net::Reply, crate::unix::net::NetError> {
        let mut net = crate::engine::net::NetCtx::host(self.world, self.host);
        match net.route(addr, port) {
            // Nothing of the learner's own listens on the host: only published ports answer.
            Ok(crate::engine::net::route::Target::Own { .. }) => {
                net.record_drop(addr, port, crate::unix::net::NetError::Refused);
                Err(crate::unix::net::NetError::Refused)
            }
            Ok(target) => net.deliver(&target, addr, port, &payload),
            Err(e) => {
                net.record_drop(addr, port, e);
                Err(e)
            }
        }
    }

    pub fn new(world: &'w mut World, host: HostId, client: ClientId, env: &'w Env, history: &'w [String]) -> HostSys<'w> {
        let fs = std::mem::take(&mut world.hosts[host.0 as usize].fs);
        HostSys { world, host, client, env, history, real_dir: None, fs: RefCell::new(fs), produced: Produced::default(), ext_stderr_tty: true }
    }

    /// Puts the host tree back into the world.
    pub fn finish(mut self) -> Produced {
        let fs = std::mem::take(self.fs.get_mut());
        self.world.hosts[self.host.0 as usize].fs = fs;
        std::mem::take(&mut self.produced)
    }

    fn with_fs<R>(&self, f: impl FnOnce(&mut UnionFs) -> R) -> R {
        let lowers = [host_fs::base()];
        let mut upper = self.fs.borrow_mut();
        let mut u = UnionFs::new(&lowers, &mut upper);
        f(&mut u)
    }

    /// Runs the docker client with the host tree back in the world.
    fn docker(&mut self, argv: &[String], stdin: Option<&str>, vars: &[(String, String)], cwd: &str) -> crate::cli::Output {
        std::mem::swap(&mut self.world.hosts[self.host.0 as usize].fs, self.fs.get_mut());
        let files = HostReader { world: &*self.world, host: self.host };
        let mut snapshot_files = files.snapshot(cwd, self.real_dir.clone());
        snapshot_files.stdin = stdin.map(str::to_string);
        let env = Env {
            vars: vars.to_vec(),
            stderr_tty: self.ext_stderr_tty && self.env.term_width.is_some(),
            ..self.env.clone()
        };
        let mut ctx = ClientCtx { world: self.world, env: &env, client: self.client, files: &snapshot_files };
        let out = crate::cli::run(&argv[1..], &mut ctx);
        std::mem::swap(&mut self.world.hosts[self.host.0 as usize].fs, self.fs.get_mut());
        out
    }
}

/// Reads the learner's files for the client (`--env-file`).
struct HostReader<'a> {
    world: &'a World,
    host: HostId,
}

impl HostReader<'_> {
    /// A copy of the host tree to read from while the world is lent to the client.
    fn snapshot(&self, cwd: &str, real_dir: Option<std::path::PathBuf>) -> SnapshotFiles {
        SnapshotFiles { upper: self.world.hosts[self.host.0 as usize].fs.clone(), stdin: None, cwd: cwd.to_string(), real_dir }
    }
}

/// The host's files as they were when a `docker` command started.
pub struct SnapshotFiles {
    upper: Layer,
    /// The command's standard input when it is not the terminal.
    stdin: Option<String>,
    /// The shell's working directory.
    cwd: String,
    /// The native twin reads real files: relative paths from this directory.
    real_dir: Option<std::path::PathBuf>,
}

impl HostFiles for SnapshotFiles {
    fn read(&self, path: &str) -> Result<String, String> {
        if let Some(dir) = &self.real_dir {
            return std::fs::read_to_string(dir.join(path)).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
                std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
                _ => e.to_string().to_lowercase(),
            });
        }
        let lowers = [host_fs::base()];
        let mut upper = self.upper.clone();
        let u = UnionFs::new(&lowers, &mut upper);
        let abs = crate::unix::fs::path::absolute(&self.cwd, path);
        match u.read(&abs, Cred { uid: host_fs::UID, gid: host_fs::UID }) {
            Ok(d) => Ok(String::from_utf8_lossy(&d.bytes()).into_owned()),
            Err(e) => Err(e.message().to_lowercase()),
        }
    }

    fn stdin(&self) -> Option<&str> {
        self.stdin.as_deref()
    }

    fn cwd(&self) -> Option<&str> {
        Some(&self.cwd)
    }

    fn tree(&self, path: &str) -> Result<Layer, String> {
        let simulated = self.simulated_tree(path);
        if let Some(dir) = &self.real_dir {
            // The native twin: files the learner made in the simulated shell win, else the
            // real directory.
            if simulated.as_ref().is_ok_and(|t| !t.is_empty()) {
                return simulated;
            }
            return super::real_tree::read(&dir.join(path));
        }
        simulated
    }
}

impl SnapshotFiles {
    fn simulated_tree(&self, path: &str) -> Result<Layer, String> {
        let abs = crate::unix::fs::path::normalize(&self.cwd, path);
        let flat = crate::engine::build::copy::flatten(&[host_fs::base(), &self.upper]);
        let is_dir = abs == "/"
            || matches!(flat.get(&abs), Some(crate::unix::fs::Entry::Node(Node::Dir { .. })))
            || (flat.get(&abs).is_none() && flat.has_below(&abs));
        if !is_dir {
            return Err("not found".into());
        }
        let mut out = Layer::new();
        for (p, e) in flat.below(&abs) {
            out.put(&crate::unix::fs::path::rebase(p, &abs), e.clone());
        }
        Ok(out)
    }
}

impl Fs for HostSys<'_> {
    fn stat(&self, path: &str) -> Result<Stat, Errno> {
        self.with_fs(|f| f.stat(path))
    }
    fn lstat(&self, path: &str) -> Result<Stat, Errno> {
        self.with_fs(|f| f.lstat(path))
    }
    fn read(&self, path: &str, cred: Cred) -> Result<Data, Errno> {
        self.with_fs(|f| f.read(path, cred))
    }
    fn readdir(&self, path: &str, cred: Cred) -> Result<Vec<String>, Errno> {
        self.with_fs(|f| f.readdir(path, cred))
    }
    fn realpath(&self, path: &str) -> Result<String, Errno> {
        self.with_fs(|f| f.realpath(path))
    }
    fn write(&mut self, path: &str, bytes: &[u8], append: bool, cred: Cred, now: Time) -> Result<(), Errno> {
        self.with_fs(|f| f.write(path, bytes, append, cred, now))
    }
    fn create(&mut self, path: &str, node: Node, cred: Cred, now: Time) -> Result<(), Errno> {
        self.with_fs(|f| f.create(path, node, cred, now))
    }
    fn unlink(&mut self, path: &str, cred: Cred, now: Time) -> Result<(), Errno> {
        self.with_fs(|f| f.unlink(path, cred, now))
    }
    fn rmdir(&mut self, path: &str, cred: Cred, now: Time) -> Result<(), Errno> {
        self.with_fs(|f| f.rmdir(path, cred, now))
    }
    fn rename(&mut self, from: &str, to: &str, cred: Cred, now: Time) -> Result<(), Errno> {
        self.with_fs(|f| f.rename(from, to, cred, now))
    }
    fn set_meta(&mut self, path: &str, follow: bool, cred: Cred, change: &mut dyn FnMut(&mut Meta)) -> Result<(), Errno> {
        self.with_fs(|f| f.set_meta(path, follow, cred, change))
    }
}

/// `help`: what this terminal offers, in pt-BR.
const HELP: &str = "\
Este terminal simula uma máquina Linux com o Docker instalado.

Comandos do Docker (digite docker --help para a lista completa):
  docker run, docker ps, docker images, docker pull, docker stop, docker rm …

Comandos do shell:
  ls, cat, echo, mkdir, rm, cd, pwd, grep, wc, head, sleep, env, export
  history   mostra os comandos digitados
  clear     limpa a tela (ou Ctrl+L)
  help      mostra esta ajuda

Atalhos: ↑/↓ histórico · Tab completa · Ctrl+C interrompe · Ctrl+D encerra a entrada (cat > arquivo) · Ctrl+L limpa a tela
";

impl Sys for HostSys<'_> {
    fn now(&self) -> Time {
        self.world.now()
    }
    fn fs(&mut self) -> &mut dyn Fs {
        self
    }
    fn write(&mut self, _at: Time, stream: Stream, text: &str) {
        match self.produced.output.last_mut() {
            Some((s, t)) if *s == stream => t.push_str(text),
            _ => self.produced.output.push((stream, text.to_string())),
        }
    }
    fn hostname(&self) -> String {
        self.world.hosts[self.host.0 as usize].name.clone()
    }
    fn kernel(&self) -> KernelInfo {
        KernelInfo { release: self.world.hosts[self.host.0 as usize].kernel.clone(), ..KernelInfo::default() }
    }
    fn external_context(&mut self, _cwd: &str, stderr_tty: bool) {
        self.ext_stderr_tty = stderr_tty;
    }
    fn resolve(&mut self, name: &str) -> crate::unix::net::Resolved {
        // The host's resolver knows `localhost` and addresses; container names are only
        // known inside Docker's networks (the embedded DNS), never on the host.
        let addr = if name == "localhost" { Some("127.0.0.1".to_string()) } else { crate::unix::net::is_ipv4(name).then(|| name.to_string()) };
        crate::unix::net::Resolved { addr, server: "127.0.0.53".into() }
    }
    fn ping(&mut self, addr: &str) -> Result<crate::unix::net::Pong, crate::unix::net::NetError> {
        let seq = self.produced.output.len() as u32;
        crate::engine::net::NetCtx::host(self.world, self.host).ping(addr, seq)
    }
    fn exchange(
        &mut self,
        addr: &str,
        port: u16,
        payload: crate::unix::net::Payload,
    ) -> Result<crate::unix::net::Reply, crate::unix::net::NetError> {
        // The host tree goes back into the world for the call: a server may serve files
        // bind-mounted from it.
        std::mem::swap(&mut self.world.hosts[self.host.0 as usize].fs, self.fs.get_mut());
        let answer = self.exchange_in_world(addr, port, payload);
        std::mem::swap(&mut self.world.hosts[self.host.0 as usize].fs, self.fs.get_mut());
        answer
    }
    fn external(
        &mut self,
        program: &str,
        argv: &[String],
        stdin: Option<&str>,
        env: &[(String, String)],
        cwd: &str,
    ) -> Option<ExternalResult> {
        match program {
            "docker" => {
                let out = self.docker(argv, stdin, env, cwd);
                self.produced.notes.extend(out.notes.iter().cloned());
                let foreground = out.attach.is_some();
                if let Some(fg) = out.attach {
                    self.produced.foreground = Some(fg);
                }
                let output = out
                    .chunks
                    .into_iter()
                    .map(|c| {
                        let s = match c.stream {
                            crate::shell::Stream::Stdout => Stream::Stdout,
                            crate::shell::Stream::Stderr => Stream::Stderr,
                        };
                        (s, c.text)
                    })
                    .collect();
                Some(ExternalResult { output, exit: out.exit, foreground })
            }
            "clear" => {
                self.produced.clear = true;
                Some(ExternalResult::default())
            }
            "help" => Some(ExternalResult { output: vec![(Stream::Stdout, HELP.to_string())], exit: 0, foreground: false }),
            "history" => {
                let text: String =
                    self.history.iter().enumerate().map(|(i, l)| format!("{:>5}  {l}\n", i + 1)).collect();
                Some(ExternalResult { output: vec![(Stream::Stdout, text)], exit: 0, foreground: false })
            }
            _ => None,
        }
    }
}
