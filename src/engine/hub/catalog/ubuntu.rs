//! Docker Hub `library/ubuntu`: 24.04 (`noble`, `latest`) and 22.04 (`jammy`), the 20250415.1
//! Launchpad builds. Their history is the classic builder's (`/bin/sh -c #(nop) …`, no
//! comment). The userland reuses the Debian tool set of [`super::fs_debian`].
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::fs_debian::{MERGED_USR_TREE, debian_group, debian_passwd};
use super::fs_debian_programs::DEBIAN_PROGRAMS;
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, FileSpec, ImageSpec, RepoSpec, StepSpec, TaggedImage};

/// The Ubuntu 24.04.2 root filesystem.
const NOBLE: &[FileSpec] = &[
    Include(MERGED_USR_TREE),
    Include(DEBIAN_PROGRAMS),
    File(
        "/usr/lib/os-release",
        "\
PRETTY_NAME=\"Ubuntu 24.04.2 LTS\"\n\
NAME=\"Ubuntu\"\n\
VERSION_ID=\"24.04\"\n\
VERSION=\"24.04.2 LTS (Noble Numbat)\"\n\
VERSION_CODENAME=noble\n\
ID=ubuntu\n\
ID_LIKE=debian\n\
HOME_URL=\"https://www.ubuntu.com/\"\n\
SUPPORT_URL=\"https://help.ubuntu.com/\"\n\
BUG_REPORT_URL=\"https://bugs.launchpad.net/ubuntu/\"\n\
PRIVACY_POLICY_URL=\"https://www.ubuntu.com/legal/terms-and-policies/privacy-policy\"\n\
UBUNTU_CODENAME=noble\n\
LOGO=ubuntu-logo\n",
    ),
    Link("/etc/os-release", "../usr/lib/os-release"),
    File(
        "/etc/lsb-release",
        "\
DISTRIB_ID=Ubuntu\n\
DISTRIB_RELEASE=24.04\n\
DISTRIB_CODENAME=noble\n\
DISTRIB_DESCRIPTION=\"Ubuntu 24.04.2 LTS\"\n",
    ),
    File("/etc/debian_version", "trixie/sid\n"),
    File("/etc/issue", "Ubuntu 24.04.2 LTS \\n \\l\n\n"),
    File("/etc/issue.net", "Ubuntu 24.04.2 LTS\n"),
    File(
        "/etc/passwd",
        concat!(
            debian_passwd!(),
            "ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n"
        ),
    ),
    File("/etc/group", concat!(debian_group!(), "ubuntu:x:1000:\n")),
    DirOwned("/home/ubuntu", 1000, 1000, 0o750),
];
/// The Ubuntu 22.04.5 root filesystem.
const JAMMY: &[FileSpec] = &[
    Include(MERGED_USR_TREE),
    Include(DEBIAN_PROGRAMS),
    File(
        "/usr/lib/os-release",
        "\
PRETTY_NAME=\"Ubuntu 22.04.5 LTS\"\n\
NAME=\"Ubuntu\"\n\
VERSION_ID=\"22.04\"\n\
VERSION=\"22.04.5 LTS (Jammy Jellyfish)\"\n\
VERSION_CODENAME=jammy\n\
ID=ubuntu\n\
ID_LIKE=debian\n\
HOME_URL=\"https://www.ubuntu.com/\"\n\
SUPPORT_URL=\"https://help.ubuntu.com/\"\n\
BUG_REPORT_URL=\"https://bugs.launchpad.net/ubuntu/\"\n\
PRIVACY_POLICY_URL=\"https://www.ubuntu.com/legal/terms-and-policies/privacy-policy\"\n\
UBUNTU_CODENAME=jammy\n",
    ),
    Link("/etc/os-release", "../usr/lib/os-release"),
    File(
        "/etc/lsb-release",
        "\
DISTRIB_ID=Ubuntu\n\
DISTRIB_RELEASE=22.04\n\
DISTRIB_CODENAME=jammy\n\
DISTRIB_DESCRIPTION=\"Ubuntu 22.04.5 LTS\"\n",
    ),
    File("/etc/debian_version", "bookworm/sid\n"),
    File("/etc/issue", "Ubuntu 22.04.5 LTS \\n \\l\n\n"),
    File("/etc/issue.net", "Ubuntu 22.04.5 LTS\n"),
    File(
        "/etc/passwd",
        concat!(
            debian_passwd!(),
            "gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin\n"
        ),
    ),
    File("/etc/group", concat!(debian_group!(), "gnats:x:41:\n")),
];

