//! Apache httpd 2.4.63 of the `httpd` image, as `httpd-foreground` runs it (`exec httpd
//! -DFOREGROUND`). It warns twice that it cannot determine the server's name (AH00558,
//! once per configuration pass) unless `httpd.conf` sets `ServerName`, logs that it is
//! configured (AH00489) and its command line (AH00094) on stderr, then waits. SIGWINCH,
//! the image's stop signal, is a graceful stop (AH00492); SIGTERM a fast one (AH00491);
//! both exit 0. `-v`, `-V` (short) and `-t` are modelled.
//!
//! Texts: apache/httpd 2.4.x `server/mpm/event/event.c` (AH00489, AH00492, AH00493),
//! `server/mpm_unix.c` (AH00491), `server/core.c` (AH00094), `server/util.c` (AH00558),
//! checked against the logs of docker-library/httpd issues. The `tid` is the main
//! thread's `pthread_t`, a constant here.
//!
//! Invariant: after an exit step the server never runs again.

use super::logtime;
use super::util;
use crate::unix::fs::Cred;
use crate::unix::process::Signal;
use crate::unix::process::io::Io;
use crate::unix::programs::{Program, Step};

const PREFIX: &str = "/usr/local/apache2";
const TID: &str = "140388128548736";

fn version(io: &Io<'_>) -> String {
    io.getenv("HTTPD_VERSION").unwrap_or("2.4.63").to_string()
}

/// The address `AH00558` reports: the container's own line in `/etc/hosts`.
fn own_address(io: &mut Io<'_>) -> String {
    let host = io.sys.hostname();
    let hosts = util::read_text(io, "/etc/hosts").unwrap_or_default();
    hosts
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|l| {
            let mut f = l.split_whitespace();
            let addr = f.next()?;
            f.any(|n| n == host).then(|| addr.to_string())
        })
        .unwrap_or_else(|| "172.17.0.2".to_string())
}

fn has_server_name(io: &mut Io<'_>) -> bool {
    let conf = util::read_text(io, &format!("{PREFIX}/conf/httpd.conf")).unwrap_or_default();
    conf.lines().any(|l| l.trim_start().starts_with("ServerName "))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Start,
    Running,
}

/// The `httpd` binary.
#[derive(Clone, Debug)]
pub struct Httpd {
    argv: Vec<String>,
    state: State,
}

impl Httpd {
    pub fn new(argv: &[String]) -> Httpd {
        Httpd { argv: argv.to_vec(), state: State::Start }
    }

    fn log(io: &mut Io<'_>, module: &str, msg: &str) {
        let line = format!("[{}] [{module}:notice] [pid 1:tid {TID}] {msg}\n", logtime::httpd(io.now));
        io.err(&line);
    }

    fn warn_name(io: &mut Io<'_>) {
        if !has_server_name(io) {
            let addr = own_address(io);
            io.err(&format!(
                "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {addr}. Set the 'ServerName' directive globally to suppress this message\n"
            ));
        }
    }

    /// The command line as httpd rebuilds it (`-DFOREGROUND` → `-D FOREGROUND`).
    fn command_line(&self) -> String {
        let mut parts = vec!["httpd".to_string()];
        for a in self.argv.iter().skip(1) {
            match a.strip_prefix("-D") {
                Some(def) if !def.is_empty() => {
                    parts.push("-D".into());
                    parts.push(def.into());
                }
                _ => parts.push(a.clone()),
            }
        }
        parts.join(" ")
    }

    fn start(&mut self, io: &mut Io<'_>) -> Step {
        Self::warn_name(io);
        Self::warn_name(io);
        let v = version(io);
        Self::log(io, "mpm_event", &format!("AH00489: Apache/{v} (Unix) configured -- resuming normal operations"));
        let cmd = self.command_line();
        Self::log(io, "core", &format!("AH00094: Command line: '{cmd}'"));
        util::write_file(io, &format!("{PREFIX}/logs/httpd.pid"), "1\n", Cred::ROOT, false);
        if !self.argv.iter().any(|a| a == "-DFOREGROUND" || a == "-DNO_DETACH") {
            return Step::Exit(0);
        }
        self.state = State::Running;
        Step::Block
    }
}

