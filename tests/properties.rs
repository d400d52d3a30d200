//! Property tests over whole sessions: random sequences of docker and shell commands never
//! panic, always return, and leave a world whose invariants hold (unique IDs and names,
//! every container's image present, a running container has a process, IPs unique), and
//! `docker ps -a` agrees with the world's containers.

use doca::Session;
use doca::engine::invariants;
use proptest::prelude::*;

const IMAGES: &[&str] = &["alpine", "busybox", "nginx", "hello-world", "redis", "nosuch", "Alpine", "alpine:3.21", "alpine:9"];
const NAMES: &[&str] = &["web", "db", "a1", "x", "box", "web-2"];

fn command() -> impl Strategy<Value = String> {
    let image = prop::sample::select(IMAGES);
    let name = prop::sample::select(NAMES);
    prop_oneof![
        (name.clone(), image.clone()).prop_map(|(n, i)| format!("docker run -d --name {n} {i}")),
        (image.clone()).prop_map(|i| format!("docker run --rm {i} echo hi")),
        (name.clone(), image.clone()).prop_map(|(n, i)| format!("docker run -d --name {n} --restart always {i} sh -c 'sleep 2; exit 1'")),
        (name.clone(), image.clone()).prop_map(|(n, i)| format!("docker create --name {n} {i} sleep 100")),
        name.clone().prop_map(|n| format!("docker start {n}")),
        name.clone().prop_map(|n| format!("docker stop -t 1 {n}")),
        name.clone().prop_map(|n| format!("docker kill {n}")),
        name.clone().prop_map(|n| format!("docker pause {n}")),
        name.clone().prop_map(|n| format!("docker unpause {n}")),
        name.clone().prop_map(|n| format!("docker rm {n}")),
        name.clone().prop_map(|n| format!("docker rm -f {n}")),
        name.clone().prop_map(|n| format!("docker restart -t 1 {n}")),
        (name.clone(), name.clone()).prop_map(|(a, b)| format!("docker rename {a} {b}")),
        image.clone().prop_map(|i| format!("docker pull {i}")),
        image.clone().prop_map(|i| format!("docker rmi {i}")),
        image.clone().prop_map(|i| format!("docker rmi -f {i}")),
        (image.clone(), name.clone()).prop_map(|(i, n)| format!("docker tag {i} {n}:v1")),
        Just("docker ps -a".to_string()),
        (name.clone(), image.clone()).prop_map(|(n, i)| format!("docker run -d --name {n} -p 8080:80 -v dados:/data {i} sleep 100")),
        (name.clone(), image.clone()).prop_map(|(n, i)| format!("docker run -d --name {n} --network rede -P {i} sleep 100")),
        Just("docker network create rede".to_string()),
        Just("docker network rm rede".to_string()),
        Just("docker network prune -f".to_string()),
        name.clone().prop_map(|n| format!("docker network connect rede {n}")),
        name.clone().prop_map(|n| format!("docker network disconnect rede {n}")),
        Just("docker volume rm dados".to_string()),
        Just("docker volume prune -a -f".to_string()),
        Just("docker images".to_string()),
        Just("docker image prune -f".to_string()),
        Just("docker container prune -f".to_string()),
        Just("sleep 3".to_string()),
        Just("docker rm -f $(docker ps -aq)".to_string()),
        "[ -~]{0,40}".prop_map(|s| s),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, max_shrink_iters: 200, .. ProptestConfig::default() })]

    #[test]
    fn random_sessions_keep_the_world_consistent(lines in prop::collection::vec(command(), 1..25)) {
        let mut s = Session::new();
        for line in &lines {
            let _ = doca::native::run_line(&mut s, line);
            if let Err(e) = invariants::check(s.world()) {
                panic!("after `{line}`: {e}\nsession: {lines:#?}");
            }
        }
        // `docker ps -a -q --no-trunc` lists exactly the world's containers (after Ctrl+C, in
        // case a line left an unbalanced quote waiting for its end).
        s.interrupt();
        let out = s.submit("docker ps -a -q --no-trunc");
        let world = s.world();
        let mut listed: Vec<String> = out.stdout().lines().map(str::to_string).collect();
        let mut real: Vec<String> = world.daemons[0].containers.keys().cloned().collect();
        listed.sort();
        real.sort();
        if out.exit == 0 {
            prop_assert_eq!(listed, real);
        }
    }

    #[test]
    fn any_line_returns(line in "\\PC{0,200}") {
        let mut s = Session::new();
        let _ = s.submit(&line);
        prop_assert!(invariants::check(s.world()).is_ok());
    }
}

