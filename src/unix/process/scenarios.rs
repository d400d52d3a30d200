//! Scenario tests: what learners do in containers — entrypoint scripts with `exec`,
//! background jobs and `wait`, traps, interactive `cat`, pipelines that end early,
//! volumes seen through the union view.

use super::*;
use crate::engine::clock::{Span, Time};
use crate::unix::fs::{Layer, UnionFs};
use crate::unix::testing::{SimpleSys, busybox_rootfs, debian_rootfs};

const T0: Time = Time::START;

fn argv(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn with_sys<R>(base: &Layer, f: impl FnOnce(&mut SimpleSys) -> R) -> R {
    let lowers = [base];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
    f(&mut sys)
}

#[test]
fn pid_and_background_jobs() {
    with_sys(&busybox_rootfs(T0), |sys| {
        let script = "echo $$; sleep 5 & echo started; wait; echo done $?";
        let mut p = Process::spawn(argv(&["sh", "-c", script]), SpawnOpts::default(), sys).unwrap();
        assert_eq!(p.run(sys, T0 + Span::secs(1)), RunStatus::Sleeping { wake: T0 + Span::secs(5) });
        assert_eq!(p.processes().len(), 2);
        assert_eq!(p.run(sys, T0 + Span::secs(10)), RunStatus::Exited(0));
        assert_eq!(sys.stdout(), "1\nstarted\ndone 0\n");
        assert_eq!(sys.output.last().map(|o| o.0), Some(T0 + Span::secs(5)));
    });
}

#[test]
fn trap_interrupts_wait_at_once() {
    with_sys(&busybox_rootfs(T0), |sys| {
        let script = "trap 'echo stopping; exit 0' TERM; sleep 1000 & wait";
        let mut p = Process::spawn(argv(&["sh", "-c", script]), SpawnOpts::default(), sys).unwrap();
        p.run(sys, T0);
        assert_eq!(p.signal(Signal::TERM, sys), SignalEffect::Handled);
        assert_eq!(p.run(sys, T0), RunStatus::Exited(0));
        assert_eq!(sys.stdout(), "stopping\n");
    });
}

#[test]
fn exit_trap_runs_last() {
    with_sys(&busybox_rootfs(T0), |sys| {
        let mut p =
            Process::spawn(argv(&["sh", "-c", "trap 'echo bye' EXIT; echo hi; exit 5"]), SpawnOpts::default(), sys)
                .unwrap();
        assert_eq!(p.run(sys, T0), RunStatus::Exited(5));
        assert_eq!(sys.stdout(), "hi\nbye\n");
    });
}

#[test]
fn entrypoint_script_execs_its_arguments() {
    let mut base = busybox_rootfs(T0);
    base.script("/entry.sh", "#!/bin/sh\necho \"entry: $@\"\nexec \"$@\"\n", T0);
    with_sys(&base, |sys| {
        let mut p = Process::spawn(argv(&["/entry.sh", "sleep", "100"]), SpawnOpts::default(), sys).unwrap();
        assert_eq!(p.run(sys, T0), RunStatus::Sleeping { wake: T0 + Span::secs(100) });
        assert_eq!(p.command_line(), "sleep 100");
        assert_eq!(p.processes(), vec![(1, "sleep 100".to_string())]);
        assert_eq!(p.signal(Signal::TERM, sys), SignalEffect::Ignored);
        assert_eq!(sys.stdout(), "entry: sleep 100\n");
    });
}

#[test]
fn interactive_cat_echoes_lines_as_they_come() {
    with_sys(&busybox_rootfs(T0), |sys| {
        let opts = SpawnOpts { stdin_open: true, ..SpawnOpts::default() };
        let mut p = Process::spawn(argv(&["cat"]), opts, sys).unwrap();
        assert_eq!(p.run(sys, T0), RunStatus::WaitingInput);
        p.feed_stdin("one\n");
        assert_eq!(p.run(sys, T0), RunStatus::WaitingInput);
        assert_eq!(sys.stdout(), "one\n");
        p.close_stdin();
        assert_eq!(p.run(sys, T0), RunStatus::Exited(0));
    });
}

#[test]
fn pipelines_end_when_the_reader_ends() {
    with_sys(&busybox_rootfs(T0), |sys| {
        let mut p = Process::spawn(argv(&["sh", "-c", "yes | head -n 3; echo $?"]), SpawnOpts::default(), sys).unwrap();
        assert_eq!(p.run(sys, T0), RunStatus::Exited(0));
        assert_eq!(sys.stdout(), "y\ny\ny\n0\n");
    });
}

#[test]
fn tail_follow_sees_appended_lines() {
    with_sys(&busybox_rootfs(T0), |sys| {
        let script =
            "echo a > /tmp/log; tail -f /tmp/log & sleep 2; echo b >> /tmp/log; sleep 2; kill %1 2>/dev/null; exit 0";
        let mut p = Process::spawn(argv(&["sh", "-c", script]), SpawnOpts::default(), sys).unwrap();
        assert_eq!(p.run(sys, T0 + Span::secs(10)), RunStatus::Exited(0));
        assert_eq!(sys.stdout(), "a\nb\n");
    });
}

#[test]
fn volumes_and_read_only_root() {
    let base = busybox_rootfs(T0);
    let lowers = [&base];
    let mut up = Layer::new();
    let mut vol = Layer::new();
    {
        let fs = UnionFs::new(&lowers, &mut up).read_only(true).mount("/data", &mut vol, false);
        let mut sys = SimpleSys::new(fs, T0);
        let script = "echo kept > /data/f; echo lost > /tmp/f; cat /data/f";
        let mut p = Process::spawn(argv(&["sh", "-c", script]), SpawnOpts::default(), &mut sys).unwrap();
        assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(0));
        assert_eq!(sys.stdout(), "kept\n");
        assert_eq!(sys.stderr(), "sh: can't create /tmp/f: Read-only file system\n");
    }
    assert!(vol.get("/f").is_some());
    assert!(up.is_empty());
}

