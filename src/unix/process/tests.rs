//! Interpreter tests over the busybox- and Debian-shaped root file systems: output,
//! exit statuses, suspension on `sleep`, pipes, substitutions, signals, interactive input.

use super::*;
use crate::engine::clock::{Span, Time};
use crate::unix::fs::{Layer, UnionFs};
use crate::unix::testing::{SimpleSys, busybox_rootfs, debian_rootfs};

const T0: Time = Time::START;

fn argv(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Runs `cmd` with `sh -c` in a busybox container until it exits (or `secs` pass).
fn run_in(base: &Layer, shell: &str, script: &str, secs: u64) -> (String, String, RunStatus) {
    let lowers = [base];
    let mut up = Layer::new();
    let fs = UnionFs::new(&lowers, &mut up);
    let mut sys = SimpleSys::new(fs, T0);
    let mut opts = SpawnOpts::default();
    opts.env.push(("HOME".into(), "/root".into()));
    let mut p = match Process::spawn(argv(&[shell, "-c", script]), opts, &mut sys) {
        Ok(p) => p,
        Err(e) => panic!("spawn: {e:?}"),
    };
    let st = p.run(&mut sys, T0 + Span::secs(secs));
    (sys.stdout(), sys.stderr(), st)
}

fn ash(script: &str) -> (String, String, RunStatus) {
    run_in(&busybox_rootfs(T0), "sh", script, 10)
}

fn dash(script: &str) -> (String, String, RunStatus) {
    run_in(&debian_rootfs(T0), "sh", script, 10)
}

fn bash(script: &str) -> (String, String, RunStatus) {
    run_in(&debian_rootfs(T0), "bash", script, 10)
}

#[test]
fn echo_and_status() {
    assert_eq!(ash("echo hi"), ("hi\n".into(), "".into(), RunStatus::Exited(0)));
    assert_eq!(ash("false").2, RunStatus::Exited(1));
    assert_eq!(ash("exit 3").2, RunStatus::Exited(3));
    assert_eq!(ash("true && echo a || echo b; false && echo c || echo d").0, "a\nd\n");
    assert_eq!(ash("! false; echo $?").0, "0\n");
}

#[test]
fn variables_and_expansions() {
    assert_eq!(ash("A=1; B=\"$A two\"; echo $B ${C:-def} ${#B}").0, "1 two def 5\n");
    assert_eq!(ash("x=/usr/local/bin; echo ${x##*/} ${x%/*}").0, "bin /usr/local\n");
    assert_eq!(ash("echo $((2 + 3 * 4)) $((10 / 3))").0, "14 3\n");
    assert_eq!(ash("set -- a 'b c' d; echo $#; for i in \"$@\"; do echo \"<$i>\"; done").0, "3\n<a>\n<b c>\n<d>\n");
    assert_eq!(ash("echo '$HOME' \"$HOME\" ~").0, "$HOME /root /root\n");
    assert_eq!(ash("x=$(echo hi; echo there); echo \"[$x]\"").0, "[hi\nthere]\n");
    assert_eq!(ash("echo `echo a` $(echo $(echo b))").0, "a b\n");
    assert_eq!(ash("f() { echo \"f:$1:$#\"; return 4; }; f x y; echo $?").0, "f:x:2\n4\n");
}

#[test]
fn control_flow() {
    assert_eq!(ash("for i in 1 2 3; do echo $i; done").0, "1\n2\n3\n");
    assert_eq!(ash("i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done").0, "1\n2\n3\n");
    assert_eq!(ash("for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done").0, "1\n3\n");
    assert_eq!(ash("case abc in a*) echo yes;; *) echo no;; esac").0, "yes\n");
    assert_eq!(ash("if false; then echo a; elif true; then echo b; else echo c; fi").0, "b\n");
    assert_eq!(ash("(cd /tmp; x=1); echo $PWD ${x:-unset}").0, "/ unset\n");
}

#[test]
fn pipes_redirections_and_heredocs() {
    assert_eq!(ash("echo a b | { read x y; echo $y; }").0, "b\n");
    assert_eq!(
        ash("echo hi > /tmp/f; echo more >> /tmp/f; while read l; do echo \"<$l>\"; done < /tmp/f").0,
        "<hi>\n<more>\n"
    );
    assert_eq!(ash("read a <<EOF\nhello $HOME\nEOF\necho $a").0, "hello /root\n");
    assert_eq!(ash("echo err >&2; echo out 2>&1").1, "err\n");
    assert_eq!(ash("echo x > /dev/null; echo y"), ("y\n".into(), "".into(), RunStatus::Exited(0)));
    let (o, e, s) = ash("echo hi > /nonexist/f");
    assert_eq!(
        (o.as_str(), e.as_str(), s),
        ("", "sh: can't create /nonexist/f: nonexistent directory\n", RunStatus::Exited(1))
    );
}

#[test]
fn not_found_messages_per_dialect() {
    assert_eq!(ash("foo"), ("".into(), "sh: foo: not found\n".into(), RunStatus::Exited(127)));
    assert_eq!(dash("foo"), ("".into(), "sh: 1: foo: not found\n".into(), RunStatus::Exited(127)));
    assert_eq!(bash("foo"), ("".into(), "bash: line 1: foo: command not found\n".into(), RunStatus::Exited(127)));
    assert_eq!(ash("/etc").1, "sh: /etc: Permission denied\n");
    assert_eq!(bash("/etc").1, "bash: line 1: /etc: Is a directory\n");
    assert_eq!(dash("echo 'a\\tb'").0, "a\tb\n");
    assert_eq!(bash("echo 'a\\tb'").0, "a\\tb\n");
    assert_eq!(dash("cd /nope").1, "sh: 1: cd: can't cd to /nope\n");
    assert_eq!(ash("while true; do echo").1, "sh: syntax error: unexpected end of file (expecting \"done\")\n");
}

#[test]
fn loop_with_sleep_suspends_and_resumes() {
    let base = busybox_rootfs(T0);
    let lowers = [&base];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let mut p =
        Process::spawn(argv(&["sh", "-c", "while true; do echo tick; sleep 1; done"]), SpawnOpts::default(), &mut sys)
            .unwrap();
    let st = p.run(&mut sys, T0 + Span::millis(2500));
    assert_eq!(st, RunStatus::Sleeping { wake: T0 + Span::secs(3) });
    let times: Vec<Time> = sys.output.iter().map(|o| o.0).collect();
    assert_eq!(times, vec![T0, T0 + Span::secs(1), T0 + Span::secs(2)]);
    sys.now = T0 + Span::secs(10);
    let st = p.run(&mut sys, T0 + Span::secs(10));
    assert_eq!(st, RunStatus::Sleeping { wake: T0 + Span::secs(11) });
    assert_eq!(sys.stdout().lines().count(), 11);
    assert_eq!(p.processes().len(), 2);
    assert_eq!(p.command_line(), "sh -c while true; do echo tick; sleep 1; done");
}

#[test]
fn busy_loop_returns_running() {
    let (_, _, st) = ash("while true; do :; done");
    assert_eq!(st, RunStatus::Running);
}

#[test]
fn pid1_ignores_term_without_trap_and_dies_on_kill() {
    let base = busybox_rootfs(T0);
    let lowers = [&base];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let mut p = Process::spawn(argv(&["sleep", "100"]), SpawnOpts::default(), &mut sys).unwrap();
    assert_eq!(p.run(&mut sys, T0), RunStatus::Sleeping { wake: T0 + Span::secs(100) });
    assert_eq!(p.signal(Signal::TERM, &mut sys), SignalEffect::Ignored);
    assert_eq!(p.signal(Signal::KILL, &mut sys), SignalEffect::Exited(137));
    assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(137));
    // not PID 1: SIGTERM kills with 143
    let opts = SpawnOpts { pid: 7, ..SpawnOpts::default() };
    let mut p = Process::spawn(argv(&["sleep", "100"]), opts, &mut sys).unwrap();
    p.run(&mut sys, T0);
    assert_eq!(p.signal(Signal::TERM, &mut sys), SignalEffect::Exited(143));
}

