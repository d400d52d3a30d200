//! The two Go servers of the catalog that front other containers: the image registry
//! (`registry:2` = distribution 2.8.3, `registry:3` = 3.0.0) and Traefik v3.4.1.
//!
//! The registry logs with logrus' text format on stderr (`time="…" level=info msg="…"`
//! and its fields) and serves on `:5000`. Its default configuration has no
//! `http.draintimeout`, so it installs no SIGTERM handler: as PID 1 the Go runtime's
//! default action makes it exit 2, which is what `docker stop` shows. Traefik logs with
//! zerolog's console format on stdout and stops gracefully on SIGTERM (exit 0); its
//! image's entrypoint asks `traefik X --help` whether `X` is a Traefik command.
//!
//! Texts: distribution/distribution `registry/registry.go`, `registry/handlers/app.go`
//! at v2.8.3 and v3.0.0; traefik/traefik `cmd/traefik/traefik.go` (v3.4, abbreviated).
//!
//! Invariant: each server writes its start-up once and exits only on a signal.

use super::logtime;
use super::util;
use crate::unix::process::Signal;
use crate::unix::process::io::Io;
use crate::unix::programs::{Program, Step};

/// `registry` (`registry serve CONFIG`, as the image's entrypoint runs it).
#[derive(Clone, Debug)]
pub struct Registry {
    argv: Vec<String>,
    running: bool,
}

impl Registry {
    pub fn new(argv: &[String]) -> Registry {
        Registry { argv: argv.to_vec(), running: false }
    }

    /// 2.8.3 or 3.0.0, from the configuration path the image uses.
    fn v3(&self, io: &mut Io<'_>) -> bool {
        self.argv.iter().any(|a| a.starts_with("/etc/distribution")) || util::exists(io, "/etc/distribution/config.yml", None)
    }
}

