#!/usr/bin/env python3
"""Look-alike images for recording the reference against a real daemon.

The machine that records the reference may have no access to Docker Hub. This
script builds stand-ins for the Hub images the sessions use, with the real
images' configuration (Env, Cmd, Entrypoint, ExposedPorts, StopSignal, Labels),
history lines and tags, and pushes them to the local registry that the
recording daemon uses as its Docker Hub mirror (`library/<name>:<tag>`).

What each stand-in contains:
  hello-world  the real `/hello` binary of docker-library/hello-world (amd64).
  busybox      Debian's static busybox as /bin/busybox, hard links for every
               applet, a busybox-style /etc (real image: BusyBox 1.37.0 glibc).
  alpine       the real Alpine minirootfs tarball given with --alpine-rootfs
               (3.20.x from alpinelinux/docker-alpine), relabelled 3.22.0 in
               /etc/os-release and /etc/alpine-release.
  debian       a `debootstrap --variant=minbase bookworm` tree (--debian-rootfs),
               slimmed like the official image (no docs, man pages, apt lists).
  nginx        FROM the debian stand-in; the real entrypoint scripts; /usr/sbin/nginx
               is a stand-in that serves /usr/share/nginx/html on port 80 with busybox
               httpd and exits 0 on SIGQUIT/SIGTERM (the real nginx's stop behaviour).

Invariant: the same inputs give the same layers, so the same image IDs.

Usage: images.py --registry 127.0.0.1:5999 --alpine-rootfs FILE.tar.gz \
                 --debian-rootfs DIR --hello FILE [--busybox /bin/busybox]
"""

import argparse
import gzip
import hashlib
import io
import json
import os
import stat
import subprocess
import sys
import tarfile
import tempfile

from lookalike_files import ALPINE_OS_RELEASE, BUSYBOX_GROUP, BUSYBOX_PASSWD, NGINX_INDEX, NGINX_STANDIN

PATH_ENV = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
EPOCH = 1747699200  # 2025-05-20, the debian snapshot the May 2025 images use
BUILDKIT = "buildkit.dockerfile.v0"


# ---------------------------------------------------------------- layers

class Layer:
    """A deterministic tar layer: entries sorted by path, fixed mtimes."""

    def __init__(self):
        self.entries = {}  # path -> (TarInfo, bytes | None)

    def _info(self, path, kind, mode, uid=0, gid=0, mtime=EPOCH):
        info = tarfile.TarInfo(path.lstrip("/"))
        info.type = kind
        info.mode = mode
        info.uid, info.gid = uid, gid
        info.uname = info.gname = ""
        info.mtime = mtime
        return info

    def dir(self, path, mode=0o755, **kw):
        self.entries[path] = (self._info(path, tarfile.DIRTYPE, mode, **kw), None)

    def file(self, path, data, mode=0o644, **kw):
        if isinstance(data, str):
            data = data.encode()
        info = self._info(path, tarfile.REGTYPE, mode, **kw)
        info.size = len(data)
        self.entries[path] = (info, data)

    def symlink(self, path, target):
        info = self._info(path, tarfile.SYMTYPE, 0o777)
        info.linkname = target
        self.entries[path] = (info, None)

    def hardlink(self, path, target):
        info = self._info(path, tarfile.LNKTYPE, 0o755)
        info.linkname = target.lstrip("/")
        self.entries[path] = (info, None)

    def add_tree(self, root, skip=()):
        """Adds a directory tree (ownership and modes kept, mtimes fixed)."""
        seen_inodes = {}
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            rel_dir = "/" if dirpath == root else "/" + os.path.relpath(dirpath, root)
            dirnames[:] = [d for d in dirnames if os.path.join(rel_dir, d) not in skip]
            for name in sorted(dirnames) + sorted(filenames):
                full = os.path.join(dirpath, name)
                rel = os.path.join(rel_dir, name)
                if any(rel == s or rel.startswith(s + "/") for s in skip):
                    continue
                st = os.lstat(full)
                kw = dict(uid=st.st_uid, gid=st.st_gid)
                mode = stat.S_IMODE(st.st_mode)
                if stat.S_ISDIR(st.st_mode):
                    self.dir(rel, mode, **kw)
                elif stat.S_ISLNK(st.st_mode):
                    self.symlink(rel, os.readlink(full))
                elif stat.S_ISREG(st.st_mode):
                    key = (st.st_dev, st.st_ino)
                    if st.st_nlink > 1 and key in seen_inodes:
                        self.hardlink(rel, seen_inodes[key])
                        continue
                    seen_inodes[key] = rel
                    with open(full, "rb") as f:
                        self.file(rel, f.read(), mode, **kw)
            # device nodes, fifos and sockets are left out: the runtime makes /dev

    def add_tar(self, data, rewrite=None):
        """Adds the entries of a tar archive, optionally replacing file contents."""
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            for member in tar.getmembers():
                path = "/" + member.name.lstrip("./")
                if path == "/":
                    continue
                member.name = path.lstrip("/")
                member.uname = member.gname = ""
                content = None
                if member.isreg():
                    content = tar.extractfile(member).read()
                    if rewrite and path in rewrite:
                        content = rewrite[path]
                        member.size = len(content)
                if member.islnk():
                    member.linkname = member.linkname.lstrip("./")
                self.entries[path] = (member, content)

    def tar(self):
        out = io.BytesIO()
        with tarfile.open(fileobj=out, mode="w", format=tarfile.GNU_FORMAT) as tar:
            # hard links after everything else, so their targets exist first
            order = sorted(self.entries, key=lambda p: (self.entries[p][0].islnk(), p))
            for path in order:
                info, data = self.entries[path]
                tar.addfile(info, io.BytesIO(data) if data is not None else None)
        return out.getvalue()


