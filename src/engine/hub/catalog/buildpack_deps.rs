//! Docker Hub `library/buildpack-deps`: the `bookworm` chain that `node`, `python` (`curl` →
//! `scm` → full) and `golang` (`scm`) are built on. Built with `SOURCE_DATE_EPOCH` set to
//! 2023-05-10 (`curl`) and 2024-01-09 (`scm`, full), which also clamps the Debian step.
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::layer;
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, ImageSpec, RepoSpec, TaggedImage};

pub const REPO: RepoSpec = RepoSpec {
    path: "library/buildpack-deps",
    description: "A collection of common build dependencies used for installing various modules, e.g., gems.",
    stars: 700,
    official: true,
    images: &[
        TaggedImage {
            tags: &["bookworm-curl", "stable-curl", "curl"],
            image: ImageSpec {
                from: Some("debian:bookworm"),
                created: "2023-05-10T23:29:59Z",
                steps: &[layer(
                    "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit",
                    53_483_318,
                    &[
                        Exe("/usr/bin/curl", "curl"),
                        Exe("/usr/bin/wget", "wget"),
                        Exe("/usr/bin/gpg", "gpg"),
                        Exe("/usr/bin/sq", "sq"),
                        Dir("/etc/ssl"),
                        Dir("/etc/ssl/certs"),
                        Blob("/etc/ssl/certs/ca-certificates.crt", 219_342),
                        Blob("/etc/services", 12_813),
                        Blob("/etc/protocols", 2_932),
                    ],
                )],
                config: ConfigSpec {
                    env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                    cmd: Some(&["bash"]),
                    entrypoint: None,
                    ..ConfigSpec::EMPTY
                },
            },
        },
        TaggedImage {
            tags: &["bookworm-scm", "stable-scm", "scm"],
            image: ImageSpec {
                from: Some("buildpack-deps:bookworm-curl"),
                created: "2024-01-09T01:14:25Z",
                steps: &[layer(
                    "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit",
                    190_122_440,
                    &[
                        Exe("/usr/bin/git", "git"),
                        Exe("/usr/bin/hg", "hg"),
                        Exe("/usr/bin/svn", "svn"),
                        Exe("/usr/bin/ssh", "ssh"),
                        Tools(
                            "/usr/bin",
                            "coreutils",
                            &[
                                "free", "kill", "pgrep", "pkill", "ps", "top", "uptime", "vmstat",
                                "w", "watch",
                            ],
                        ),
                        Exe("/usr/bin/python3.11", "python3"),
                        Link("/usr/bin/python3", "python3.11"),
                    ],
                )],
                config: ConfigSpec {
                    env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                    cmd: Some(&["bash"]),
                    entrypoint: None,
                    ..ConfigSpec::EMPTY
                },
            },
        },
        TaggedImage {
            tags: &["bookworm", "stable", "latest"],
            image: ImageSpec {
                from: Some("buildpack-deps:bookworm-scm"),
                created: "2024-01-09T01:14:25Z",
                steps: &[layer(
                    "RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibdb-dev \t\tlibevent-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tlibglib2.0-dev \t\tlibgmp-dev \t\tlibjpeg-dev \t\tlibkrb5-dev \t\tliblzma-dev \t\tlibmagickcore-dev \t\tlibmagickwand-dev \t\tlibmaxminddb-dev \t\tlibncurses5-dev \t\tlibncursesw5-dev \t\tlibpng-dev \t\tlibpq-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibtool \t\tlibwebp-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlibyaml-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit",
                    564_177_224,
                    &[
                        Exe("/usr/bin/gcc-12", "gcc"),
                        Link("/usr/bin/gcc", "gcc-12"),
                        Exe("/usr/bin/g++-12", "g++"),
                        Link("/usr/bin/g++", "g++-12"),
                        Link("/usr/bin/cc", "/etc/alternatives/cc"),
                        Link("/etc/alternatives/cc", "/usr/bin/gcc"),
                        Exe("/usr/bin/make", "make"),
                        Exe("/usr/bin/patch", "coreutils:patch"),
                        Exe("/usr/bin/unzip", "unzip"),
                        Exe("/usr/bin/xz", "coreutils:xz"),
                        Exe("/usr/bin/file", "coreutils:file"),
                        Exe("/usr/bin/convert", "imagemagick"),
                        Dir("/usr/include"),
                        Dir("/usr/lib/gcc"),
                        Dir("/usr/lib/gcc/x86_64-linux-gnu"),
                        Dir("/usr/lib/gcc/x86_64-linux-gnu/12"),
                    ],
                )],
                config: ConfigSpec {
                    env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                    cmd: Some(&["bash"]),
                    entrypoint: None,
                    ..ConfigSpec::EMPTY
                },
            },
        },
    ],
};
