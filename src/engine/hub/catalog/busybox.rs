//! Docker Hub `library/busybox`: `latest` is the glibc build of BusyBox 1.37.0 on amd64, imported
//! from docker-library/busybox (`dist-amd64`, 2024-09-26 build). Applets are hard links of
//! `/bin/busybox` (`Exes`), unlike Alpine's symbolic links.
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, FileSpec, ImageSpec, RepoSpec, StepSpec, TaggedImage};

/// The busybox 1.37.0 (glibc) root filesystem: `/bin` holds busybox and its applets as hard
/// links, plus glibc's `getconf`.
const ROOTFS: &[FileSpec] = &[
    Dir("/bin"),
    Exes(
        "/bin",
        "busybox",
        &[
            "[", "[[", "acpid", "add-shell", "addgroup", "adduser", "adjtimex", "ar", "arch",
            "arp", "arping", "ascii", "ash", "awk", "base32", "base64", "basename", "bc", "beep",
            "blkdiscard", "blkid", "blockdev", "bootchartd", "brctl", "bunzip2", "busybox",
            "bzcat", "bzip2", "cal", "cat", "chat", "chattr", "chgrp", "chmod", "chown",
            "chpasswd", "chpst", "chroot", "chrt", "chvt", "cksum", "clear", "cmp", "comm",
            "conspy", "cp", "cpio", "crc32", "crond", "crontab", "cryptpw", "cttyhack", "cut",
            "date", "dc", "dd", "deallocvt", "delgroup", "deluser", "depmod", "devmem", "df",
            "dhcprelay", "diff", "dirname", "dmesg", "dnsd", "dnsdomainname", "dos2unix", "dpkg",
            "dpkg-deb", "du", "dumpkmap", "dumpleases", "echo", "ed", "egrep", "eject", "env",
            "envdir", "envuidgid", "ether-wake", "expand", "expr", "factor", "fakeidentd",
            "fallocate", "false", "fatattr", "fbset", "fbsplash", "fdflush", "fdformat", "fdisk",
            "fgconsole", "fgrep", "find", "findfs", "flock", "fold", "free", "freeramdisk", "fsck",
            "fsck.minix", "fsfreeze", "fstrim", "fsync", "ftpd", "ftpget", "ftpput", "fuser",
            "getfattr", "getopt", "getty", "grep", "groups", "gunzip", "gzip", "halt", "hd",
            "hdparm", "head", "hexdump", "hexedit", "hostid", "hostname", "httpd", "hush",
            "hwclock", "i2cdetect", "i2cdump", "i2cget", "i2cset", "i2ctransfer", "id", "ifconfig",
            "ifdown", "ifenslave", "ifplugd", "ifup", "inetd", "init", "inotifyd", "insmod",
            "install", "ionice", "iostat", "ip", "ipaddr", "ipcalc", "ipcrm", "ipcs", "iplink",
            "ipneigh", "iproute", "iprule", "iptunnel", "kbd_mode", "kill", "killall", "killall5",
            "klogd", "last", "less", "link", "linux32", "linux64", "linuxrc", "ln", "loadfont",
            "loadkmap", "logger", "login", "logname", "logread", "losetup", "lpd", "lpq", "lpr",
            "ls", "lsattr", "lsmod", "lsof", "lspci", "lsscsi", "lsusb", "lzcat", "lzma", "lzop",
            "makedevs", "makemime", "man", "md5sum", "mdev", "mesg", "microcom", "mim", "mkdir",
            "mkdosfs", "mke2fs", "mkfifo", "mkfs.ext2", "mkfs.minix", "mkfs.vfat", "mknod",
            "mkpasswd", "mkswap", "mktemp", "modinfo", "modprobe", "more", "mount", "mountpoint",
            "mpstat", "mt", "mv", "nameif", "nanddump", "nandwrite", "nbd-client", "nc", "netstat",
            "nice", "nl", "nmeter", "nohup", "nologin", "nproc", "nsenter", "nslookup", "ntpd",
            "od", "openvt", "partprobe", "passwd", "paste", "patch", "pgrep", "pidof", "ping",
            "ping6", "pipe_progress", "pivot_root", "pkill", "pmap", "popmaildir", "poweroff",
            "powertop", "printenv", "printf", "ps", "pscan", "pstree", "pwd", "pwdx",
            "raidautorun", "rdate", "rdev", "readahead", "readlink", "readprofile", "realpath",
            "reboot", "reformime", "remove-shell", "renice", "reset", "resize", "resume", "rev",
            "rm", "rmdir", "rmmod", "route", "rpm", "rpm2cpio", "rtcwake", "run-init", "run-parts",
            "runlevel", "runsv", "runsvdir", "rx", "script", "scriptreplay", "sed", "seedrng",
            "sendmail", "seq", "setarch", "setconsole", "setfattr", "setfont", "setkeycodes",
            "setlogcons", "setpriv", "setserial", "setsid", "setuidgid", "sh", "sha1sum",
            "sha256sum", "sha3sum", "sha512sum", "showkey", "shred", "shuf", "slattach", "sleep",
            "smemcap", "softlimit", "sort", "split", "ssl_client", "start-stop-daemon", "stat",
            "strings", "stty", "su", "sulogin", "sum", "sv", "svc", "svlogd", "svok", "swapoff",
            "swapon", "switch_root", "sync", "sysctl", "syslogd", "tac", "tail", "tar", "taskset",
            "tc", "tcpsvd", "tee", "telnet", "telnetd", "test", "tftp", "tftpd", "time", "timeout",
            "top", "touch", "tr", "traceroute", "traceroute6", "tree", "true", "truncate", "ts",
            "tsort", "tty", "ttysize", "tunctl", "ubiattach", "ubidetach", "ubimkvol", "ubirename",
            "ubirmvol", "ubirsvol", "ubiupdatevol", "udhcpc", "udhcpc6", "udhcpd", "udpsvd",
            "uevent", "umount", "uname", "unexpand", "uniq", "unix2dos", "unlink", "unlzma",
            "unshare", "unxz", "unzip", "uptime", "users", "usleep", "uudecode", "uuencode",
            "vconfig", "vi", "vlock", "volname", "w", "wall", "watch", "watchdog", "wc", "wget",
            "which", "who", "whoami", "whois", "xargs", "xxd", "xz", "xzcat", "yes", "zcat",
            "zcip",
        ],
    ),
    Exe("/bin/getconf", "coreutils:getconf"),
    Dir("/dev"),
    Dir("/etc"),
    File("/etc/group", "\
root:x:0:\n\
daemon:x:1:\n\
bin:x:2:\n\
sys:x:3:\n\
adm:x:4:\n\
tty:x:5:\n\
disk:x:6:\n\
lp:x:7:\n\
mail:x:8:\n\
kmem:x:9:\n\
wheel:x:10:root\n\
cdrom:x:11:\n\
dialout:x:18:\n\
floppy:x:19:\n\
video:x:28:\n\
audio:x:29:\n\
tape:x:32:\n\
www-data:x:33:\n\
operator:x:37:\n\
utmp:x:43:\n\
plugdev:x:46:\n\
staff:x:50:\n\
lock:x:54:\n\
netdev:x:82:\n\
users:x:100:\n\
nobody:x:65534:\n"),
    Blob("/etc/localtime", 114),
    Dir("/etc/network"),
    Dir("/etc/network/if-down.d"),
    Dir("/etc/network/if-post-down.d"),
    Dir("/etc/network/if-pre-up.d"),
    Dir("/etc/network/if-up.d"),
    File("/etc/nsswitch.conf", "\
# /etc/nsswitch.conf\n\
#\n\
# Example configuration of GNU Name Service Switch functionality.\n\
# If you have the `glibc-doc-reference' and `info' packages installed, try:\n\
# `info libc \"Name Service Switch\"' for information about this file.\n\
\n\
passwd:         files\n\
group:          files\n\
shadow:         files\n\
gshadow:        files\n\
\n\
hosts:          files dns\n\
networks:       files\n\
\n\
protocols:      db files\n\
services:       db files\n\
ethers:         db files\n\
rpc:            db files\n\
\n\
netgroup:       nis\n"),
    File("/etc/passwd", "\
root:x:0:0:root:/root:/bin/sh\n\
daemon:x:1:1:daemon:/usr/sbin:/bin/false\n\
bin:x:2:2:bin:/bin:/bin/false\n\
sys:x:3:3:sys:/dev:/bin/false\n\
sync:x:4:100:sync:/bin:/bin/sync\n\
mail:x:8:8:mail:/var/spool/mail:/bin/false\n\
www-data:x:33:33:www-data:/var/www:/bin/false\n\
operator:x:37:37:Operator:/var:/bin/false\n\
nobody:x:65534:65534:nobody:/home:/bin/false\n"),
    File("/etc/shadow", "\
root:*:::::::\n\
daemon:*:::::::\n\
bin:*:::::::\n\
sys:*:::::::\n\
sync:*:::::::\n\
mail:*:::::::\n\
www-data:*:::::::\n\
operator:*:::::::\n\
nobody:*:::::::\n"),
    DirOwned("/home", 65534, 65534, 0o755),
    Dir("/lib"),
    Blob("/lib/ld-linux-x86-64.so.2", 210_968),
    Blob("/lib/libc.so.6", 1_922_136),
    Blob("/lib/libm.so.6", 907_784),
    Blob("/lib/libnss_compat.so.2", 43_664),
    Blob("/lib/libnss_dns.so.2", 14_336),
    Blob("/lib/libnss_files.so.2", 14_336),
    Blob("/lib/libnss_hesiod.so.2", 26_840),
    Blob("/lib/libpthread.so.0", 14_408),
    Blob("/lib/libresolv.so.2", 63_936),
    Link("/lib64", "lib"),
    DirMode("/root", 0o700),
    DirMode("/tmp", 0o1777),
    Dir("/usr"),
    Dir("/usr/bin"),
    DirOwned("/usr/sbin", 1, 1, 0o755),
    Dir("/var"),
    Dir("/var/spool"),
    DirOwned("/var/spool/mail", 8, 8, 0o755),
    Dir("/var/www"),
];

pub const REPO: RepoSpec = RepoSpec {
    path: "library/busybox",
    description: "Busybox base image.",
    stars: 3_300,
    official: true,
    images: &[
    TaggedImage {
        tags: &["1.37.0", "1.37", "1", "unstable", "latest", "1.37.0-glibc", "1.37-glibc", "1-glibc", "unstable-glibc", "glibc"],
        image: ImageSpec {
            from: None,
            created: "2024-09-26T21:31:42Z",
            steps: &[
                StepSpec {
                    created_by: "BusyBox 1.37.0 (glibc), Debian 12",
                    comment: "",
                    size: 4_261_550,
                    empty: false,
                    files: ROOTFS,
                },
            ],
            config: ConfigSpec {
            env: &[
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            ],
            cmd: Some(&["sh"]),
            entrypoint: None,
            ..ConfigSpec::EMPTY
        },
        },
    },
    ],
};
