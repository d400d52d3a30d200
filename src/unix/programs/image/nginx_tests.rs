//! nginx and its entrypoint, run the way `docker run nginx` runs them.

use super::testkit::*;
use crate::unix::fs::{Layer, UnionFs};
use crate::unix::process::{RunStatus, Signal, SignalEffect, Stream};
use crate::unix::testing::SimpleSys;

fn nginx_image() -> Layer {
    let mut l = debian("nginx:x:101:101:nginx user:/nonexistent:/bin/false\n");
    l.program("/usr/sbin/nginx", "nginx", T0)
        .dir("/etc/nginx", T0)
        .dir("/etc/nginx/conf.d", T0)
        .file("/etc/nginx/nginx.conf", "user  nginx;\nevents {\n    worker_connections  1024;\n}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n", T0)
        .file("/etc/nginx/conf.d/default.conf", super::nginx_entrypoint::PACKAGED_DEFAULT_CONF, T0)
        .dir("/var/cache", T0)
        .dir("/var/cache/nginx", T0)
        .program("/docker-entrypoint.sh", "entrypoint:nginx", T0)
        .dir("/docker-entrypoint.d", T0);
    for h in ["10-listen-on-ipv6-by-default.sh", "15-local-resolvers.envsh", "20-envsubst-on-templates.sh", "30-tune-worker-processes.sh"] {
        l.program(&format!("/docker-entrypoint.d/{h}"), "entrypoint:nginx", T0);
    }
    l
}

const ENTRYPOINT_OUT: &str = "\
/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf
10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf
/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
/docker-entrypoint.sh: Configuration complete; ready for start up
";

const NOTICES: &str = "\
2026/03/02 12:00:00 [notice] 1#1: using the \"epoll\" event method
2026/03/02 12:00:00 [notice] 1#1: nginx/1.27.5
2026/03/02 12:00:00 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) 
2026/03/02 12:00:00 [notice] 1#1: OS: Linux 6.8.0-51-generic
2026/03/02 12:00:00 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576
2026/03/02 12:00:00 [notice] 1#1: start worker processes
2026/03/02 12:00:00 [notice] 1#1: start worker process 29
2026/03/02 12:00:00 [notice] 1#1: start worker process 30
";

const CMD: &[&str] = &["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"];
const ENV: &[(&str, &str)] = &[("NGINX_VERSION", "1.27.5")];

#[test]
fn docker_run_nginx_starts_and_blocks() {
    let image = nginx_image();
    let lowers = [&image];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let mut p = spawn(&mut sys, CMD, ENV, false);
    assert_eq!(p.run(&mut sys, T0), RunStatus::Blocked);
    assert_eq!(sys.stdout(), ENTRYPOINT_OUT);
    assert_eq!(sys.stderr(), NOTICES);
    let conf = String::from_utf8(crate::unix::fs::Fs::read(&sys.fs, "/etc/nginx/conf.d/default.conf", crate::unix::fs::Cred::ROOT).unwrap().bytes()).unwrap();
    assert!(conf.starts_with("server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n"));
    drop(sys);
    let mut changed: Vec<String> = crate::unix::fs::diff(&lowers, &up).iter().map(|c| c.to_string()).collect();
    changed.sort();
    assert_eq!(
        changed,
        [
            "A /run/nginx.pid",
            "A /var/cache/nginx/client_temp",
            "A /var/cache/nginx/fastcgi_temp",
            "A /var/cache/nginx/proxy_temp",
            "A /var/cache/nginx/scgi_temp",
            "A /var/cache/nginx/uwsgi_temp",
            "C /etc",
            "C /etc/nginx",
            "C /etc/nginx/conf.d",
            "C /etc/nginx/conf.d/default.conf",
            "C /run",
            "C /var",
            "C /var/cache",
            "C /var/cache/nginx",
        ]
    );
}

#[test]
fn sigquit_is_a_graceful_stop_and_sigterm_a_fast_one() {
    let image = nginx_image();
    let lowers = [&image];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let mut p = spawn(&mut sys, CMD, ENV, false);
    p.run(&mut sys, T0);
    let mark = sys.output.len();
    sys.now = T0 + crate::engine::clock::Span::secs(5);
    let now = sys.now;
    p.run(&mut sys, now);
    assert_eq!(p.signal(Signal::QUIT, &mut sys), SignalEffect::Exited(0));
    let t = "2026/03/02 12:00:05 [notice]";
    assert_eq!(
        text_since(&sys, Stream::Stderr, mark),
        format!(
            "{t} 1#1: signal 3 (SIGQUIT) received, shutting down\n{t} 29#29: gracefully shutting down\n{t} 30#30: gracefully shutting down\n\
             {t} 29#29: exiting\n{t} 30#30: exiting\n{t} 29#29: exit\n{t} 30#30: exit\n\
             {t} 1#1: signal 17 (SIGCHLD) received from 29\n{t} 1#1: worker process 29 exited with code 0\n\
             {t} 1#1: signal 29 (SIGIO) received\n{t} 1#1: signal 17 (SIGCHLD) received from 30\n\
             {t} 1#1: worker process 30 exited with code 0\n{t} 1#1: exit\n"
        )
    );
    assert!(crate::unix::fs::Fs::stat(&sys.fs, "/run/nginx.pid").is_err());

    // A restart finds IPv6 already enabled, then SIGTERM stops it fast.
    let mut p = spawn(&mut sys, CMD, ENV, false);
    let mark = sys.output.len();
    let now = sys.now;
    p.run(&mut sys, now);
    assert!(text_since(&sys, Stream::Stdout, mark).contains("10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled\n"));
    let mark = sys.output.len();
    assert_eq!(p.signal(Signal::TERM, &mut sys), SignalEffect::Exited(0));
    let err = text_since(&sys, Stream::Stderr, mark);
    assert!(err.starts_with(&format!("{t} 1#1: signal 15 (SIGTERM) received, exiting\n{t} 29#29: exiting\n")), "{err}");
    assert!(!err.contains("gracefully"));
}