#[test]
fn trap_runs_after_foreground_sleep() {
    let base = busybox_rootfs(T0);
    let lowers = [&base];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let script = "trap 'echo bye; exit 3' TERM; while true; do sleep 1; done";
    let mut p = Process::spawn(argv(&["sh", "-c", script]), SpawnOpts::default(), &mut sys).unwrap();
    p.run(&mut sys, T0);
    assert_eq!(p.signal(Signal::TERM, &mut sys), SignalEffect::Handled);
    assert_eq!(p.run(&mut sys, T0 + Span::secs(5)), RunStatus::Exited(3));
    assert_eq!(sys.output, vec![(T0 + Span::secs(1), Stream::Stdout, "bye\n".to_string())]);
}

#[test]
fn interactive_shell_reads_lines() {
    let base = busybox_rootfs(T0);
    let lowers = [&base];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let opts = SpawnOpts { tty: true, stdin_open: true, ..SpawnOpts::default() };
    let mut p = Process::spawn(argv(&["sh"]), opts, &mut sys).unwrap();
    assert_eq!(p.run(&mut sys, T0), RunStatus::WaitingInput);
    assert_eq!(p.prompt("abc").as_deref(), Some("/ # "));
    p.feed_stdin("cd /tmp; echo hi\n");
    assert_eq!(p.run(&mut sys, T0), RunStatus::WaitingInput);
    assert_eq!(p.prompt("abc").as_deref(), Some("/tmp # "));
    p.feed_stdin("for i in 1 2\n");
    p.run(&mut sys, T0);
    assert_eq!(p.prompt("abc").as_deref(), Some("> "));
    p.feed_stdin("do echo $i; done\nexit 4\n");
    assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(4));
    assert_eq!(sys.stdout(), "hi\n1\n2\n");
    // without -i, `sh` reads /dev/null and exits at once
    let mut p = Process::spawn(argv(&["sh"]), SpawnOpts::default(), &mut sys).unwrap();
    assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(0));
}

