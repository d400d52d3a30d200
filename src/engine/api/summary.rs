//! `GET /containers/json` as the daemon answers it: one `container.Summary` per container
//! (moby's `daemon/list.go` `refreshImage`/`transformContainer`), and the published ports
//! both the list and `inspect` show; `GET /containers/{id}/json` as a document.
//!
//! Invariant: derived from the daemon's state only; no request, no change.

use std::collections::BTreeMap;

use super::container_list::list_path;
use super::containers::ListOptions;
use super::{Api, ApiResult};
use crate::engine::clock::Time;
use crate::engine::model::container::Container;
use crate::engine::model::daemon::Daemon;

/// One port of a summary (`container.Port`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryPort {
    /// Host address; empty when the port is only exposed.
    pub ip: String,
    pub private_port: u16,
    pub public_port: u16,
    /// `tcp`, `udp`, `sctp`.
    pub kind: String,
}

/// `container.Summary`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContainerSummary {
    pub id: String,
    /// `/name`.
    pub names: Vec<String>,
    /// The image as given at creation, or its ID once that name means another image.
    pub image: String,
    pub image_id: String,
    pub command: String,
    /// Unix seconds.
    pub created: i64,
    pub ports: Vec<SummaryPort>,
    pub size_rw: i64,
    pub size_root_fs: i64,
    pub labels: std::collections::BTreeMap<String, String>,
    /// `running`, `exited`, …
    pub state: String,
    /// `Up 3 seconds`, …
    pub status: String,
    /// Network names.
    pub networks: Vec<String>,
    /// Mount names or sources, and whether the volume driver is `local`.
    pub mounts: Vec<(String, bool)>,
}

/// A published port's host addresses and ports.
pub type Bindings = Vec<(String, String)>;

/// `NetworkSettings.Ports`: every exposed or published port with its host bindings while
/// the container runs (`None`: exposed only). Empty when it does not run.
pub fn published_ports(c: &Container) -> Vec<(String, Option<Bindings>)> {
    if !c.state.running {
        return Vec::new();
    }
    let mut published: std::collections::BTreeMap<&String, &Vec<(String, String)>> = Default::default();
    for ep in c.networks.values() {
        published.extend(ep.ports.iter());
    }
    let mut ports: std::collections::BTreeSet<&String> = c.config.exposed_ports.iter().collect();
    ports.extend(published.keys().copied());
    ports.into_iter().map(|p| (p.clone(), published.get(p).map(|v| (*v).clone()))).collect()
}

/// moby's summary `Command`: the path and the arguments, those with a space quoted.
pub fn command_line(c: &Container) -> String {
    if c.args.is_empty() {
        return c.path.clone();
    }
    let args: Vec<String> = c.args.iter().map(|a| if a.contains(' ') { format!("'{a}'") } else { a.clone() }).collect();
    format!("{} {}", c.path, args.join(" "))
}

/// Size of an image's layers.
fn image_size(d: &Daemon, image: &str) -> u64 {
    d.images.get(image).map_or(0, |img| super::images::summary(d, img).size)
}

/// The summary of container `c` at `now`; sizes only when asked (`size=1`).
pub fn summary(d: &Daemon, c: &Container, now: Time, size: bool) -> ContainerSummary {
    summary_with(d, c, now, size, &mut BTreeMap::new())
}

/// [`summary`], with the image names already resolved in this listing (`resolved`: the
/// name given at creation → the image ID it means now), so a thousand containers from one
/// image resolve its name once.
fn summary_with<'a>(d: &Daemon, c: &'a Container, now: Time, size: bool, resolved: &mut BTreeMap<&'a str, Option<String>>) -> ContainerSummary {
    let mut means_image = || -> bool {
        let id = resolved.entry(c.config.image.as_str()).or_insert_with(|| super::lookup::image_id(d, &c.config.image).ok());
        id.as_deref() == Some(c.image.as_str())
    };
    // Keep the name given at creation while it still means the container's image.
    let image = if c.config.image == c.image || means_image() {
        c.config.image.clone()
    } else {
        c.image.clone()
    };
    let mut ports = Vec::new();
    for (port, bindings) in published_ports(c) {
        let (num, kind) = port.split_once('/').unwrap_or((port.as_str(), "tcp"));
        let private_port = num.parse().unwrap_or(0);
        match bindings {
            None => ports.push(SummaryPort { ip: String::new(), private_port, public_port: 0, kind: kind.into() }),
            Some(bs) if bs.is_empty() => {
                ports.push(SummaryPort { ip: String::new(), private_port, public_port: 0, kind: kind.into() })
            }
            Some(bs) => ports.extend(bs.into_iter().map(|(ip, host)| SummaryPort {
                ip,
                private_port,
                public_port: host.parse().unwrap_or(0),
                kind: kind.into(),
            })),
        }
    }
    let (size_rw, size_root_fs) = if size {
        (c.rw.size() as i64, (c.rw.size() + image_size(d, &c.image)) as i64)
    } else {
        (0, 0)
    };
    ContainerSummary {
        id: c.id.clone(),
        names: vec![format!("/{}", c.name)],
        image,
        image_id: c.image.clone(),
        command: command_line(c),
        created: c.created.unix_secs() as i64,
        ports,
        size_rw,
        size_root_fs,
        labels: c.config.labels.clone(),
        state: c.state.status().as_str().to_string(),
        status: c.status_line(now),
        networks: c.networks.keys().cloned().collect(),
        mounts: Vec::new(),
    }
}

impl Api<'_> {
    /// `GET /containers/{id}/json` as the document `docker inspect` prints (`size=1`:
    /// with `SizeRw` and `SizeRootFs`).
    pub fn container_inspect_json(&mut self, name: &str, size: bool) -> ApiResult<serde_json::Value> {
        let mut path = format!("/containers/{}/json", super::query_escape(name));
        if size {
            path.push_str("?size=1");
        }
        self.serve("GET", &path, 200, |api| {
            let id = super::lookup::container_id(api.daemon(), name)?;
            let d = api.daemon();
            let c = &d.containers[&id];
            let sizes = size.then(|| (c.rw.size(), c.rw.size() + image_size(d, &c.image)));
            Ok(super::inspect_json::container(d, c, sizes))
        })
    }

    /// `GET /containers/json`, answered with summaries.
    pub fn container_summaries(&mut self, opts: &ListOptions) -> ApiResult<Vec<ContainerSummary>> {
        let path = list_path(opts);
        self.serve("GET", &path, 200, |api| {
            let now = api.world.now();
            let d = api.daemon();
            let listed = super::container_list::matching_containers(d, opts)?;
            let mut resolved = BTreeMap::new();
            Ok(listed.into_iter().map(|c| summary_with(d, c, now, opts.size, &mut resolved)).collect())
        })
    }
}
