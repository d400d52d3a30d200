//! The root filesystem of Alpine Linux's `alpine-minirootfs` (the `ADD` layer of every
//! `alpine:*` image): busybox with its applets as symbolic links to `/bin/busybox`, musl,
//! `apk`. Per-release files (`/etc/os-release`, `/etc/alpine-release`, `/etc/issue`,
//! `/etc/apk/repositories`) live in [`super::alpine`].
//!
//! Invariant: every applet link points at `/bin/busybox`; paths are absolute and normalized.

use crate::engine::hub::spec::FileSpec::{self, *};

macro_rules! alpine_passwd {
    () => {
        "\
root:x:0:0:root:/root:/bin/sh\n\
bin:x:1:1:bin:/bin:/sbin/nologin\n\
daemon:x:2:2:daemon:/sbin:/sbin/nologin\n\
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\n\
sync:x:5:0:sync:/sbin:/bin/sync\n\
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\n\
halt:x:7:0:halt:/sbin:/sbin/halt\n\
mail:x:8:12:mail:/var/mail:/sbin/nologin\n\
news:x:9:13:news:/usr/lib/news:/sbin/nologin\n\
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin\n\
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin\n\
ftp:x:21:21::/var/lib/ftp:/sbin/nologin\n\
sshd:x:22:22:sshd:/dev/null:/sbin/nologin\n\
games:x:35:35:games:/usr/games:/sbin/nologin\n\
ntp:x:123:123:NTP:/var/empty:/sbin/nologin\n\
guest:x:405:100:guest:/dev/null:/sbin/nologin\n\
nobody:x:65534:65534:nobody:/:/sbin/nologin\n"
    };
}
pub(crate) use alpine_passwd;

macro_rules! alpine_group {
    () => {
        "\
root:x:0:root\n\
bin:x:1:root,bin,daemon\n\
daemon:x:2:root,bin,daemon\n\
sys:x:3:root,bin\n\
adm:x:4:root,daemon\n\
tty:x:5:\n\
disk:x:6:root\n\
lp:x:7:lp\n\
kmem:x:9:\n\
wheel:x:10:root\n\
floppy:x:11:root\n\
mail:x:12:mail\n\
news:x:13:news\n\
uucp:x:14:uucp\n\
cron:x:16:cron\n\
audio:x:18:\n\
cdrom:x:19:\n\
dialout:x:20:root\n\
ftp:x:21:\n\
sshd:x:22:\n\
input:x:23:\n\
tape:x:26:root\n\
video:x:27:root\n\
netdev:x:28:\n\
kvm:x:34:kvm\n\
games:x:35:\n\
shadow:x:42:\n\
www-data:x:82:\n\
users:x:100:games\n\
ntp:x:123:\n\
abuild:x:300:\n\
utmp:x:406:\n\
ping:x:999:\n\
nogroup:x:65533:\n\
nobody:x:65534:\n"
    };
}
pub(crate) use alpine_group;

