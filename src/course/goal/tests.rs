//! Goal checks on worlds built through the engine API, the way the daemon really holds them.

use super::{Verdict, evaluate, parse_goal};
use crate::engine::World;
use crate::engine::api::containers::CreateRequest;
use crate::engine::event::ClientId;
use crate::engine::model::config::{Config, HostConfig, PortBinding};
use crate::engine::reference::{parse_docker_ref, parse_normalized};

fn check(w: &World, goal: &str) -> Verdict {
    evaluate(&parse_goal(goal, 1).unwrap_or_else(|e| panic!("{e}")), w)
}

fn pull(w: &mut World, r: &str) {
    w.api(ClientId(0)).image_pull(&parse_docker_ref(r).unwrap()).unwrap();
}

fn run(w: &mut World, name: &str, image: &str, cmd: &[&str], hc: HostConfig) -> String {
    let config = Config {
        image: image.into(),
        cmd: (!cmd.is_empty()).then(|| cmd.iter().map(|s| s.to_string()).collect()),
        ..Config::default()
    };
    let mut api = w.api(ClientId(0));
    let id = api.container_create(CreateRequest { name: Some(name.into()), config, host_config: hc }).unwrap().id;
    api.container_start(&id).unwrap();
    id
}

fn ports(pairs: &[(&str, &str)]) -> HostConfig {
    let mut hc = HostConfig::default();
    for (container, host) in pairs {
        hc.port_bindings
            .entry(container.to_string())
            .or_default()
            .push(PortBinding { host_ip: String::new(), host_port: host.to_string() });
    }
    hc
}

use Verdict::{Met, NotMet};

#[test]
fn hello_world_ran_and_exited() {
    let mut w = World::new();
    let goal = "container image=hello-world state=exited exit=0";
    assert_eq!(check(&w, goal), NotMet);
    pull(&mut w, "hello-world");
    assert_eq!(check(&w, goal), NotMet, "pulling is not running");
    run(&mut w, "ola", "hello-world", &[], HostConfig::default());
    assert_eq!(check(&w, goal), Met);
    assert_eq!(check(&w, "container name=ola logs~=\"Hello from Docker!\""), Met);
    assert_eq!(check(&w, "container name=ola exit=1"), NotMet);
    assert_eq!(check(&w, "no container name=ola"), NotMet);
    assert_eq!(check(&w, "no container name=outro"), Met);
}

#[test]
fn published_ports_need_the_right_direction() {
    let mut w = World::new();
    pull(&mut w, "nginx");
    let goal = "container image=nginx state=running publishes=8080:80";
    run(&mut w, "sem-porta", "nginx", &[], HostConfig::default());
    assert_eq!(check(&w, goal), NotMet, "forgetting -p");
    run(&mut w, "invertida", "nginx", &[], ports(&[("8080/tcp", "80")]));
    assert_eq!(check(&w, goal), NotMet, "-p 80:8080");
    run(&mut w, "web", "nginx", &[], ports(&[("80/tcp", "8080")]));
    assert_eq!(check(&w, goal), Met);
    assert_eq!(check(&w, "container name=web publishes=8080"), Met);
    assert_eq!(check(&w, "container name=web publishes=:80"), Met);
    assert_eq!(check(&w, "container name=web publishes=8080/udp"), NotMet);
    assert_eq!(check(&w, "container image=nginx state=running count=3"), Met);
    assert_eq!(check(&w, "container image=nginx count>3"), NotMet);
}

#[test]
fn publish_all_covers_exposed_ports_only() {
    let mut w = World::new();
    pull(&mut w, "nginx");
    let hc = HostConfig { publish_all_ports: true, ..HostConfig::default() };
    run(&mut w, "todas", "nginx", &[], hc);
    assert_eq!(check(&w, "container name=todas publishes=:80"), Met);
    assert_eq!(check(&w, "container name=todas publishes=:443"), NotMet);
    assert_eq!(check(&w, "container name=todas publishes=8080"), NotMet);
}

#[test]
fn image_names_match_by_reference_or_by_id() {
    let mut w = World::new();
    pull(&mut w, "alpine");
    run(&mut w, "app", "alpine:latest", &["sleep", "100"], HostConfig::default());
    assert_eq!(check(&w, "container name=app image=alpine"), Met);
    assert_eq!(check(&w, "container name=app image=alpine:3.22"), NotMet, "3.22 not pulled under that name");
    pull(&mut w, "alpine:3.22");
    assert_eq!(check(&w, "container name=app image=alpine:3.22"), Met, "same image ID");
    assert_eq!(check(&w, "container name=app image!=busybox state=running cmd=\"sleep 100\""), Met);
}

