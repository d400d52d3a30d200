//! Docker Hub `library/mongo`: 8.0.9 (`latest`) on `ubuntu:noble` (docker-library/mongo@a235aeb,
//! `SOURCE_DATE_EPOCH` 2025-05-01T22:01:24Z). History text checked against docker-library/repo-info.
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::fs_debian::{debian_group, debian_passwd};
use super::{layer, meta};
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, FileSpec, ImageSpec, RepoSpec, TaggedImage};

/// The `mongodb` user (999) and the data directories.
const USERS: &[FileSpec] = &[
    File(
        "/etc/passwd",
        concat!(
            debian_passwd!(),
            "ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n",
            "mongodb:x:999:999::/data/db:/bin/sh\n"
        ),
    ),
    File(
        "/etc/group",
        concat!(debian_group!(), "ubuntu:x:1000:\n", "mongodb:x:999:\n"),
    ),
    Dir("/data"),
    DirOwned("/data/db", 999, 999, 0o755),
    DirOwned("/data/configdb", 999, 999, 0o755),
];

/// MongoDB 8.0.9: server, router, shell and database tools.
const MONGODB: &[FileSpec] = &[
    Exe("/usr/bin/mongod", "mongod"),
    Exe("/usr/bin/mongos", "mongos"),
    Exe("/usr/bin/mongosh", "mongosh"),
    Tools(
        "/usr/bin",
        "mongo-tools",
        &[
            "bsondump",
            "mongodump",
            "mongoexport",
            "mongofiles",
            "mongoimport",
            "mongorestore",
            "mongostat",
            "mongotop",
        ],
    ),
    Blob("/etc/mongod.conf.orig", 615),
];

