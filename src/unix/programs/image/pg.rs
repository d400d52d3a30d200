//! What the PostgreSQL programs share: the version strings of the image, the log line
//! prefix (`%m [%p] `), the data directory `initdb` creates and its catalog of databases,
//! roles and tables (a JSON file at `global/1262`, the relation file number of
//! `pg_database`), and the Unix socket that tells clients a server runs.
//!
//! Texts: PostgreSQL 17 `src/bin/initdb/initdb.c`, `src/backend/postmaster/postmaster.c`,
//! `src/backend/access/transam/xlog.c`, checked against PostgreSQL 15 on Debian 12 (same
//! wording, except the quoted GUC names `initdb` 16+ prints).
//!
//! Invariant: the catalog always holds the `postgres`, `template0` and `template1`
//! databases and the bootstrap superuser.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::logtime;
use super::util;
use crate::engine::clock::Time;
use crate::unix::fs::{Cred, Kind};
use crate::unix::process::io::Io;

pub const SOCKET_DIR: &str = "/var/run/postgresql";

/// `PG_VERSION` of the environment (`17.5-1.pgdg120+1`) → (`17.5`, package version).
pub fn versions(io: &Io<'_>) -> (String, String) {
    let pkg = io.getenv("PG_VERSION").unwrap_or("17.5-1.pgdg120+1").to_string();
    let short = pkg.split('-').next().unwrap_or("17.5").to_string();
    (short, pkg)
}

pub fn major(io: &Io<'_>) -> String {
    let (short, _) = versions(io);
    short.split('.').next().unwrap_or("17").to_string()
}

/// `SELECT version()`.
pub fn version_string(io: &Io<'_>) -> String {
    let (short, pkg) = versions(io);
    format!("PostgreSQL {short} (Debian {pkg}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit")
}

/// One server log line with the image's default `log_line_prefix` (`%m [%p] `).
pub fn log_line(at: Time, pid: u32, level: &str, msg: &str) -> String {
    format!("{} [{pid}] {level}:  {msg}\n", logtime::postgres(at))
}

/// The data directory (`-D`, else `PGDATA`).
pub fn data_dir(io: &Io<'_>, argv: &[String]) -> String {
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        if a == "-D" {
            if let Some(d) = it.next() {
                return d.clone();
            }
        } else if let Some(d) = a.strip_prefix("-D").filter(|d| !d.is_empty()) {
            return d.to_string();
        } else if let Some(d) = a.strip_prefix("--pgdata=") {
            return d.to_string();
        }
    }
    io.getenv("PGDATA").unwrap_or("/var/lib/postgresql/data").to_string()
}

/// Whether `dir` holds a database cluster (`-s "$PGDATA/PG_VERSION"`).
pub fn initialized(io: &mut Io<'_>, dir: &str) -> bool {
    let p = format!("{dir}/PG_VERSION");
    util::exists(io, &p, Some(Kind::File)) && io.fs().stat(&p).is_ok_and(|s| s.size > 0)
}

/// The service account (the image's `postgres` user, 999).
pub fn owner(io: &mut Io<'_>) -> Cred {
    if io.cred.uid != 0 {
        return io.cred;
    }
    util::user(io, "postgres").map_or(Cred { uid: 999, gid: 999 }, |u| u.cred())
}

/// A table: column names and types, rows as text (`None` is NULL).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub columns: Vec<(String, String)>,
    pub rows: Vec<Vec<Option<String>>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Database {
    pub owner: String,
    pub tables: BTreeMap<String, Table>,
}

/// The cluster's catalog.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    pub superuser: String,
    pub roles: Vec<String>,
    pub databases: BTreeMap<String, Database>,
    /// When the server last shut down cleanly (Unix milliseconds); what the next start
    /// reports.
    pub shut_down_at: Option<u64>,
    /// When a server last started (Unix milliseconds).
    pub last_up_at: u64,
}

impl Catalog {
    pub fn new(superuser: &str) -> Catalog {
        let mut databases = BTreeMap::new();
        for d in ["postgres", "template0", "template1"] {
            databases.insert(d.to_string(), Database { owner: superuser.to_string(), tables: BTreeMap::new() });
        }
        Catalog { superuser: superuser.into(), roles: vec![superuser.into()], databases, shut_down_at: None, last_up_at: 0 }
    }