# ---------------------------------------------------------------- images

class Image:
    def __init__(self, repo, tags, created, config, parent=None):
        self.repo, self.tags, self.created, self.config = repo, tags, created, config
        self.layers = list(parent.layers) if parent else []
        self.history = list(parent.history) if parent else []

    def step(self, created_by, layer=None, comment=BUILDKIT, created=None):
        entry = {"created": created or self.created, "created_by": created_by}
        if comment:
            entry["comment"] = comment
        if layer is None:
            entry["empty_layer"] = True
        else:
            self.layers.append(layer.tar())
        self.history.append(entry)
        return self

    def config_json(self):
        diff_ids = ["sha256:" + hashlib.sha256(l).hexdigest() for l in self.layers]
        doc = {
            "architecture": "amd64",
            "config": self.config,
            "created": self.created,
            "history": self.history,
            "os": "linux",
            "rootfs": {"type": "layers", "diff_ids": diff_ids},
        }
        return json.dumps(doc, separators=(",", ":")).encode()


def save_archive(images, path):
    """Writes a `docker save`-format archive holding the given images."""
    manifest = []
    with tarfile.open(path, "w") as tar:
        def put(name, data):
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), EPOCH, 0o644
            tar.addfile(info, io.BytesIO(data))
        written = set()
        for img in images:
            cfg = img.config_json()
            cfg_name = hashlib.sha256(cfg).hexdigest() + ".json"
            put(cfg_name, cfg)
            names = []
            for layer in img.layers:
                name = hashlib.sha256(layer).hexdigest() + "/layer.tar"
                if name not in written:
                    put(name, layer)
                    written.add(name)
                names.append(name)
            manifest.append({"Config": cfg_name,
                             "RepoTags": [f"{img.repo}:{t}" for t in img.tags],
                             "Layers": names})
        put("manifest.json", json.dumps(manifest).encode())


def run_cmd_text(dockerfile_run):
    """Renders a multi-line Dockerfile RUN the way BuildKit's history shows it."""
    lines, out = dockerfile_run.split("\n"), []
    for line in lines:
        if line.lstrip().startswith("#"):
            continue
        out.append(line[:-1] if line.endswith("\\") else line)
    return "RUN /bin/sh -c " + "".join(out).strip() + " # buildkit"


# ---------------------------------------------------------------- the set

def busybox_image(busybox_bin):
    layer = Layer()
    for d in ("/bin", "/dev", "/etc", "/home", "/lib", "/lib64", "/root", "/tmp",
              "/usr", "/usr/sbin", "/var", "/var/spool", "/var/spool/mail", "/var/www"):
        layer.dir(d, 0o1777 if d == "/tmp" else (0o700 if d == "/root" else 0o755))
    with open(busybox_bin, "rb") as f:
        layer.file("/bin/busybox", f.read(), 0o755)
    applets = subprocess.run([busybox_bin, "--list"], capture_output=True, text=True, check=True).stdout.split()
    for name in applets:
        if name != "busybox":
            layer.hardlink("/bin/" + name, "/bin/busybox")
    layer.file("/etc/passwd", BUSYBOX_PASSWD)
    layer.file("/etc/group", BUSYBOX_GROUP)
    layer.file("/etc/shadow", "root:*:10933:0:99999:7:::\n", 0o600)
    img = Image("busybox", ["latest", "1.37", "1.37.0", "1", "stable"], "2024-09-26T21:31:42Z",
                {"Env": [PATH_ENV], "Cmd": ["sh"]})
    return img.step("BusyBox 1.37.0 (glibc), Debian 12", layer, comment=None)


