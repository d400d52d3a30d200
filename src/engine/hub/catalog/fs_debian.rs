//! The root filesystem shared by the Debian-family images: Debian 12 "bookworm" as
//! `debuerreotype` builds it (merged `/usr`: `/bin` is a link to `usr/bin`), and the
//! pieces Ubuntu reuses. The tool names are the executables the 88 packages of
//! `debian:bookworm-slim` install (from their `dpkg -L` lists); each runs
//! `coreutils:<name>`. `/etc/passwd` and `/etc/group` are macros so images that add a
//! user can extend them with `concat!`.
//!
//! Invariant: every path is absolute and normalized; no file content is invented (texts are
//! the Debian 12.11 ones).

use crate::engine::hub::spec::FileSpec::{self, *};

macro_rules! debian_passwd {
    () => {
        "\
root:x:0:0:root:/root:/bin/bash\n\
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n\
bin:x:2:2:bin:/bin:/usr/sbin/nologin\n\
sys:x:3:3:sys:/dev:/usr/sbin/nologin\n\
sync:x:4:65534:sync:/bin:/bin/sync\n\
games:x:5:60:games:/usr/games:/usr/sbin/nologin\n\
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin\n\
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin\n\
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin\n\
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin\n\
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin\n\
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin\n\
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n\
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin\n\
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin\n\
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin\n\
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\n\
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
    };
}
pub(crate) use debian_passwd;

macro_rules! debian_group {
    () => {
        "\
root:x:0:\n\
daemon:x:1:\n\
bin:x:2:\n\
sys:x:3:\n\
adm:x:4:\n\
tty:x:5:\n\
disk:x:6:\n\
lp:x:7:\n\
mail:x:8:\n\
news:x:9:\n\
uucp:x:10:\n\
man:x:12:\n\
proxy:x:13:\n\
kmem:x:15:\n\
dialout:x:20:\n\
fax:x:21:\n\
voice:x:22:\n\
cdrom:x:24:\n\
floppy:x:25:\n\
tape:x:26:\n\
sudo:x:27:\n\
audio:x:29:\n\
dip:x:30:\n\
www-data:x:33:\n\
backup:x:34:\n\
operator:x:37:\n\
list:x:38:\n\
irc:x:39:\n\
src:x:40:\n\
shadow:x:42:\n\
utmp:x:43:\n\
video:x:44:\n\
sasl:x:45:\n\
plugdev:x:46:\n\
staff:x:50:\n\
games:x:60:\n\
users:x:100:\n\
nogroup:x:65534:\n"
    };
}
pub(crate) use debian_group;

