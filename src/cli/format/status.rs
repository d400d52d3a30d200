//! The human strings of `docker ps` and friends: a container's STATUS (moby's
//! `State.String()`: "Up 3 seconds", "Exited (0) 2 minutes ago", "Up 5 minutes
//! (Paused)"…), its state word, "CREATED" (`RunningFor`), PORTS
//! (`DisplayablePorts`), truncated IDs and commands.
//!
//! Invariant: pure functions of their inputs and the simulated `now`; no wall clock.

use crate::cli::gostr::quote;
use crate::cli::units::{human_duration, human_size_with_precision};
use crate::engine::clock::Time;

/// What moby's `State.String()` and `StateString()` look at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContainerState {
    pub running: bool,
    pub paused: bool,
    pub restarting: bool,
    pub removal_in_progress: bool,
    pub dead: bool,
    /// `None` when the container never started.
    pub started_at: Option<Time>,
    /// `None` when it never finished.
    pub finished_at: Option<Time>,
    pub exit_code: i64,
    /// Health status ("starting", "healthy", "unhealthy") when there is a healthcheck.
    pub health: Option<String>,
}

impl ContainerState {
    /// The STATUS column: "Up 3 seconds", "Exited (137) 5 seconds ago", "Created", …
    pub fn status(&self, now: Time) -> String {
        let since = |t: Option<Time>| human_duration(now.since(t.unwrap_or(now)));
        if self.running {
            if self.paused {
                return format!("Up {} (Paused)", since(self.started_at));
            }
            if self.restarting {
                return format!(
                    "Restarting ({}) {} ago",
                    self.exit_code,
                    since(self.finished_at)
                );
            }
            if let Some(h) = &self.health {
                let h = if h == "starting" {
                    "health: starting"
                } else {
                    h.as_str()
                };
                return format!("Up {} ({h})", since(self.started_at));
            }
            return format!("Up {}", since(self.started_at));
        }
        if self.removal_in_progress {
            return "Removal In Progress".into();
        }
        if self.dead {
            return "Dead".into();
        }
        if self.started_at.is_none() {
            return "Created".into();
        }
        if self.finished_at.is_none() {
            return String::new();
        }
        format!(
            "Exited ({}) {} ago",
            self.exit_code,
            since(self.finished_at)
        )
    }

    /// The state word: "running", "paused", "restarting", "removing", "dead",
    /// "created", "exited".
    pub fn state(&self) -> &'static str {
        if self.running {
            if self.paused {
                return "paused";
            }
            if self.restarting {
                return "restarting";
            }
            return "running";
        }
        if self.removal_in_progress {
            return "removing";
        }
        if self.dead {
            return "dead";
        }
        if self.started_at.is_none() {
            return "created";
        }
        "exited"
    }
}

/// `RunningFor` / `CreatedSince`: "2 minutes ago" (seconds precision, as the API's
/// `Created` is a Unix timestamp).
pub fn ago(created: Time, now: Time) -> String {
    let created = Time(created.unix_secs() * 1_000_000_000);
    format!("{} ago", human_duration(now.since(created)))
}

/// `stringid.TruncateID`: drops an algorithm prefix and keeps 12 characters.
pub fn truncate_id(id: &str) -> String {
    let id = id.split_once(':').map_or(id, |(_, rest)| rest);
    id.chars().take(12).collect()
}

/// docker's `formatter.Ellipsis`: cuts to a display width, ending with "…".
pub fn ellipsis(s: &str, max_width: usize) -> String {
    if max_width == 0 {
        return String::new();
    }
    if max_width == 1 {
        return s.chars().next().map(|c| c.to_string()).unwrap_or_default();
    }
    // Printable ASCII that fits (most commands and mounts) comes back as it is.
    if s.len() <= max_width && s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let widths: Vec<usize> = chars.iter().map(|c| crate::cli::format::tabwriter::char_width(*c).max(1)).collect();
    let total: usize = widths.iter().sum();
    if total <= max_width {
        return s.to_string();
    }
    let mut acc = 0;
    let mut out = String::new();
    for (c, w) in chars.iter().zip(widths) {
        if acc + w > max_width - 1 {
            break;
        }
        acc += w;
        out.push(*c);
    }
    out.push('…');
    out
}

/// The COMMAND column: quoted, cut to 20 columns unless `--no-trunc`.
pub fn command(cmd: &str, trunc: bool) -> String {
    if trunc {
        quote(&ellipsis(cmd, 20))
    } else {
        quote(cmd)
    }
}

/// The SIZE column: "2B (virtual 21.5MB)".
pub fn size(size_rw: i64, size_root_fs: i64) -> String {
    let rw = human_size_with_precision(size_rw as f64, 3);
    if size_root_fs > 0 {
        format!(
            "{rw} (virtual {})",
            human_size_with_precision(size_root_fs as f64, 3)
        )
    } else {
        rw
    }
}

/// A port of the container list API.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Port {
    /// Host IP ("" when only exposed).
    pub ip: String,
    pub private_port: u16,
    pub public_port: u16,
    /// "tcp", "udp", "sctp".
    pub kind: String,
}

