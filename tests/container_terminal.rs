//! Container commands that keep the terminal: an interactive `docker exec -it … sh`
//! (its prompt, lines run in the container, `exit`), `docker wait` on a running
//! container, `docker logs -f`, `docker attach`, and `docker container prune`'s `[y/N]`.

use doca::Session;
use doca::engine::clock::Span;

fn session_with(lines: &[&str]) -> Session {
    let mut s = Session::new();
    for l in lines {
        let out = s.submit(l);
        assert!(out.attached.is_none(), "{l} holds the terminal");
    }
    s
}

#[test]
fn exec_it_sh_gives_the_container_shell() {
    let mut s = session_with(&["docker pull -q alpine", "docker run -d --name web alpine sleep 300"]);
    let host_prompt = s.prompt();
    let out = s.submit("docker exec -it web sh");
    let att = out.attached.expect("the shell holds the terminal");
    assert!(att.stdin);
    assert_eq!(s.prompt(), "/ # ");
    let out = s.submit("cd /etc && pwd");
    assert_eq!(out.stdout(), "/etc\r\n");
    assert_eq!(s.prompt(), "/etc # ");
    let out = s.submit("exit 4");
    assert!(out.attached.is_none());
    assert_eq!(s.prompt(), host_prompt);
    assert_eq!(s.submit("echo $?").stdout(), "4\n");
}

#[test]
fn wait_holds_the_terminal_until_the_container_stops() {
    let mut s = session_with(&["docker pull -q alpine", "docker run -d --name slow alpine sh -c 'sleep 60; exit 3'"]);
    let out = s.submit("docker wait slow");
    assert!(out.attached.is_some());
    assert_eq!(out.stdout(), "");
    let mut printed = String::new();
    for _ in 0..60 {
        let t = s.tick(Span::secs(1));
        printed.push_str(&t.stdout());
        if t.attached.is_none() && !printed.is_empty() {
            break;
        }
    }
    assert_eq!(printed, "3\n");
    assert_eq!(s.submit("echo $?").stdout(), "0\n");
}

#[test]
fn logs_follow_prints_new_lines_as_they_come() {
    let mut s = session_with(&[
        "docker pull -q alpine",
        "docker run -d --name tick alpine sh -c 'echo one; sleep 5; echo two; sleep 300'",
    ]);
    let out = s.submit("docker logs -f tick");
    assert_eq!(out.stdout(), "one\n");
    assert!(out.attached.is_some());
    let t = s.tick(Span::secs(6));
    assert_eq!(t.stdout(), "two\n");
    let out = s.interrupt();
    assert!(out.attached.is_none());
}

#[test]
fn prune_asks_and_runs_only_on_yes() {
    let mut s = session_with(&["docker pull -q alpine", "docker run --name gone alpine true"]);
    let out = s.submit("docker container prune");
    assert_eq!(out.stdout(), "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ");
    assert!(out.attached.is_some());
    let out = s.submit("n");
    assert_eq!(out.stdout(), "");
    assert!(out.attached.is_none());
    assert_eq!(s.submit("docker ps -aq | wc -l").stdout(), "1\n");
    s.submit("docker container prune");
    let out = s.submit("y");
    assert!(out.stdout().starts_with("Deleted Containers:\n"), "{}", out.stdout());
    assert!(out.stdout().ends_with("\nTotal reclaimed space: 0B\n"));
    assert_eq!(s.submit("docker ps -aq | wc -l").stdout(), "0\n");
    let out = s.submit("echo y | docker container prune");
    assert_eq!(
        out.stdout(),
        "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] Total reclaimed space: 0B\n"
    );
}

#[test]
fn attach_follows_the_main_process() {
    let mut s = session_with(&["docker pull -q alpine", "docker run -d --name talk alpine sh -c 'sleep 2; echo hi; sleep 300'"]);
    let out = s.submit("docker attach talk");
    assert!(out.attached.is_some());
    let t = s.tick(Span::secs(3));
    assert_eq!(t.stdout(), "hi\n");
    // Ctrl+C is proxied to PID 1, which ignores it; the second one lets go of the terminal.
    assert!(s.interrupt().attached.is_some());
    assert!(s.interrupt().attached.is_none());
    assert_eq!(s.submit("docker stop -t 0 talk").stdout(), "talk\n");
    let out = s.submit("docker attach talk");
    assert_eq!(out.stderr(), "You cannot attach to a stopped container, start it first\n");
    assert_eq!(out.exit, 1);
}

#[test]
fn cat_reads_the_terminal_until_ctrl_d() {
    let mut s = Session::new();
    let host_prompt = s.prompt();
    let out = s.submit("cat > app.py");
    assert!(out.attached.as_ref().is_some_and(|a| a.stdin), "cat reads the terminal");
    assert_eq!(s.prompt(), "");
    assert!(s.submit("print('oi')").attached.is_some());
    assert!(s.submit("print('tchau')").attached.is_some());
    let out = s.end_of_input();
    assert!(out.attached.is_none(), "Ctrl+D ends cat's input");
    assert_eq!(s.prompt(), host_prompt);
    assert_eq!(s.submit("cat app.py").stdout(), "print('oi')\nprint('tchau')\n");
    // the lines typed into cat are not commands of the history
    assert!(!s.history().iter().any(|l| l.starts_with("print")), "{:?}", s.history());
    // at the prompt Ctrl+D does nothing (bash would close the terminal)
    assert!(s.end_of_input().output.is_empty());
    assert_eq!(s.prompt(), host_prompt);
}

#[test]
fn ctrl_c_stops_a_command_reading_the_terminal() {
    let mut s = Session::new();
    s.submit("cat > notas.txt");
    s.submit("primeira");
    let out = s.interrupt();
    assert!(out.attached.is_none());
    assert_eq!(s.submit("echo $?").stdout(), "130\n");
    assert_eq!(s.submit("cat notas.txt").stdout(), "primeira\n");
}

#[test]
fn ctrl_d_leaves_a_container_shell_and_the_container_stops() {
    let mut s = session_with(&["docker pull -q alpine"]);
    let out = s.submit("docker run -it --name box alpine sh");
    assert!(out.attached.is_some_and(|a| a.stdin));
    s.submit("cat > /f");
    s.submit("dentro");
    let out = s.end_of_input();
    assert!(out.attached.is_some(), "Ctrl+D ends cat, the container's shell goes on");
    assert_eq!(s.submit("cat /f").stdout(), "dentro\r\n");
    let out = s.end_of_input();
    assert!(out.attached.is_none(), "Ctrl+D at the shell's prompt ends the shell");
    let ps = s.submit("docker ps -a --format '{{.Names}} {{.Status}}'");
    assert!(ps.stdout().starts_with("box Exited (0)"), "{}", ps.stdout());
}
