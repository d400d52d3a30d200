//! Docker Hub `library/alpine` as of 2025-05-30: 3.22.0 (`latest`, released that day), 3.21.3, and
//! 3.18.11 (out of the library file by then but still pullable; `registry:2` is built on it).
//! Each image is one `ADD` of the release's minirootfs ([`super::fs_alpine`]).
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::fs_alpine::ALPINE_TREE;
use super::{layer, meta};
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, FileSpec, ImageSpec, RepoSpec, TaggedImage};

/// The files of Alpine 3.22.0 that differ between releases.
const V3_22: &[FileSpec] = &[
    Include(ALPINE_TREE),
    File("/etc/alpine-release", "3.22.0\n"),
    File(
        "/etc/os-release",
        "\
NAME=\"Alpine Linux\"\n\
ID=alpine\n\
VERSION_ID=3.22.0\n\
PRETTY_NAME=\"Alpine Linux v3.22\"\n\
HOME_URL=\"https://alpinelinux.org/\"\n\
BUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n",
    ),
    File(
        "/etc/issue",
        "Welcome to Alpine Linux 3.22\nKernel \\r on an \\m (\\l)\n\n",
    ),
    File(
        "/etc/apk/repositories",
        "\
https://dl-cdn.alpinelinux.org/alpine/v3.22/main\n\
https://dl-cdn.alpinelinux.org/alpine/v3.22/community\n",
    ),
    File(
        "/etc/apk/world",
        "\
alpine-baselayout\n\
alpine-keys\n\
alpine-release\n\
apk-tools\n\
busybox\n\
libc-utils\n",
    ),
];
/// The files of Alpine 3.21.3 that differ between releases.
const V3_21: &[FileSpec] = &[
    Include(ALPINE_TREE),
    File("/etc/alpine-release", "3.21.3\n"),
    File(
        "/etc/os-release",
        "\
NAME=\"Alpine Linux\"\n\
ID=alpine\n\
VERSION_ID=3.21.3\n\
PRETTY_NAME=\"Alpine Linux v3.21\"\n\
HOME_URL=\"https://alpinelinux.org/\"\n\
BUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n",
    ),
    File(
        "/etc/issue",
        "Welcome to Alpine Linux 3.21\nKernel \\r on an \\m (\\l)\n\n",
    ),
    File(
        "/etc/apk/repositories",
        "\
https://dl-cdn.alpinelinux.org/alpine/v3.21/main\n\
https://dl-cdn.alpinelinux.org/alpine/v3.21/community\n",
    ),
    File(
        "/etc/apk/world",
        "\
alpine-baselayout\n\
alpine-keys\n\
alpine-release\n\
apk-tools\n\
busybox\n\
libc-utils\n",
    ),
];
/// The files of Alpine 3.18.11 that differ between releases.
const V3_18: &[FileSpec] = &[
    Include(ALPINE_TREE),
    File("/etc/alpine-release", "3.18.11\n"),
    File(
        "/etc/os-release",
        "\
NAME=\"Alpine Linux\"\n\
ID=alpine\n\
VERSION_ID=3.18.11\n\
PRETTY_NAME=\"Alpine Linux v3.18\"\n\
HOME_URL=\"https://alpinelinux.org/\"\n\
BUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n",
    ),
    File(
        "/etc/issue",
        "Welcome to Alpine Linux 3.18\nKernel \\r on an \\m (\\l)\n\n",
    ),
    File(
        "/etc/apk/repositories",
        "\
https://dl-cdn.alpinelinux.org/alpine/v3.18/main\n\
https://dl-cdn.alpinelinux.org/alpine/v3.18/community\n",
    ),
    File(
        "/etc/apk/world",
        "\
alpine-baselayout\n\
alpine-keys\n\
apk-tools\n\
busybox\n\
libc-utils\n",
    ),
];

pub const REPO: RepoSpec = RepoSpec {
    path: "library/alpine",
    description: "A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!",
    stars: 11_200,
    official: true,
    images: &[
        TaggedImage {
            tags: &["3.22.0", "3.22", "3", "latest"],
            image: ImageSpec {
                from: None,
                created: "2025-05-30T16:20:41Z",
                steps: &[
                    layer(
                        "ADD alpine-minirootfs-3.22.0-x86_64.tar.gz / # buildkit",
                        8_309_944,
                        V3_22,
                    ),
                    meta("CMD [\"/bin/sh\"]"),
                ],
                config: ConfigSpec {
                    env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                    cmd: Some(&["/bin/sh"]),
                    entrypoint: None,
                    ..ConfigSpec::EMPTY
                },
            },
        },
        TaggedImage {
            tags: &["3.21.3", "3.21"],
            image: ImageSpec {
                from: None,
                created: "2025-02-14T03:28:36Z",
                steps: &[
                    layer(
                        "ADD alpine-minirootfs-3.21.3-x86_64.tar.gz / # buildkit",
                        7_833_931,
                        V3_21,
                    ),
                    meta("CMD [\"/bin/sh\"]"),
                ],
                config: ConfigSpec {
                    env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                    cmd: Some(&["/bin/sh"]),
                    entrypoint: None,
                    ..ConfigSpec::EMPTY
                },
            },
        },
        TaggedImage {
            tags: &["3.18.11", "3.18"],
            image: ImageSpec {
                from: None,
                created: "2025-01-08T12:07:31Z",
                steps: &[
                    layer(
                        "ADD alpine-minirootfs-3.18.11-x86_64.tar.gz / # buildkit",
                        7_365_404,
                        V3_18,
                    ),
                    meta("CMD [\"/bin/sh\"]"),
                ],
                config: ConfigSpec {
                    env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                    cmd: Some(&["/bin/sh"]),
                    entrypoint: None,
                    ..ConfigSpec::EMPTY
                },
            },
        },
    ],
};