#[test]
fn debian_bash_prompt_and_hostname() {
    with_sys(&debian_rootfs(T0), |sys| {
        let opts = SpawnOpts { tty: true, stdin_open: true, ..SpawnOpts::default() };
        let mut p = Process::spawn(argv(&["bash"]), opts, sys).unwrap();
        assert_eq!(p.run(sys, T0), RunStatus::WaitingInput);
        assert_eq!(p.prompt("0123456789ab").as_deref(), Some("root@0123456789ab:/# "));
        p.feed_stdin("hostname; foo\n");
        p.run(sys, T0);
        assert_eq!(sys.stdout(), "0123456789ab\n");
        assert_eq!(sys.stderr(), "bash: foo: command not found\n");
        assert_eq!(p.interrupt(sys), SignalEffect::Handled);
        p.feed_stdin("sleep 50\n");
        assert_eq!(p.run(sys, T0), RunStatus::Sleeping { wake: T0 + Span::secs(50) });
        assert_eq!(p.interrupt(sys), SignalEffect::Handled);
        p.feed_stdin("echo $?\n");
        assert_eq!(p.run(sys, T0), RunStatus::WaitingInput);
        assert_eq!(sys.stdout(), "0123456789ab\n130\n");
    });
}

#[test]
fn hello_world_and_servers() {
    let mut base = Layer::new();
    base.program("/hello", "hello", T0);
    with_sys(&base, |sys| {
        let mut p = Process::spawn(argv(&["/hello"]), SpawnOpts::default(), sys).unwrap();
        assert_eq!(p.run(sys, T0), RunStatus::Exited(0));
        assert!(sys.stdout().starts_with("\nHello from Docker!\n"));
    });
    let mut base = Layer::new();
    base.program("/usr/sbin/srv", "srv", T0);
    struct Srv<'a>(SimpleSys<'a>);
    impl Sys for Srv<'_> {
        fn now(&self) -> Time {
            self.0.now
        }
        fn fs(&mut self) -> &mut dyn crate::unix::fs::Fs {
            self.0.fs()
        }
        fn write(&mut self, at: Time, s: Stream, t: &str) {
            self.0.write(at, s, t)
        }
        fn hostname(&self) -> String {
            self.0.hostname()
        }
        fn program(&mut self, name: &str, _argv: &[String]) -> Option<Box<dyn crate::unix::programs::Program>> {
            (name == "srv").then(|| {
                Box::new(crate::unix::programs::server::Server::new("ready\n", "", &[Signal::TERM], "bye\n", ""))
                    as Box<dyn crate::unix::programs::Program>
            })
        }
    }
    let lowers = [&base];
    let mut up = Layer::new();
    let mut sys = Srv(SimpleSys::new(UnionFs::new(&lowers, &mut up), T0));
    let mut p = Process::spawn(argv(&["srv"]), SpawnOpts::default(), &mut sys).unwrap();
    assert_eq!(p.run(&mut sys, T0), RunStatus::Blocked);
    assert_eq!(p.signal(Signal::TERM, &mut sys), SignalEffect::Exited(0));
    assert_eq!(sys.0.stdout(), "ready\nbye\n");
}

