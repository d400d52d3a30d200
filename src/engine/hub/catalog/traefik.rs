//! Docker Hub `library/traefik`: v3.4.1 (`latest`) on `alpine:3.21` (traefik/traefik-library-image,
//! `SOURCE_DATE_EPOCH` 2025-05-27T12:53:59Z).
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::{layer, meta};
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, ImageSpec, RepoSpec, TaggedImage};

pub const REPO: RepoSpec = RepoSpec {
    path: "library/traefik",
    description: "Traefik, The Cloud Native Edge Router",
    stars: 3_400,
    official: true,
    images: &[TaggedImage {
        tags: &[
            "v3.4.1", "3.4.1", "v3.4", "3.4", "v3", "3", "chaource", "latest",
        ],
        image: ImageSpec {
            from: Some("alpine:3.21"),
            created: "2025-05-27T12:53:59Z",
            steps: &[
                layer(
                    "RUN /bin/sh -c apk --no-cache add ca-certificates tzdata # buildkit",
                    2_608_311,
                    &[
                        Dir("/usr/share/ca-certificates"),
                        Dir("/usr/share/zoneinfo"),
                        Blob("/usr/share/zoneinfo/UTC", 114),
                    ],
                ),
                layer(
                    "RUN /bin/sh -c set -ex; \tapkArch=\"$(apk --print-arch)\"; \tcase \"$apkArch\" in \t\tarmhf) arch='armv6' ;; \t\taarch64) arch='arm64' ;; \t\tx86_64) arch='amd64' ;; \t\triscv64) arch='riscv64' ;; \t\ts390x) arch='s390x' ;; \t\tppc64le) arch='ppc64le' ;; \t\t*) echo >&2 \"error: unsupported architecture: $apkArch\"; exit 1 ;; \tesac; \twget --quiet -O /tmp/traefik.tar.gz \"https://github.com/traefik/traefik/releases/download/v3.4.1/traefik_v3.4.1_linux_$arch.tar.gz\"; \ttar xzvf /tmp/traefik.tar.gz -C /usr/local/bin traefik; \trm -f /tmp/traefik.tar.gz; \tchmod +x /usr/local/bin/traefik # buildkit",
                    205_621_432,
                    &[Exe("/usr/local/bin/traefik", "traefik")],
                ),
                layer(
                    "COPY entrypoint.sh / # buildkit",
                    419,
                    &[Script(
                        "/entrypoint.sh",
                        "\
#!/bin/sh\n\
set -e\n\
\n\
# first arg is `-f` or `--some-option`\n\
if [ \"${1#-}\" != \"$1\" ]; then\n\
\x20   set -- traefik \"$@\"\n\
fi\n\
\n\
# if our command is a valid Traefik subcommand, let's invoke it through Traefik instead\n\
# (this allows for \"docker run traefik version\", etc)\n\
if traefik \"$1\" --help >/dev/null 2>&1\n\
then\n\
\x20   set -- traefik \"$@\"\n\
else\n\
\x20   echo \"= '$1' is not a Traefik command: assuming shell execution.\" 1>&2\n\
fi\n\
\n\
exec \"$@\"\n",
                    )],
                ),
                meta("EXPOSE map[80/tcp:{}]"),
                meta("ENTRYPOINT [\"/entrypoint.sh\"]"),
                meta("CMD [\"traefik\"]"),
                meta(
                    "LABEL org.opencontainers.image.vendor=Traefik Labs org.opencontainers.image.url=https://traefik.io org.opencontainers.image.source=https://github.com/traefik/traefik org.opencontainers.image.title=Traefik org.opencontainers.image.description=A modern reverse-proxy org.opencontainers.image.version=v3.4.1 org.opencontainers.image.documentation=https://docs.traefik.io",
                ),
            ],
            config: ConfigSpec {
                env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                cmd: Some(&["traefik"]),
                entrypoint: Some(&["/entrypoint.sh"]),
                exposed_ports: &["80/tcp"],
                labels: &[
                    ("org.opencontainers.image.vendor", "Traefik Labs"),
                    ("org.opencontainers.image.url", "https://traefik.io"),
                    (
                        "org.opencontainers.image.source",
                        "https://github.com/traefik/traefik",
                    ),
                    ("org.opencontainers.image.title", "Traefik"),
                    (
                        "org.opencontainers.image.description",
                        "A modern reverse-proxy",
                    ),
                    ("org.opencontainers.image.version", "v3.4.1"),
                    (
                        "org.opencontainers.image.documentation",
                        "https://docs.traefik.io",
                    ),
                ],
                ..ConfigSpec::EMPTY
            },
        },
    }],
};
