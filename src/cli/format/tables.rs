//! docker/cli's default table formats and column headers for each list command
//! (`formatter/container.go`, `image.go`, `volume.go`, `network/formatter.go`, …).
//! Handlers pass `table.format` (or the user's `--format`) and `table.header()` to
//! [`super::context::write`].
//!
//! Invariant: texts copied from docker/cli v28.2.2.

use super::template::{Record, Value};

/// A list command's default format and its field → column header map.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    pub format: &'static str,
    pub headers: &'static [(&'static str, &'static str)],
}

impl Table {
    /// The `SubHeaderContext` the header row is rendered from.
    pub fn header(&self) -> Value {
        Record::header(self.headers).into_value()
    }

    /// The format to use for a `--format` value: docker's default for "" and "table".
    pub fn resolve<'a>(&'a self, user: &'a str) -> &'a str {
        if user.is_empty() || user == "table" {
            self.format
        } else {
            user
        }
    }
}

/// `--quiet` lists print only IDs.
pub const QUIET_FORMAT: &str = "{{.ID}}";

/// `docker ps`.
pub const CONTAINERS: Table = Table {
    format: "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}",
    headers: &[
        ("ID", "CONTAINER ID"),
        ("Names", "NAMES"),
        ("Image", "IMAGE"),
        ("Command", "COMMAND"),
        ("CreatedAt", "CREATED AT"),
        ("RunningFor", "CREATED"),
        ("Ports", "PORTS"),
        ("State", "STATE"),
        ("Status", "STATUS"),
        ("Size", "SIZE"),
        ("Labels", "LABELS"),
        ("Mounts", "MOUNTS"),
        ("LocalVolumes", "LOCAL VOLUMES"),
        ("Networks", "NETWORKS"),
        ("Platform", "PLATFORM"),
    ],
};

/// `docker images`.
pub const IMAGES: Table = Table {
    format: "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}",
    headers: &[
        ("ID", "IMAGE ID"),
        ("Repository", "REPOSITORY"),
        ("Tag", "TAG"),
        ("Digest", "DIGEST"),
        ("CreatedSince", "CREATED"),
        ("CreatedAt", "CREATED AT"),
        ("Size", "SIZE"),
        ("Containers", "CONTAINERS"),
        ("VirtualSize", "SIZE"),
        ("SharedSize", "SHARED SIZE"),
        ("UniqueSize", "UNIQUE SIZE"),
    ],
};

/// `docker volume ls` (quiet: `{{.Name}}`).
pub const VOLUMES: Table = Table {
    format: "table {{.Driver}}\t{{.Name}}",
    headers: &[
        ("ID", "ID"),
        ("Name", "VOLUME NAME"),
        ("Group", "GROUP"),
        ("Driver", "DRIVER"),
        ("Scope", "SCOPE"),
        ("Availability", "AVAILABILITY"),
        ("Mountpoint", "MOUNTPOINT"),
        ("Labels", "LABELS"),
        ("Links", "LINKS"),
        ("Size", "SIZE"),
        ("Status", "STATUS"),
    ],
};

/// `docker network ls`.
pub const NETWORKS: Table = Table {
    format: "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}",
    headers: &[
        ("ID", "NETWORK ID"),
        ("Name", "NAME"),
        ("Driver", "DRIVER"),
        ("Scope", "SCOPE"),
        ("IPv4", "IPV4"),
        ("IPv6", "IPV6"),
        ("Internal", "INTERNAL"),
        ("Labels", "LABELS"),
        ("CreatedAt", "CREATED AT"),
    ],
};

/// `docker context ls`.
pub const CONTEXTS: Table = Table {
    format: "table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}",
    headers: &[
        ("Name", "NAME"),
        ("Description", "DESCRIPTION"),
        ("DockerEndpoint", "DOCKER ENDPOINT"),
        ("Error", "ERROR"),
    ],
};

/// `docker node ls`.
pub const NODES: Table = Table {
    format: "table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}",
    headers: &[
        ("ID", "ID"),
        ("Self", ""),
        ("Hostname", "HOSTNAME"),
        ("Status", "STATUS"),
        ("Availability", "AVAILABILITY"),
        ("ManagerStatus", "MANAGER STATUS"),
        ("EngineVersion", "ENGINE VERSION"),
        ("TLSStatus", "TLS STATUS"),
    ],
};

/// `docker service ls`.
pub const SERVICES: Table = Table {
    format: "table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}",
    headers: &[
        ("ID", "ID"),
        ("Name", "NAME"),
        ("Mode", "MODE"),
        ("Replicas", "REPLICAS"),
        ("Image", "IMAGE"),
        ("Ports", "PORTS"),
    ],
};

/// `docker service ps` / `docker node ps`.
pub const TASKS: Table = Table {
    format: "table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}",
    headers: &[
        ("ID", "ID"),
        ("Name", "NAME"),
        ("Image", "IMAGE"),
        ("Node", "NODE"),
        ("DesiredState", "DESIRED STATE"),
        ("CurrentState", "CURRENT STATE"),
        ("Error", "ERROR"),
        ("Ports", "PORTS"),
    ],
};

/// `docker history` (`-H=false` uses `{{.CreatedAt}}` instead of `{{.CreatedSince}}`).
pub const HISTORY: Table = Table {
    format: "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}",
    headers: &[
        ("ID", "IMAGE"),
        ("CreatedSince", "CREATED"),
        ("CreatedAt", "CREATED AT"),
        ("CreatedBy", "CREATED BY"),
        ("Size", "SIZE"),
        ("Comment", "COMMENT"),
    ],
};

/// `docker search`.
pub const SEARCH: Table = Table {
    format: "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}",
    headers: &[
        ("Name", "NAME"),
        ("Description", "DESCRIPTION"),
        ("StarCount", "STARS"),
        ("IsOfficial", "OFFICIAL"),
    ],
};

/// `docker stats` (Linux daemon).
pub const STATS: Table = Table {
    format: "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}",
    headers: &[
        ("Container", "CONTAINER"),
        ("Name", "NAME"),
        ("ID", "CONTAINER ID"),
        ("CPUPerc", "CPU %"),
        ("MemUsage", "MEM USAGE / LIMIT"),
        ("MemPerc", "MEM %"),
        ("NetIO", "NET I/O"),
        ("BlockIO", "BLOCK I/O"),
        ("PIDs", "PIDS"),
    ],
};

/// `docker system df`.
pub const DISK_USAGE: Table = Table {
    format: "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}",
    headers: &[
        ("Type", "TYPE"),
        ("TotalCount", "TOTAL"),
        ("Active", "ACTIVE"),
        ("Size", "SIZE"),
        ("Reclaimable", "RECLAIMABLE"),
    ],
};

/// `docker diff`.
pub const DIFF: Table = Table {
    format: "table {{.Type}}\t{{.Path}}",
    headers: &[("Type", "CHANGE TYPE"), ("Path", "PATH")],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::format::context::write;

    #[test]
    fn empty_lists_print_the_header() {
        assert_eq!(
            write(CONTAINERS.resolve(""), &CONTAINERS.header(), &[]).unwrap(),
            "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n"
        );
        assert_eq!(
            write(IMAGES.resolve("table"), &IMAGES.header(), &[]).unwrap(),
            "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n"
        );
        assert_eq!(
            write(VOLUMES.format, &VOLUMES.header(), &[]).unwrap(),
            "DRIVER    VOLUME NAME\n"
        );
        assert_eq!(
            write(NETWORKS.format, &NETWORKS.header(), &[]).unwrap(),
            "NETWORK ID   NAME      DRIVER    SCOPE\n"
        );
    }
}
