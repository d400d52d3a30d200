//! Property tests for the image programs (nginx, redis, postgres, node, python…): no
//! command line, standard input or signal makes one panic or run without bound, and the
//! small evaluators (SQL, JavaScript/Python expressions, redis-cli arguments) return on
//! any text.

use doca::engine::clock::{Span, Time};
use doca::unix::fs::{Data, Layer, Meta, Node, UnionFs};
use doca::unix::process::{Process, RunStatus, Signal, SpawnOpts};
use doca::unix::programs::image::{pg, redis_cli, script_eval, sql};
use doca::unix::testing::{SimpleSys, debian_rootfs};
use proptest::prelude::*;

const T0: Time = Time::START;

const PROGRAMS: &[(&str, &str)] = &[
    ("/usr/sbin/nginx", "nginx"),
    ("/docker-entrypoint.sh", "entrypoint:nginx"),
    ("/usr/local/bin/redis-server", "redis-server"),
    ("/usr/local/bin/redis-cli", "redis-cli"),
    ("/usr/local/bin/redis-entrypoint", "entrypoint:redis"),
    ("/usr/local/bin/postgres", "postgres"),
    ("/usr/local/bin/psql", "psql"),
    ("/usr/local/bin/initdb", "initdb"),
    ("/usr/local/bin/pg-entrypoint", "entrypoint:postgres"),
    ("/usr/sbin/mysqld", "mysqld"),
    ("/usr/bin/mysql", "mysql"),
    ("/usr/local/bin/mysql-entrypoint", "entrypoint:mysql"),
    ("/usr/bin/mongod", "mongod"),
    ("/usr/bin/mongosh", "mongosh"),
    ("/usr/local/bin/mongo-entrypoint", "entrypoint:mongo"),
    ("/usr/local/bin/node", "node"),
    ("/usr/local/bin/npm", "npm"),
    ("/usr/local/bin/python3", "python3"),
    ("/usr/local/bin/pip", "pip"),
    ("/usr/local/bin/go", "go"),
    ("/usr/local/bin/gosu", "gosu"),
    ("/usr/local/apache2/bin/httpd", "httpd"),
    ("/bin/registry", "registry"),
    ("/usr/local/bin/traefik", "traefik"),
];

const ARGS: &[&str] = &[
    "-v", "-V", "--version", "-t", "-T", "-g", "daemon off;", "-s", "reload", "-c", "-e", "-p", "-h", "-U", "postgres",
    "-d", "nada", "nginx", "postgres", "mysqld", "mongod", "redis-server", "--port", "6380", "--requirepass", "x", "ping",
    "set", "get", "k", "incr", "keys", "*", "select 1", "1 + 2", "print(1/3)", "console.log('a' + 1)", "serve", "run",
    "build", "-o", "/tmp/app", "version", "install", "init", "-y", "start", "root", "nobody", "id", "sh", "bash",
    "/etc/passwd", "--help", "", "'", "\"", "(", ")", ";", "\\", "--bind_ip_all", "-DFOREGROUND", "env", "GOPATH",
];

fn image() -> Layer {
    let mut l = debian_rootfs(T0);
    l.file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\npostgres:x:999:999::/var/lib/postgresql:/bin/bash\nnginx:x:101:101::/nonexistent:/bin/false\n", T0)
        .file("/etc/os-release", "ID=debian\n", T0)
        .dir("/usr/local", T0)
        .dir("/usr/local/bin", T0)
        .dir("/usr/sbin", T0)
        .dir("/usr/local/apache2", T0)
        .dir("/usr/local/apache2/bin", T0)
        .dir("/etc/nginx", T0)
        .dir("/etc/nginx/conf.d", T0)
        .file("/etc/nginx/nginx.conf", "events {}\nhttp { include /etc/nginx/conf.d/*.conf; }\n", T0)
        .dir("/docker-entrypoint.d", T0)
        .dir("/data", T0)
        .dir("/app", T0)
        .file("/app/main.go", "fmt.Println(\"x\")\n", T0)
        .file("/app/package.json", "{\"name\":\"a\",\"scripts\":{\"start\":\"echo hi\"}}", T0);
    l.put_node("/var/lib/postgresql", Node::Dir { meta: Meta { mode: 0o1777, uid: 999, gid: 999, mtime: T0 } });
    for (path, prog) in PROGRAMS {
        l.put_node(path, Node::File { meta: Meta::root(0o755, T0), data: Data::Program(prog.to_string()) });
    }
    l
}

