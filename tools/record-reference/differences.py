"""What real Docker 28.2.2 with Docker Hub answers where the recording setup cannot.

The recording daemon is Debian's dockerd 20.10 and its "Docker Hub" is a local
registry:2 used as a mirror. Two kinds of answers differ from the real target:

* Hub-only answers: a repository or tag the mirror does not hold makes the
  daemon fall back to registry-1.docker.io, which is unreachable here. Docker Hub
  answers such pulls with an authorization challenge that ends in `denied` for an
  unknown repository, and with `manifest unknown` for an unknown tag of a known
  one. The texts come from moby v28.2.2 distribution/errors.go.
* Daemon texts that changed between 20.10 and 28.2.2 (see
  tests/reference/DIFFERENCES.md for each one with its source in moby v28.2.2).

`apply(lines)` rewrites the recorded lines in place: the 28.2.2 text replaces
the recorded one, the recorded text is kept under "recorded" and "note" says why.

Invariant: a rule only ever rewrites text that its pattern matched; exit codes
change only where a rule says so.
"""

import json
import re

# Repositories of doca's built-in Docker Hub (src/engine/hub/catalog.rs).
HUB_REPOS = {"hello-world", "busybox", "alpine", "ubuntu", "debian", "nginx", "httpd", "redis",
             "postgres", "mysql", "mongo", "node", "python", "golang", "registry", "traefik"}

HUB_UNREACHABLE = re.compile(
    r'Get "https://registry-1\.docker\.io/v2/": dial tcp: lookup registry-1\.docker\.io[^\n]*')


def familiar(ref):
    """Splits a familiar reference (`alpine`, `alpine:3`, `user/app:v1`) into name and tag."""
    name, tag = ref, "latest"
    if ":" in ref.rsplit("/", 1)[-1]:
        name, tag = ref.rsplit(":", 1)
    return name, tag


def hub_reference(entry):
    """The reference the daemon tried to pull, from the CLI's own words or the command."""
    m = re.search(r"Unable to find image '([^']+)' locally", entry["stderr"])
    if m:
        return m.group(1)
    words = [w for w in entry["command"].split() if not w.startswith("-")]
    if "pull" in words:
        return words[words.index("pull") + 1]
    return None


def hub_answer(entry, match):
    ref = hub_reference(entry)
    if ref is None:
        return None
    name, tag = familiar(ref)
    repo = name[len("library/"):] if name.startswith("library/") else name
    if repo in HUB_REPOS:
        return (f"manifest for {name}:{tag} not found: manifest unknown: manifest unknown",
                "Docker Hub: unknown tag of an existing repository (moby v28.2.2 "
                "distribution/errors.go, ErrorCodeManifestUnknown); not recordable offline")
    return (f"pull access denied for {name}, repository does not exist or may require "
            f"'docker login': denied: requested access to the resource is denied",
            "Docker Hub: unknown repository (moby v28.2.2 distribution/errors.go, "
            "ErrorCodeDenied; Hub's message for the denied token); not recordable offline")


def arg_after(entry, verb):
    """The first non-flag word after `verb` in the command (`docker rm up` → `up`)."""
    words = entry["command"].split()
    if verb not in words:
        return "?"
    rest = [w for w in words[words.index(verb) + 1:] if not w.startswith("-")]
    return rest[0] if rest else "?"


class Rule:
    """One difference: where the recording says `pattern`, 28.2.2 says `replace`.

    `replace` is a template (\\g<name> groups) or a function (match, entry) -> str;
    `command` limits the rule to matching command lines; `exit` maps the recorded
    exit code to 28.2.2's for the lines the rule rewrote."""

    def __init__(self, rule_id, pattern, replace, note, command=None, streams=("stdout", "stderr"),
                 exit=None):
        self.id, self.pattern, self.replace, self.note = rule_id, re.compile(pattern), replace, note
        self.command = re.compile(command) if command else None
        self.streams, self.exit = streams, exit

    def replacement(self, entry):
        if callable(self.replace):
            return lambda m: self.replace(m, entry)
        return self.replace


