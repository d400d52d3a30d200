//! Property tests: no script, however malformed, makes the shell parser or interpreter
//! panic or hang; every `run` returns, and the file system stays consistent.

use doca::engine::clock::{Span, Time};
use doca::unix::fs::{Fs, Layer, UnionFs};
use doca::unix::process::{Process, RunStatus, Signal, SpawnOpts};
use doca::unix::sh::{Dialect, parse};
use doca::unix::testing::{SimpleSys, busybox_rootfs, debian_rootfs};
use proptest::prelude::*;

const TOKENS: &[&str] = &[
    "echo",
    "ls",
    "cat",
    "sleep 1",
    "x=1",
    "$x",
    "${x:-y}",
    "${x:=1}",
    "${#x}",
    "$(",
    ")",
    "`",
    "'",
    "\"",
    "$((",
    "))",
    "1+2",
    "|",
    "||",
    "&&",
    ";",
    ";;",
    "&",
    "(",
    ")",
    "{",
    "}",
    "if",
    "then",
    "else",
    "elif",
    "fi",
    "while",
    "until",
    "do",
    "done",
    "for",
    "in",
    "case",
    "esac",
    "true",
    "false",
    ">",
    ">>",
    "<",
    "2>&1",
    "<<EOF",
    "EOF",
    "\n",
    "*",
    "/etc/*",
    "~",
    "\\",
    "#",
    "!",
    "f()",
    "read",
    "trap",
    "exit",
    "break",
    "continue",
    "return",
    "shift",
    "set",
    "--",
    "-n",
    "cd",
    "/tmp",
    "rm -rf /",
    "mkdir -p /a/b",
    "grep",
    "a.*b",
    "head -n 1",
    "tail -f /etc/passwd",
    "yes",
    "wait",
    "kill $$",
    "eval",
    "exec",
    "[",
    "]",
    "-eq",
    "test",
    "$@",
    "\"$@\"",
    "$?",
    "$#",
];

const STATEMENTS: &[&str] = &[
    "echo hi",
    "x=$((x+1))",
    "sleep 1",
    "ls -la /etc",
    "cat /etc/passwd | grep root",
    "yes | head -n 2",
    "yes",
    "while true; do echo a; sleep 1; done",
    "for i in 1 2 3; do echo $i; done",
    "mkdir -p /data/a && echo ok > /data/a/f",
    "rm -rf /data/a",
    "trap 'echo t' TERM",
    "read l; echo $l",
    "cat",
    "tail -f /etc/passwd &",
    "wait",
    "kill $$",
    "(cd /tmp; touch f)",
    "f() { echo f; f; }; f",
    "exec sleep 5",
    "x=$(cat /etc/passwd | wc -l)",
    "case $x in 1) echo one;; esac",
    "rm -rf /",
    "echo $(echo $(echo deep))",
    "while :; do :; done",
    "cp -r /etc /data/etc",
    "mv /tmp /tmp2",
    "ls -R /",
    "sort /etc/passwd | uniq -c | sort -rn",
    "cat <<EOF\n$x\nEOF",
    "set -- a b; shift 3",
    "exit 3",
    "sh -c 'echo nested; exit 4'",
    "echo x > /etc/passwd/y",
    "ln -s /loop /loop; cat /loop",
    "grep -E '(a|b)+' /etc/group",
    "printf '%s %d\\n' a 1 b",
];

fn program() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(STATEMENTS), prop::sample::select(&["; ", " && ", " || ", " | ", " & ", "\n"][..])),
        1..8,
    )
    .prop_map(|v| v.into_iter().map(|(a, b)| format!("{a}{b}")).collect::<String>())
}

fn script() -> impl Strategy<Value = String> {
    prop_oneof![
        program(),
        program(),
        prop::collection::vec(prop::sample::select(TOKENS), 0..30).prop_map(|v| v.join(" ")),
        "[ -~\\n]{0,80}",
    ]
}

fn dialect() -> impl Strategy<Value = Dialect> {
    prop_oneof![Just(Dialect::Ash), Just(Dialect::Dash), Just(Dialect::Bash)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn parser_never_panics(src in script(), d in dialect()) {
        let _ = parse(&src, d);
    }

    #[test]
    fn interpreter_always_returns(src in script(), d in dialect(), signal in any::<bool>()) {
        let t0 = Time::START;
        let base = if d == Dialect::Ash { busybox_rootfs(t0) } else { debian_rootfs(t0) };
        let lowers = [&base];
        let mut up = Layer::new();
        let mut vol = Layer::new();
        {
            let fs = UnionFs::new(&lowers, &mut up).mount("/data", &mut vol, false);
            let mut sys = SimpleSys::new(fs, t0);
            if std::env::var("FUZZ_SHOW").is_ok() { eprintln!("CASE {src:?}"); }
            let shell = if d == Dialect::Bash { "bash" } else { "sh" };
            let opts = SpawnOpts { stdin_open: true, ..SpawnOpts::default() };
            let mut p = Process::spawn(vec![shell.into(), "-c".into(), src.clone()], opts, &mut sys).expect("shell exists");
            let mut now = t0;
            for i in 0..5u64 {
                now = now + Span::secs(3);
                sys.now = now;
                if i == 2 {
                    p.feed_stdin("line\n");
                    p.close_stdin();
                    if signal {
                        p.signal(Signal::TERM, &mut sys);
                    }
                }
                if let RunStatus::Exited(_) = p.run(&mut sys, now) {
                    break;
                }
            }
            p.signal(Signal::KILL, &mut sys);
            prop_assert!(matches!(p.run(&mut sys, now), RunStatus::Exited(_)));
            prop_assert!(sys.fs.readdir("/", doca::unix::fs::Cred::ROOT).is_ok());
        }
    }
}