fn drive(p: &mut Process, sys: &mut SimpleSys<'_>, input: &str, sig: u32) {
    for round in 0..4u64 {
        sys.now = T0 + Span::secs(round);
        let now = sys.now;
        match p.run(sys, now) {
            RunStatus::Exited(_) => return,
            RunStatus::WaitingInput if round == 0 => p.feed_stdin(input),
            RunStatus::WaitingInput => p.close_stdin(),
            _ if round == 2 => {
                p.signal(Signal(sig), sys);
            }
            _ => {}
        }
    }
    p.signal(Signal::KILL, sys);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn image_programs_never_panic(
        prog in 0..PROGRAMS.len(),
        args in proptest::collection::vec(0..ARGS.len(), 0..6),
        input in "[a-z0-9 ;'()+*/.\\n-]{0,40}",
        tty in any::<bool>(),
        sig in prop_oneof![Just(1u32), Just(2), Just(3), Just(10), Just(15), Just(28)],
        env in proptest::collection::vec(prop_oneof![
            Just(("POSTGRES_PASSWORD", "x")), Just(("MYSQL_ROOT_PASSWORD", "x")), Just(("PGDATA", "/var/lib/postgresql/data")),
            Just(("NODE_VERSION", "22.16.0")), Just(("NGINX_ENTRYPOINT_QUIET_LOGS", "1")), Just(("POSTGRES_DB", "app")),
        ], 0..3),
    ) {
        let base = image();
        let lowers = [&base];
        let mut up = Layer::new();
        let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
        let mut argv = vec![PROGRAMS[prog].0.to_string()];
        argv.extend(args.iter().map(|i| ARGS[*i].to_string()));
        let mut opts = SpawnOpts::default();
        opts.tty = tty;
        opts.stdin_open = tty;
        opts.cwd = "/app".into();
        opts.env.extend(env.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        if let Ok(mut p) = Process::spawn(argv, opts, &mut sys) {
            drive(&mut p, &mut sys, &input, sig);
        }
    }

    #[test]
    fn evaluators_return_on_any_text(text in "\\PC{0,60}") {
        let mut catalog = pg::Catalog::new("postgres");
        let session = sql::Session { user: "postgres", db: "postgres", version: "PostgreSQL 17.5", now: "now" };
        let _ = sql::run(&mut catalog, &session, &text);
        let _ = script_eval::eval(script_eval::Lang::Js, &text, "v24.1.0");
        let _ = script_eval::eval(script_eval::Lang::Py, &text, "");
        let _ = script_eval::statements(&text);
        let _ = redis_cli::split_args(&text);
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed(depth in 60usize..400) {
        let src = format!("print({}1{})", "(".repeat(depth), ")".repeat(depth));
        let _ = script_eval::eval(script_eval::Lang::Py, &src, "");
        let js = format!("console.log({}1)", "-".repeat(depth));
        let _ = script_eval::eval(script_eval::Lang::Js, &js, "");
        let mut catalog = pg::Catalog::new("postgres");
        let session = sql::Session { user: "postgres", db: "postgres", version: "", now: "" };
        let q = format!("select {}1{}", "(".repeat(depth * 20), ")".repeat(depth * 20));
        let _ = sql::run(&mut catalog, &session, &q);
    }
}
