//! Container commands whose answers depend on state the scripted sessions don't reach:
//! published ports (ephemeral and conflicting), prune filters, `docker wait` ordering,
//! `rm -f` of a missing container, exec's environment, and stop with a bad signal.

use doca::Session;

fn run(s: &mut Session, line: &str) -> (String, String, i32) {
    let out = s.submit(line);
    assert!(out.attached.is_none(), "{line} holds the terminal");
    (out.stdout(), out.stderr(), out.exit)
}

fn session() -> Session {
    let mut s = Session::new();
    run(&mut s, "docker pull -q alpine");
    s
}

#[test]
fn ports_are_published_and_conflicts_refused() {
    let mut s = session();
    run(&mut s, "docker run -d --name p1 -p 8080:80 -p 53/udp --expose 90 alpine sleep 300");
    let (out, _, _) = run(&mut s, "docker ps --format '{{.Ports}}'");
    assert_eq!(out, "90/tcp, 0.0.0.0:32768->53/udp, [::]:32768->53/udp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n");
    assert_eq!(run(&mut s, "docker port p1 80").0, "0.0.0.0:8080\n[::]:8080\n");
    let (out, err, code) = run(&mut s, "docker run -d --name p2 -p 8080:80 alpine sleep 300");
    assert_eq!(out.len(), 65);
    assert!(err.contains("failed to set up container networking: driver failed programming external connectivity on endpoint p2 ("), "{err}");
    assert!(err.contains("): Bind for 0.0.0.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n"));
    assert_eq!(code, 125);
    assert_eq!(run(&mut s, "docker ps -a --filter name=p2 --format '{{.Status}}'").0, "Created\n");
    run(&mut s, "docker stop -t 0 p1");
    assert_eq!(run(&mut s, "docker port p1").0, "");
    assert_eq!(run(&mut s, "docker start p2").0, "p2\n");
    assert_eq!(run(&mut s, "docker port p2").0, "80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n");
}

#[test]
fn prune_filters() {
    let mut s = session();
    run(&mut s, "docker run --name keep -l keep=yes alpine true");
    run(&mut s, "docker run --name gone alpine true");
    let (out, _, _) = run(&mut s, "docker container prune -f --filter label!=keep=yes");
    assert!(out.starts_with("Deleted Containers:\n") && out.ends_with("\nTotal reclaimed space: 0B\n"), "{out}");
    assert_eq!(run(&mut s, "docker ps -a --format '{{.Names}}'").0, "keep\n");
    assert_eq!(run(&mut s, "docker container prune -f --filter until=1h").0, "Total reclaimed space: 0B\n");
    assert_eq!(
        run(&mut s, "docker container prune -f --filter bogus=1"),
        (String::new(), "Error response from daemon: invalid filter 'bogus'\n".into(), 1)
    );
    assert_eq!(
        run(&mut s, "docker container prune -f --filter until=soon"),
        (String::new(), "Error response from daemon: failed to parse value as time or duration: \"soon\"\n".into(), 1)
    );
}

#[test]
fn several_containers_and_their_errors() {
    let mut s = session();
    run(&mut s, "docker run --name a1 alpine sh -c 'exit 3'");
    run(&mut s, "docker run -d --name a2 alpine sleep 300");
    assert_eq!(
        run(&mut s, "docker wait a1 nope"),
        ("3\n".into(), "Error response from daemon: No such container: nope\n".into(), 1)
    );
    assert_eq!(
        run(&mut s, "docker rm -f nope a1"),
        ("a1\n".into(), "Error response from daemon: No such container: nope\n".into(), 0)
    );
    assert_eq!(
        run(&mut s, "docker stop -s NOPE a2"),
        (String::new(), "Error response from daemon: cannot stop container: a2: invalid signal: NOPE\n".into(), 1)
    );
    assert_eq!(
        run(&mut s, "docker kill -s 0 a2"),
        (String::new(), "Error response from daemon: cannot kill container: a2: invalid signal: 0\n".into(), 1)
    );
    assert_eq!(run(&mut s, "docker rename a2 a3"), (String::new(), String::new(), 0));
    assert_eq!(
        run(&mut s, "docker rename a3 'b c'"),
        (
            String::new(),
            "Error response from daemon: Error when allocating new name: Invalid container name (/b c), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\nError: failed to rename container named a3\n".into(),
            1
        )
    );
}

#[test]
fn exec_sees_the_container_and_the_client_environment() {
    let mut s = session();
    run(&mut s, "docker run -d --name app -e MODE=test alpine sleep 300");
    run(&mut s, "export COLOR=blue");
    assert_eq!(run(&mut s, "docker exec -e COLOR -w /etc app sh -c 'echo $MODE $COLOR; pwd'").0, "test blue\n/etc\n");
    assert_eq!(run(&mut s, "docker exec app sh -c 'echo oops >&2; exit 7'"), (String::new(), "oops\n".into(), 7));
    assert_eq!(run(&mut s, "echo piped | docker exec -i app cat").0, "piped\n");
    assert_eq!(run(&mut s, "echo x | docker exec -it app cat").1, "the input device is not a TTY\n");
    run(&mut s, "docker pause app");
    assert_eq!(
        run(&mut s, "docker exec app true").1,
        "Error response from daemon: Container app is paused, unpause the container before exec\n"
    );
}
