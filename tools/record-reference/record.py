#!/usr/bin/env python3
"""Records real Docker's answers to doca's scripted sessions.

For each tests/scripts/NN-topic.txt: reset the daemon to an empty state, run
every line (blank lines and `#` comments skipped) through an interactive bash
(`bash --norc --noprofile -i -c LINE`, so error texts are the ones a learner
sees at a prompt: `bash: dokcer: command not found`), capture stdout, stderr,
their interleaving and the exit code, and write tests/reference/NN-topic.json.

Shell state carries from line to line like in one terminal: variables
(exported or not), the working directory and `$?`. Lines whose docker command
asks for a terminal (`docker run|exec|create` with -t, -it, -ti, --tty) run in
a pseudo-terminal of 80x24 (stdout and stderr then arrive merged, as on a
screen, and are stored as stdout with "tty": true). Every other line has
/dev/null as stdin.

Then the rules of differences.py rewrite what Docker Hub or a 28.2.2 daemon
would have answered differently from the recording daemon, keeping the
recorded text under "recorded" and saying why in "note".

Invariant: a line never runs longer than --timeout seconds; a session never
sees objects left over by another.

Usage: record.py [--scripts DIR] [--out DIR] [--timeout S] [SESSION.txt ...]
"""

import argparse
import fcntl
import json
import os
import pty
import re
import selectors
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

import differences

JOB_CONTROL_NOISE = re.compile(
    r"^bash: cannot set terminal process group \(-?\d+\): Inappropriate ioctl for device\n"
    r"bash: no job control in this shell\n")

TTY_FLAG = re.compile(r"^(?:-[dit]*t[dit]*|--tty|--tty=true)$")
TTY_COMMAND = re.compile(r"\bdocker\s+(?:container\s+)?(?:run|exec|create)\b")


def wants_tty(line):
    """`docker run|exec|create` with -t, -it, -ti, -dit… or --tty: a learner's terminal gives one."""
    return bool(TTY_COMMAND.search(line)) and any(TTY_FLAG.match(w) for w in line.split())


# Shell variables that belong to bash itself and are not carried between lines.
STATE_FILTER = ("BASH*|PIPESTATUS|FUNCNAME|SHELLOPTS|BASHOPTS|EUID|UID|PPID|GROUPS|RANDOM|SRANDOM|"
                "SECONDS|LINENO|HISTCMD|EPOCH*|_|__doca_*|COMP*|DIRSTACK|OPTERR|OPTIND|HOSTNAME|"
                "HOSTTYPE|MACHTYPE|OSTYPE|IFS|PS1|PS2|PS4|HIST*|COLUMNS|LINES|SHLVL|PWD|OLDPWD")


def prelude(state_file, prev_exit):
    return ("__doca_save() {\n"
            "  __doca_rc=$?\n"
            "  { for __doca_v in $(compgen -v); do case $__doca_v in " + STATE_FILTER + ") ;;\n"
            "      *) declare -p $__doca_v 2>/dev/null;; esac; done\n"
            "    printf 'cd %q\\n' \"$PWD\"; } > " + state_file + "\n"
            "  exit $__doca_rc\n"
            "}\n"
            "trap __doca_save EXIT\n"
            f". {state_file}\n"
            f"(exit {prev_exit})\n")


def docker_env(home):
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "DOCKER_HOST", "LANG", "LC_ALL")}
    env.update(HOME=home, USER="root", LOGNAME="root", TERM="xterm", SHELL="/bin/bash",
               DOCKER_CONFIG=os.path.join(home, ".docker"), DOCKER_CLI_HINTS="false")
    env.setdefault("LANG", "C.UTF-8")
    return env


def read_all(proc, fds, timeout):
    """Reads the given fds until EOF; returns [(stream, bytes)] in arrival order."""
    sel = selectors.DefaultSelector()
    for name, fd in fds.items():
        os.set_blocking(fd, False)
        sel.register(fd, selectors.EVENT_READ, name)
    chunks, deadline, timed_out = [], time.monotonic() + timeout, False
    while sel.get_map():
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
            break
        for key, _ in sel.select(min(left, 1.0)):
            try:
                data = os.read(key.fd, 65536)
            except OSError:  # EIO: the pty's last writer is gone
                data = b""
            if data:
                chunks.append((key.data, data))
            else:
                sel.unregister(key.fd)
    return chunks, timed_out


