//! Docker Hub `library/debian`: `bookworm` 12.11 (`latest`) and `bookworm-slim`, the 20250520
//! debuerreotype builds (epoch `@1747699200`). Both are one rootfs layer; their history line
//! is the `debian.sh` invocation with the comment `debuerreotype 0.15`.
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::fs_debian::{DEBIAN_ETC, MERGED_USR_TREE};
use super::fs_debian_programs::DEBIAN_PROGRAMS;
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, FileSpec, ImageSpec, RepoSpec, StepSpec, TaggedImage};

/// `debian:bookworm-slim`: the package set without documentation, manuals or locales.
const SLIM: &[FileSpec] = &[
    Include(MERGED_USR_TREE),
    Include(DEBIAN_PROGRAMS),
    Include(DEBIAN_ETC),
];

/// `debian:bookworm`: the same packages with their documentation.
const FULL: &[FileSpec] = &[
    Include(SLIM),
    Dir("/usr/share/doc"),
    Dir("/usr/share/doc/bash"),
    Dir("/usr/share/doc/coreutils"),
    Dir("/usr/share/info"),
    Dir("/usr/share/locale"),
    Dir("/usr/share/man"),
    Dir("/usr/share/man/man1"),
    Dir("/usr/share/man/man5"),
    Dir("/usr/share/man/man8"),
];

pub const REPO: RepoSpec = RepoSpec {
    path: "library/debian",
    description: "Debian is a Linux distribution that's composed entirely of free and open-source software.",
    stars: 5_200,
    official: true,
    images: &[
        TaggedImage {
            tags: &["bookworm", "bookworm-20250520", "12.11", "12", "latest"],
            image: ImageSpec {
                from: None,
                created: "2025-05-20T00:00:00Z",
                steps: &[StepSpec {
                    created_by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1747699200'",
                    comment: "debuerreotype 0.15",
                    size: 116_541_036,
                    empty: false,
                    files: FULL,
                }],
                config: ConfigSpec {
                    env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                    cmd: Some(&["bash"]),
                    entrypoint: None,
                    ..ConfigSpec::EMPTY
                },
            },
        },
        TaggedImage {
            tags: &[
                "bookworm-slim",
                "bookworm-20250520-slim",
                "12.11-slim",
                "12-slim",
            ],
            image: ImageSpec {
                from: None,
                created: "2025-05-20T00:00:00Z",
                steps: &[StepSpec {
                    created_by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1747699200'",
                    comment: "debuerreotype 0.15",
                    size: 74_774_436,
                    empty: false,
                    files: SLIM,
                }],
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
