//! Docker Hub `library/oraclelinux`: only `9-slim`, the base of the `mysql` images. Its history
//! line is the `ADD` of the Oracle-built rootfs tarball (BuildKit).
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::{layer, meta};
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, FileSpec, ImageSpec, RepoSpec, TaggedImage};

macro_rules! ol_passwd {
    () => {
        "\
root:x:0:0:root:/root:/bin/bash\n\
bin:x:1:1:bin:/bin:/sbin/nologin\n\
daemon:x:2:2:daemon:/sbin:/sbin/nologin\n\
adm:x:3:4:adm:/var/adm:/sbin/nologin\n\
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\n\
sync:x:5:0:sync:/sbin:/bin/sync\n\
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\n\
halt:x:7:0:halt:/sbin:/sbin/halt\n\
mail:x:8:12:mail:/var/spool/mail:/sbin/nologin\n\
operator:x:11:0:operator:/root:/sbin/nologin\n\
games:x:12:100:games:/usr/games:/sbin/nologin\n\
ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin\n\
nobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\n"
    };
}
pub(crate) use ol_passwd;

macro_rules! ol_group {
    () => {
        "\
root:x:0:\n\
bin:x:1:\n\
daemon:x:2:\n\
sys:x:3:\n\
adm:x:4:\n\
tty:x:5:\n\
disk:x:6:\n\
lp:x:7:\n\
mem:x:8:\n\
kmem:x:9:\n\
wheel:x:10:\n\
cdrom:x:11:\n\
mail:x:12:\n\
man:x:15:\n\
dialout:x:18:\n\
floppy:x:19:\n\
games:x:20:\n\
tape:x:33:\n\
video:x:39:\n\
ftp:x:50:\n\
lock:x:54:\n\
audio:x:63:\n\
users:x:100:\n\
nobody:x:65534:\n"
    };
}
pub(crate) use ol_group;