pub const REPO: RepoSpec = RepoSpec {
    path: "library/ubuntu",
    description: "Ubuntu is a Debian-based Linux operating system based on free software.",
    stars: 17_600,
    official: true,
    images: &[
        TaggedImage {
            tags: &["24.04", "noble-20250415.1", "noble", "latest"],
            image: ImageSpec {
                from: None,
                created: "2025-04-24T12:31:04Z",
                steps: &[
                    StepSpec {
                        created_by: "/bin/sh -c #(nop)  ARG RELEASE",
                        comment: "",
                        size: 0,
                        empty: true,
                        files: &[],
                    },
                    StepSpec {
                        created_by: "/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH",
                        comment: "",
                        size: 0,
                        empty: true,
                        files: &[],
                    },
                    StepSpec {
                        created_by: "/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu",
                        comment: "",
                        size: 0,
                        empty: true,
                        files: &[],
                    },
                    StepSpec {
                        created_by: "/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04",
                        comment: "",
                        size: 0,
                        empty: true,
                        files: &[],
                    },
                    StepSpec {
                        created_by: "/bin/sh -c #(nop) ADD file:598ca0108009b5c2e9e6f4fc4bd19a6bcd604fccb5b9376fac14a75522a5cfa3 in / ",
                        comment: "",
                        size: 78_129_310,
                        empty: false,
                        files: NOBLE,
                    },
                    StepSpec {
                        created_by: "/bin/sh -c #(nop)  CMD [\"/bin/bash\"]",
                        comment: "",
                        size: 0,
                        empty: true,
                        files: &[],
                    },
                ],
                config: ConfigSpec {
                    env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                    cmd: Some(&["/bin/bash"]),
                    entrypoint: None,
                    labels: &[
                        ("org.opencontainers.image.ref.name", "ubuntu"),
                        ("org.opencontainers.image.version", "24.04"),
                    ],
                    ..ConfigSpec::EMPTY
                },
            },
        },
        TaggedImage {
            tags: &["22.04", "jammy-20250415.1", "jammy"],
            image: ImageSpec {
                from: None,
                created: "2025-04-24T12:30:51Z",
                steps: &[
                    StepSpec {
                        created_by: "/bin/sh -c #(nop)  ARG RELEASE",
                        comment: "",
                        size: 0,
                        empty: true,
                        files: &[],
                    },
                    StepSpec {
                        created_by: "/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH",
                        comment: "",
                        size: 0,
                        empty: true,
                        files: &[],
                    },
                    StepSpec {
                        created_by: "/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu",
                        comment: "",
                        size: 0,
                        empty: true,
                        files: &[],
                    },
                    StepSpec {
                        created_by: "/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=22.04",
                        comment: "",
                        size: 0,
                        empty: true,
                        files: &[],
                    },
                    StepSpec {
                        created_by: "/bin/sh -c #(nop) ADD file:82f38ebced7b2756311fb492d3d44cc131b22654e8620baa93883537a3e355aa in / ",
                        comment: "",
                        size: 77_863_229,
                        empty: false,
                        files: JAMMY,
                    },
                    StepSpec {
                        created_by: "/bin/sh -c #(nop)  CMD [\"/bin/bash\"]",
                        comment: "",
                        size: 0,
                        empty: true,
                        files: &[],
                    },
                ],
                config: ConfigSpec {
                    env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                    cmd: Some(&["/bin/bash"]),
                    entrypoint: None,
                    labels: &[
                        ("org.opencontainers.image.ref.name", "ubuntu"),
                        ("org.opencontainers.image.version", "22.04"),
                    ],
                    ..ConfigSpec::EMPTY
                },
            },
        },
    ],
};