    pub fn load(io: &mut Io<'_>, dir: &str) -> Option<Catalog> {
        let text = util::read_text(io, &format!("{dir}/global/1262"))?;
        serde_json::from_str(&text).ok()
    }

    pub fn store(&self, io: &mut Io<'_>, dir: &str, owner: Cred) {
        let text = serde_json::to_string(self).unwrap_or_default();
        util::write_file(io, &format!("{dir}/global/1262"), &text, owner, true);
    }
}

/// The socket file of a server listening on `port` (`.s.PGSQL.5432`).
pub fn socket_path(port: u32) -> String {
    format!("{SOCKET_DIR}/.s.PGSQL.{port}")
}

/// Creates what `initdb` leaves in `dir`: subdirectories, configuration files, the
/// template databases (nominal sizes), the first WAL segment.
pub fn create_cluster(io: &mut Io<'_>, dir: &str, superuser: &str, owner: Cred) {
    let major = major(io);
    util::mkdir_owned(io, dir, owner, 0o700);
    let now = io.now;
    let _ = io.fs().set_meta(dir, true, Cred::ROOT, &mut |m| {
        m.mode = 0o700;
        m.uid = owner.uid;
        m.gid = owner.gid;
        m.mtime = now;
    });
    for sub in [
        "base", "base/1", "base/4", "base/5", "global", "pg_commit_ts", "pg_dynshmem", "pg_logical", "pg_logical/mappings",
        "pg_logical/snapshots", "pg_multixact", "pg_multixact/members", "pg_multixact/offsets", "pg_notify", "pg_replslot",
        "pg_serial", "pg_snapshots", "pg_stat", "pg_stat_tmp", "pg_subtrans", "pg_tblspc", "pg_twophase", "pg_wal",
        "pg_wal/archive_status", "pg_wal/summaries", "pg_xact",
    ] {
        util::mkdir_owned(io, &format!("{dir}/{sub}"), owner, 0o700);
    }
    for (file, size) in [
        ("base/1/1259", 7_528_448u64),
        ("base/4/1259", 7_446_528),
        ("base/5/1259", 7_528_448),
        ("global/pg_control", 8_192),
        ("global/pg_filenode.map", 524),
        ("pg_multixact/members/0000", 8_192),
        ("pg_multixact/offsets/0000", 8_192),
        ("pg_subtrans/0000", 8_192),
        ("pg_xact/0000", 8_192),
        ("pg_wal/000000010000000000000001", 16_777_216),
        ("postgresql.conf", 30_814),
        ("pg_ident.conf", 2_640),
    ] {
        util::write_blob(io, &format!("{dir}/{file}"), size, owner);
    }
    util::write_file(io, &format!("{dir}/PG_VERSION"), &format!("{major}\n"), owner, true);
    util::write_file(
        io,
        &format!("{dir}/postgresql.auto.conf"),
        "# Do not edit this file manually!\n# It will be overwritten by the ALTER SYSTEM command.\n",
        owner,
        true,
    );
    util::write_file(io, &format!("{dir}/pg_hba.conf"), &format!("{HBA_HEADER}{HBA_RULES}"), owner, true);
    Catalog::new(superuser).store(io, dir, owner);
}

/// The rules `initdb` writes with local trust authentication.
const HBA_RULES: &str = "# TYPE  DATABASE        USER            ADDRESS                 METHOD

# \"local\" is for Unix domain socket connections only
local   all             all                                     trust
# IPv4 local connections:
host    all             all             127.0.0.1/32            trust
# IPv6 local connections:
host    all             all             ::1/128                 trust
# Allow replication connections from localhost, by a user with the
# replication privilege.
local   replication     all                                     trust
host    replication     all             127.0.0.1/32            trust
host    replication     all             ::1/128                 trust
";