START_FAILED = (r"failed to create shim task: OCI runtime create failed: runc create failed: "
                r"unable to start container process: exec: ")

# 20.10 → 28.2.2 daemon texts. Each one is listed, with its source, in DIFFERENCES.md.
DAEMON_RULES = [
    Rule("runc-start-dir",
         START_FAILED + r'(?P<exe>"[^"]*"): permission denied: unknown',
         r"failed to create task for container: failed to create shim task: OCI runtime create failed: "
         r"runc create failed: unable to start container process: error during container init: "
         r"exec: \g<exe>: is a directory: permission denied",
         "a directory as the command: runc 1.2 (Go >= 1.20) reports EISDIR and moby v28.2.2 "
         "daemon/errors.go setExitCodeFromError appends ': permission denied' (exit 126)",
         command=r"docker (?:run|start|create).* /etc$"),
    Rule("runc-start",
         START_FAILED + r"(?P<rest>.*?): unknown",
         r"failed to create task for container: failed to create shim task: OCI runtime create failed: "
         r"runc create failed: unable to start container process: error during container init: exec: \g<rest>",
         "container start failure: moby v28.2.2 libcontainerd/remote/client.go wraps it in 'failed to "
         "create task for container', runc 1.2 adds 'error during container init', and containerd's "
         "errdefs v1 no longer appends ': unknown'"),
    Rule("runc-exec",
         r"OCI runtime exec failed: exec failed: unable to start container process: exec: (?P<rest>.*?): unknown",
         r"OCI runtime exec failed: exec failed: unable to start container process: exec: \g<rest>",
         "exec failure: no ': unknown' suffix with containerd errdefs v1 (moby v28.2.2); moby v28.2.2 "
         "daemon/errors.go setExitCodeFromError gives 127 for a missing command (20.10 gave 126)",
         exit=lambda code, entry: 127 if code == 126 and "not found" in entry["stdout"] else code),
    Rule("rm-running",
         r"You cannot remove a running container [0-9a-f]{64}\. Stop the container before attempting "
         r"removal or force remove",
         lambda m, e: f'cannot remove container "{arg_after(e, "rm")}": container is running: stop the '
                      f"container before removing or force remove",
         "moby v28.2.2 daemon/delete.go containerRm + cleanupContainer"),
    Rule("rm-paused",
         r"You cannot remove a paused container [0-9a-f]{64}\. Unpause and then stop the container "
         r"before attempting removal or force remove",
         lambda m, e: f'cannot remove container "{arg_after(e, "rm")}": container is paused and must be '
                      f"unpaused first",
         "moby v28.2.2 daemon/delete.go containerRm + cleanupContainer"),
    Rule("not-running",
         r"Container (?P<id>[0-9a-f]{64}) is not running",
         r"container \g<id> is not running",
         "moby v28.2.2 daemon/errors.go errNotRunning and container/container.go GetRunningTask "
         "(lowercase 'container')"),
    Rule("kill-prefix",
         r"Cannot kill container: ",
         "cannot kill container: ",
         "moby v28.2.2 api/server/router/container/container_routes.go postContainersKill"),
    Rule("kill-signal",
         r"^Error response from daemon: Invalid signal: (?P<sig>\S+)",
         lambda m, e: f"Error response from daemon: cannot kill container: {e['command'].split()[-1]}: "
                      f"invalid signal: {m.group('sig')}",
         "moby v28.2.2 daemon/kill.go ContainerKill (moby/sys/signal 'invalid signal') wrapped by "
         "postContainersKill",
         command=r"^docker (?:container )?kill "),
    Rule("filter-status",
         r"Invalid filter 'status=(?P<v>[^']*)'",
         r"invalid filter 'status=\g<v>': invalid value for state (\g<v>): must be one of created, "
         r"running, paused, restarting, removing, exited, dead",
         "moby v28.2.2 daemon/list.go foldFilter + api/types/container/state.go ValidateContainerState"),
    Rule("filter-exited",
         r'^Error response from daemon: strconv\.Atoi: parsing "(?P<v>[^"]*)": invalid syntax',
         "Error response from daemon: invalid filter 'exited=\\g<v>': strconv.Atoi: parsing "
         '"\\g<v>": invalid syntax',
         "moby v28.2.2 daemon/list.go foldFilter",
         command=r"exited="),
    Rule("filter-invalid",
         r"Invalid filter '",
         "invalid filter '",
         "moby v28.2.2 api/types/filters/errors.go invalidFilter (lowercase)"),
    Rule("port-allocated",
         r"Error response from daemon: driver failed programming external connectivity",
         "Error response from daemon: failed to set up container networking: driver failed programming "
         "external connectivity",
         "moby v28.2.2 daemon/start_linux.go errSetupNetworking prefix"),
    Rule("image-inspect-missing",
         r"no such image: [^:\s]+(?::[^:\s]+)?: No such image: ",
         "No such image: ",
         "moby v28.2.2 daemon/images/image_inspect.go returns GetImage's error unwrapped"),
    Rule("restart-policy",
         r"invalid restart policy '(?P<name>[^']*)'",
         r"invalid restart policy: unknown policy '\g<name>'; use one of 'no', 'always', 'on-failure', "
         r"or 'unless-stopped'",
         "moby v28.2.2 api/types/container/hostconfig.go ValidateRestartPolicy"),
    Rule("server-version",
         r"^20\.10\.24\+dfsg1$",
         "28.2.2",
         "the daemon of Docker 28.2.2 reports its own version",
         command=r"Server\.Version|ServerVersion"),
    Rule("data-root",
         r"/var/lib/doca-ref/docker(?:-[^/\s]+)?/",
         "/var/lib/docker/",
         "recording setup: the recording daemon's data-root, /var/lib/docker on a default install"),
    Rule("exec-root",
         r"/var/run/doca-ref/exec/",
         "/var/run/docker/",
         "recording setup: the recording daemon's exec-root, /var/run/docker on a default install"),
]