#[test]
fn tags_layers_and_shared_bases() {
    let mut w = World::new();
    pull(&mut w, "nginx");
    assert_eq!(check(&w, "image ref=meu-nginx:1.0 same-as=nginx"), NotMet);
    let target = parse_normalized("meu-nginx:1.0").unwrap();
    w.api(ClientId(0)).image_tag("nginx", &target).unwrap();
    assert_eq!(check(&w, "image ref=meu-nginx:1.0 same-as=nginx"), Met);
    assert_eq!(check(&w, "image ref=meu-nginx same-as=nginx"), NotMet, "latest is another tag");
    assert_eq!(check(&w, "image ref=nginx layers>=3 history~=nginx exposes=80 cmd~=daemon"), Met);
    assert_eq!(check(&w, "compare image=redis with=nginx shared-layers>=1"), NotMet, "redis absent");
    pull(&mut w, "redis");
    assert_eq!(check(&w, "compare image=redis with=nginx shared-layers>=1"), Met);
    pull(&mut w, "alpine");
    assert_eq!(check(&w, "compare image=alpine with=nginx shared-layers>=1"), NotMet);
    assert_eq!(check(&w, "compare image=alpine with=alpine new-layers=0"), Met);
    pull(&mut w, "debian:bookworm-slim");
    assert_eq!(check(&w, "image ref=nginx built-from=debian:bookworm-slim"), Met);
    assert_eq!(check(&w, "image ref=nginx built-from=alpine"), NotMet);
    assert_eq!(check(&w, "image ref=debian:bookworm-slim built-from=debian:bookworm-slim"), NotMet);
}

#[test]
fn mounts_from_binds_and_image_volumes() {
    let mut w = World::new();
    pull(&mut w, "postgres");
    let hc = HostConfig {
        binds: vec!["dados:/data".into(), "/home/aluno/site:/site:ro".into()],
        ..HostConfig::default()
    };
    let config = Config {
        image: "postgres".into(),
        env: vec!["POSTGRES_PASSWORD=senha".into()],
        ..Config::default()
    };
    w.api(ClientId(0))
        .container_create(CreateRequest { name: Some("db".into()), config, host_config: hc })
        .unwrap();
    assert_eq!(check(&w, "container name=db volume=dados:/data"), Met);
    assert_eq!(check(&w, "container name=db volume=dados:/outro"), NotMet);
    assert_eq!(check(&w, "container name=db bind=/home/aluno/site:/site:ro"), Met);
    assert_eq!(check(&w, "container name=db bind=dados:/data"), NotMet, "a volume is not a bind mount");
    assert_eq!(check(&w, "container name=db volume=:/var/lib/postgresql/data mount=/site"), Met);
    assert_eq!(check(&w, "container name=db env=POSTGRES_PASSWORD=senha state=created"), Met);
}

#[test]
fn swarm_stays_unsupported_files_and_volumes_are_checked() {
    let mut w = World::new();
    assert_eq!(check(&w, "service name=web running-tasks=5 nodes=3"), Verdict::Unsupported("swarm services".into()));
    // A failing check decides the goal even beside an unsupported one.
    assert_eq!(check(&w, "service name=web\ncontainer name=nada"), NotMet);
    assert_eq!(check(&w, "volume name=dados"), NotMet);
    assert_eq!(check(&w, "file container=web path=/tmp/x"), NotMet);
    assert_eq!(check(&w, "container name=web changed=/tmp/x"), NotMet);
    pull(&mut w, "alpine");
    run(&mut w, "web", "alpine", &["sleep", "100"], HostConfig::default());
    assert_eq!(check(&w, "container name=web changed=/tmp/x"), NotMet);
    assert_eq!(check(&w, "file container=web path=/etc/alpine-release"), Met, "a file of the image");
    assert_eq!(check(&w, "file container=web path=/etc/hostname"), Met, "a file the daemon mounts");
    assert_eq!(check(&w, "file container=web path=/tmp/x"), NotMet);
    assert_eq!(check(&w, "file image=alpine path=/etc/alpine-release"), Met);
}

#[test]
fn hosts_networks_registries_and_daemons() {
    let mut w = World::new();
    assert_eq!(check(&w, "daemon running=true"), Met);
    assert_eq!(check(&w, "container host=worker1"), NotMet);
    assert_eq!(check(&w, "no container host=worker1"), Met);
    let h = w.add_linux_host("worker1", "192.168.65.4");
    w.add_daemon(h);
    assert_eq!(check(&w, "daemon host=worker1 running=true"), Met);
    assert_eq!(check(&w, "network name=bridge driver=bridge"), Met);
    assert_eq!(check(&w, "network count=3"), Met);
    pull(&mut w, "alpine");
    run(&mut w, "app", "alpine", &["sleep", "100"], HostConfig::default());
    assert_eq!(check(&w, "network name=bridge has=app\ncontainer name=app network=bridge"), Met);
    assert_eq!(check(&w, "network name=host has=app"), NotMet);
    assert_eq!(check(&w, "registry domain=docker.io online=true"), Met);
    assert_eq!(check(&w, "registry domain=localhost:5000"), NotMet);
    assert_eq!(check(&w, "repository name=nginx tag=latest"), Met);
    assert_eq!(check(&w, "repository name=alpine tag=latest same-as=alpine"), Met);
    assert_eq!(check(&w, "repository name=alpine tag=3.21 same-as=alpine"), NotMet);
    assert_eq!(check(&w, "repository name=localhost:5000/meu-alpine"), NotMet);
}

#[test]
fn files_written_by_a_container_are_seen() {
    let mut s = crate::shell::Session::new();
    s.submit("docker run --name temp alpine sh -c \"echo segredo > /dados.txt\"");
    let w = s.world();
    let d = w.daemon(crate::engine::event::DaemonId(0));
    let c = d.containers.values().next().unwrap();
    eprintln!("rw paths: {:?}", c.rw.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>());
    assert_eq!(check(w, "file container=temp path=/dados.txt contains=segredo"), Met);
}
