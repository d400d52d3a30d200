//! Redis: the image's entrypoint and server, `redis-cli` in the same container.

use super::testkit::*;
use crate::engine::clock::Span;
use crate::unix::fs::{Data, Layer, Meta, Node, UnionFs};
use crate::unix::process::{RunStatus, Signal, SignalEffect, Stream};
use crate::unix::testing::SimpleSys;

fn redis_image() -> Layer {
    let mut l = debian("redis:x:999:999::/home/redis:/bin/sh\n");
    l.program("/usr/local/bin/redis-server", "redis-server", T0)
        .program("/usr/local/bin/redis-cli", "redis-cli", T0)
        .program("/usr/local/bin/docker-entrypoint.sh", "entrypoint:redis", T0)
        .dir("/usr/local/lib", T0)
        .dir("/usr/local/lib/redis", T0)
        .dir("/usr/local/lib/redis/modules", T0)
        .dir("/dev", T0);
    for (m, size) in [("redisbloom.so", 1_812_336), ("redisearch.so", 33_470_656), ("rejson.so", 4_160_504), ("redistimeseries.so", 3_197_448)] {
        l.put_node(&format!("/usr/local/lib/redis/modules/{m}"), Node::File { meta: Meta::root(0o755, T0), data: Data::Blob(size) });
    }
    owned_dir(&mut l, "/data", 999, 0o755);
    l
}

const START: &str = "\
Starting Redis Server
1:C 02 Mar 2026 12:00:00.000 # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.
1:C 02 Mar 2026 12:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo
1:C 02 Mar 2026 12:00:00.000 * Redis version=8.0.2, bits=64, commit=00000000, modified=1, pid=1, just started
1:C 02 Mar 2026 12:00:00.000 * Configuration loaded
1:M 02 Mar 2026 12:00:00.001 * monotonic clock: POSIX clock_gettime
1:M 02 Mar 2026 12:00:00.001 * Running mode=standalone, port=6379.
";

fn cli(sys: &mut SimpleSys<'_>, args: &[&str]) -> (String, String, RunStatus) {
    let mark = sys.output.len();
    let mut full = vec!["redis-cli"];
    full.extend_from_slice(args);
    let mut p = spawn_in(sys, "/data", &full, &[], false);
    let now = sys.now;
    let st = p.run(sys, now);
    (text_since(sys, Stream::Stdout, mark), text_since(sys, Stream::Stderr, mark), st)
}

#[test]
fn docker_run_redis_then_redis_cli() {
    let image = redis_image();
    let lowers = [&image];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);

    assert_eq!(
        cli(&mut sys, &["ping"]),
        ("".into(), "Could not connect to Redis at 127.0.0.1:6379: Connection refused\n".into(), RunStatus::Exited(1))
    );

    let mut server = spawn_in(&mut sys, "/data", &["docker-entrypoint.sh", "redis-server"], &[], false);
    let mark = sys.output.len();
    assert_eq!(server.run(&mut sys, T0), RunStatus::Blocked);
    let out = text_since(&sys, Stream::Stdout, mark);
    assert!(out.starts_with(START), "{out}");
    assert!(out.contains("1:M 02 Mar 2026 12:00:00.005 * <bf> \t{ bf-error-rate       :      0.01 }\n"));
    assert!(out.contains("1:M 02 Mar 2026 12:00:00.005 * Module 'bf' loaded from /usr/local/lib/redis/modules//redisbloom.so\n"));
    assert!(out.ends_with("1:M 02 Mar 2026 12:00:00.009 * Server initialized\n1:M 02 Mar 2026 12:00:00.009 * Ready to accept connections tcp\n"));
    assert_eq!(server.command_line(), "redis-server --loadmodule /usr/local/lib/redis/modules//redisbloom.so --loadmodule /usr/local/lib/redis/modules//redisearch.so --loadmodule /usr/local/lib/redis/modules//redistimeseries.so --loadmodule /usr/local/lib/redis/modules//rejson.so");

    assert_eq!(cli(&mut sys, &["ping"]).0, "PONG\n");
    assert_eq!(cli(&mut sys, &["set", "visitas", "10"]).0, "OK\n");
    assert_eq!(cli(&mut sys, &["incr", "visitas"]).0, "11\n");
    assert_eq!(cli(&mut sys, &["get", "visitas"]).0, "11\n");
    assert_eq!(cli(&mut sys, &["get", "nada"]).0, "\n");
    assert_eq!(cli(&mut sys, &["keys", "*"]).0, "visitas\n");
    assert_eq!(cli(&mut sys, &["--no-raw", "incr", "visitas"]).0, "(integer) 12\n");
    assert_eq!(cli(&mut sys, &["--no-raw", "get", "visitas"]).0, "\"12\"\n");
    assert_eq!(cli(&mut sys, &["lpush"]).0, "ERR wrong number of arguments for 'lpush' command\n\n");

    sys.now = T0 + Span::secs(10);
    let now = sys.now;
    server.run(&mut sys, now);
    let mark = sys.output.len();
    assert_eq!(server.signal(Signal::TERM, &mut sys), SignalEffect::Exited(0));
    assert_eq!(
        text_since(&sys, Stream::Stdout, mark),
        "1:signal-handler (1772452810) Received SIGTERM scheduling shutdown...\n\
         1:M 02 Mar 2026 12:00:10.100 * User requested shutdown...\n\
         1:M 02 Mar 2026 12:00:10.100 * Saving the final RDB snapshot before exiting.\n\
         1:M 02 Mar 2026 12:00:10.100 * DB saved on disk\n\
         1:M 02 Mar 2026 12:00:10.100 # Redis is now ready to exit, bye bye...\n"
    );
    let dump = crate::unix::fs::Fs::stat(&sys.fs, "/data/dump.rdb").unwrap();
    assert_eq!((dump.meta.uid, dump.meta.mode), (999, 0o600));
    assert_eq!(cli(&mut sys, &["ping"]).2, RunStatus::Exited(1));

    // The next start loads the snapshot.
    sys.now = T0 + Span::secs(20);
    let mut server = spawn_in(&mut sys, "/data", &["docker-entrypoint.sh", "redis-server"], &[], false);
    let mark = sys.output.len();
    let now = sys.now;
    server.run(&mut sys, now);
    let out = text_since(&sys, Stream::Stdout, mark);
    assert!(out.contains("* Loading RDB produced by version 8.0.2\n"), "{out}");
    assert!(out.contains("* RDB age 10 seconds\n"));
    assert!(out.contains("* Done loading RDB, keys loaded: 1, keys expired: 0.\n"));
    assert_eq!(cli(&mut sys, &["get", "visitas"]).0, "12\n");
}

