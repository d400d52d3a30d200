//! Docker Hub `library/golang`: 1.24.3 (`latest`) on `buildpack-deps:bookworm-scm`
//! (docker-library/golang@6f55931, `SOURCE_DATE_EPOCH` 2025-05-06T18:58:00Z). The toolchain is
//! built in a first stage and copied in (`COPY /target/ /`).
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::{layer, meta};
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, FileSpec, ImageSpec, RepoSpec, TaggedImage};

/// The C toolchain cgo needs.
const CC: &[FileSpec] = &[
    Exe("/usr/bin/gcc-12", "gcc"),
    Link("/usr/bin/gcc", "gcc-12"),
    Exe("/usr/bin/g++-12", "g++"),
    Link("/usr/bin/g++", "g++-12"),
    Exe("/usr/bin/make", "make"),
    Exe("/usr/bin/pkg-config", "coreutils:pkg-config"),
    Dir("/usr/lib/gcc"),
    Dir("/usr/lib/gcc/x86_64-linux-gnu"),
    Dir("/usr/lib/gcc/x86_64-linux-gnu/12"),
];

/// The Go 1.24.3 distribution under `/usr/local/go`.
const GO: &[FileSpec] = &[
    Dir("/usr/local/go"),
    Dir("/usr/local/go/api"),
    Dir("/usr/local/go/bin"),
    Exe("/usr/local/go/bin/go", "go"),
    Exe("/usr/local/go/bin/gofmt", "gofmt"),
    Dir("/usr/local/go/doc"),
    Dir("/usr/local/go/lib"),
    Dir("/usr/local/go/misc"),
    Dir("/usr/local/go/pkg"),
    Dir("/usr/local/go/pkg/tool"),
    Dir("/usr/local/go/pkg/tool/linux_amd64"),
    Dir("/usr/local/go/src"),
    Dir("/usr/local/go/test"),
    File(
        "/usr/local/go/VERSION",
        "go1.24.3\ntime 2025-04-30T18:13:34Z\n",
    ),
];

pub const REPO: RepoSpec = RepoSpec {
    path: "library/golang",
    description: "Go (golang) is a general purpose, higher-level, imperative programming language.",
    stars: 5_000,
    official: true,
    images: &[TaggedImage {
        tags: &[
            "1.24.3",
            "1.24",
            "1",
            "latest",
            "1.24.3-bookworm",
            "1.24-bookworm",
            "1-bookworm",
            "bookworm",
        ],
        image: ImageSpec {
            from: Some("buildpack-deps:bookworm-scm"),
            created: "2025-05-06T18:58:00Z",
            steps: &[
                layer(
                    "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tg++ \t\tgcc \t\tlibc6-dev \t\tmake \t\tpkg-config \t; \trm -rf /var/lib/apt/lists/* # buildkit",
                    239_672_090,
                    CC,
                ),
                meta("ENV GOLANG_VERSION=1.24.3"),
                meta("ENV GOTOOLCHAIN=local"),
                meta("ENV GOPATH=/go"),
                meta(
                    "ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                ),
                layer("COPY /target/ / # buildkit", 233_702_415, GO),
                layer(
                    "RUN /bin/sh -c mkdir -p \"$GOPATH/src\" \"$GOPATH/bin\" && chmod -R 1777 \"$GOPATH\" # buildkit",
                    0,
                    &[
                        DirMode("/go", 0o1777),
                        DirMode("/go/bin", 0o1777),
                        DirMode("/go/src", 0o1777),
                    ],
                ),
                layer("WORKDIR /go", 0, &[]),
            ],
            config: ConfigSpec {
                env: &[
                    "PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "GOLANG_VERSION=1.24.3",
                    "GOTOOLCHAIN=local",
                    "GOPATH=/go",
                ],
                cmd: Some(&["bash"]),
                entrypoint: None,
                working_dir: "/go",
                ..ConfigSpec::EMPTY
            },
        },
    }],
};