/// The top-level tree of a merged-`/usr` Debian or Ubuntu root filesystem.
pub const MERGED_USR_TREE: &[FileSpec] = &[
    Link("/bin", "usr/bin"),
    Dir("/boot"),
    Dir("/dev"),
    Dir("/etc"),
    Dir("/etc/alternatives"),
    Dir("/etc/apt"),
    Dir("/etc/apt/apt.conf.d"),
    Dir("/etc/apt/keyrings"),
    Dir("/etc/apt/preferences.d"),
    Dir("/etc/apt/sources.list.d"),
    Dir("/etc/default"),
    Dir("/etc/dpkg"),
    Dir("/etc/profile.d"),
    Dir("/etc/skel"),
    Dir("/home"),
    Link("/lib", "usr/lib"),
    Link("/lib64", "usr/lib64"),
    Dir("/media"),
    Dir("/mnt"),
    Dir("/opt"),
    DirMode("/proc", 0o555),
    DirMode("/root", 0o700),
    Dir("/run"),
    DirMode("/run/lock", 0o1777),
    Link("/sbin", "usr/sbin"),
    Dir("/srv"),
    DirMode("/sys", 0o555),
    DirMode("/tmp", 0o1777),
    Dir("/usr"),
    Dir("/usr/bin"),
    Dir("/usr/games"),
    Dir("/usr/include"),
    Dir("/usr/lib"),
    Dir("/usr/lib/x86_64-linux-gnu"),
    Dir("/usr/lib64"),
    Dir("/usr/libexec"),
    Dir("/usr/local"),
    Dir("/usr/local/bin"),
    Dir("/usr/local/etc"),
    Dir("/usr/local/games"),
    Dir("/usr/local/include"),
    Dir("/usr/local/lib"),
    Link("/usr/local/man", "share/man"),
    Dir("/usr/local/sbin"),
    Dir("/usr/local/share"),
    Dir("/usr/local/src"),
    Dir("/usr/sbin"),
    Dir("/usr/share"),
    Dir("/usr/share/zoneinfo"),
    Dir("/usr/share/zoneinfo/Etc"),
    Dir("/usr/src"),
    Dir("/var"),
    Dir("/var/backups"),
    Dir("/var/cache"),
    Dir("/var/cache/apt"),
    Dir("/var/lib"),
    Dir("/var/lib/apt"),
    Dir("/var/lib/apt/lists"),
    Dir("/var/lib/dpkg"),
    Dir("/var/lib/misc"),
    DirOwned("/var/local", 0, 50, 0o2775),
    Link("/var/lock", "/run/lock"),
    Dir("/var/log"),
    Dir("/var/log/apt"),
    DirOwned("/var/mail", 0, 8, 0o2775),
    Dir("/var/opt"),
    Link("/var/run", "/run"),
    Dir("/var/spool"),
    Link("/var/spool/mail", "../mail"),
    DirMode("/var/tmp", 0o1777),
    // shared libraries: only the names matter
    Blob("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", 210_968),
    Blob("/usr/lib/x86_64-linux-gnu/libc.so.6", 1_922_136),
    Blob("/usr/lib/x86_64-linux-gnu/libm.so.6", 907_784),
    Blob("/usr/lib/x86_64-linux-gnu/libtinfo.so.6.4", 212_432),
    Link("/usr/lib/x86_64-linux-gnu/libtinfo.so.6", "libtinfo.so.6.4"),
    Link("/usr/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"),
    Blob("/usr/share/zoneinfo/Etc/UTC", 114),
    Link("/etc/localtime", "/usr/share/zoneinfo/Etc/UTC"),
    File("/etc/timezone", "Etc/UTC\n"),
    File("/root/.bashrc", "\
# ~/.bashrc: executed by bash(1) for non-login shells.\n\
\n\
# Note: PS1 and umask are already set in /etc/profile. You should not\n\
# need this unless you want different defaults for root.\n\
# PS1='${debian_chroot:+($debian_chroot)}\\h:\\w\\$ '\n\
# umask 022\n\
\n\
# You may uncomment the following lines if you want `ls' to be colorized:\n\
# export LS_OPTIONS='--color=auto'\n\
# eval \"$(dircolors)\"\n\
# alias ls='ls $LS_OPTIONS'\n\
# alias ll='ls $LS_OPTIONS -l'\n\
# alias l='ls $LS_OPTIONS -lA'\n\
#\n\
# Some more alias to avoid making mistakes:\n\
# alias rm='rm -i'\n\
# alias cp='cp -i'\n\
# alias mv='mv -i'\n"),
    File("/root/.profile", "\
# ~/.profile: executed by Bourne-compatible login shells.\n\
\n\
if [ \"$BASH\" ]; then\n\
\x20 if [ -f ~/.bashrc ]; then\n\
\x20   . ~/.bashrc\n\
\x20 fi\n\
fi\n\
\n\
mesg n 2> /dev/null || true\n"),
    Blob("/etc/skel/.bash_logout", 220),
    Blob("/etc/skel/.bashrc", 3_526),
    Blob("/etc/skel/.profile", 807),
    File("/etc/profile", "\
# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))\n\
# and Bourne compatible shells (bash(1), ksh(1), ash(1), ...).\n\
\n\
if [ \"$(id -u)\" -eq 0 ]; then\n\
\x20 PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"\n\
else\n\
\x20 PATH=\"/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games\"\n\
fi\n\
export PATH\n\
\n\
if [ \"${PS1-}\" ]; then\n\
\x20 if [ \"${BASH-}\" ] && [ \"$BASH\" != \"/bin/sh\" ]; then\n\
\x20   # The file bash.bashrc already sets the default PS1.\n\
\x20   # PS1='\\h:\\w\\$ '\n\
\x20   if [ -f /etc/bash.bashrc ]; then\n\
\x20     . /etc/bash.bashrc\n\
\x20   fi\n\
\x20 else\n\
\x20   if [ \"$(id -u)\" -eq 0 ]; then\n\
\x20     PS1='# '\n\
\x20   else\n\
\x20     PS1='$ '\n\
\x20   fi\n\
\x20 fi\n\
fi\n\
\n\
if [ -d /etc/profile.d ]; then\n\
\x20 for i in /etc/profile.d/*.sh; do\n\
\x20   if [ -r $i ]; then\n\
\x20     . $i\n\
\x20   fi\n\
\x20 done\n\
\x20 unset i\n\
fi\n"),
    File("/etc/bash.bashrc", "\
# System-wide .bashrc file for interactive bash(1) shells.\n\
\n\
# To enable the settings / commands in this file for login shells as well,\n\
# this file has to be sourced in /etc/profile.\n\
\n\
# If not running interactively, don't do anything\n\
[ -z \"$PS1\" ] && return\n\
\n\
# check the window size after each command and, if necessary,\n\
# update the values of LINES and COLUMNS.\n\
shopt -s checkwinsize\n\
\n\
# set variable identifying the chroot you work in (used in the prompt below)\n\
if [ -z \"${debian_chroot:-}\" ] && [ -r /etc/debian_chroot ]; then\n\
\x20   debian_chroot=$(cat /etc/debian_chroot)\n\
fi\n\
\n\
# set a fancy prompt (non-color, overwrite the one in /etc/profile)\n\
# but only if not SUDOing and have SUDO_PS1 set; then assume smart user.\n\
if ! [ -n \"${SUDO_USER}\" -a -n \"${SUDO_PS1}\" ]; then\n\
\x20 PS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '\n\
fi\n\
\n\
# Commented out, don't overwrite xterm -T \"title\" -n \"icontitle\" by default.\n\
# If this is an xterm set the title to user@host:dir\n\
#case \"$TERM\" in\n\
#xterm*|rxvt*)\n\
#    PROMPT_COMMAND='echo -ne \"\\033]0;${USER}@${HOSTNAME}: ${PWD}\\007\"'\n\
#    ;;\n\
#*)\n\
#    ;;\n\
#esac\n\
\n\
# enable bash completion in interactive shells\n\
#if ! shopt -oq posix; then\n\
#  if [ -f /usr/share/bash-completion/bash_completion ]; then\n\
#    . /usr/share/bash-completion/bash_completion\n\
#  elif [ -f /etc/bash_completion ]; then\n\
#    . /etc/bash_completion\n\
#  fi\n\
#fi\n\
\n\
# if the command-not-found package is installed, use it\n\
if [ -x /usr/lib/command-not-found -o -x /usr/share/command-not-found/command-not-found ]; then\n\
\tfunction command_not_found_handle {\n\
\t        # check because c-n-f could've been removed in the meantime\n\
\x20               if [ -x /usr/lib/command-not-found ]; then\n\
\t\t   /usr/lib/command-not-found -- \"$1\"\n\
\x20                  return $?\n\
\x20               elif [ -x /usr/share/command-not-found/command-not-found ]; then\n\
\t\t   /usr/share/command-not-found/command-not-found -- \"$1\"\n\
\x20                  return $?\n\
\t\telse\n\
\t\t   printf \"%s: command not found\\n\" \"$1\" >&2\n\
\t\t   return 127\n\
\t\tfi\n\
\t}\n\
fi\n"),
];