/// The comment block at the top of the `pg_hba.conf` `initdb` writes.
pub const HBA_HEADER: &str = "# PostgreSQL Client Authentication Configuration File\n\
# ===================================================\n\
#\n\
# Refer to the \"Client Authentication\" section in the PostgreSQL\n\
# documentation for a complete description of this file.  A short\n\
# synopsis follows.\n\
#\n\
# This file controls: which hosts are allowed to connect, how clients\n\
# are authenticated, which PostgreSQL user names they can use, which\n\
# databases they can access.  Records take one of these forms:\n\
#\n\
# local         DATABASE  USER  METHOD  [OPTIONS]\n\
# host          DATABASE  USER  ADDRESS  METHOD  [OPTIONS]\n\
# hostssl       DATABASE  USER  ADDRESS  METHOD  [OPTIONS]\n\
# hostnossl     DATABASE  USER  ADDRESS  METHOD  [OPTIONS]\n\
# hostgssenc    DATABASE  USER  ADDRESS  METHOD  [OPTIONS]\n\
# hostnogssenc  DATABASE  USER  ADDRESS  METHOD  [OPTIONS]\n\
#\n\
# (The uppercase items must be replaced by actual values.)\n\
#\n\
# The first field is the connection type:\n\
# - \"local\" is a Unix-domain socket\n\
# - \"host\" is a TCP/IP socket (encrypted or not)\n\
# - \"hostssl\" is a TCP/IP socket that is SSL-encrypted\n\
# - \"hostnossl\" is a TCP/IP socket that is not SSL-encrypted\n\
# - \"hostgssenc\" is a TCP/IP socket that is GSSAPI-encrypted\n\
# - \"hostnogssenc\" is a TCP/IP socket that is not GSSAPI-encrypted\n\
#\n\
# DATABASE can be \"all\", \"sameuser\", \"samerole\", \"replication\", a\n\
# database name, or a comma-separated list thereof. The \"all\"\n\
# keyword does not match \"replication\". Access to replication\n\
# must be enabled in a separate record (see example below).\n\
#\n\
# USER can be \"all\", a user name, a group name prefixed with \"+\", or a\n\
# comma-separated list thereof.  In both the DATABASE and USER fields\n\
# you can also write a file name prefixed with \"@\" to include names\n\
# from a separate file.\n\
#\n\
# ADDRESS specifies the set of hosts the record matches.  It can be a\n\
# host name, or it is made up of an IP address and a CIDR mask that is\n\
# an integer (between 0 and 32 (IPv4) or 128 (IPv6) inclusive) that\n\
# specifies the number of significant bits in the mask.  A host name\n\
# that starts with a dot (.) matches a suffix of the actual host name.\n\
# Alternatively, you can write an IP address and netmask in separate\n\
# columns to specify the set of hosts.  Instead of a CIDR-address, you\n\
# can write \"samehost\" to match any of the server's own IP addresses,\n\
# or \"samenet\" to match any address in any subnet that the server is\n\
# directly connected to.\n\
#\n\
# METHOD can be \"trust\", \"reject\", \"md5\", \"password\", \"scram-sha-256\",\n\
# \"gss\", \"sspi\", \"ident\", \"peer\", \"pam\", \"ldap\", \"radius\" or \"cert\".\n\
# Note that \"password\" sends passwords in clear text; \"md5\" or\n\
# \"scram-sha-256\" are preferred since they send encrypted passwords.\n\
#\n\
# OPTIONS are a set of options for the authentication in the format\n\
# NAME=VALUE.  The available options depend on the different\n\
# authentication methods -- refer to the \"Client Authentication\"\n\
# section in the documentation for a list of which options are\n\
# available for which authentication methods.\n\
#\n\
# Database and user names containing spaces, commas, quotes and other\n\
# special characters must be quoted.  Quoting one of the keywords\n\
# \"all\", \"sameuser\", \"samerole\" or \"replication\" makes the name lose\n\
# its special character, and just match a database or username with\n\
# that name.\n\
#\n\
# This file is read on server startup and when the server receives a\n\
# SIGHUP signal.  If you edit the file on a running system, you have to\n\
# SIGHUP the server for the changes to take effect, run \"pg_ctl reload\",\n\
# or execute \"SELECT pg_reload_conf()\".\n\
#\n\
# Put your actual configuration here\n\
# ----------------------------------\n\
#\n\
# If you want to allow non-local connections, you need to add more\n\
# \"host\" records.  In that case you will also need to make PostgreSQL\n\
# listen on a non-local interface via the listen_addresses\n\
# configuration parameter, or via the -i or -h command line switches.\n\
\n\
# CAUTION: Configuring the system for local \"trust\" authentication\n\
# allows any local user to connect as any PostgreSQL user, including\n\
# the database superuser.  If you do not trust all your local users,\n\
# use another authentication method.\n\
\n\
\n\
";
