//! A minimal catalog used until the full one lands.

use super::spec::*;

pub static CATALOG: &[RepoSpec] = &[
    RepoSpec {
        path: "library/hello-world",
        description: "Hello World! (an example of minimal Dockerization)",
        stars: 2400,
        official: true,
        images: &[TaggedImage {
            tags: &["latest", "linux"],
            image: ImageSpec {
                from: None,
                created: "2025-01-21T23:32:32Z",
                steps: &[
                    StepSpec { created_by: "COPY hello / # buildkit", comment: "buildkit.dockerfile.v0", size: 13_256, empty: false, files: &[FileSpec::Exe("/hello", "hello")] },
                    StepSpec { created_by: "CMD [\"/hello\"]", comment: "buildkit.dockerfile.v0", size: 0, empty: true, files: &[] },
                ],
                config: ConfigSpec { env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], cmd: Some(&["/hello"]), ..ConfigSpec::EMPTY },
            },
        }],
    },
    RepoSpec {
        path: "library/alpine",
        description: "A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!",
        stars: 11000,
        official: true,
        images: &[TaggedImage {
            tags: &["3.22.0", "3.22", "3", "latest"],
            image: ImageSpec {
                from: None,
                created: "2025-05-30T17:05:30Z",
                steps: &[
                    StepSpec { created_by: "ADD alpine-minirootfs-3.22.0-x86_64.tar.gz / # buildkit", comment: "buildkit.dockerfile.v0", size: 8_306_243, empty: false, files: &[
                        FileSpec::Dir("/bin"), FileSpec::Exe("/bin/busybox", "busybox"),
                        FileSpec::Links("/bin", "/bin/busybox", &["sh", "ls", "echo", "cat", "sleep"]),
                        FileSpec::File("/etc/alpine-release", "3.22.0\n"),
                    ] },
                    StepSpec { created_by: "CMD [\"/bin/sh\"]", comment: "buildkit.dockerfile.v0", size: 0, empty: true, files: &[] },
                ],
                config: ConfigSpec { env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], cmd: Some(&["/bin/sh"]), ..ConfigSpec::EMPTY },
            },
        }],
    },
];