/// What a learner does at the terminal: a line, Ctrl+C or Ctrl+D.
#[derive(Clone, Debug)]
enum Input {
    Line(String),
    CtrlC,
    CtrlD,
}

fn terminal_input() -> impl Strategy<Value = Input> {
    let line = prop::sample::select(&[
        "cat > f.txt",
        "cat",
        "read x",
        "echo $x",
        "cat f.txt",
        "docker run -it --name box alpine sh",
        "docker run -i alpine cat",
        "docker exec -it box sh",
        "docker container prune",
        "sleep 5 > out.txt",
        "exit",
        "linha qualquer",
        "echo 'aberta",
    ][..]);
    prop_oneof![
        4 => line.prop_map(|l| Input::Line(l.to_string())),
        1 => Just(Input::CtrlC),
        1 => Just(Input::CtrlD),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    /// Lines, Ctrl+C and Ctrl+D in any order: the terminal always comes back to the host's
    /// prompt and answers there (Ctrl+D leaves a container's shell, Ctrl+C the rest).
    #[test]
    fn ctrl_c_and_ctrl_d_always_give_the_prompt_back(inputs in prop::collection::vec(terminal_input(), 1..20)) {
        let mut s = Session::new();
        let home = s.prompt();
        for i in &inputs {
            match i {
                Input::Line(l) => { let _ = s.submit(l); }
                Input::CtrlC => { let _ = s.interrupt(); }
                Input::CtrlD => { let _ = s.end_of_input(); }
            }
            prop_assert!(invariants::check(s.world()).is_ok(), "after {:?}", i);
        }
        for _ in 0..6 {
            if s.prompt() == home {
                break;
            }
            let _ = s.interrupt();
            let _ = s.end_of_input();
        }
        prop_assert_eq!(s.prompt(), home.clone(), "inputs: {:?}", inputs);
        let out = s.submit("echo still here");
        prop_assert_eq!(out.stdout(), "still here\n", "inputs: {:?}", inputs);
    }
}

#[test]
fn hostile_lines_return() {
    let long = "a".repeat(1 << 20);
    let nested = format!("{}echo x{}", "$(".repeat(300), ")".repeat(300));
    let garbage: String = (0u8..=255).map(|b| b as char).collect();
    for line in [
        long.as_str(),
        &format!("docker run {long}"),
        &format!("echo '{long}"),
        &nested,
        "echo \"unbalanced",
        "echo 'unbalanced",
        "echo $(((((",
        &garbage,
        "docker run --name $(echo $(echo $(echo web))) alpine true",
        ":(){ :|:& };:",
        "while true; do :; done",
        "yes | head -c 5000000 > /dev/null",
        "docker run -d alpine sh -c 'while true; do echo flood; done'",
    ] {
        // Each on a fresh terminal (an unbalanced quote would swallow the next lines, as in bash).
        let mut s = Session::new();
        let _ = doca::native::run_line(&mut s, line);
        assert!(invariants::check(s.world()).is_ok(), "after a hostile line");
        // An unfinished quote or `$(` waits for more, as in bash; Ctrl+C gives the prompt back.
        s.interrupt();
        let after = doca::native::run_line(&mut s, "echo still here");
        assert!(after.stdout().contains("still here"), "the terminal answers after `{}`", &line[..line.len().min(80)]);
    }
}