def alpine_image(rootfs_tgz):
    with open(rootfs_tgz, "rb") as f:
        data = gzip.decompress(f.read())
    layer = Layer()
    layer.add_tar(data, rewrite={"/etc/os-release": ALPINE_OS_RELEASE.encode(),
                                 "/etc/alpine-release": b"3.22.0\n"})
    img = Image("alpine", ["latest", "3.22", "3.22.0", "3"], "2025-05-30T17:05:30Z",
                {"Env": [PATH_ENV], "Cmd": ["/bin/sh"]})
    img.step("ADD alpine-minirootfs-3.22.0-x86_64.tar.gz / # buildkit", layer)
    return img.step('CMD ["/bin/sh"]')


def hello_image(hello_bin):
    layer = Layer()
    with open(hello_bin, "rb") as f:
        layer.file("/hello", f.read(), 0o755)
    img = Image("hello-world", ["latest", "linux"], "2025-01-21T23:32:32Z",
                {"Env": [PATH_ENV], "Cmd": ["/hello"]})
    img.step("COPY hello / # buildkit", layer)
    return img.step('CMD ["/hello"]')


DEBIAN_SLIM_SKIP = ("/usr/share/doc", "/usr/share/man", "/usr/share/info", "/usr/share/locale",
                    "/var/lib/apt/lists", "/var/cache/apt", "/var/log/bootstrap.log",
                    "/var/cache/debconf/templates.dat-old", "/debootstrap", "/dev", "/proc", "/sys",
                    "/var/log/apt", "/var/log/dpkg.log", "/var/log/alternatives.log")


def debian_image(rootfs_dir):
    layer = Layer()
    layer.add_tree(rootfs_dir, skip=DEBIAN_SLIM_SKIP)
    for d in ("/dev", "/proc", "/sys"):
        layer.dir(d, 0o555 if d in ("/proc", "/sys") else 0o755)
    layer.dir("/usr/share/doc")
    layer.dir("/usr/share/man")
    layer.dir("/var/lib/apt/lists")
    layer.dir("/var/cache/apt")
    img = Image("debian", ["bookworm-slim", "12-slim", "12.11-slim", "stable-slim"], "2025-05-20T00:00:00Z",
                {"Env": [PATH_ENV], "Cmd": ["bash"]})
    return img.step("# debian.sh --arch 'amd64' out/ 'bookworm' '@1747699200'", layer,
                    comment="debuerreotype 0.15")


def nginx_image(debian, busybox_bin, nginx_repo_files):
    cfg = {
        "ExposedPorts": {"80/tcp": {}},
        "Env": [PATH_ENV, "NGINX_VERSION=1.27.5", "NJS_VERSION=0.8.10", "NJS_RELEASE=1~bookworm",
                "PKG_RELEASE=1~bookworm", "DYNPKG_RELEASE=1~bookworm"],
        "Entrypoint": ["/docker-entrypoint.sh"],
        "Cmd": ["nginx", "-g", "daemon off;"],
        "Labels": {"maintainer": "NGINX Docker Maintainers <docker-maint@nginx.com>"},
        "StopSignal": "SIGQUIT",
    }
    img = Image("nginx", ["latest", "1.27", "1.27.5", "mainline", "1", "bookworm"], "2025-05-20T00:00:00Z",
                cfg, parent=debian)
    img.step('LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>')
    for env in cfg["Env"][1:]:
        img.step("ENV " + env)
    run = Layer()
    for d in ("/etc/nginx", "/etc/nginx/conf.d", "/usr/share/nginx", "/usr/share/nginx/html",
              "/var/log/nginx", "/var/cache/nginx", "/usr/lib/nginx-standin", "/docker-entrypoint.d"):
        run.dir(d)
    with open(busybox_bin, "rb") as f:
        run.file("/usr/lib/nginx-standin/busybox", f.read(), 0o755)
    run.file("/usr/sbin/nginx", NGINX_STANDIN, 0o755)
    run.file("/usr/share/nginx/html/index.html", NGINX_INDEX)
    run.symlink("/var/log/nginx/access.log", "/dev/stdout")
    run.symlink("/var/log/nginx/error.log", "/dev/stderr")
    img.step(run_cmd_text(nginx_repo_files["run"]), run)
    for name, dest in (("docker-entrypoint.sh", "/"),
                       ("10-listen-on-ipv6-by-default.sh", "/docker-entrypoint.d"),
                       ("15-local-resolvers.envsh", "/docker-entrypoint.d"),
                       ("20-envsubst-on-templates.sh", "/docker-entrypoint.d"),
                       ("30-tune-worker-processes.sh", "/docker-entrypoint.d")):
        layer = Layer()
        layer.file(os.path.join(dest, name), nginx_repo_files[name], 0o755)
        img.step(f"COPY {name} {dest} # buildkit", layer)
    img.step('ENTRYPOINT ["/docker-entrypoint.sh"]')
    img.step("EXPOSE map[80/tcp:{}]")
    img.step("STOPSIGNAL SIGQUIT")
    return img.step('CMD ["nginx" "-g" "daemon off;"]')


