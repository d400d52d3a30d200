//! Applet tests. Expected texts were taken from busybox 1.35 (Debian) and GNU coreutils
//! 9.1 / grep 3.8 run in the C locale.

use crate::engine::clock::Time;
use crate::unix::process::RunStatus;
use crate::unix::testing::{busybox_rootfs, debian_rootfs, run_script};

fn bb(script: &str) -> (String, String) {
    let (o, e, _) = run_script(&busybox_rootfs(Time::START), "sh", script);
    (o, e)
}

fn gnu(script: &str) -> (String, String) {
    let (o, e, _) = run_script(&debian_rootfs(Time::START), "sh", script);
    (o, e)
}

fn status(script: &str) -> RunStatus {
    run_script(&busybox_rootfs(Time::START), "sh", script).2
}

#[test]
fn file_errors_busybox() {
    let (_, e) = bb(
        "cd /tmp; mkdir d; cat nope; cat d; ls nope; mkdir d; rmdir nope; rm nope; rm d; cp nope x; cp d x; mv nope x; touch a/b; head -n x /etc/passwd; touch f; ln -s f f; chmod 777 nope; stat nope",
    );
    assert_eq!(
        e,
        "cat: can't open 'nope': No such file or directory\n\
         cat: read error: Is a directory\n\
         ls: nope: No such file or directory\n\
         mkdir: can't create directory 'd': File exists\n\
         rmdir: 'nope': No such file or directory\n\
         rm: can't remove 'nope': No such file or directory\n\
         rm: 'd' is a directory\n\
         cp: can't stat 'nope': No such file or directory\n\
         cp: omitting directory 'd'\n\
         mv: can't rename 'nope': No such file or directory\n\
         touch: a/b: No such file or directory\n\
         head: invalid number 'x'\n\
         ln: f: File exists\n\
         chmod: nope: No such file or directory\n\
         stat: can't stat 'nope': No such file or directory\n"
    );
}

#[test]
fn file_errors_gnu() {
    let (_, e) = gnu(
        "cd /tmp; mkdir d; cat nope; ls nope; mkdir d; rm d; rmdir nope; cp nope x; mv nope x; touch a/b; head -n x /etc/passwd; sort nope; id nope; grep",
    );
    assert_eq!(
        e,
        "cat: nope: No such file or directory\n\
         ls: cannot access 'nope': No such file or directory\n\
         mkdir: cannot create directory 'd': File exists\n\
         rm: cannot remove 'd': Is a directory\n\
         rmdir: failed to remove 'nope': No such file or directory\n\
         cp: cannot stat 'nope': No such file or directory\n\
         mv: cannot stat 'nope': No such file or directory\n\
         touch: cannot touch 'a/b': No such file or directory\n\
         head: invalid number of lines: 'x'\n\
         sort: cannot read: nope: No such file or directory\n\
         id: 'nope': no such user\n\
         Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"
    );
}

#[test]
fn file_operations() {
    let (o, e) = bb(
        "cd /tmp; mkdir -p a/b/c; echo hi > a/b/c/f; cp -r a z; cat z/b/c/f; mv z y; ls; rm -r y a; ls; ln -s /etc/passwd p; head -n 1 p; chmod 700 p; ls -l /tmp",
    );
    assert_eq!(e, "");
    assert_eq!(
        o,
        "hi\na\ny\nroot:x:0:0:root:/root:/bin/sh\ntotal 0\nlrwxrwxrwx    1 root     root            11 Mar  2 12:00 p -> /etc/passwd\n"
    );
}

#[test]
fn ls_formats() {
    let (o, _) = bb("cd /tmp; touch a bb ccc; ls -1; ls -a; ls -ld /tmp");
    assert_eq!(o, "a\nbb\nccc\n.\n..\na\nbb\nccc\ndrwxrwxrwt    1 root     root          4096 Mar  2 12:00 /tmp\n");
    let (o, _) = gnu("cd /tmp; echo hello > f; mkdir d; ls -l");
    assert_eq!(o, "total 8\ndrwxr-xr-x 2 root root 4096 Mar  2 12:00 d\n-rw-r--r-- 1 root root    6 Mar  2 12:00 f\n");
}

#[test]
fn text_tools() {
    let (o, e) = bb("echo 'a:b:c' | cut -d: -f2; printf 'b\\na\\nb\\n' | sort | uniq -c; echo hello | tr a-z A-Z; \
         echo hello | grep -c l; echo abc | grep -o b; printf 'x1\\ny2\\n' | grep -n -E '[0-9]$'; echo a b c | wc; \
         seq 3 | tail -n 2; printf '%5s|%-3d|%x\\n' ab 7 255; basename /a/b.txt .txt; dirname /a/b/; echo -e 'x\\ty'");
    assert_eq!(e, "");
    assert_eq!(
        o,
        "b\n      1 a\n      2 b\nHELLO\n1\nb\n1:x1\n2:y2\n        1         3         6\n2\n3\n   ab|7  |ff\nb\n/a\nx\ty\n"
    );
    let (o, _) = gnu("echo a b c | wc; echo a b c | wc -w; printf '1\\n2\\n' > /tmp/f; wc -l /tmp/f");
    assert_eq!(o, "      1       3       6\n3\n2 /tmp/f\n");
}