#[test]
fn spawn_errors() {
    let base = busybox_rootfs(T0);
    let lowers = [&base];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    let e = |v: &[&str], sys: &mut SimpleSys| Process::spawn(argv(v), SpawnOpts::default(), sys).err();
    assert_eq!(e(&["nope"], &mut sys), Some(SpawnError::NotFound { name: "nope".into(), in_path: true }));
    assert_eq!(e(&["/etc"], &mut sys), Some(SpawnError::IsDirectory("/etc".into())));
    assert_eq!(e(&["/etc/passwd"], &mut sys), Some(SpawnError::PermissionDenied("/etc/passwd".into())));
}

/// Development aid: `DOCA_SH='…' cargo test --lib adhoc -- --ignored --nocapture` prints
/// what the busybox-shaped image (or `DOCA_IMAGE=debian`) answers.
#[test]
#[ignore]
fn adhoc() {
    let script = std::env::var("DOCA_SH").unwrap_or_default();
    let debian = std::env::var("DOCA_IMAGE").is_ok_and(|v| v == "debian");
    let base = if debian { debian_rootfs(T0) } else { busybox_rootfs(T0) };
    let shell = std::env::var("DOCA_SHELL").unwrap_or_else(|_| "sh".into());
    let (o, e, s) = if std::env::var("DOCA_TTY").is_ok() {
        let lowers = [&base];
        let mut up = Layer::new();
        let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
        let opts = SpawnOpts { tty: true, ..SpawnOpts::default() };
        let mut p = Process::spawn(argv(&[&shell, "-c", &script]), opts, &mut sys).unwrap();
        let st = p.run(&mut sys, T0 + Span::secs(10));
        (sys.stdout(), sys.stderr(), st)
    } else {
        run_in(&base, &shell, &script, 10)
    };
    print!("--stdout--\n{o}--stderr--\n{e}--status-- {s:?}\n");
}
