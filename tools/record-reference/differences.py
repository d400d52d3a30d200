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


# 20.10 → 28.2.2 daemon texts: (id, stream regex, replacement template, note).
# Templates use \g<name> groups of the regex. Each one is listed in DIFFERENCES.md.
DAEMON_RULES = []


def rewrite(entry, stream, pattern, replace, note):
    text = entry[stream]
    new = pattern.sub(replace, text)
    if new == text:
        return
    entry.setdefault("recorded", {})[stream] = text
    entry[stream] = new
    entry.setdefault("note", []).append(note)
    if "interleaved" in entry:
        for chunk in entry["interleaved"]:
            if chunk[0] == stream:
                chunk[1] = pattern.sub(replace, chunk[1])


def apply(lines):
    for entry in lines:
        for stream in ("stdout", "stderr"):
            m = HUB_UNREACHABLE.search(entry[stream])
            if m:
                answer = hub_answer(entry, m)
                if answer:
                    text, note = answer
                    rewrite(entry, stream, HUB_UNREACHABLE, lambda _m, t=text: t, note)
        for rule_id, pattern, replace, note in DAEMON_RULES:
            for stream in ("stdout", "stderr"):
                rewrite(entry, stream, re.compile(pattern), replace, f"{rule_id}: {note}")