#[test]
fn grep_statuses() {
    assert_eq!(status("echo abc | grep -q b"), RunStatus::Exited(0));
    assert_eq!(status("echo abc | grep x"), RunStatus::Exited(1));
    assert_eq!(status("grep x /nope"), RunStatus::Exited(2));
    let (o, _) = bb("grep -i ROOT /etc/passwd /etc/group");
    assert_eq!(o, "/etc/passwd:root:x:0:0:root:/root:/bin/sh\n/etc/group:root:x:0:\n");
}

#[test]
fn info_tools() {
    let (o, _) = bb("id; whoami; hostname; uname; uname -a; date; date +%Y-%m-%dT%H:%M:%S");
    assert_eq!(
        o,
        "uid=0(root) gid=0(root) groups=0(root)\nroot\n0123456789ab\nLinux\n\
         Linux 0123456789ab 6.8.0-51-generic #52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024 x86_64 GNU/Linux\n\
         Mon Mar  2 12:00:00 UTC 2026\n2026-03-02T12:00:00\n"
    );
    let (o, _) = bb("env");
    assert_eq!(o, "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOME=/root\nPWD=/\nSHLVL=1\n");
}

#[test]
fn sleep_usage_errors() {
    let (_, e) = gnu("sleep; sleep x");
    assert_eq!(
        e,
        "sleep: missing operand\nTry 'sleep --help' for more information.\nsleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n"
    );
    let (_, e) = bb("sleep x");
    assert_eq!(e, "sleep: invalid number 'x'\n");
}

fn tty_ls(base: crate::unix::fs::Layer) -> String {
    use crate::engine::clock::Span;
    use crate::unix::fs::{Layer, UnionFs};
    use crate::unix::process::{Process, SpawnOpts};
    use crate::unix::testing::SimpleSys;
    let names = "a abcdefghijklmnop bb ccc dddd eeeee ffffff longername-x q1 q2 q3 q4 q5 qq66 r7 s88 t999 uuuuuuuuuu vv wwwww xylophone y z zebra-stripes";
    let lowers = [&base];
    let mut up = Layer::new();
    let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), Time::START);
    let opts = SpawnOpts { tty: true, ..SpawnOpts::default() };
    let script = format!("mkdir /tmp/c; cd /tmp/c; touch {names}; ls");
    let mut p = Process::spawn(vec!["sh".into(), "-c".into(), script], opts, &mut sys).unwrap();
    p.run(&mut sys, Time::START + Span::secs(1));
    sys.stdout()
}

#[test]
fn ls_columns_on_a_terminal() {
    assert_eq!(
        tty_ls(busybox_rootfs(Time::START)),
        "a                 ffffff            q5                vv\n\
         abcdefghijklmnop  longername-x      qq66              wwwww\n\
         bb                q1                r7                xylophone\n\
         ccc               q2                s88               y\n\
         dddd              q3                t999              z\n\
         eeeee             q4                uuuuuuuuuu        zebra-stripes\n"
    );
    assert_eq!(
        tty_ls(debian_rootfs(Time::START)),
        "a\t\t  dddd\t\tq1  q5\t  t999\t      xylophone\n\
         abcdefghijklmnop  eeeee\t\tq2  qq66  uuuuuuuuuu  y\n\
         bb\t\t  ffffff\tq3  r7\t  vv\t      z\n\
         ccc\t\t  longername-x\tq4  s88   wwwww       zebra-stripes\n"
    );
}

#[test]
fn sed_awk_find() {
    let (o, e) =
        bb("printf 'a b c\\nd e f\\ng h i\\n' > /tmp/t; sed 's/e/E/' /tmp/t; sed -n 2p /tmp/t; sed '/d/d' /tmp/t; \
         echo hello | sed 's/l*/<&>/g'; sed -i 's/a/A/' /tmp/t; head -n 1 /tmp/t; awk '{print $2}' /tmp/t; \
         printf '1\\n2\\n3\\n' | awk '{s+=$1} END {print s, NR}'; echo 'x:y:z' | awk -F: '{print $3 $1}'; \
         mkdir -p /tmp/fd/a/b; touch /tmp/fd/a/x.txt /tmp/fd/y.txt; find /tmp/fd -name '*.txt'; find /tmp/fd -type d");
    assert_eq!(e, "");
    assert_eq!(
        o,
        "a b c\nd E f\ng h i\nd e f\na b c\ng h i\n<>h<>e<ll>o<>\nA b c\nb\ne\nh\n6 3\nzx\n/tmp/fd/a/x.txt\n/tmp/fd/y.txt\n/tmp/fd\n/tmp/fd/a\n/tmp/fd/a/b\n"
    );
    let (_, e) = bb("sed 's/a/b' /etc/passwd; find /nope; awk '{print $1' /etc/passwd");
    assert_eq!(e, "sed: unmatched '/'\nfind: /nope: No such file or directory\nawk: cmd. line:1: Unexpected token\n");
}

#[test]
fn long_lines_and_huge_numbers_do_not_crash() {
    let (o, _) = bb(
        "printf '%0200000d\\n' 0 > /tmp/l; grep -c 'x*0*$' /tmp/l; sed 's/0*/z/' /tmp/l | wc -c; seq 9223372036854775806 9223372036854775807 | wc -l; date -d @99999999999999999999 >/dev/null; echo ok",
    );
    assert!(o.ends_with("2\nok\n"), "{o}");
}