def run_line(line, env, cwd, state_file, prev_exit, timeout, tty):
    argv = ["bash", "--norc", "--noprofile", "-i", "-c", prelude(state_file, prev_exit) + line]
    if tty:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
                                start_new_session=True,
                                preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
        os.close(slave)
        chunks, timed_out = read_all(proc, {"stdout": master}, timeout)
        os.close(master)
    else:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, cwd=cwd, start_new_session=True)
        chunks, timed_out = read_all(proc, {"stdout": proc.stdout.fileno(),
                                            "stderr": proc.stderr.fileno()}, timeout)
    code = proc.wait()
    if code < 0:
        code = 128 - code
    merged = []  # consecutive chunks of one stream joined
    for stream, data in chunks:
        text = data.decode("utf-8", errors="replace")
        if merged and merged[-1][0] == stream:
            merged[-1][1] += text
        else:
            merged.append([stream, text])
    first_err = next((c for c in merged if c[0] == "stderr"), None)
    if first_err:  # interactive bash without a terminal says so first; a learner never sees it
        first_err[1] = JOB_CONTROL_NOISE.sub("", first_err[1])
        merged = [c for c in merged if c[1]]
    entry = {"command": line,
             "stdout": "".join(t for s, t in merged if s == "stdout"),
             "stderr": "".join(t for s, t in merged if s == "stderr"),
             "exit": code}
    if tty:
        entry["tty"] = True
    if entry["stdout"] and entry["stderr"]:
        entry["interleaved"] = merged
    if timed_out:
        entry["timeout"] = True
    return entry


def sh(cmd):
    return subprocess.run(["bash", "-c", cmd], capture_output=True, text=True).stdout


def reset_daemon():
    """Leaves the daemon with no container, image, volume, user network or build cache."""
    for _ in range(5):  # child images (commits) must go before their parents
        sh("docker ps -aq | xargs -r docker rm -f; "
           "docker images -aq | sort -u | xargs -r docker rmi -f; "
           "docker volume ls -q | xargs -r docker volume rm -f; "
           "docker network prune -f; "
           "docker builder prune -af >/dev/null 2>&1")  # BuildKit's cache outlives rmi
        left = sh("docker ps -aq; docker images -aq; docker volume ls -q").split()
        if not left:
            return
    sys.exit(f"daemon not clean after reset: {left}")


def versions():
    info = json.loads(sh("docker version --format '{{json .}}'"))
    server = info["Server"]
    parts = {c["Name"]: c["Version"] for c in server.get("Components", [])}
    return {"client": info["Client"]["Version"], "client_api": info["Client"]["ApiVersion"],
            "daemon": server["Version"], "daemon_api": server["ApiVersion"],
            "containerd": parts.get("containerd", ""), "runc": parts.get("runc", "")}


def session_lines(path):
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.strip() and not line.lstrip().startswith("#"):
                yield line


def record(path, out_dir, timeout, vers):
    reset_daemon()
    work = tempfile.mkdtemp(prefix="doca-ref-")
    try:
        home = os.path.join(work, "root")
        os.makedirs(os.path.join(home, ".docker"))
        state = os.path.join(work, "state.sh")
        with open(state, "w") as f:
            f.write(f"cd {home}\n")
        env, prev, lines = docker_env(home), 0, []
        for line in session_lines(path):
            entry = run_line(line, env, home, state, prev, timeout, wants_tty(line))
            prev = entry["exit"]
            lines.append(entry)
            print(f"  [{entry['exit']:>3}] {line}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    differences.apply(lines)
    name = os.path.basename(path)
    doc = {"session": os.path.relpath(path, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))),
           "recorded_with": "tools/record-reference/record",
           "versions": vers,
           "lines": lines}
    out = os.path.join(out_dir, name[:-4] + ".json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")


def reapply(path):
    """Restores the recorded texts of a reference file and applies differences.py again."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    for entry in doc["lines"]:
        for key, value in entry.pop("recorded", {}).items():
            entry[key] = value
        entry.pop("note", None)
    differences.apply(doc["lines"])
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description="Record real Docker's answers to doca's sessions.")
    ap.add_argument("--scripts", default=os.path.join(repo, "tests", "scripts"))
    ap.add_argument("--out", default=os.path.join(repo, "tests", "reference"))
    ap.add_argument("--timeout", type=float, default=90.0)
    ap.add_argument("--reapply", action="store_true",
                    help="only apply differences.py again to the existing reference files")
    ap.add_argument("sessions", nargs="*")
    args = ap.parse_args()
    if args.reapply:
        for name in sorted(os.listdir(args.out)):
            if name.endswith(".json"):
                reapply(os.path.join(args.out, name))
        return
    paths = args.sessions or sorted(os.path.join(args.scripts, n) for n in os.listdir(args.scripts)
                                    if n.endswith(".txt"))
    vers = versions()
    os.makedirs(args.out, exist_ok=True)
    for path in paths:
        print(path, file=sys.stderr)
        record(path, args.out, args.timeout, vers)
    reset_daemon()


if __name__ == "__main__":
    main()