fn join_host_port(ip: &str, port: &str) -> String {
    if ip.contains(':') {
        format!("[{ip}]:{port}")
    } else {
        format!("{ip}:{port}")
    }
}

fn form_group(key: &str, first: u16, last: u16) -> String {
    let (ip, kind) = match key.split_once('/') {
        Some((ip, kind)) => (ip, kind),
        None => ("", key),
    };
    let mut group = first.to_string();
    if first != last {
        group = format!("{group}-{last}");
    }
    if !ip.is_empty() {
        group = format!("{}->{group}", join_host_port(ip, &group));
    }
    format!("{group}/{kind}")
}

/// The PORTS column (`DisplayablePorts`): "0.0.0.0:8080->80/tcp, 443/tcp".
pub fn displayable_ports(ports: &[Port]) -> String {
    let mut ports = ports.to_vec();
    ports.sort_by(|a, b| {
        (a.private_port, &a.ip, a.public_port, &a.kind).cmp(&(
            b.private_port,
            &b.ip,
            b.public_port,
            &b.kind,
        ))
    });
    let mut groups: Vec<(String, u16, u16)> = Vec::new();
    let mut result = Vec::new();
    let mut host_mappings = Vec::new();
    for p in &ports {
        let current = p.private_port;
        let mut key = p.kind.clone();
        if !p.ip.is_empty() {
            if p.public_port != current {
                host_mappings.push(format!(
                    "{}->{}/{}",
                    join_host_port(&p.ip, &p.public_port.to_string()),
                    current,
                    p.kind
                ));
                continue;
            }
            key = format!("{}/{}", p.ip, p.kind);
        }
        match groups.iter_mut().find(|(k, _, _)| *k == key) {
            None => groups.push((key, current, current)),
            Some(g) if current == g.2.wrapping_add(1) => g.2 = current,
            Some(g) => {
                result.push(form_group(&g.0, g.1, g.2));
                g.1 = current;
                g.2 = current;
            }
        }
    }
    for (k, first, last) in &groups {
        result.push(form_group(k, *first, *last));
    }
    result.extend(host_mappings);
    result.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::clock::Span;

    fn t(secs: u64) -> Time {
        Time::START + Span::secs(secs)
    }

    #[test]
    fn statuses() {
        let now = t(1000);
        let mut s = ContainerState {
            running: true,
            started_at: Some(t(997)),
            ..Default::default()
        };
        assert_eq!(s.status(now), "Up 3 seconds");
        assert_eq!(s.state(), "running");
        s.paused = true;
        assert_eq!(s.status(now), "Up 3 seconds (Paused)");
        s.paused = false;
        s.health = Some("starting".into());
        assert_eq!(s.status(now), "Up 3 seconds (health: starting)");
        let exited = ContainerState {
            started_at: Some(t(0)),
            finished_at: Some(t(880)),
            exit_code: 137,
            ..Default::default()
        };
        assert_eq!(exited.status(now), "Exited (137) 2 minutes ago");
        assert_eq!(exited.state(), "exited");
        let restarting = ContainerState {
            running: true,
            restarting: true,
            started_at: Some(t(0)),
            finished_at: Some(t(999)),
            exit_code: 1,
            ..Default::default()
        };
        assert_eq!(restarting.status(now), "Restarting (1) 1 second ago");
        assert_eq!(ContainerState::default().status(now), "Created");
        assert_eq!(
            ContainerState {
                dead: true,
                started_at: Some(t(0)),
                ..Default::default()
            }
            .status(now),
            "Dead"
        );
        assert_eq!(
            ContainerState {
                running: true,
                started_at: Some(t(1000)),
                ..Default::default()
            }
            .status(now),
            "Up Less than a second"
        );
    }

    #[test]
    fn ports() {
        let p = |ip: &str, private: u16, public: u16| Port {
            ip: ip.into(),
            private_port: private,
            public_port: public,
            kind: "tcp".into(),
        };
        assert_eq!(
            displayable_ports(&[p("0.0.0.0", 80, 8080), p("::", 80, 8080)]),
            "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp"
        );
        assert_eq!(
            displayable_ports(&[p("", 80, 0), p("", 81, 0), p("", 443, 0)]),
            "80-81/tcp, 443/tcp"
        );
        assert_eq!(
            displayable_ports(&[p("0.0.0.0", 80, 80)]),
            "0.0.0.0:80->80/tcp"
        );
        assert_eq!(displayable_ports(&[]), "");
    }

    #[test]
    fn texts() {
        assert_eq!(truncate_id("sha256:0123456789abcdef"), "0123456789ab");
        assert_eq!(command("sleep 3600", true), "\"sleep 3600\"");
        assert_eq!(
            command("/docker-entrypoint.sh nginx -g 'daemon off;'", true),
            "\"/docker-entrypoint.…\""
        );
        assert_eq!(size(0, 1_983_734), "0B (virtual 1.98MB)");
        assert_eq!(ago(t(0), t(150)), "2 minutes ago");
    }
}