#[test]
fn long_loops_keep_buffers_bounded() {
    with_sys(&busybox_rootfs(T0), |sys| {
        let script = "while true; do read l < /etc/passwd; x=$(echo $l | cut -d: -f1); cat <<EOF >/dev/null\n$x\nEOF\nsleep 1; done";
        let mut p = Process::spawn(argv(&["sh", "-c", script]), SpawnOpts::default(), sys).unwrap();
        sys.now = T0 + Span::secs(500);
        assert!(matches!(p.run(sys, T0 + Span::secs(500)), RunStatus::Sleeping { .. }));
        assert!(p.bufs.count() < 80, "{} buffers", p.bufs.count());
        assert!(p.tasks.len() < 5);
    });
}

#[test]
fn env_and_xargs_exec_their_command() {
    let mut base = busybox_rootfs(T0);
    base.script("/usr/bin/tool", "#!/usr/bin/env sh\necho \"tool $X $*\"\n", T0).symlink(
        "/usr/bin/env",
        "/bin/busybox",
        T0,
    );
    with_sys(&base, |sys| {
        let script = "env X=1 sh -c 'echo $X'; echo a b | xargs echo got; printf '1\\n2\\n3\\n' | xargs -n 2 echo n; X=2 tool y z; echo /etc | xargs ls -d";
        let mut p = Process::spawn(argv(&["sh", "-c", script]), SpawnOpts::default(), sys).unwrap();
        assert_eq!(p.run(sys, T0), RunStatus::Exited(0));
        assert_eq!(sys.stderr(), "");
        assert_eq!(sys.stdout(), "1\ngot a b\nn 1 2\nn 3\ntool 2 y z\n/etc\n");
    });
}

#[test]
fn set_e_and_keep_alive_idioms() {
    let (o, _, s) = crate::unix::testing::run_script(
        &busybox_rootfs(T0),
        "sh",
        "set -e; if false; then :; fi; false || echo or; ! true; false && echo no; echo before; false; echo after",
    );
    assert_eq!((o.as_str(), s), ("or\nbefore\n", RunStatus::Exited(1)));
    for cmd in ["sleep infinity", "tail -f /dev/null"] {
        with_sys(&busybox_rootfs(T0), |sys| {
            let mut p = Process::spawn(cmd.split(' ').map(String::from).collect(), SpawnOpts::default(), sys).unwrap();
            assert_eq!(p.run(sys, T0 + Span::secs(100)), RunStatus::Blocked, "{cmd}");
            assert_eq!(p.signal(Signal::TERM, sys), SignalEffect::Ignored);
        });
    }
}
