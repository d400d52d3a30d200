//! What the client knows about its surroundings: the daemon it pinged (API version, OS,
//! experimental, swarm role), the terminal width and the user's config directory. Help
//! output and some errors depend on them, exactly as in docker/cli.
//!
//! Invariant: plain data; `Env::default()` is a docker 28.2.2 client talking to a local
//! Engine 28.2.2 on Linux, outside a swarm, with no terminal attached.

use super::spec::Gate;

/// The swarm part of the daemon's `_ping` answer (`Swarm: active/manager`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SwarmStatus {
    /// "inactive", "pending", "active", "error", "locked".
    pub node_state: String,
    /// The node is a manager.
    pub control_available: bool,
}

/// What the client learnt from pinging the daemon (`command.ServerInfo` + API version).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerInfo {
    /// Negotiated API version, e.g. "1.50".
    pub api_version: String,
    /// "linux", "windows", or "" when unknown (no daemon reachable).
    pub os_type: String,
    pub experimental: bool,
    /// `None` when the daemon did not report it (older engines, no daemon).
    pub swarm: Option<SwarmStatus>,
}

impl ServerInfo {
    /// Engine 28.2.2 on Linux (API 1.50), swarm inactive.
    pub fn engine_28() -> ServerInfo {
        ServerInfo {
            api_version: "1.50".into(),
            os_type: "linux".into(),
            experimental: false,
            swarm: Some(SwarmStatus {
                node_state: "inactive".into(),
                control_available: false,
            }),
        }
    }

    /// No daemon reachable: the client assumes its own API version and experimental on.
    pub fn unreachable() -> ServerInfo {
        ServerInfo {
            api_version: "1.50".into(),
            os_type: String::new(),
            experimental: true,
            swarm: None,
        }
    }

    /// Debian's Engine 20.10 (API 1.41), which reports no swarm status in `_ping`.
    pub fn engine_20_10() -> ServerInfo {
        ServerInfo {
            api_version: "1.41".into(),
            os_type: "linux".into(),
            experimental: false,
            swarm: None,
        }
    }

    /// `hideUnsupportedFeatures`: a command or flag with this gate is hidden from help.
    pub fn hides(&self, gate: &Gate) -> bool {
        if gate.experimental && !self.experimental {
            return true;
        }
        if !gate.ostype.is_empty() && !self.os_type.is_empty() && gate.ostype != self.os_type {
            return true;
        }
        if let Some(want) = gate.swarm
            && self.swarm_hides(want)
        {
            return true;
        }
        !gate.version.is_empty() && version_less(&self.api_version, gate.version)
    }

    fn swarm_hides(&self, want: &str) -> bool {
        let Some(s) = &self.swarm else { return false };
        match want {
            "manager" => !s.control_available,
            "active" => s.node_state == "inactive",
            _ => false,
        }
    }
}

/// The client's environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Env {
    pub server: ServerInfo,
    /// Terminal width, or `None` when stdin is not a terminal (docker then assumes 80).
    pub term_width: Option<u16>,
    /// `~/.docker` of the user (`--config` default).
    pub config_dir: String,
    /// The buildx plugin is installed (else `docker build` warns about the legacy builder).
    pub buildx: bool,
    /// The client process's environment variables (what the shell exported).
    pub vars: Vec<(String, String)>,
    /// Standard error is the terminal (BuildKit then draws its `tty` progress).
    pub stderr_tty: bool,
}

impl Default for Env {
    fn default() -> Self {
        Env {
            server: ServerInfo::engine_28(),
            term_width: None,
            config_dir: "/root/.docker".into(),
            buildx: false,
            vars: Vec::new(),
            stderr_tty: false,
        }
    }
}

impl Env {
    /// `os.LookupEnv`.
    pub fn lookup(&self, key: &str) -> Option<&str> {
        self.vars.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// `opts.ValidateEnv` for a value that passed the flag's check: `NAME` alone takes the
    /// client's value when it has one (`-e COLOR` after `export COLOR=blue`).
    pub fn resolve_env_var(&self, val: &str) -> String {
        if val.contains('=') {
            return val.to_string();
        }
        match self.lookup(val) {
            Some(v) => format!("{val}={v}"),
            None => val.to_string(),
        }
    }

    /// Width used to wrap flag help (`width - 1` columns, 80 without a terminal).
    pub fn wrap_columns(&self) -> usize {
        usize::from(self.term_width.unwrap_or(80)).saturating_sub(1)
    }
}

/// docker's `versions.LessThan`: compares dotted numeric versions ("1.9" < "1.10").
pub fn version_less(a: &str, b: &str) -> bool {
    let mut x = a.split('.');
    let mut y = b.split('.');
    loop {
        match (x.next(), y.next()) {
            (None, None) => return false,
            (p, q) => {
                let p: u64 = p.and_then(|s| s.parse().ok()).unwrap_or(0);
                let q: u64 = q.and_then(|s| s.parse().ok()).unwrap_or(0);
                if p != q {
                    return p < q;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_numerically() {
        assert!(version_less("1.9", "1.10"));
        assert!(version_less("1.41", "1.42"));
        assert!(!version_less("1.50", "1.50"));
        assert!(!version_less("1.50", "1.5"));
        assert!(version_less("1", "1.1"));
    }

    #[test]
    fn gates() {
        let old = ServerInfo::engine_20_10();
        assert!(old.hides(&Gate {
            version: "1.43",
            ..Gate::NONE
        }));
        assert!(!old.hides(&Gate {
            version: "1.41",
            ..Gate::NONE
        }));
        assert!(old.hides(&Gate {
            ostype: "windows",
            ..Gate::NONE
        }));
        assert!(!ServerInfo::unreachable().hides(&Gate {
            ostype: "windows",
            ..Gate::NONE
        }));
        let new = ServerInfo::engine_28();
        assert!(new.hides(&Gate {
            swarm: Some("manager"),
            ..Gate::NONE
        }));
        assert!(new.hides(&Gate {
            swarm: Some("active"),
            ..Gate::NONE
        }));
        assert!(!new.hides(&Gate {
            swarm: Some(""),
            ..Gate::NONE
        }));
    }
}
