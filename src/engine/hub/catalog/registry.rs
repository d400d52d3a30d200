//! Docker Hub `library/registry`: 3.0.0 (`latest` since April 2025) on `alpine:3.21`, and 2.8.3
//! (`2`) on `alpine:3.18`, built from distribution/distribution-library-image
//! (`SOURCE_DATE_EPOCH` 2025-04-03T13:26:51Z and 2023-10-02T18:42:41Z).
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::{layer, meta};
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, ImageSpec, RepoSpec, TaggedImage};

pub const REPO: RepoSpec = RepoSpec {
    path: "library/registry",
    description: "Distribution implementation for storing and distributing of container images and artifacts",
    stars: 4_300,
    official: true,
    images: &[
        TaggedImage {
            tags: &["3.0.0", "3.0", "3", "latest"],
            image: ImageSpec {
                from: Some("alpine:3.21"),
                created: "2025-04-03T13:26:51Z",
                steps: &[
                    layer(
                        "RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit",
                        686_413,
                        &[
                            Dir("/usr/share/ca-certificates"),
                            Dir("/usr/share/ca-certificates/mozilla"),
                        ],
                    ),
                    layer(
                        "RUN /bin/sh -c set -eux; \tversion='3.0.0'; \tapkArch=\"$(apk --print-arch)\"; \tcase \"$apkArch\" in \t\tx86_64)  arch='amd64';   sha256='61c9a2c0d5981a78482025b6b69728521fbc78506d68b223d4a2eb825de5ca3d' ;; \t\taarch64) arch='arm64';   sha256='6c2ee1d135626fa42e0d6fb66a0e0f42e22439e5050087d04f4c5ff53655892e' ;; \t\tarmhf)   arch='armv6';   sha256='e038bba14c573628407d9f5dfa6b6f9d782acda62abf52dbf24ab257bbeedfe7' ;; \t\tarmv7)   arch='armv7';   sha256='147d617e604e2e7d11b055484493c6a20731f6ce252d2bc47c716d8c48258719' ;; \t\tppc64le) arch='ppc64le'; sha256='5386e9811790616d5b3c4d5de2f449e6da99f03dd45f33ee3e3464e81a264e6e' ;; \t\ts390x)   arch='s390x';   sha256='c8645e6fcebde5a441e1050c673b3ffa38572f61c1d1b1605d2bf333d3760328' ;; \t\triscv64) arch='riscv64'; sha256='99bfeef7c553bf7b9861435e6b55fa584ecca73704f4a71418e482cc2d9e013d' ;; \t\t*) echo >&2 \"error: unsupported architecture: $apkArch\"; exit 1 ;; \tesac; \twget -O registry.tar.gz \"https://github.com/distribution/distribution/releases/download/v${version}/registry_${version}_linux_${arch}.tar.gz\"; \techo \"$sha256 *registry.tar.gz\" | sha256sum -c -; \ttar --extract --verbose --file registry.tar.gz --directory /bin/ registry; \trm registry.tar.gz; \tregistry --version # buildkit",
                        48_411_776,
                        &[Exe("/bin/registry", "registry")],
                    ),
                    layer(
                        "COPY ./config-example.yml /etc/distribution/config.yml # buildkit",
                        475,
                        &[
                            Dir("/etc/distribution"),
                            File(
                                "/etc/distribution/config.yml",
                                "\
version: 0.1\n\
log:\n\
\x20 level: debug\n\
\x20 fields:\n\
\x20   service: registry\n\
\x20   environment: development\n\
storage:\n\
\x20   delete:\n\
\x20     enabled: true\n\
\x20   cache:\n\
\x20       blobdescriptor: inmemory\n\
\x20   filesystem:\n\
\x20       rootdirectory: /var/lib/registry\n\
\x20   tag:\n\
\x20     concurrencylimit: 5\n\
http:\n\
\x20   addr: :5000\n\
\x20   debug:\n\
\x20       addr: :5001\n\
\x20       prometheus:\n\
\x20           enabled: true\n\
\x20           path: /metrics\n\
health:\n\
\x20 storagedriver:\n\
\x20   enabled: true\n\
\x20   interval: 10s\n\
\x20   threshold: 3\n",
                            ),
                        ],
                    ),
                    meta("VOLUME [/var/lib/registry]"),
                    meta("EXPOSE map[5000/tcp:{}]"),
                    layer(
                        "COPY entrypoint.sh /entrypoint.sh # buildkit",
                        155,
                        &[Script(
                            "/entrypoint.sh",
                            "\
#!/bin/sh\n\
\n\
set -e\n\
\n\
case \"$1\" in\n\
\x20   *.yaml|*.yml) set -- registry serve \"$@\" ;;\n\
\x20   serve|garbage-collect|help|-*) set -- registry \"$@\" ;;\n\
esac\n\
\n\
exec \"$@\"\n",
                        )],
                    ),
                    meta("ENTRYPOINT [\"/entrypoint.sh\"]"),
                    meta("CMD [\"/etc/distribution/config.yml\"]"),
                ],
                config: ConfigSpec {
                    env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                    cmd: Some(&["/etc/distribution/config.yml"]),
                    entrypoint: Some(&["/entrypoint.sh"]),
                    exposed_ports: &["5000/tcp"],
                    volumes: &["/var/lib/registry"],
                    ..ConfigSpec::EMPTY
                },
            },
        },
        TaggedImage {
            tags: &["2.8.3", "2.8", "2"],
            image: ImageSpec {
                from: Some("alpine:3.18"),
                created: "2023-10-02T18:42:41Z",
                steps: &[
                    layer(
                        "RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit",
                        686_413,
                        &[
                            Dir("/usr/share/ca-certificates"),
                            Dir("/usr/share/ca-certificates/mozilla"),
                        ],
                    ),
                    layer(
                        "RUN /bin/sh -c set -eux; \tversion='2.8.3'; \tapkArch=\"$(apk --print-arch)\"; \tcase \"$apkArch\" in \t\tx86_64)  arch='amd64';   sha256='b1f750ecbe09f38e2143e22c61a25e3da2afe1510d9522859230b480e642ceff' ;; \t\taarch64) arch='arm64';   sha256='7d2252eeeac97dd60fb9b36bebd15b95d7f947c4c82b8e0824cb55233ece9cd0' ;; \t\tarmhf)   arch='armv6';   sha256='b00606466f976b6757268f1e7691918cbeca4af6fd4093a114b9186744ee8ef0' ;; \t\tarmv7)   arch='armv7';   sha256='d3d7d958a7cc04159d43871261b1ed470ba72531d345fada311068962b967517' ;; \t\tppc64le) arch='ppc64le'; sha256='9003659e5571bee89ee6d686057d02e9c0896d327276f268189922036e1ca84b' ;; \t\ts390x)   arch='s390x';   sha256='2c1347c73f881c320ff707055aecf649a888df39252e8bdc4fdfac7f59a383f1' ;; \t\t*) echo >&2 \"error: unsupported architecture: $apkArch\"; exit 1 ;; \tesac; \twget -O registry.tar.gz \"https://github.com/distribution/distribution/releases/download/v${version}/registry_${version}_linux_${arch}.tar.gz\"; \techo \"$sha256 *registry.tar.gz\" | sha256sum -c -; \ttar --extract --verbose --file registry.tar.gz --directory /bin/ registry; \trm registry.tar.gz; \tregistry --version # buildkit",
                        17_341_608,
                        &[Exe("/bin/registry", "registry")],
                    ),
                    layer(
                        "COPY ./config-example.yml /etc/docker/registry/config.yml # buildkit",
                        295,
                        &[
                            Dir("/etc/docker"),
                            Dir("/etc/docker/registry"),
                            File(
                                "/etc/docker/registry/config.yml",
                                "\
version: 0.1\n\
log:\n\
\x20 fields:\n\
\x20   service: registry\n\
storage:\n\
\x20 cache:\n\
\x20   blobdescriptor: inmemory\n\
\x20 filesystem:\n\
\x20   rootdirectory: /var/lib/registry\n\
http:\n\
\x20 addr: :5000\n\
\x20 headers:\n\
\x20   X-Content-Type-Options: [nosniff]\n\
health:\n\
\x20 storagedriver:\n\
\x20   enabled: true\n\
\x20   interval: 10s\n\
\x20   threshold: 3\n",
                            ),
                        ],
                    ),
                    meta("VOLUME [/var/lib/registry]"),
                    meta("EXPOSE map[5000/tcp:{}]"),
                    layer(
                        "COPY docker-entrypoint.sh /entrypoint.sh # buildkit",
                        155,
                        &[Script(
                            "/entrypoint.sh",
                            "\
#!/bin/sh\n\
\n\
set -e\n\
\n\
case \"$1\" in\n\
\x20   *.yaml|*.yml) set -- registry serve \"$@\" ;;\n\
\x20   serve|garbage-collect|help|-*) set -- registry \"$@\" ;;\n\
esac\n\
\n\
exec \"$@\"\n",
                        )],
                    ),
                    meta("ENTRYPOINT [\"/entrypoint.sh\"]"),
                    meta("CMD [\"/etc/docker/registry/config.yml\"]"),
                ],
                config: ConfigSpec {
                    env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                    cmd: Some(&["/etc/docker/registry/config.yml"]),
                    entrypoint: Some(&["/entrypoint.sh"]),
                    exposed_ports: &["5000/tcp"],
                    volumes: &["/var/lib/registry"],
                    ..ConfigSpec::EMPTY
                },
            },
        },
    ],
};