# What Docker Hub answers where the recording setup cannot reach it, outside `pull`/`run`.
HUB_RULES = [
    Rule("hub-build-base",
         r'failed to do request: Head "https://registry-1\.docker\.io/v2/(?P<path>[^"]+)/manifests/'
         r'(?P<tag>[^"]+)": dial tcp: lookup registry-1\.docker\.io[^\n]*?network is unreachable',
         lambda m, e: ("docker.io/{}:{}: not found".format(m.group("path"), m.group("tag"))
                       if m.group("path").removeprefix("library/") in HUB_REPOS else
                       "pull access denied, repository does not exist or may require authorization: "
                       "server message: insufficient_scope: authorization failed"),
         "Docker Hub: a build's base image that does not exist (BuildKit's resolver: Hub's token "
         "service denies an unknown repository, an unknown tag is not found); not recordable offline"),
    Rule("hub-login",
         r'Get "https://registry-1\.docker\.io/v2/": dial tcp: lookup registry-1\.docker\.io[^\n]*',
         'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password',
         "Docker Hub: credentials it does not know (doca's simulated Hub has an account aluno / "
         "docker123, the real one does not); not recordable offline",
         command=r"^docker login\b"),
    Rule("hub-push",
         r'Get "https://registry-1\.docker\.io/v2/": dial tcp: lookup registry-1\.docker\.io[^\n]*',
         "denied: requested access to the resource is denied",
         "Docker Hub: a push without login, or to another account's namespace, is refused by its "
         "token service; not recordable offline",
         command=r"^docker (?:image )?push\b"),
    Rule("localhost-ipv6",
         r"dial tcp 127\.0\.0\.1:(?P<port>\d+): connect: connection refused",
         r"dial tcp [::1]:\g<port>: connect: connection refused",
         "recording setup: this machine's /etc/hosts names only 127.0.0.1 localhost; a default "
         "install also maps ::1, which Go's resolver sorts first (RFC 6724) and whose error the "
         "dialer reports",
         command=r"localhost:"),
]


INSPECT_PLAIN = re.compile(r"^docker (?:image |container )?inspect(?: --type[ =]\S+)? (?!.*(?:-f|--format)\b)[^|;&]*$")
OCI_CONFIG_KEYS = ["User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels",
                   "StopSignal", "ArgsEscaped", "Healthcheck", "OnBuild", "Shell"]