/// Runs a one-shot command through the entrypoint; (stdout, stderr, status).
fn one_shot(args: &[&str]) -> (String, String, RunStatus) {
    let image = nginx_image();
    let lowers = [&image];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let mut p = spawn(&mut sys, args, ENV, false);
    let st = p.run(&mut sys, T0);
    (sys.stdout(), sys.stderr(), st)
}

#[test]
fn nginx_flags_and_pass_through_commands() {
    let (out, err, st) = one_shot(&["/docker-entrypoint.sh", "nginx", "-v"]);
    assert_eq!((out.as_str(), err.as_str(), st), (ENTRYPOINT_OUT, "nginx version: nginx/1.27.5\n", RunStatus::Exited(0)));
    let (_, err, st) = one_shot(&["/docker-entrypoint.sh", "nginx", "-t"]);
    assert_eq!(
        (err.as_str(), st),
        (
            "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n",
            RunStatus::Exited(0)
        )
    );
    let (out, err, st) = one_shot(&["/docker-entrypoint.sh", "cat", "/etc/os-release"]);
    assert!(out.starts_with("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\""), "{out}");
    assert_eq!((err.as_str(), st), ("", RunStatus::Exited(0)));
    let (out, err, st) = one_shot(&["/docker-entrypoint.sh", "foo"]);
    assert_eq!((out.as_str(), err.as_str(), st), ("", "/docker-entrypoint.sh: 47: exec: foo: not found\n", RunStatus::Exited(127)));
    let (_, err, st) = one_shot(&["nginx", "-x"]);
    assert_eq!((err.as_str(), st), ("nginx: invalid option: \"x\"\n", RunStatus::Exited(1)));
    let (_, err, st) = one_shot(&["nginx", "-V"]);
    assert!(err.starts_with("nginx version: nginx/1.27.5\nbuilt by gcc 12.2.0 (Debian 12.2.0-14) \n"));
    assert!(err.contains("\nconfigure arguments: --prefix=/etc/nginx "));
    assert_eq!(st, RunStatus::Exited(0));
    // Without `daemon off;` the master daemonizes: the container's process exits at once.
    let (_, err, st) = one_shot(&["nginx"]);
    assert_eq!(err.lines().count(), 5);
    assert_eq!(st, RunStatus::Exited(0));
}

#[test]
fn broken_configuration_is_an_emerg() {
    let mut image = nginx_image();
    image.file("/etc/nginx/conf.d/app.conf", "server {\n    listen 8080;\n", T0);
    let lowers = [&image];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let mut p = spawn(&mut sys, CMD, ENV, false);
    assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(1));
    assert_eq!(sys.stderr(), "nginx: [emerg] unexpected end of file, expecting \"}\" in /etc/nginx/conf.d/app.conf:2\n");
}

#[test]
fn templates_are_rendered_with_envsubst() {
    let mut image = nginx_image();
    image.dir("/etc/nginx/templates", T0).file("/etc/nginx/templates/site.conf.template", "server { listen ${PORT}; }\n", T0);
    let lowers = [&image];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let mut p = spawn(&mut sys, CMD, &[("PORT", "8080")], false);
    p.run(&mut sys, T0);
    assert!(sys.stdout().contains(
        "20-envsubst-on-templates.sh: Running envsubst on /etc/nginx/templates/site.conf.template to /etc/nginx/conf.d/site.conf\n"
    ));
    let site = crate::unix::fs::Fs::read(&sys.fs, "/etc/nginx/conf.d/site.conf", crate::unix::fs::Cred::ROOT).unwrap().bytes();
    assert_eq!(String::from_utf8(site).unwrap(), "server { listen 8080; }\n");
}

#[test]
fn interactive_shell_through_the_entrypoint() {
    let image = nginx_image();
    let lowers = [&image];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let mut p = spawn(&mut sys, &["/docker-entrypoint.sh", "bash"], ENV, true);
    assert_eq!(p.run(&mut sys, T0), RunStatus::WaitingInput);
    assert_eq!(p.prompt("0123456789ab").as_deref(), Some("root@0123456789ab:/# "));
    assert_eq!(p.command_line(), "bash");
    p.feed_stdin("echo hi\n");
    assert_eq!(p.run(&mut sys, T0), RunStatus::WaitingInput);
    assert_eq!(sys.stdout(), "hi\n");
    p.feed_stdin("exit 3\n");
    assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(3));
}

#[test]
fn access_log_line_uses_the_main_format() {
    assert_eq!(
        super::nginx::access_log_line("172.17.0.1", T0, "GET / HTTP/1.1", 200, 615, "", "curl/8.5.0"),
        "172.17.0.1 - - [02/Mar/2026:12:00:00 +0000] \"GET / HTTP/1.1\" 200 615 \"-\" \"curl/8.5.0\" \"-\"\n"
    );
}
