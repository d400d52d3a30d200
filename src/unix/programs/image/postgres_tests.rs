//! PostgreSQL: the entrypoint's first and second start, stop, psql.

use super::testkit::*;
use crate::engine::clock::Span;
use crate::unix::fs::{Layer, UnionFs};
use crate::unix::process::{RunStatus, Signal, SignalEffect, Stream};
use crate::unix::testing::SimpleSys;

fn postgres_image() -> Layer {
    let mut l = debian("postgres:x:999:999::/var/lib/postgresql:/bin/bash\n");
    l.dir("/usr/lib/postgresql", T0).dir("/usr/lib/postgresql/17", T0).dir("/usr/lib/postgresql/17/bin", T0);
    for p in ["postgres", "initdb", "psql"] {
        l.program(&format!("/usr/lib/postgresql/17/bin/{p}"), p, T0);
    }
    l.program("/usr/lib/postgresql/17/bin/pg_isready", "postgresql:pg_isready", T0);
    l.program("/usr/local/bin/docker-entrypoint.sh", "entrypoint:postgres", T0).dir("/docker-entrypoint-initdb.d", T0);
    owned_dir(&mut l, "/var/lib/postgresql", 999, 0o1777);
    owned_dir(&mut l, "/var/lib/postgresql/data", 999, 0o1777);
    owned_dir(&mut l, "/run/postgresql", 999, 0o3777);
    l
}

const ENV: &[(&str, &str)] = &[
    ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin"),
    ("LANG", "en_US.utf8"),
    ("PG_MAJOR", "17"),
    ("PG_VERSION", "17.5-1.pgdg120+1"),
    ("PGDATA", "/var/lib/postgresql/data"),
];

fn env_with(extra: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut v = ENV.to_vec();
    v.extend_from_slice(extra);
    v
}

#[test]
fn refuses_to_start_without_a_password() {
    let image = postgres_image();
    let lowers = [&image];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let mut p = spawn(&mut sys, &["docker-entrypoint.sh", "postgres"], ENV, false);
    assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(1));
    assert_eq!(sys.stdout(), "");
    assert_eq!(
        sys.stderr(),
        "Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".\n\n       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all\n       connections without a password. This is *not* recommended.\n\n       See PostgreSQL documentation about \"trust\":\n       https://www.postgresql.org/docs/current/auth-trust.html\n"
    );
}