def go_json(value):
    """Like the docker CLI's indented JSON: 4 spaces, Go's escaping of <, > and &."""
    text = json.dumps(value, indent=4, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def image_inspect_28(entry):
    """Image inspect JSON as a 28.2.2 daemon writes it for API 1.50 (moby v28.2.2
    api/server/router/image/image_routes.go getImagesByName): no Container,
    ContainerConfig or VirtualSize, and Config as an OCI image config (empty fields left out)."""
    if not INSPECT_PLAIN.match(entry["command"]) or not entry["stdout"].startswith("["):
        return
    try:
        objects = json.loads(entry["stdout"])
    except ValueError:
        return
    changed = False
    for obj in objects:
        if "RepoTags" not in obj or "ContainerConfig" not in obj:
            continue
        changed = True
        config = obj.get("Config") or {}
        obj["Config"] = {k: config[k] for k in OCI_CONFIG_KEYS if config.get(k) not in (None, "", [], {}, False)}
        for key in ("Container", "ContainerConfig", "VirtualSize"):
            obj.pop(key, None)
    if changed:
        new = go_json(objects) + "\n"
        rewrite(entry, "stdout", re.compile(r"\A.*\Z", re.DOTALL), lambda _m: new,
                "image-inspect-shape: moby v28.2.2 image inspect for API 1.50 (no Container, "
                "ContainerConfig, VirtualSize; Config as OCI image config without empty fields)")


def container_inspect_note(entry):
    if INSPECT_PLAIN.match(entry["command"]) and '"HostConfig"' in entry["stdout"]:
        entry.setdefault("note", []).append(
            "container-inspect-shape: JSON as daemon 20.10 writes it; a 28.2.2 daemon adds and drops "
            "fields (see DIFFERENCES.md): compare field by field, not the whole text")


def rewrite(entry, stream, pattern, replace, note):
    text = entry[stream]
    new = pattern.sub(replace, text)
    if new == text:
        return False
    recorded = entry.setdefault("recorded", {})
    recorded[stream] = recorded.get(stream, text)
    if "interleaved" in entry and "interleaved" not in recorded:
        recorded["interleaved"] = [list(chunk) for chunk in entry["interleaved"]]
    entry[stream] = new
    if note not in entry.setdefault("note", []):
        entry["note"].append(note)
    for chunk in entry.get("interleaved", []):
        if chunk[0] == stream:
            chunk[1] = pattern.sub(replace, chunk[1])
    return True


def follow_exit(lines, i, recorded, code):
    """`echo $?` right after a line whose exit code a rule changed prints the new code."""
    if i + 1 < len(lines) and lines[i + 1]["command"].strip() == "echo $?" \
            and lines[i + 1]["stdout"] == f"{recorded}\n":
        rewrite(lines[i + 1], "stdout", re.compile(rf"^{recorded}$", re.MULTILINE), str(code),
                "exit-code: the previous line's exit code under Docker 28.2.2")


def apply(lines):
    for i, entry in enumerate(lines):
        image_inspect_28(entry)
        container_inspect_note(entry)
        for stream in ("stdout", "stderr"):
            m = HUB_UNREACHABLE.search(entry[stream])
            if m:
                answer = hub_answer(entry, m)
                if answer:
                    text, note = answer
                    rewrite(entry, stream, HUB_UNREACHABLE, lambda _m, t=text: t, note)
        for rule in DAEMON_RULES + HUB_RULES:
            if rule.command and not rule.command.search(entry["command"]):
                continue
            pattern = re.compile(rule.pattern.pattern, re.MULTILINE)
            changed = False
            for stream in rule.streams:
                changed |= rewrite(entry, stream, pattern, rule.replacement(entry), f"{rule.id}: {rule.note}")
            if changed and rule.exit:
                code = rule.exit(entry["exit"], entry)
                if code != entry["exit"]:
                    entry.setdefault("recorded", {}).setdefault("exit", entry["exit"])
                    follow_exit(lines, i, entry["exit"], code)
                    entry["exit"] = code