/// The Oracle Linux 9 "slim" root filesystem (merged `/usr`, `microdnf` instead of `dnf`).
const ROOTFS: &[FileSpec] = &[
    Link("/bin", "usr/bin"),
    Dir("/boot"),
    Dir("/dev"),
    Dir("/etc"),
    Dir("/etc/pki"),
    Dir("/etc/pki/rpm-gpg"),
    Dir("/etc/yum.repos.d"),
    File(
        "/etc/os-release",
        "\
NAME=\"Oracle Linux Server\"\n\
VERSION=\"9.5\"\n\
ID=\"ol\"\n\
ID_LIKE=\"fedora\"\n\
VARIANT=\"Server\"\n\
VARIANT_ID=\"server\"\n\
VERSION_ID=\"9.5\"\n\
PLATFORM_ID=\"platform:el9\"\n\
PRETTY_NAME=\"Oracle Linux Server 9.5\"\n\
ANSI_COLOR=\"0;31\"\n\
CPE_NAME=\"cpe:/o:oracle:linux:9:5:server\"\n\
HOME_URL=\"https://linux.oracle.com/\"\n\
BUG_REPORT_URL=\"https://github.com/oracle/oracle-linux\"\n\
\n\
ORACLE_BUGZILLA_PRODUCT=\"Oracle Linux 9\"\n\
ORACLE_BUGZILLA_PRODUCT_VERSION=\"9.5\"\n\
ORACLE_SUPPORT_PRODUCT=\"Oracle Linux\"\n\
ORACLE_SUPPORT_PRODUCT_VERSION=\"9.5\"\n",
    ),
    File("/etc/oracle-release", "Oracle Linux Server release 9.5\n"),
    Link("/etc/redhat-release", "oracle-release"),
    Link("/etc/system-release", "oracle-release"),
    File("/etc/passwd", ol_passwd!()),
    File("/etc/group", ol_group!()),
    Dir("/home"),
    Link("/lib", "usr/lib"),
    Link("/lib64", "usr/lib64"),
    Dir("/media"),
    Dir("/mnt"),
    Dir("/opt"),
    DirMode("/proc", 0o555),
    DirMode("/root", 0o550),
    Dir("/run"),
    Link("/sbin", "usr/sbin"),
    Dir("/srv"),
    DirMode("/sys", 0o555),
    DirMode("/tmp", 0o1777),
    Dir("/usr"),
    Dir("/usr/bin"),
    Exe("/usr/bin/bash", "bash"),
    Link("/usr/bin/sh", "bash"),
    Exe("/usr/bin/microdnf", "microdnf"),
    Exe("/usr/bin/rpm", "rpm"),
    Exe("/usr/bin/gpg", "gpg"),
    Tools(
        "/usr/bin",
        "coreutils",
        &[
            "[",
            "arch",
            "b2sum",
            "base32",
            "base64",
            "basename",
            "cat",
            "chgrp",
            "chmod",
            "chown",
            "cksum",
            "comm",
            "cp",
            "csplit",
            "cut",
            "date",
            "dd",
            "df",
            "dir",
            "dircolors",
            "dirname",
            "du",
            "echo",
            "env",
            "expand",
            "expr",
            "factor",
            "false",
            "fmt",
            "fold",
            "head",
            "hostid",
            "id",
            "install",
            "join",
            "link",
            "ln",
            "logname",
            "ls",
            "md5sum",
            "mkdir",
            "mkfifo",
            "mknod",
            "mktemp",
            "mv",
            "nice",
            "nl",
            "nohup",
            "nproc",
            "numfmt",
            "od",
            "paste",
            "pathchk",
            "pinky",
            "pr",
            "printenv",
            "printf",
            "ptx",
            "pwd",
            "readlink",
            "realpath",
            "rm",
            "rmdir",
            "seq",
            "sha1sum",
            "sha224sum",
            "sha256sum",
            "sha384sum",
            "sha512sum",
            "shred",
            "shuf",
            "sleep",
            "sort",
            "split",
            "stat",
            "stdbuf",
            "stty",
            "sum",
            "sync",
            "tac",
            "tail",
            "tee",
            "test",
            "timeout",
            "touch",
            "tr",
            "true",
            "truncate",
            "tsort",
            "tty",
            "uname",
            "unexpand",
            "uniq",
            "unlink",
            "users",
            "vdir",
            "wc",
            "who",
            "whoami",
            "yes",
            "grep",
            "egrep",
            "fgrep",
            "sed",
            "gawk",
            "find",
            "xargs",
            "tar",
            "gzip",
            "gunzip",
            "zcat",
            "curl",
            "mount",
            "umount",
            "getent",
            "ldd",
            "more",
            "hostname",
        ],
    ),
    Dir("/usr/lib"),
    Dir("/usr/lib64"),
    Dir("/usr/local"),
    Dir("/usr/local/bin"),
    Dir("/usr/local/sbin"),
    Dir("/usr/sbin"),
    Tools(
        "/usr/sbin",
        "coreutils",
        &[
            "chroot", "groupadd", "ldconfig", "nologin", "useradd", "userdel", "usermod",
        ],
    ),
    Dir("/usr/share"),
    Dir("/var"),
    Dir("/var/cache"),
    Dir("/var/lib"),
    Dir("/var/log"),
    Link("/var/run", "../run"),
    DirMode("/var/tmp", 0o1777),
];

pub const REPO: RepoSpec = RepoSpec {
    path: "library/oraclelinux",
    description: "Official Docker builds of Oracle Linux.",
    stars: 950,
    official: true,
    images: &[TaggedImage {
        tags: &["9-slim"],
        image: ImageSpec {
            from: None,
            created: "2025-05-27T18:21:36Z",
            steps: &[
                layer(
                    "ADD oraclelinux-9-slim-amd64-rootfs.tar.xz / # buildkit",
                    117_680_114,
                    ROOTFS,
                ),
                meta("CMD [\"/bin/bash\"]"),
            ],
            config: ConfigSpec {
                env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                cmd: Some(&["/bin/bash"]),
                entrypoint: None,
                ..ConfigSpec::EMPTY
            },
        },
    }],
};