#[test]
fn redis_server_options_and_errors() {
    let image = redis_image();
    let lowers = [&image];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    // Options alone go to redis-server; a password protects the data.
    let mut server = spawn_in(&mut sys, "/data", &["docker-entrypoint.sh", "--requirepass", "s3cr3t"], &[], false);
    assert_eq!(server.run(&mut sys, T0), RunStatus::Blocked);
    assert_eq!(cli(&mut sys, &["get", "a"]).0, "NOAUTH Authentication required.\n\n");
    let (out, err, _) = cli(&mut sys, &["-a", "s3cr3t", "set", "a", "1"]);
    assert_eq!((out.as_str(), err.as_str()), ("OK\n", "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n"));
    // A second server on the same port cannot bind.
    let mark = sys.output.len();
    let mut second = spawn_in(&mut sys, "/data", &["redis-server"], &[], false);
    assert_eq!(second.run(&mut sys, T0), RunStatus::Exited(1));
    let out = text_since(&sys, Stream::Stdout, mark);
    assert!(out.contains("1:C 02 Mar 2026 12:00:00.000 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf\n"));
    assert!(out.ends_with("1:M 02 Mar 2026 12:00:00.001 # Failed listening on port 6379 (tcp), aborting.\n"));
    // Unknown option.
    let mut bad = spawn_in(&mut sys, "/data", &["redis-server", "--foo", "1"], &[], false);
    assert_eq!(bad.run(&mut sys, T0), RunStatus::Exited(1));
    assert!(sys.stderr().ends_with("\n*** FATAL CONFIG FILE ERROR (Redis 8.0.2) ***\nReading the configuration file, at line 2\n>>> 'foo'\nBad directive or wrong number of arguments\n"));
    // Not a server: the entrypoint just execs.
    let mut p = spawn_in(&mut sys, "/data", &["docker-entrypoint.sh", "redis-cli", "--version"], &[], false);
    let mark = sys.output.len();
    assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(0));
    assert_eq!(text_since(&sys, Stream::Stdout, mark), "redis-cli 8.0.2\n");
    let mut p = spawn_in(&mut sys, "/data", &["docker-entrypoint.sh", "nope"], &[], false);
    let mark = sys.output.len();
    assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(127));
    assert_eq!(text_since(&sys, Stream::Stderr, mark), "/usr/local/bin/docker-entrypoint.sh: line 194: exec: nope: not found\n");
}

#[test]
fn interactive_redis_cli() {
    let image = redis_image();
    let lowers = [&image];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let mut server = spawn_in(&mut sys, "/data", &["docker-entrypoint.sh", "redis-server"], &[], false);
    server.run(&mut sys, T0);
    let mark = sys.output.len();
    let mut p = spawn_in(&mut sys, "/data", &["redis-cli"], &[], true);
    assert_eq!(p.run(&mut sys, T0), RunStatus::WaitingInput);
    p.feed_stdin("set nome \"Maria Silva\"\n");
    p.run(&mut sys, T0);
    p.feed_stdin("get nome\n");
    p.run(&mut sys, T0);
    p.feed_stdin("exit\n");
    assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(0));
    assert_eq!(text_since(&sys, Stream::Stdout, mark), "127.0.0.1:6379> OK\n127.0.0.1:6379> \"Maria Silva\"\n127.0.0.1:6379> ");
}