/// The `/etc` files of Debian 12.11 (`bookworm`, snapshot 20250520).
pub const DEBIAN_ETC: &[FileSpec] = &[
    File("/usr/lib/os-release", "\
PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n\
NAME=\"Debian GNU/Linux\"\n\
VERSION_ID=\"12\"\n\
VERSION=\"12 (bookworm)\"\n\
VERSION_CODENAME=bookworm\n\
ID=debian\n\
HOME_URL=\"https://www.debian.org/\"\n\
SUPPORT_URL=\"https://www.debian.org/support\"\n\
BUG_REPORT_URL=\"https://bugs.debian.org/\"\n"),
    Link("/etc/os-release", "../usr/lib/os-release"),
    File("/etc/debian_version", "12.11\n"),
    File("/etc/issue", "Debian GNU/Linux 12 \\n \\l\n\n"),
    File("/etc/issue.net", "Debian GNU/Linux 12\n"),
    File("/etc/passwd", debian_passwd!()),
    File("/etc/group", debian_group!()),
    File("/etc/shells", "\
# /etc/shells: valid login shells\n\
/bin/sh\n\
/usr/bin/sh\n\
/bin/bash\n\
/usr/bin/bash\n\
/bin/rbash\n\
/usr/bin/rbash\n\
/bin/dash\n\
/usr/bin/dash\n"),
    File("/etc/apt/sources.list.d/debian.sources", "\
Types: deb\n\
# http://snapshot.debian.org/archive/debian/20250520T000000Z\n\
URIs: http://deb.debian.org/debian\n\
Suites: bookworm bookworm-updates\n\
Components: main\n\
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\
\n\
Types: deb\n\
# http://snapshot.debian.org/archive/debian-security/20250520T000000Z\n\
URIs: http://deb.debian.org/debian-security\n\
Suites: bookworm-security\n\
Components: main\n\
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"),
];
