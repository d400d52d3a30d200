//! Docker Hub `library/node`: 24.1.0 (`current`, `latest`) and 22.16.0 (`lts`, `jod`) on
//! `buildpack-deps:bookworm`, and `22-alpine` on `alpine:3.22` (nodejs/docker-node, built with
//! `SOURCE_DATE_EPOCH` 2025-05-26, 2025-05-21 and 2025-05-30). History text checked against
//! docker-library/repo-info.
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::fs_alpine::{alpine_group, alpine_passwd};
use super::fs_debian::{debian_group, debian_passwd};
use super::{layer, meta};
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, FileSpec, ImageSpec, RepoSpec, TaggedImage};

/// Node.js 24.1.0: the `node` binary, npm, npx and corepack (scripts run by `node`).
const NODE_24: &[FileSpec] = &[
    Exe("/usr/local/bin/node", "node"),
    Link("/usr/local/bin/nodejs", "/usr/local/bin/node"),
    Link(
        "/usr/local/bin/npm",
        "../lib/node_modules/npm/bin/npm-cli.js",
    ),
    Link(
        "/usr/local/bin/npx",
        "../lib/node_modules/npm/bin/npx-cli.js",
    ),
    Link(
        "/usr/local/bin/corepack",
        "../lib/node_modules/corepack/dist/corepack.js",
    ),
    Dir("/usr/local/include"),
    Dir("/usr/local/include/node"),
    Dir("/usr/local/lib/node_modules"),
    Dir("/usr/local/lib/node_modules/corepack"),
    Dir("/usr/local/lib/node_modules/corepack/dist"),
    Exe(
        "/usr/local/lib/node_modules/corepack/dist/corepack.js",
        "corepack",
    ),
    Dir("/usr/local/lib/node_modules/npm"),
    Dir("/usr/local/lib/node_modules/npm/bin"),
    Exe("/usr/local/lib/node_modules/npm/bin/npm-cli.js", "npm"),
    Exe("/usr/local/lib/node_modules/npm/bin/npx-cli.js", "npx"),
    Dir("/usr/local/share/doc"),
    Dir("/usr/local/share/doc/node"),
];
/// Node.js 22.16.0: the `node` binary, npm, npx and corepack (scripts run by `node`).
const NODE_22: &[FileSpec] = &[
    Exe("/usr/local/bin/node", "node"),
    Link("/usr/local/bin/nodejs", "/usr/local/bin/node"),
    Link(
        "/usr/local/bin/npm",
        "../lib/node_modules/npm/bin/npm-cli.js",
    ),
    Link(
        "/usr/local/bin/npx",
        "../lib/node_modules/npm/bin/npx-cli.js",
    ),
    Link(
        "/usr/local/bin/corepack",
        "../lib/node_modules/corepack/dist/corepack.js",
    ),
    Dir("/usr/local/include"),
    Dir("/usr/local/include/node"),
    Dir("/usr/local/lib/node_modules"),
    Dir("/usr/local/lib/node_modules/corepack"),
    Dir("/usr/local/lib/node_modules/corepack/dist"),
    Exe(
        "/usr/local/lib/node_modules/corepack/dist/corepack.js",
        "corepack",
    ),
    Dir("/usr/local/lib/node_modules/npm"),
    Dir("/usr/local/lib/node_modules/npm/bin"),
    Exe("/usr/local/lib/node_modules/npm/bin/npm-cli.js", "npm"),
    Exe("/usr/local/lib/node_modules/npm/bin/npx-cli.js", "npx"),
    Dir("/usr/local/share/doc"),
    Dir("/usr/local/share/doc/node"),
];

/// Yarn 1.22.22 under `/opt`.
const YARN: &[FileSpec] = &[
    Dir("/opt/yarn-v1.22.22"),
    Dir("/opt/yarn-v1.22.22/bin"),
    Exe("/opt/yarn-v1.22.22/bin/yarn", "yarn"),
    Exe("/opt/yarn-v1.22.22/bin/yarnpkg", "yarn"),
    Link("/usr/local/bin/yarn", "/opt/yarn-v1.22.22/bin/yarn"),
    Link("/usr/local/bin/yarnpkg", "/opt/yarn-v1.22.22/bin/yarnpkg"),
];

/// The `node` user (1000) of the Debian variants.
const DEBIAN_USER: &[FileSpec] = &[
    File(
        "/etc/passwd",
        concat!(debian_passwd!(), "node:x:1000:1000::/home/node:/bin/bash\n"),
    ),
    File("/etc/group", concat!(debian_group!(), "node:x:1000:\n")),
    DirOwned("/home/node", 1000, 1000, 0o755),
];

/// Node.js 22.16.0 for musl, with the `node` user of the Alpine variant.
const ALPINE_NODE: &[FileSpec] = &[
    Include(NODE_22),
    File(
        "/etc/passwd",
        concat!(
            alpine_passwd!(),
            "node:x:1000:1000:Linux User,,,:/home/node:/bin/sh\n"
        ),
    ),
    File("/etc/group", concat!(alpine_group!(), "node:x:1000:node\n")),
    DirOwned("/home/node", 1000, 1000, 0o755),
    Blob("/usr/lib/libstdc++.so.6.0.33", 2_646_128),
    Link("/usr/lib/libstdc++.so.6", "libstdc++.so.6.0.33"),
];

