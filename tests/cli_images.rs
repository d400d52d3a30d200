//! The image and system commands end to end through the client: what each prints, on
//! which stream, with which status, as docker 28.2.2 does, including the daemon being
//! down, the `[y/N]` prompts and forced removals under a stopped container.

use doca::Session;
use doca::cli::{ClientCtx, Env, HostFiles, Output, run};
use doca::engine::World;
use doca::engine::event::{ClientId, DaemonId};

/// Files for the client, with what was piped into it.
struct Piped(Option<String>);

impl HostFiles for Piped {
    fn read(&self, _path: &str) -> Result<String, String> {
        Err("no such file or directory".into())
    }
    fn stdin(&self) -> Option<String> {
        self.0.clone()
    }
}

fn docker_with(w: &mut World, line: &str, stdin: Option<&str>) -> Output {
    let env = Env::default();
    let files = Piped(stdin.map(str::to_string));
    let mut ctx = ClientCtx { world: w, env: &env, client: ClientId(0), files: &files };
    let args: Vec<String> = shell_words(line);
    run(&args, &mut ctx)
}

fn docker(w: &mut World, line: &str) -> Output {
    docker_with(w, line, None)
}

/// Splits on spaces, keeping single-quoted parts together.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(cur);
    }
    words
}

fn ok(out: &Output) -> String {
    assert_eq!((out.exit, out.stderr()), (0, String::new()), "stdout: {}", out.stdout());
    out.stdout()
}

#[test]
fn daemon_down() {
    let mut w = World::new();
    w.daemon_mut(DaemonId(0)).running = false;
    let down = "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n";
    let out = docker(&mut w, "version");
    assert!(out.stdout().starts_with("Client:\n Version:           28.2.2\n API version:       1.50\n"));
    assert!(out.stdout().ends_with(" Context:           default\n"));
    assert_eq!((out.stderr().as_str(), out.exit), (down, 1));
    let out = docker(&mut w, "version --format '{{.Server}}'");
    assert_eq!((out.stdout().as_str(), out.stderr().as_str(), out.exit), ("<nil>\n", down, 1));
    let out = docker(&mut w, "info");
    assert_eq!(out.stdout(), "Client:\n Version:    28.2.2\n Context:    default\n Debug Mode: false\n\nServer:\n");
    assert_eq!((out.stderr().as_str(), out.exit), (down, 1));
    let out = docker(&mut w, "info --format '{{.Containers}}'");
    assert_eq!((out.stdout().as_str(), out.stderr().as_str(), out.exit), ("0\n", down, 1));
    // A template that reads only the client's fields never calls the daemon.
    let out = docker(&mut w, "info --format '{{.ClientInfo.Context}}'");
    assert_eq!((out.stdout().as_str(), out.exit), ("default\n", 0));
    let out = docker(&mut w, "images");
    assert_eq!((out.stdout().as_str(), out.stderr().as_str(), out.exit), ("", down, 1));
}

#[test]
fn prune_asks_first() {
    let mut w = World::new();
    ok(&docker(&mut w, "pull -q busybox"));
    // Piped answers: anything but y cancels quietly.
    let out = docker_with(&mut w, "image prune -a", Some("n\n"));
    assert_eq!(
        (out.stdout().as_str(), out.exit),
        ("WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] ", 0)
    );
    assert!(ok(&docker(&mut w, "images -q")).len() == 13);
    let out = docker_with(&mut w, "image prune -a", Some("y\n"));
    let text = ok(&out);
    assert!(text.contains("[y/N] Deleted Images:\nuntagged: busybox:latest\nuntagged: busybox@sha256:"), "{text}");
    assert!(text.ends_with("\n\nTotal reclaimed space: 4.262MB\n"), "{text}");
    assert_eq!(ok(&docker(&mut w, "images -q")), "");
}

#[test]
fn prune_prompt_in_the_terminal() {
    let mut s = Session::new();
    s.submit("docker pull -q alpine");
    let out = s.submit("docker system prune");
    assert_eq!(
        out.stdout(),
        "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] "
    );
    assert!(out.attached.as_ref().is_some_and(|a| a.stdin));
    let out = s.submit("y");
    assert_eq!((out.stdout().as_str(), out.exit), ("Total reclaimed space: 0B\n", 0));
    assert!(out.attached.is_none());
    let out = s.submit("docker image prune -a");
    assert!(out.attached.is_some());
    let out = s.submit("");
    assert_eq!((out.stdout().as_str(), out.exit), ("", 0));
    assert_eq!(s.submit("docker images -q").stdout().len(), 13);
    s.submit("docker image prune");
    let out = s.interrupt();
    assert_eq!((out.stdout().as_str(), out.exit), ("\n", 0));
}

#[test]
fn forced_removal_keeps_a_stopped_containers_layers() {
    let mut w = World::new();
    ok(&docker(&mut w, "pull -q alpine"));
    docker(&mut w, "create --name keep alpine true");
    let out = docker(&mut w, "rmi alpine");
    assert!(out.stderr().starts_with("Error response from daemon: conflict: unable to remove repository reference \"alpine\" (must force) - container "));
    let text = ok(&docker(&mut w, "rmi -f alpine"));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0] == "Untagged: alpine:latest" && lines[2].starts_with("Deleted: sha256:"));
    assert_eq!(ok(&docker(&mut w, "images -a -q")), "");
    // The container still starts on its image's layers.
    ok(&docker(&mut w, "start keep"));
    let d = w.daemon(DaemonId(0));
    assert_eq!((d.retained.len(), d.layers.len()), (1, 1));
    doca::engine::invariants::check(&w).unwrap();
    let mut api = w.api(ClientId(0));
    api.container_remove("keep", true, false).unwrap();
    let d = w.daemon(DaemonId(0));
    assert_eq!((d.retained.len(), d.layers.len()), (0, 0));
}

