//! Container lifecycle through the engine API.

use doca::engine::api::containers::{CreateRequest, ListOptions};
use doca::engine::api::lifecycle::Changed;
use doca::engine::clock::Span;
use doca::engine::event::ClientId;
use doca::engine::model::config::Config;
use doca::engine::model::container::Status;
use doca::engine::reference::parse_docker_ref;
use doca::engine::World;

fn create(w: &mut World, name: &str, image: &str, cmd: &[&str]) -> String {
    let mut api = w.api(ClientId(0));
    let config = Config {
        image: image.into(),
        cmd: if cmd.is_empty() { None } else { Some(cmd.iter().map(|s| s.to_string()).collect()) },
        ..Config::default()
    };
    api.container_create(CreateRequest { name: Some(name.into()), config, ..Default::default() }).unwrap().id
}

#[test]
fn hello_world_runs_and_exits() {
    let mut w = World::new();
    w.api(ClientId(0)).image_pull(&parse_docker_ref("hello-world").unwrap()).unwrap();
    let id = create(&mut w, "hello", "hello-world", &[]);
    let mut api = w.api(ClientId(0));
    assert_eq!(api.container_start("hello").unwrap(), Changed::Yes);
    let c = api.container_inspect(&id).unwrap();
    assert_eq!(c.state.status(), Status::Exited);
    assert_eq!(c.state.exit_code, 0);
    assert!(c.logs.iter().any(|l| l.text.contains("Hello from Docker!")));
    assert!(api.container_list(&ListOptions::default()).unwrap().is_empty());
    assert_eq!(api.container_list(&ListOptions { all: true, ..Default::default() }).unwrap().len(), 1);
}

#[test]
fn sleep_exits_with_time_and_stop_times_out_on_pid1() {
    let mut w = World::new();
    w.api(ClientId(0)).image_pull(&parse_docker_ref("alpine").unwrap()).unwrap();
    create(&mut w, "nap", "alpine", &["sleep", "5"]);
    w.api(ClientId(0)).container_start("nap").unwrap();
    w.advance(Span::secs(3));
    assert_eq!(w.api(ClientId(0)).container_inspect("nap").unwrap().state.status(), Status::Running);
    w.advance(Span::secs(3));
    let c = w.api(ClientId(0)).container_inspect("nap").unwrap();
    assert_eq!(c.state.status(), Status::Exited);

    create(&mut w, "long", "alpine", &["sleep", "1000"]);
    let mut api = w.api(ClientId(0));
    api.container_start("long").unwrap();
    let before = api.world.now();
    api.container_stop("long", None, None).unwrap();
    let c = api.container_inspect("long").unwrap();
    assert_eq!(c.state.exit_code, 137);
    assert_eq!(api.world.now().since(before).as_secs(), 10);
    assert_eq!(api.container_stop("long", None, None).unwrap(), Changed::NotModified);
    let err = api.container_pause("long").unwrap_err();
    assert!(err.message().ends_with("is not running"));
    let err = api.container_create(CreateRequest { name: Some("long".into()), config: Config { image: "alpine".into(), ..Config::default() }, ..Default::default() }).unwrap_err();
    assert!(err.message().starts_with("Conflict. The container name \"/long\" is already in use"));
}

#[test]
fn command_not_found_leaves_created_with_127() {
    let mut w = World::new();
    w.api(ClientId(0)).image_pull(&parse_docker_ref("alpine").unwrap()).unwrap();
    create(&mut w, "bad", "alpine", &["nope"]);
    let mut api = w.api(ClientId(0));
    let err = api.container_start("bad").unwrap_err();
    assert!(err.message().contains("exec: \"nope\": executable file not found in $PATH"));
    let c = api.container_inspect("bad").unwrap();
    assert_eq!(c.state.status(), Status::Created);
    assert_eq!(c.state.exit_code, 127);
}

#[test]
fn processes_run_against_the_image_filesystem() {
    let mut w = World::new();
    w.api(ClientId(0)).image_pull(&parse_docker_ref("alpine").unwrap()).unwrap();
    create(&mut w, "ls", "alpine", &["sh", "-c", "echo hi > /tmp/x; cat /tmp/x; ls /; cat /etc/alpine-release; exit 3"]);
    let mut api = w.api(ClientId(0));
    api.container_start("ls").unwrap();
    let c = api.container_inspect("ls").unwrap();
    let out: String = c.logs.iter().map(|l| l.text.as_str()).collect();
    assert!(out.starts_with("hi\nbin\ndev\netc\n"), "{out}");
    assert!(out.contains("3.22.0\n"), "{out}");
    assert_eq!(c.state.exit_code, 3);
}