/// The entrypoint: runs `node` when the first argument is not a command.
const ENTRYPOINT: &[FileSpec] = &[Script(
    "/usr/local/bin/docker-entrypoint.sh",
    "\
#!/bin/sh\n\
set -e\n\
\n\
# Run command with node if the first argument contains a \"-\" or is not a system command. The last\n\
# part inside the \"{}\" is a workaround for the following bug in ash/dash:\n\
# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264\n\
if [ \"${1#-}\" != \"${1}\" ] || [ -z \"$(command -v \"${1}\")\" ] || { [ -f \"${1}\" ] && ! [ -x \"${1}\" ]; }; then\n\
\x20 set -- node \"$@\"\n\
fi\n\
\n\
exec \"$@\"\n",
)];

pub const REPO: RepoSpec = RepoSpec {
    path: "library/node",
    description: "Node.js is a JavaScript-based platform for server-side and networking applications.",
    stars: 13_900,
    official: true,
    images: &[
        TaggedImage {
            tags: &[
                "24.1.0",
                "24.1",
                "24",
                "current",
                "latest",
                "24.1.0-bookworm",
                "24.1-bookworm",
                "24-bookworm",
                "current-bookworm",
                "bookworm",
            ],
            image: ImageSpec {
                from: Some("buildpack-deps:bookworm"),
                created: "2025-05-26T03:35:16Z",
                steps: &[
                    layer(
                        "RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit",
                        11_280,
                        DEBIAN_USER,
                    ),
                    meta("ENV NODE_VERSION=24.1.0"),
                    layer(
                        "RUN /bin/sh -c ARCH= && dpkgArch=\"$(dpkg --print-architecture)\"   && case \"${dpkgArch##*-}\" in     amd64) ARCH='x64';;     ppc64el) ARCH='ppc64le';;     s390x) ARCH='s390x';;     arm64) ARCH='arm64';;     armhf) ARCH='armv7l';;     i386) ARCH='x86';;     *) echo \"unsupported architecture\"; exit 1 ;;   esac   && export GNUPGHOME=\"$(mktemp -d)\"   && set -ex   && for key in     C0D6248439F1D5604AAFFB4021D900FFDB233756     DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7     CC68F5A3106FF448322E48ED27F5E38D5B0A215F     8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600     890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4     C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C     108F52B48DB57BB0CC439B2997B01419BD92F80A     A363A499291CBBC940DD62E41F10027AF002F8B0   ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz\"   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc\"   && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && grep \" node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$\" SHASUMS256.txt | sha256sum -c -   && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner   && rm \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" SHASUMS256.txt.asc SHASUMS256.txt   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version   && rm -rf /tmp/* # buildkit",
                        195_310_420,
                        NODE_24,
                    ),
                    meta("ENV YARN_VERSION=1.22.22"),
                    layer(
                        "RUN /bin/sh -c set -ex   && export GNUPGHOME=\"$(mktemp -d)\"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && yarn --version   && rm -rf /tmp/* # buildkit",
                        5_343_227,
                        YARN,
                    ),
                    layer(
                        "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit",
                        388,
                        ENTRYPOINT,
                    ),
                    meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
                    meta("CMD [\"node\"]"),
                ],
                config: ConfigSpec {
                    env: &[
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "NODE_VERSION=24.1.0",
                        "YARN_VERSION=1.22.22",
                    ],
                    cmd: Some(&["node"]),
                    entrypoint: Some(&["docker-entrypoint.sh"]),
                    ..ConfigSpec::EMPTY
                },
            },
        },
        TaggedImage {
            tags: &[
                "22.16.0",
                "22.16",
                "22",
                "lts",
                "jod",
                "lts-jod",
                "22.16.0-bookworm",
                "22.16-bookworm",
                "22-bookworm",
                "lts-bookworm",
                "jod-bookworm",
            ],
            image: ImageSpec {
                from: Some("buildpack-deps:bookworm"),
                created: "2025-05-21T17:04:49Z",
                steps: &[
                    layer(
                        "RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit",
                        11_280,
                        DEBIAN_USER,
                    ),
                    meta("ENV NODE_VERSION=22.16.0"),
                    layer(
                        "RUN /bin/sh -c ARCH= && dpkgArch=\"$(dpkg --print-architecture)\"   && case \"${dpkgArch##*-}\" in     amd64) ARCH='x64';;     ppc64el) ARCH='ppc64le';;     s390x) ARCH='s390x';;     arm64) ARCH='arm64';;     armhf) ARCH='armv7l';;     i386) ARCH='x86';;     *) echo \"unsupported architecture\"; exit 1 ;;   esac   && export GNUPGHOME=\"$(mktemp -d)\"   && set -ex   && for key in     C0D6248439F1D5604AAFFB4021D900FFDB233756     DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7     CC68F5A3106FF448322E48ED27F5E38D5B0A215F     8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600     890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4     C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C     108F52B48DB57BB0CC439B2997B01419BD92F80A     A363A499291CBBC940DD62E41F10027AF002F8B0   ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz\"   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc\"   && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && grep \" node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$\" SHASUMS256.txt | sha256sum -c -   && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner   && rm \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" SHASUMS256.txt.asc SHASUMS256.txt   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version   && rm -rf /tmp/* # buildkit",
                        189_650_316,
                        NODE_22,
                    ),
                    meta("ENV YARN_VERSION=1.22.22"),
                    layer(
                        "RUN /bin/sh -c set -ex   && export GNUPGHOME=\"$(mktemp -d)\"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && yarn --version   && rm -rf /tmp/* # buildkit",
                        5_343_227,
                        YARN,
                    ),
                    layer(
                        "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit",
                        388,
                        ENTRYPOINT,
                    ),
                    meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
                    meta("CMD [\"node\"]"),
                ],
                config: ConfigSpec {
                    env: &[
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "NODE_VERSION=22.16.0",
                        "YARN_VERSION=1.22.22",
                    ],
                    cmd: Some(&["node"]),
                    entrypoint: Some(&["docker-entrypoint.sh"]),
                    ..ConfigSpec::EMPTY
                },
            },
        },
        TaggedImage {
            tags: &[
                "22.16.0-alpine",
                "22.16-alpine",
                "22-alpine",
                "lts-alpine",
                "jod-alpine",
                "22.16.0-alpine3.22",
                "22.16-alpine3.22",
                "22-alpine3.22",
                "lts-alpine3.22",
                "jod-alpine3.22",
            ],
            image: ImageSpec {
                from: Some("alpine:3.22"),
                created: "2025-05-30T22:21:12Z",
                steps: &[
                    meta("ENV NODE_VERSION=22.16.0"),
                    layer(
                        "RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH='linux*' && alpineArch=\"$(apk --print-arch)\"       && case \"${alpineArch##*-}\" in         x86_64) ARCH='x64' CHECKSUM=\"757e2a142474fdae1ab4392d50f3cbb215ca17a9e3c3fa54e5b9a9af27a47c54\" OPENSSL_ARCH=linux-x86_64;;         x86) OPENSSL_ARCH=linux-elf;;         aarch64) OPENSSL_ARCH=linux-aarch64;;         arm*) OPENSSL_ARCH=linux-armv4;;         ppc64le) OPENSSL_ARCH=linux-ppc64le;;         s390x) OPENSSL_ARCH=linux-s390x;;         *) ;;       esac   && if [ -n \"${CHECKSUM}\" ]; then     set -eu;     curl -fsSLO --compressed \"https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\";     echo \"$CHECKSUM  node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" | sha256sum -c -       && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner       && ln -s /usr/local/bin/node /usr/local/bin/nodejs;   else     echo \"Building from source\"     && apk add --no-cache --virtual .build-deps-full         binutils-gold         g++         gcc         gnupg         libgcc         linux-headers         make         python3         py-setuptools     && export GNUPGHOME=\"$(mktemp -d)\"     && for key in       C0D6248439F1D5604AAFFB4021D900FFDB233756       DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7       CC68F5A3106FF448322E48ED27F5E38D5B0A215F       8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600       890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4       C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C       108F52B48DB57BB0CC439B2997B01419BD92F80A       A363A499291CBBC940DD62E41F10027AF002F8B0     ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;     done     && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION.tar.xz\"     && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc\"     && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc     && gpgconf --kill all     && rm -rf \"$GNUPGHOME\"     && grep \" node-v$NODE_VERSION.tar.xz\\$\" SHASUMS256.txt | sha256sum -c -     && tar -xf \"node-v$NODE_VERSION.tar.xz\"     && cd \"node-v$NODE_VERSION\"     && ./configure     && make -j$(getconf _NPROCESSORS_ONLN) V=     && make install     && apk del .build-deps-full     && cd ..     && rm -Rf \"node-v$NODE_VERSION\"     && rm \"node-v$NODE_VERSION.tar.xz\" SHASUMS256.txt.asc SHASUMS256.txt;   fi   && rm -f \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\"   && find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name \"$OPENSSL_ARCH\" -exec rm -rf {} \\;   && apk del .build-deps   && node --version   && npm --version   && rm -rf /tmp/* # buildkit",
                        145_822_360,
                        ALPINE_NODE,
                    ),
                    meta("ENV YARN_VERSION=1.22.22"),
                    layer(
                        "RUN /bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME=\"$(mktemp -d)\"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && apk del .build-deps-yarn   && yarn --version   && rm -rf /tmp/* # buildkit",
                        5_344_310,
                        YARN,
                    ),
                    layer(
                        "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit",
                        388,
                        ENTRYPOINT,
                    ),
                    meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
                    meta("CMD [\"node\"]"),
                ],
                config: ConfigSpec {
                    env: &[
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "NODE_VERSION=22.16.0",
                        "YARN_VERSION=1.22.22",
                    ],
                    cmd: Some(&["node"]),
                    entrypoint: Some(&["docker-entrypoint.sh"]),
                    ..ConfigSpec::EMPTY
                },
            },
        },
    ],
};