impl Program for Httpd {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if self.state == State::Running {
            return Step::Block;
        }
        let v = version(io);
        let args: Vec<&str> = self.argv.iter().skip(1).map(String::as_str).collect();
        if args.contains(&"-v") {
            io.out(&format!("Server version: Apache/{v} (Unix)\nServer built:   Jan 24 2025 00:31:17\n"));
            return Step::Exit(0);
        }
        if args.contains(&"-V") {
            io.out(&format!(
                "Server version: Apache/{v} (Unix)\nServer built:   Jan 24 2025 00:31:17\nServer's Module Magic Number: 20120211:137\nServer loaded:  APR 1.7.2, APR-UTIL 1.6.3, PCRE 10.42 2022-12-11\nCompiled using: APR 1.7.2, APR-UTIL 1.6.3, PCRE 10.42 2022-12-11\nArchitecture:   64-bit\nServer MPM:     event\n  threaded:     yes (fixed thread count)\n    forked:     yes (variable process count)\n"
            ));
            return Step::Exit(0);
        }
        if args.contains(&"-t") {
            Self::warn_name(io);
            io.err("Syntax OK\n");
            return Step::Exit(0);
        }
        if let Some(bad) = args.iter().find(|a| a.starts_with('-') && !a.starts_with("-D") && !a.starts_with("-e")) {
            io.err(&format!("httpd: illegal option -- {}\n", bad.trim_start_matches('-').chars().next().unwrap_or('-')));
            return Step::Exit(1);
        }
        self.start(io)
    }

    fn signal(&mut self, sig: Signal, io: &mut Io<'_>) -> Option<Step> {
        if self.state != State::Running {
            return None;
        }
        match sig.0 {
            28 => {
                Self::log(io, "mpm_event", "AH00492: caught SIGWINCH, shutting down gracefully");
                Some(Step::Exit(0))
            }
            15 | 2 => {
                Self::log(io, "mpm_event", "AH00491: caught SIGTERM, shutting down");
                Some(Step::Exit(0))
            }
            1 => {
                Self::log(io, "mpm_event", "AH00493: SIGHUP received.  Attempting to restart");
                let v = version(io);
                Self::log(io, "mpm_event", &format!("AH00489: Apache/{v} (Unix) configured -- resuming normal operations"));
                let cmd = self.command_line();
                Self::log(io, "core", &format!("AH00094: Command line: '{cmd}'"));
                Some(Step::Block)
            }
            10 => {
                Self::log(io, "mpm_event", "AH00494: SIGUSR1 received.  Doing graceful restart");
                Some(Step::Block)
            }
            _ => None,
        }
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

    const FOREGROUND: &str = "#!/bin/sh\nset -e\n\n# Apache gets grumpy about PID files pre-existing\nrm -f /usr/local/apache2/logs/httpd.pid\n\nexec httpd -DFOREGROUND \"$@\"\n";

    #[test]
    fn httpd_foreground_starts_and_stops_on_sigwinch() {
        let mut image = debian("www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n");
        image
            .dir("/usr/local/apache2", T0)
            .dir("/usr/local/apache2/bin", T0)
            .dir("/usr/local/apache2/logs", T0)
            .program("/usr/local/apache2/bin/httpd", "httpd", T0)
            .script("/usr/local/bin/httpd-foreground", FOREGROUND, T0)
            .file("/etc/hosts", "127.0.0.1\tlocalhost\n172.17.0.3\t0123456789ab\n", T0);
        let lowers = [&image];
        let mut up = Layer::new();
        let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
        let env = [("PATH", "/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), ("HTTPD_VERSION", "2.4.63")];
        let mut p = spawn(&mut sys, &["httpd-foreground"], &env, false);
        let st = p.run(&mut sys, T0);
        assert_eq!(st, RunStatus::Blocked, "{}", sys.stderr());
        let ah = "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.3. Set the 'ServerName' directive globally to suppress this message\n";
        let t = "[Mon Mar 02 12:00:00.000000 2026]";
        assert_eq!(
            sys.stderr(),
            format!(
                "{ah}{ah}{t} [mpm_event:notice] [pid 1:tid 140388128548736] AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations\n\
                 {t} [core:notice] [pid 1:tid 140388128548736] AH00094: Command line: 'httpd -D FOREGROUND'\n"
            )
        );
        assert_eq!(p.signal(Signal::TERM, &mut sys), SignalEffect::Exited(0));
        assert!(sys.stderr().ends_with("AH00491: caught SIGTERM, shutting down\n"));
        let mut p = spawn(&mut sys, &["httpd-foreground"], &env, false);
        p.run(&mut sys, T0);
        assert_eq!(p.signal(Signal::WINCH, &mut sys), SignalEffect::Exited(0));
        assert!(sys.stderr().ends_with("[mpm_event:notice] [pid 1:tid 140388128548736] AH00492: caught SIGWINCH, shutting down gracefully\n"));
        assert_eq!(sys.stdout(), "");
    }
}