impl Program for Registry {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.running {
            return Step::Block;
        }
        let v3 = self.v3(io);
        let (version, go) = if v3 { ("3.0.0", "go1.23.7") } else { ("2.8.3", "go1.20.8") };
        match self.argv.get(1).map(String::as_str) {
            Some("--version" | "-v") => {
                let name = if v3 { "github.com/distribution/distribution/v3" } else { "github.com/docker/distribution" };
                io.out(&format!("{} {name} {version}\n", self.argv[0]));
                return Step::Exit(0);
            }
            Some("serve") => {}
            _ => {
                io.out("`registry`\n\nUsage:\n  registry [flags]\n  registry [command]\n\nAvailable Commands:\n  garbage-collect `garbage-collect` deletes layers not referenced by any manifests\n  help            Help about any command\n  serve           `serve` stores and distributes Docker images\n\nFlags:\n  -h, --help=false: help for registry\n  -v, --version=false: show the version and exit\n\n\nUse \"registry help [command]\" for more information about a command.\n");
                return Step::Exit(0);
            }
        }
        let Some(config) = self.argv.get(2).cloned() else {
            io.err("configuration path unspecified\n");
            return Step::Exit(1);
        };
        if !util::exists(io, &config, None) {
            io.err(&format!("configuration error: open {config}: no such file or directory\n\nUsage: \n  registry serve <config> [flags]\nFlags:\n  -h, --help=false: help for serve\n\n\n"));
            return Step::Exit(1);
        }
        let id = util::stable_uuid(&io.sys.hostname());
        let fields = if v3 {
            format!("environment=development go.version={go} instance.id={id} service=registry version={version}")
        } else {
            format!("go.version={go} instance.id={id} service=registry version={version}")
        };
        let t = io.now;
        let purge = util::stable_hash(&id) % 60;
        let mut out = String::new();
        for (ms, level, msg) in [
            (0, "warning", "No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.".to_string()),
            (1, "info", "redis not configured".to_string()),
            (1, "info", format!("Starting upload purge in {purge}m0s")),
            (2, "info", "using inmemory blob descriptor cache".to_string()),
            (3, "info", "listening on [::]:5000".to_string()),
        ] {
            out.push_str(&format!("time=\"{}\" level={level} msg=\"{msg}\" {fields}\n", logtime::ms(t, ms).rfc3339_nano()));
        }
        io.err(&out);
        util::mkdir_owned(io, "/var/lib/registry", io.cred, 0o755);
        self.running = true;
        Step::Block
    }

    fn signal(&mut self, sig: Signal, _io: &mut Io<'_>) -> Option<Step> {
        // No handler: the Go runtime re-raises, PID 1 survives that, then it exits 2.
        (self.running && (sig == Signal::TERM || sig == Signal::INT || sig == Signal::HUP)).then_some(Step::Exit(2))
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

const TRAEFIK_BUILT: &str = "2025-05-27T12:38:18Z";

/// `traefik`.
#[derive(Clone, Debug)]
pub struct Traefik {
    argv: Vec<String>,
    running: bool,
}

impl Traefik {
    pub fn new(argv: &[String]) -> Traefik {
        Traefik { argv: argv.to_vec(), running: false }
    }

    fn line(io: &mut Io<'_>, level: &str, msg: &str) {
        let l = format!("{} {level} {msg}\n", logtime::rfc3339(io.now));
        io.out(&l);
    }
}

impl Program for Traefik {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.running {
            return Step::Block;
        }
        let args: Vec<&str> = self.argv.iter().skip(1).map(String::as_str).collect();
        let help = args.contains(&"--help") || args.contains(&"-h");
        let sub = args.first().copied().filter(|a| !a.starts_with('-'));
        match sub {
            Some("traefik") | None if help => {
                io.out("traefik is a modern HTTP reverse proxy and load balancer made to deploy microservices with ease.\nComplete documentation is available at https://traefik.io\n\nUsage: traefik [command] [flags] [arguments]\n\nUse \"traefik [command] --help\" for help on any command.\n\nCommands:\n    healthcheck                                        Calls Traefik /ping endpoint (disabled by default) to check the health of Traefik.\n    version                                            Shows the current Traefik version.\n");
                return Step::Exit(0);
            }
            Some("version") => {
                if !help {
                    io.out(&format!("Version:      3.4.1\nCodename:     chaource\nGo version:   go1.24.3\nBuilt:        {TRAEFIK_BUILT}\nOS/Arch:      linux/amd64\n"));
                }
                return Step::Exit(0);
            }
            Some("healthcheck") => {
                if !help {
                    io.err("Error calling healthcheck: Get \"http://:8080/ping\": dial tcp :8080: connect: connection refused\n");
                    return Step::Exit(1);
                }
                return Step::Exit(0);
            }
            Some("traefik") | None => {}
            Some(other) => {
                io.err(&format!("Error: command {other} is unknown\n"));
                return Step::Exit(1);
            }
        }
        Self::line(io, "INF", &format!("Traefik version 3.4.1 built on {TRAEFIK_BUILT} version=3.4.1"));
        Self::line(io, "INF", "\nStats collection is disabled.\nHelp us improve Traefik by turning this feature on :)\nMore details on: https://doc.traefik.io/traefik/v3.4/contributing/data-collection/\n");
        Self::line(io, "INF", "Starting provider aggregator *aggregator.ProviderAggregator");
        Self::line(io, "INF", "Starting provider *traefik.Provider");
        Self::line(io, "INF", "Starting provider *acme.ChallengeTLSALPN");
        if args.iter().any(|a| a.starts_with("--providers.docker")) {
            Self::line(io, "INF", "Starting provider *docker.Provider");
        }
        self.running = true;
        Step::Block
    }

    fn signal(&mut self, sig: Signal, io: &mut Io<'_>) -> Option<Step> {
        if !self.running || !(sig == Signal::TERM || sig == Signal::INT) {
            return None;
        }
        let name = if sig == Signal::TERM { "terminated" } else { "interrupt" };
        Self::line(io, "INF", &format!("I have to go... signal={name}"));
        Self::line(io, "INF", "Stopping server gracefully");
        Self::line(io, "ERR", "error=\"accept tcp [::]:80: use of closed network connection\" entryPointName=web");
        Self::line(io, "INF", "Server stopped");
        Self::line(io, "INF", "Shutting down");
        Some(Step::Exit(0))
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use crate::unix::fs::{Layer, UnionFs};
    use crate::unix::process::{RunStatus, Signal, SignalEffect};
    use crate::unix::testing::SimpleSys;

    const REGISTRY_ENTRYPOINT: &str = "#!/bin/sh\n\nset -e\n\ncase \"$1\" in\n    *.yaml|*.yml) set -- registry serve \"$@\" ;;\n    serve|garbage-collect|help|-*) set -- registry \"$@\" ;;\nesac\n\nexec \"$@\"\n";
    const TRAEFIK_ENTRYPOINT: &str = "#!/bin/sh\nset -e\n\n# first arg is `-f` or `--some-option`\nif [ \"${1#-}\" != \"$1\" ]; then\n    set -- traefik \"$@\"\nfi\n\n# if our command is a valid Traefik subcommand, let's invoke it through Traefik instead\n# (this allows for \"docker run traefik version\", etc)\nif traefik \"$1\" --help >/dev/null 2>&1\nthen\n    set -- traefik \"$@\"\nelse\n    echo \"= '$1' is not a Traefik command: assuming shell execution.\" 1>&2\nfi\n\nexec \"$@\"\n";

    #[test]
    fn registry_2_starts_and_exits_2_on_sigterm() {
        let mut image = alpine();
        image
            .program("/bin/registry", "registry", T0)
            .script("/entrypoint.sh", REGISTRY_ENTRYPOINT, T0)
            .dir("/etc/docker", T0)
            .dir("/etc/docker/registry", T0)
            .file("/etc/docker/registry/config.yml", "version: 0.1\n", T0);
        let lowers = [&image];
        let mut up = Layer::new();
        let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
        let mut p = spawn(&mut sys, &["/entrypoint.sh", "/etc/docker/registry/config.yml"], &[], false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Blocked);
        let err = sys.stderr();
        assert!(err.starts_with("time=\"2026-03-02T12:00:00Z\" level=warning msg=\"No HTTP secret provided"), "{err}");
        let last = err.lines().last().unwrap_or("");
        assert!(last.starts_with("time=\"2026-03-02T12:00:00.003Z\" level=info msg=\"listening on [::]:5000\" go.version=go1.20.8 instance.id="), "{last}");
        assert!(last.ends_with(" service=registry version=2.8.3"));
        assert_eq!(p.signal(Signal::TERM, &mut sys), SignalEffect::Exited(2));
    }

    #[test]
    fn traefik_through_its_entrypoint() {
        let mut image = alpine();
        image.program("/usr/local/bin/traefik", "traefik", T0).script("/entrypoint.sh", TRAEFIK_ENTRYPOINT, T0);
        let lowers = [&image];
        let mut up = Layer::new();
        let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
        let mut p = spawn(&mut sys, &["/entrypoint.sh", "traefik"], &[], false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Blocked);
        assert!(sys.stdout().starts_with("2026-03-02T12:00:00Z INF Traefik version 3.4.1 built on 2025-05-27T12:38:18Z version=3.4.1\n"));
        assert_eq!(sys.stderr(), "");
        assert_eq!(p.signal(Signal::TERM, &mut sys), SignalEffect::Exited(0));
        assert!(sys.stdout().ends_with("INF Shutting down\n"));
        let mut p = spawn(&mut sys, &["/entrypoint.sh", "version"], &[], false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(0));
        assert!(sys.stdout().ends_with("Version:      3.4.1\nCodename:     chaource\nGo version:   go1.24.3\nBuilt:        2025-05-27T12:38:18Z\nOS/Arch:      linux/amd64\n"));
        let mut p = spawn(&mut sys, &["/entrypoint.sh", "echo", "oi"], &[], false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(0));
        assert!(sys.stderr().ends_with("= 'echo' is not a Traefik command: assuming shell execution.\n"));
        assert!(sys.stdout().ends_with("oi\n"));
    }
}