pub const REPO: RepoSpec = RepoSpec {
    path: "library/mongo",
    description: "MongoDB document databases provide high availability and easy scalability.",
    stars: 10_600,
    official: true,
    images: &[TaggedImage {
        tags: &[
            "8.0.9",
            "8.0",
            "8",
            "latest",
            "8.0.9-noble",
            "8.0-noble",
            "8-noble",
            "noble",
        ],
        image: ImageSpec {
            from: Some("ubuntu:24.04"),
            created: "2025-05-01T22:01:24Z",
            steps: &[
                layer(
                    "RUN /bin/sh -c set -eux; \tgroupadd --gid 999 --system mongodb; \tuseradd --uid 999 --system --gid mongodb --home-dir /data/db mongodb; \tmkdir -p /data/db /data/configdb; \tchown -R mongodb:mongodb /data/db /data/configdb # buildkit",
                    4_484,
                    USERS,
                ),
                layer(
                    "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tjq \t\tnumactl \t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit",
                    4_208_342,
                    &[
                        Tools(
                            "/usr/bin",
                            "coreutils",
                            &[
                                "free", "jq", "kill", "numactl", "pgrep", "pkill", "ps", "top",
                                "uptime", "w", "watch",
                            ],
                        ),
                        Dir("/etc/ssl"),
                        Dir("/etc/ssl/certs"),
                        Blob("/etc/ssl/certs/ca-certificates.crt", 219_342),
                    ],
                ),
                meta("ENV GOSU_VERSION=1.17"),
                meta("ENV JSYAML_VERSION=3.13.1"),
                meta(
                    "ENV JSYAML_CHECKSUM=662e32319bdd378e91f67578e56a34954b0a2e33aca11d70ab9f4826af24b941",
                ),
                layer(
                    "RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\twget \t; \trm -rf /var/lib/apt/lists/*; \t\tdpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \twget -O /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; \twget -O /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \t\tmkdir -p /opt/js-yaml/; \twget -O /opt/js-yaml/js-yaml.tgz https://registry.npmjs.org/js-yaml/-/js-yaml-${JSYAML_VERSION}.tgz; \techo \"$JSYAML_CHECKSUM */opt/js-yaml/js-yaml.tgz\" | sha256sum -c -; \ttar -xz --strip-components=1 -f /opt/js-yaml/js-yaml.tgz -C /opt/js-yaml package/dist/js-yaml.js package/package.json; \trm /opt/js-yaml/js-yaml.tgz; \tln -s /opt/js-yaml/dist/js-yaml.js /js-yaml.js; \t\texport GNUPGHOME=\"$(mktemp -d)\"; \twget -O KEYS 'https://pgp.mongodb.com/server-8.0.asc'; \tgpg --batch --import KEYS; \tmkdir -p /etc/apt/keyrings; \tgpg --batch --export --armor '4B0752C1BCA238C0B4EE14DC41DE058A4E7DCA05' > /etc/apt/keyrings/mongodb.asc; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" KEYS; \t\tapt-mark auto '.*' > /dev/null; \tapt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit",
                    2_630_116,
                    &[
                        Exe("/usr/local/bin/gosu", "gosu"),
                        Dir("/opt/js-yaml"),
                        Dir("/opt/js-yaml/dist"),
                        Blob("/opt/js-yaml/dist/js-yaml.js", 103_557),
                        Blob("/opt/js-yaml/package.json", 1_384),
                        Link("/js-yaml.js", "/opt/js-yaml/dist/js-yaml.js"),
                        Blob("/etc/apt/keyrings/mongodb.asc", 1_653),
                    ],
                ),
                layer(
                    "RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit",
                    0,
                    &[Dir("/docker-entrypoint-initdb.d")],
                ),
                meta("ARG MONGO_PACKAGE=mongodb-org"),
                meta("ARG MONGO_REPO=repo.mongodb.org"),
                meta("ENV MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org"),
                meta("ENV MONGO_MAJOR=8.0"),
                layer(
                    "RUN |2 MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org /bin/sh -c echo \"deb [ signed-by=/etc/apt/keyrings/mongodb.asc ] http://$MONGO_REPO/apt/ubuntu noble/${MONGO_PACKAGE%-unstable}/$MONGO_MAJOR multiverse\" | tee \"/etc/apt/sources.list.d/${MONGO_PACKAGE%-unstable}.list\" # buildkit",
                    116,
                    &[File(
                        "/etc/apt/sources.list.d/mongodb-org.list",
                        "deb [ signed-by=/etc/apt/keyrings/mongodb.asc ] http://repo.mongodb.org/apt/ubuntu noble/mongodb-org/8.0 multiverse\n",
                    )],
                ),
                meta("ENV MONGO_VERSION=8.0.9"),
                layer(
                    "RUN |2 MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org /bin/sh -c set -x \t&& export DEBIAN_FRONTEND=noninteractive \t&& apt-get update \t&& apt-get install -y \t\t${MONGO_PACKAGE}=$MONGO_VERSION \t\t${MONGO_PACKAGE}-server=$MONGO_VERSION \t\t${MONGO_PACKAGE}-shell=$MONGO_VERSION \t\t${MONGO_PACKAGE}-mongos=$MONGO_VERSION \t\t${MONGO_PACKAGE}-tools=$MONGO_VERSION \t\t${MONGO_PACKAGE}-database=$MONGO_VERSION \t\t${MONGO_PACKAGE}-database-tools-extra=$MONGO_VERSION \t&& rm -rf /var/lib/apt/lists/* \t&& rm -rf /var/lib/mongodb \t&& mv /etc/mongod.conf /etc/mongod.conf.orig # buildkit",
                    794_602_770,
                    MONGODB,
                ),
                meta("VOLUME [/data/db /data/configdb]"),
                meta("ENV HOME=/data/db"),
                meta("ENV GLIBC_TUNABLES=glibc.pthread.rseq=0"),
                layer(
                    "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit",
                    14_181,
                    &[Exe(
                        "/usr/local/bin/docker-entrypoint.sh",
                        "entrypoint:mongo",
                    )],
                ),
                meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
                meta("EXPOSE map[27017/tcp:{}]"),
                meta("CMD [\"mongod\"]"),
            ],
            config: ConfigSpec {
                env: &[
                    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "GOSU_VERSION=1.17",
                    "JSYAML_VERSION=3.13.1",
                    "JSYAML_CHECKSUM=662e32319bdd378e91f67578e56a34954b0a2e33aca11d70ab9f4826af24b941",
                    "MONGO_PACKAGE=mongodb-org",
                    "MONGO_REPO=repo.mongodb.org",
                    "MONGO_MAJOR=8.0",
                    "MONGO_VERSION=8.0.9",
                    "HOME=/data/db",
                    "GLIBC_TUNABLES=glibc.pthread.rseq=0",
                ],
                cmd: Some(&["mongod"]),
                entrypoint: Some(&["docker-entrypoint.sh"]),
                exposed_ports: &["27017/tcp"],
                volumes: &["/data/db", "/data/configdb"],
                labels: &[
                    ("org.opencontainers.image.ref.name", "ubuntu"),
                    ("org.opencontainers.image.version", "24.04"),
                ],
                ..ConfigSpec::EMPTY
            },
        },
    }],
};