#[test]
fn first_start_initializes_then_second_start_skips() {
    let image = postgres_image();
    let lowers = [&image];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let env = env_with(&[("POSTGRES_PASSWORD", "segredo")]);
    let mut p = spawn(&mut sys, &["docker-entrypoint.sh", "postgres"], &env, false);
    assert_eq!(p.run(&mut sys, T0), RunStatus::Blocked);
    let out = sys.stdout();
    assert!(out.starts_with("The files belonging to this database system will be owned by user \"postgres\".\nThis user must also own the server process.\n\nThe database cluster will be initialized with locale \"en_US.utf8\".\n"), "{out}");
    assert!(out.contains("selecting default \"max_connections\" ... 100\nselecting default \"shared_buffers\" ... 128MB\nselecting default time zone ... Etc/UTC\n"));
    assert!(out.contains("Success. You can now start the database server using:\n\n    pg_ctl -D /var/lib/postgresql/data -l logfile start\n\nwaiting for server to start....2026-03-02 12:00:00.600 UTC [48] LOG:  starting PostgreSQL 17.5 (Debian 17.5-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit\n2026-03-02 12:00:00.600 UTC [48] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"\n"));
    assert!(out.contains(" done\nserver started\n\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n\nwaiting for server to shut down...2026-03-02 12:00:00.920 UTC [48] LOG:  received fast shutdown request\n.2026-03-02 12:00:00.920 UTC [48] LOG:  aborting any active transactions\n"), "{out}");
    assert!(out.ends_with(" done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n\n"));
    let err = sys.stderr();
    assert!(err.starts_with("initdb: warning: enabling \"trust\" authentication for local connections\n"));
    assert!(err.ends_with(
        "2026-03-02 12:00:00.945 UTC [1] LOG:  starting PostgreSQL 17.5 (Debian 17.5-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit\n\
         2026-03-02 12:00:00.945 UTC [1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432\n\
         2026-03-02 12:00:00.945 UTC [1] LOG:  listening on IPv6 address \"::\", port 5432\n\
         2026-03-02 12:00:00.945 UTC [1] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"\n\
         2026-03-02 12:00:00.949 UTC [29] LOG:  database system was shut down at 2026-03-02 12:00:00 UTC\n\
         2026-03-02 12:00:00.954 UTC [1] LOG:  database system is ready to accept connections\n"
    ), "{err}");
    let hba = String::from_utf8(crate::unix::fs::Fs::read(&sys.fs, "/var/lib/postgresql/data/pg_hba.conf", crate::unix::fs::Cred::ROOT).unwrap().bytes()).unwrap();
    assert!(hba.ends_with("host    replication     all             ::1/128                 trust\n\nhost all all all scram-sha-256\n"));
    assert_eq!(p.command_line(), "postgres");

    // psql in the same container.
    let mark = sys.output.len();
    let mut c = spawn(&mut sys, &["psql", "-U", "postgres", "-c", "select 1"], ENV, false);
    assert_eq!(c.run(&mut sys, T0), RunStatus::Exited(0));
    assert_eq!(text_since(&sys, Stream::Stdout, mark), " ?column? \n----------\n        1\n(1 row)\n\n");
    let mark = sys.output.len();
    let mut c = spawn(&mut sys, &["psql", "-c", "select 1"], ENV, false);
    assert_eq!(c.run(&mut sys, T0), RunStatus::Exited(2));
    assert_eq!(
        text_since(&sys, Stream::Stderr, mark),
        "psql: error: connection to server on socket \"/var/run/postgresql/.s.PGSQL.5432\" failed: FATAL:  role \"root\" does not exist\n"
    );
    let mark = sys.output.len();
    let mut c = spawn(&mut sys, &["psql", "-U", "postgres", "-c", "selec 1"], ENV, false);
    assert_eq!(c.run(&mut sys, T0), RunStatus::Exited(1));
    assert_eq!(text_since(&sys, Stream::Stderr, mark), "ERROR:  syntax error at or near \"selec\"\nLINE 1: selec 1\n        ^\n");

    let mark = sys.output.len();
    let mut c = spawn(&mut sys, &["pg_isready"], ENV, false);
    assert_eq!(c.run(&mut sys, T0), RunStatus::Exited(0));
    assert_eq!(text_since(&sys, Stream::Stdout, mark), "/var/run/postgresql:5432 - accepting connections\n");

    // docker stop: SIGINT, a fast shutdown.
    sys.now = T0 + Span::secs(30);
    let now = sys.now;
    p.run(&mut sys, now);
    let mark = sys.output.len();
    assert_eq!(p.signal(Signal::INT, &mut sys), SignalEffect::Exited(0));
    let stop = text_since(&sys, Stream::Stderr, mark);
    assert!(stop.starts_with("2026-03-02 12:00:30.000 UTC [1] LOG:  received fast shutdown request\n2026-03-02 12:00:30.000 UTC [1] LOG:  aborting any active transactions\n"));
    assert!(stop.ends_with("2026-03-02 12:00:30.010 UTC [1] LOG:  database system is shut down\n"));
    let mark = sys.output.len();
    let mut c = spawn(&mut sys, &["psql", "-U", "postgres", "-c", "select 1"], ENV, false);
    assert_eq!(c.run(&mut sys, now), RunStatus::Exited(2));
    assert_eq!(
        text_since(&sys, Stream::Stderr, mark),
        "psql: error: connection to server on socket \"/var/run/postgresql/.s.PGSQL.5432\" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n"
    );

    // Second start: the data directory has a database.
    sys.now = T0 + Span::secs(60);
    let mark = sys.output.len();
    let mut p = spawn(&mut sys, &["docker-entrypoint.sh", "postgres"], ENV, false);
    let now = sys.now;
    assert_eq!(p.run(&mut sys, now), RunStatus::Blocked);
    assert_eq!(text_since(&sys, Stream::Stdout, mark), "\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n");
    assert!(text_since(&sys, Stream::Stderr, mark).contains("[29] LOG:  database system was shut down at 2026-03-02 12:00:30 UTC\n"));

    // Killed (SIGKILL leaves postmaster.pid): the next start recovers.
    drop(p);
    sys.now = T0 + Span::secs(90);
    let mark = sys.output.len();
    let mut p = spawn(&mut sys, &["docker-entrypoint.sh", "postgres"], ENV, false);
    let now = sys.now;
    p.run(&mut sys, now);
    let err = text_since(&sys, Stream::Stderr, mark);
    assert!(err.contains("[29] LOG:  database system was interrupted; last known up at 2026-03-02 12:01:00 UTC\n"), "{err}");
    assert!(err.contains("[29] LOG:  database system was not properly shut down; automatic recovery in progress\n"));
}

#[test]
fn init_scripts_and_custom_database() {
    let mut image = postgres_image();
    image.file("/docker-entrypoint-initdb.d/01-schema.sql", "CREATE TABLE alunos (id int, nome text);\nINSERT INTO alunos VALUES (1, 'Ana'), (2, 'Bruno');\n", T0);
    let lowers = [&image];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let env = env_with(&[("POSTGRES_PASSWORD", "x"), ("POSTGRES_DB", "escola")]);
    let mut p = spawn(&mut sys, &["docker-entrypoint.sh", "postgres"], &env, false);
    assert_eq!(p.run(&mut sys, T0), RunStatus::Blocked);
    let out = sys.stdout();
    assert!(out.contains(" done\nserver started\nCREATE DATABASE\n\n\n/usr/local/bin/docker-entrypoint.sh: running /docker-entrypoint-initdb.d/01-schema.sql\nCREATE TABLE\nINSERT 0 2\n\n\nwaiting for server to shut down..."), "{out}");
    let mark = sys.output.len();
    let mut c = spawn(&mut sys, &["psql", "-U", "postgres", "-d", "escola", "-c", "SELECT * FROM alunos"], ENV, false);
    assert_eq!(c.run(&mut sys, T0), RunStatus::Exited(0));
    assert_eq!(text_since(&sys, Stream::Stdout, mark), " id | nome  \n----+-------\n  1 | Ana\n  2 | Bruno\n(2 rows)\n\n");
}

#[test]
fn interactive_psql_and_version() {
    let image = postgres_image();
    let lowers = [&image];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let env = env_with(&[("POSTGRES_PASSWORD", "x")]);
    let mut p = spawn(&mut sys, &["docker-entrypoint.sh", "postgres"], &env, false);
    p.run(&mut sys, T0);
    let mark = sys.output.len();
    let mut c = spawn(&mut sys, &["psql", "-U", "postgres"], ENV, true);
    assert_eq!(c.run(&mut sys, T0), RunStatus::WaitingInput);
    c.feed_stdin("select 2 +\n");
    c.run(&mut sys, T0);
    c.feed_stdin("3;\n\\q\n");
    assert_eq!(c.run(&mut sys, T0), RunStatus::Exited(0));
    assert_eq!(
        text_since(&sys, Stream::Stdout, mark),
        "psql (17.5 (Debian 17.5-1.pgdg120+1))\nType \"help\" for help.\n\npostgres=# postgres-#  ?column? \n----------\n        5\n(1 row)\n\npostgres=# "
    );
    let mark = sys.output.len();
    let mut v = spawn(&mut sys, &["docker-entrypoint.sh", "psql", "--version"], ENV, false);
    assert_eq!(v.run(&mut sys, T0), RunStatus::Exited(0));
    assert_eq!(text_since(&sys, Stream::Stdout, mark), "psql (PostgreSQL) 17.5 (Debian 17.5-1.pgdg120+1)\n");
}