REGISTRY_CONFIG = """version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
"""

REGISTRY_ENTRYPOINT = """#!/bin/sh

set -e

case "$1" in
    *.yaml|*.yml) set -- registry serve "$@" ;;
    serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac

exec "$@"
"""


def registry_image(debian, registry_bin):
    """registry:2 (2.8): Debian's docker-registry 2.8 binary on the debian look-alike (it needs
    glibc; the real image is alpine with a static binary), the 2.8 config and entrypoint."""
    cfg = {"Env": [PATH_ENV], "Entrypoint": ["/entrypoint.sh"], "Cmd": ["/etc/docker/registry/config.yml"],
           "ExposedPorts": {"5000/tcp": {}}, "Volumes": {"/var/lib/registry": {}}}
    img = Image("registry", ["2", "2.8", "2.8.3"], "2023-10-02T18:42:41Z", cfg, parent=debian)
    run = Layer()
    with open(registry_bin, "rb") as f:
        # /usr/bin: on merged-/usr Debian a layer entry under /bin would shadow the /bin symlink
        run.file("/usr/bin/registry", f.read(), 0o755)
    img.step("RUN /bin/sh -c set -eux; version='2.8.3'; registry --version # buildkit", run)
    conf = Layer()
    conf.dir("/etc/docker")
    conf.dir("/etc/docker/registry")
    conf.file("/etc/docker/registry/config.yml", REGISTRY_CONFIG)
    img.step("COPY ./config-example.yml /etc/docker/registry/config.yml # buildkit", conf)
    img.step("VOLUME [/var/lib/registry]")
    img.step("EXPOSE map[5000/tcp:{}]")
    entry = Layer()
    entry.file("/entrypoint.sh", REGISTRY_ENTRYPOINT, 0o755)
    img.step("COPY docker-entrypoint.sh /entrypoint.sh # buildkit", entry)
    img.step('ENTRYPOINT ["/entrypoint.sh"]')
    return img.step('CMD ["/etc/docker/registry/config.yml"]')


def nginx_files(mirror):
    """Reads the real nginx image sources from a docker-nginx git directory."""
    def show(path):
        return subprocess.run(["git", "-C", mirror, "show", "HEAD:mainline/debian/" + path],
                              capture_output=True, check=True).stdout
    files = {n: show(n) for n in ("docker-entrypoint.sh", "10-listen-on-ipv6-by-default.sh",
                                  "15-local-resolvers.envsh", "20-envsubst-on-templates.sh",
                                  "30-tune-worker-processes.sh")}
    dockerfile = show("Dockerfile").decode()
    start = dockerfile.index("RUN ") + 4
    end = dockerfile.index("\n\n", start)
    files["run"] = dockerfile[start:end]
    return files


def docker(*args, **kw):
    return subprocess.run(["docker", *args], check=True, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--registry", default="127.0.0.1:5999")
    ap.add_argument("--registry-bin", default="/usr/bin/docker-registry",
                    help="a registry 2.8 binary for the registry:2 look-alike")
    ap.add_argument("--only", nargs="*", help="build and push only these repositories")
    ap.add_argument("--alpine-rootfs", required=True)
    ap.add_argument("--debian-rootfs", required=True)
    ap.add_argument("--hello", required=True)
    ap.add_argument("--nginx-git", required=True, help="git directory of nginxinc/docker-nginx")
    ap.add_argument("--busybox", default="/bin/busybox")
    ap.add_argument("--archive", help="only write the docker-save archive here")
    args = ap.parse_args()

    debian = debian_image(args.debian_rootfs)
    images = [hello_image(args.hello), busybox_image(args.busybox), alpine_image(args.alpine_rootfs),
              debian, nginx_image(debian, args.busybox, nginx_files(args.nginx_git)),
              registry_image(debian, args.registry_bin)]
    if args.only:
        images = [img for img in images if img.repo in args.only]
    with tempfile.TemporaryDirectory() as tmp:
        archive = args.archive or os.path.join(tmp, "lookalikes.tar")
        save_archive(images, archive)
        if args.archive:
            return
        docker("load", "-q", "-i", archive)
    for img in images:
        for tag in img.tags:
            remote = f"{args.registry}/library/{img.repo}:{tag}"
            docker("tag", f"{img.repo}:{tag}", remote)
            docker("push", "-q", remote, stdout=subprocess.DEVNULL)
            docker("rmi", "-f", remote, stdout=subprocess.DEVNULL)
            docker("rmi", "-f", f"{img.repo}:{tag}", stdout=subprocess.DEVNULL)
        print(f"pushed {img.repo}: {', '.join(img.tags)}", file=sys.stderr)


if __name__ == "__main__":
    main()