#[test]
fn rmi_force_reports_missing_images_but_succeeds() {
    let mut w = World::new();
    ok(&docker(&mut w, "pull -q busybox"));
    let out = docker(&mut w, "rmi -f nope busybox");
    assert!(out.stdout().starts_with("Untagged: busybox:latest\n"));
    assert_eq!((out.stderr().as_str(), out.exit), ("Error response from daemon: No such image: nope:latest\n", 0));
    let out = docker(&mut w, "rmi nope");
    assert_eq!((out.stderr().as_str(), out.exit), ("Error response from daemon: No such image: nope:latest\n", 1));
}

#[test]
fn inspect_templates_see_go_types() {
    let mut w = World::new();
    ok(&docker(&mut w, "pull -q alpine"));
    docker(&mut w, "create --name box -p 8080:80 alpine sleep 9");
    assert_eq!(ok(&docker(&mut w, "inspect -f '{{.Config.Entrypoint}}|{{json .Config.Entrypoint}}' box")), "[]|null\n");
    assert_eq!(ok(&docker(&mut w, "inspect -f '{{.HostConfig.PortBindings}}' box")), "map[80/tcp:[{ 8080}]]\n");
    assert_eq!(ok(&docker(&mut w, "inspect -f '{{.State.Health}} {{.SizeRw}}' box")), "<nil> <nil>\n");
    assert_eq!(ok(&docker(&mut w, "image inspect -f '{{.Config.WorkingDir}}|{{.Config.Labels}}' alpine")), "|map[]\n");
    let out = docker(&mut w, "inspect -f '{{.HostConfig.CpuShares}} {{.HostConfig.CPUShares}}' box");
    assert_eq!(
        (out.stdout().as_str(), out.stderr().as_str(), out.exit),
        ("\n", "template parsing error: template: :1:39: executing \"\" at <.HostConfig.CPUShares>: map has no entry for key \"CPUShares\"\n", 1)
    );
    let out = docker(&mut w, "inspect -f '{{.Name}}' box nope alpine");
    assert_eq!(out.stdout(), "/box\n");
    assert_eq!(
        out.stderr(),
        "Error: No such object: nope\ntemplate parsing error: template: :1:2: executing \"\" at <.Name>: map has no entry for key \"Name\"\n"
    );
}

#[test]
fn disk_usage() {
    let mut w = World::new();
    ok(&docker(&mut w, "pull -q alpine"));
    ok(&docker(&mut w, "pull -q busybox"));
    docker(&mut w, "run -d --name live alpine sleep 300");
    let text = ok(&docker(&mut w, "system df --format '{{.Type}} {{.TotalCount}} {{.Active}} {{.Reclaimable}}'"));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Images 2 1 4.262MB (33%)");
    assert_eq!(&lines[1..], ["Containers 1 1 0B", "Local Volumes 0 0 0B", "Build Cache 0 0 0B"]);
    let text = ok(&docker(&mut w, "system df -v"));
    assert!(text.starts_with("Images space usage:\n\nREPOSITORY   TAG       IMAGE ID       CREATED         SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS\n"));
    assert!(text.contains("\nContainers space usage:\n\nCONTAINER ID   IMAGE     COMMAND       LOCAL VOLUMES   SIZE      CREATED                  STATUS                  NAMES\n"));
    assert!(text.ends_with("\nBuild cache usage: 0B\n\nCACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED\n"));
}

#[test]
fn history_names_the_local_parents() {
    let mut w = World::new();
    ok(&docker(&mut w, "pull -q alpine"));
    let out = docker(&mut w, "run --name cc alpine touch /x");
    assert_eq!(out.exit, 0, "{:?}", out);
    let opts = doca::engine::api::commit::CommitOptions {
        reference: Some(doca::engine::reference::parse_docker_ref("app:v1").unwrap()),
        comment: String::new(),
        author: String::new(),
        changes: Vec::new(),
        pause: true,
    };
    w.api(ClientId(0)).container_commit("cc", &opts).unwrap();
    let ids = ok(&docker(&mut w, "history -q app:v1"));
    let alpine = ok(&docker(&mut w, "images -q alpine"));
    let lines: Vec<&str> = ids.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0], ok(&docker(&mut w, "images -q app")).trim());
    assert_eq!(lines[1], alpine.trim());
    assert_eq!(lines[2], "<missing>");
}

#[test]
fn errors_come_with_a_pt_br_note() {
    let mut s = Session::new();
    let out = s.submit("docker rmi nope");
    assert_eq!(out.stderr(), "Error response from daemon: No such image: nope:latest\n");
    assert_eq!(out.notes, vec!["Essa imagem não está no host. Veja as imagens locais com `docker images`.".to_string()]);
    assert!(s.submit("docker images").notes.is_empty());
}