/// The release-independent part of the minirootfs.
pub const ALPINE_TREE: &[FileSpec] = &[
    Dir("/bin"),
    Exe("/bin/busybox", "busybox"),
    Links(
        "/bin",
        "/bin/busybox",
        &[
            "arch", "ash", "base64", "bbconfig", "cat", "chattr", "chgrp", "chmod", "chown", "cp",
            "date", "dd", "df", "dmesg", "dnsdomainname", "dumpkmap", "echo", "egrep", "false",
            "fatattr", "fdflush", "fgrep", "fsync", "getopt", "grep", "gunzip", "gzip", "hostname",
            "ionice", "iostat", "ipcalc", "kbd_mode", "kill", "link", "linux32", "linux64", "ln",
            "login", "ls", "lsattr", "lzop", "makemime", "mkdir", "mknod", "mktemp", "more",
            "mount", "mountpoint", "mpstat", "mv", "netstat", "nice", "pidof", "ping", "ping6",
            "pipe_progress", "printenv", "ps", "pwd", "reformime", "rev", "rm", "rmdir",
            "run-parts", "sed", "setpriv", "setserial", "sh", "sleep", "stat", "stty", "su",
            "sync", "tar", "touch", "true", "umount", "uname", "usleep", "watch", "zcat",
        ],
    ),
    Dir("/dev"),
    Dir("/etc"),
    Dir("/etc/apk"),
    Dir("/etc/apk/keys"),
    Dir("/etc/apk/protected_paths.d"),
    Dir("/etc/busybox-paths.d"),
    Dir("/etc/crontabs"),
    Dir("/etc/logrotate.d"),
    Dir("/etc/modprobe.d"),
    Dir("/etc/modules-load.d"),
    Dir("/etc/network"),
    Dir("/etc/network/if-down.d"),
    Dir("/etc/network/if-post-down.d"),
    Dir("/etc/network/if-post-up.d"),
    Dir("/etc/network/if-pre-down.d"),
    Dir("/etc/network/if-pre-up.d"),
    Dir("/etc/network/if-up.d"),
    Dir("/etc/opt"),
    Dir("/etc/periodic"),
    Dir("/etc/periodic/15min"),
    Dir("/etc/periodic/daily"),
    Dir("/etc/periodic/hourly"),
    Dir("/etc/periodic/monthly"),
    Dir("/etc/periodic/weekly"),
    Dir("/etc/profile.d"),
    Dir("/etc/secfixes.d"),
    Dir("/etc/ssl"),
    Dir("/etc/ssl/certs"),
    Dir("/etc/ssl/private"),
    Dir("/etc/sysctl.d"),
    Dir("/etc/udhcpc"),
    File("/etc/apk/arch", "x86_64\n"),
    File("/etc/fstab", "\
/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n\
/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n"),
    File("/etc/group", alpine_group!()),
    File("/etc/hostname", "localhost\n"),
    File("/etc/hosts", "\
127.0.0.1\tlocalhost localhost.localdomain\n\
::1\t\tlocalhost localhost.localdomain\n"),
    File("/etc/inittab", "\
# /etc/inittab\n\
\n\
::sysinit:/sbin/openrc sysinit\n\
::sysinit:/sbin/openrc boot\n\
::wait:/sbin/openrc default\n\
\n\
# Set up a couple of getty's\n\
tty1::respawn:/sbin/getty 38400 tty1\n\
tty2::respawn:/sbin/getty 38400 tty2\n\
tty3::respawn:/sbin/getty 38400 tty3\n\
tty4::respawn:/sbin/getty 38400 tty4\n\
tty5::respawn:/sbin/getty 38400 tty5\n\
tty6::respawn:/sbin/getty 38400 tty6\n\
\n\
# Put a getty on the serial port\n\
#ttyS0::respawn:/sbin/getty -L 115200 ttyS0 vt100\n\
\n\
# Stuff to do for the 3-finger salute\n\
::ctrlaltdel:/sbin/reboot\n\
\n\
# Stuff to do before rebooting\n\
::shutdown:/sbin/openrc shutdown\n\
\n"),
    File("/etc/modules", "\
af_packet\n\
ipv6\n"),
    File("/etc/motd", "\
Welcome to Alpine!\n\
\n\
The Alpine Wiki contains a large amount of how-to guides and general\n\
information about administrating Alpine systems.\n\
See <https://wiki.alpinelinux.org/>.\n\
\n\
You can setup the system with the command: setup-alpine\n\
\n\
You may change this message by editing /etc/motd.\n\
\n"),
    Link("/etc/mtab", "/proc/mounts"),
    File("/etc/nsswitch.conf", "\
# musl itself does not support NSS, however some third-party DNS\n\
# implementations use the nsswitch.conf file to determine what\n\
# policy to follow.\n\
# Editing this file is not recommended.\n\
hosts: files dns\n"),
    File("/etc/passwd", alpine_passwd!()),
    File("/etc/profile", "\
export PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"\n\
\n\
export PAGER=less\n\
umask 022\n\
\n\
# use nicer PS1 for bash and busybox ash\n\
if [ -n \"$BASH_VERSION\" -o \"$BB_ASH_VERSION\" ]; then\n\
\tPS1='\\h:\\w\\$ '\n\
# use nicer PS1 for zsh\n\
elif [ -n \"$ZSH_VERSION\" ]; then\n\
\tPS1='%m:%~%# '\n\
# set up fallback default PS1\n\
else\n\
\t: \"${HOSTNAME:=$(hostname)}\"\n\
\tPS1='${HOSTNAME%%.*}:$PWD'\n\
\t[ \"$(id -u)\" -eq 0 ] && PS1=\"${PS1}# \" || PS1=\"${PS1}\\$ \"\n\
fi\n\
\n\
for script in /etc/profile.d/*.sh ; do\n\
\tif [ -r \"$script\" ] ; then\n\
\t\t. \"$script\"\n\
\tfi\n\
done\n\
unset script\n"),
    File("/etc/profile.d/20locale.sh", "\
export CHARSET=${CHARSET:-UTF-8}\n\
export LANG=${LANG:-C.UTF-8}\n\
export LC_COLLATE=${LC_COLLATE:-C}\n"),
    File("/etc/profile.d/README", "\
This directory should contain shell scripts configuring system-wide\n\
environment on users' shells.\n\
\n\
Files with the .sh extension found in this directory are evaluated by\n\
Bourne-compatible shells (like ash, bash or zsh) when started as a\n\
login shell.\n"),
    Blob("/etc/protocols", 3144),
    File("/etc/securetty", "\
console\n\
tty0\n\
tty1\n\
tty2\n\
tty3\n\
tty4\n\
tty5\n\
tty6\n\
tty7\n\
tty8\n\
tty9\n\
tty10\n\
tty11\n\
hvc0\n\
ttyS0\n\
ttyS1\n\
ttyS2\n\
ttyGS0\n\
ttyAMA0\n\
ttyAMA1\n\
ttyTCU0\n\
ttyTHS0\n\
ttyTHS1\n\
ttymxc0\n\
ttymxc2\n"),
    Blob("/etc/services", 12813),
    File("/etc/shadow", "\
root:*::0:::::\n\
bin:!::0:::::\n\
daemon:!::0:::::\n\
lp:!::0:::::\n\
sync:!::0:::::\n\
shutdown:!::0:::::\n\
halt:!::0:::::\n\
mail:!::0:::::\n\
news:!::0:::::\n\
uucp:!::0:::::\n\
cron:!::0:::::\n\
ftp:!::0:::::\n\
sshd:!::0:::::\n\
games:!::0:::::\n\
ntp:!::0:::::\n\
guest:!::0:::::\n\
nobody:!::0:::::\n"),
    File("/etc/shells", "\
# valid login shells\n\
/bin/sh\n\
/bin/ash\n"),
    Link("/etc/ssl/cert.pem", "certs/ca-certificates.crt"),
    Blob("/etc/ssl/certs/ca-certificates.crt", 221_369),
    Blob("/etc/ssl/openssl.cnf", 12_411),
    File("/etc/sysctl.conf", "# content of this file will override /etc/sysctl.d/*\n"),
    Dir("/home"),
    Dir("/lib"),
    Dir("/lib/apk"),
    Dir("/lib/apk/db"),
    Dir("/lib/firmware"),
    Dir("/lib/modules-load.d"),
    Dir("/lib/sysctl.d"),
    Exe("/lib/ld-musl-x86_64.so.1", "alpine:ld-musl"),
    Link("/lib/libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1"),
    Blob("/lib/libapk.so.2.14.0", 183_992),
    Blob("/lib/libcrypto.so.3", 4_478_288),
    Blob("/lib/libssl.so.3", 798_424),
    Blob("/lib/libz.so.1.3.1", 100_208),
    Link("/lib/libz.so.1", "libz.so.1.3.1"),
    Dir("/media"),
    Dir("/media/cdrom"),
    Dir("/media/floppy"),
    Dir("/media/usb"),
    Dir("/mnt"),
    Dir("/opt"),
    DirMode("/proc", 0o555),
    DirMode("/root", 0o700),
    Dir("/run"),
    Dir("/sbin"),
    Exe("/sbin/apk", "apk"),
    Exe("/sbin/ldconfig", "alpine:ldconfig"),
    Links(
        "/sbin",
        "/bin/busybox",
        &[
            "acpid", "adjtimex", "arp", "blkid", "blockdev", "depmod", "fbsplash", "fdisk",
            "findfs", "fsck", "fstrim", "getty", "halt", "hwclock", "ifconfig", "ifdown",
            "ifenslave", "ifup", "init", "inotifyd", "insmod", "ip", "ipaddr", "iplink", "ipneigh",
            "iproute", "iprule", "iptunnel", "klogd", "loadkmap", "logread", "losetup", "lsmod",
            "mdev", "mkdosfs", "mkfs.vfat", "mkswap", "modinfo", "modprobe", "nameif", "nologin",
            "pivot_root", "poweroff", "raidautorun", "reboot", "rmmod", "route", "setconsole",
            "slattach", "swapoff", "swapon", "switch_root", "sysctl", "syslogd", "tunctl",
            "udhcpc", "vconfig", "watchdog", "zcip",
        ],
    ),
    Dir("/srv"),
    Dir("/sys"),
    DirMode("/tmp", 0o1777),
    Dir("/usr"),
    Dir("/usr/bin"),
    Exe("/usr/bin/getconf", "alpine:getconf"),
    Exe("/usr/bin/getent", "alpine:getent"),
    Exe("/usr/bin/iconv", "alpine:iconv"),
    Exe("/usr/bin/ldd", "alpine:ldd"),
    Exe("/usr/bin/scanelf", "alpine:scanelf"),
    Exe("/usr/bin/ssl_client", "alpine:ssl_client"),
    Links(
        "/usr/bin",
        "/bin/busybox",
        &[
            "[", "[[", "awk", "basename", "bc", "beep", "blkdiscard", "bunzip2", "bzcat", "bzip2",
            "cal", "chvt", "cksum", "clear", "cmp", "comm", "cpio", "crontab", "cryptpw", "cut",
            "dc", "deallocvt", "diff", "dirname", "dos2unix", "du", "eject", "env", "expand",
            "expr", "factor", "fallocate", "find", "flock", "fold", "free", "fuser", "groups",
            "hd", "head", "hexdump", "hostid", "id", "install", "ipcrm", "ipcs", "killall", "last",
            "less", "logger", "lsof", "lsusb", "lzcat", "lzma", "lzopcat", "md5sum", "mesg",
            "microcom", "mkfifo", "mkpasswd", "nc", "nl", "nmeter", "nohup", "nproc", "nsenter",
            "nslookup", "od", "openvt", "passwd", "paste", "pgrep", "pkill", "pmap", "printf",
            "pscan", "pstree", "pwdx", "readlink", "realpath", "renice", "reset", "resize", "seq",
            "setkeycodes", "setsid", "sha1sum", "sha256sum", "sha3sum", "sha512sum", "showkey",
            "shred", "shuf", "sort", "split", "strings", "sum", "tac", "tail", "tee", "test",
            "time", "timeout", "top", "tr", "traceroute", "traceroute6", "tree", "truncate", "tty",
            "ttysize", "udhcpc6", "unexpand", "uniq", "unix2dos", "unlink", "unlzma", "unlzop",
            "unshare", "unxz", "unzip", "uptime", "uudecode", "uuencode", "vi", "vlock", "volname",
            "wc", "wget", "which", "who", "whoami", "whois", "xargs", "xxd", "xzcat", "yes",
        ],
    ),
    Dir("/usr/lib"),
    Dir("/usr/local"),
    Dir("/usr/local/bin"),
    Dir("/usr/local/lib"),
    Dir("/usr/local/share"),
    Dir("/usr/sbin"),
    Links(
        "/usr/sbin",
        "/bin/busybox",
        &[
            "add-shell", "addgroup", "adduser", "arping", "brctl", "chpasswd", "chroot", "crond",
            "delgroup", "deluser", "ether-wake", "fbset", "killall5", "loadfont", "nanddump",
            "nandwrite", "nbd-client", "ntpd", "partprobe", "rdate", "rdev", "readahead",
            "remove-shell", "rfkill", "sendmail", "setfont", "setlogcons",
        ],
    ),
    Dir("/usr/share"),
    Dir("/usr/share/apk"),
    Dir("/usr/share/man"),
    Dir("/usr/share/misc"),
    Dir("/var"),
    Dir("/var/cache"),
    Dir("/var/cache/apk"),
    Dir("/var/cache/misc"),
    DirMode("/var/empty", 0o555),
    Dir("/var/lib"),
    Dir("/var/lib/misc"),
    Dir("/var/local"),
    Dir("/var/lock"),
    Dir("/var/lock/subsys"),
    Dir("/var/log"),
    Dir("/var/mail"),
    Dir("/var/opt"),
    Link("/var/run", "/run"),
    Dir("/var/spool"),
    Dir("/var/spool/cron"),
    Link("/var/spool/cron/crontabs", "/etc/crontabs"),
    Link("/var/spool/mail", "/var/mail"),
    DirMode("/var/tmp", 0o1777),
];
