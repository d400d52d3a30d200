//! Docker Hub `library/postgres`: 17.5 (`latest`) and 16.9 on `debian:bookworm-slim`
//! (docker-library/postgres@d9c4773, `SOURCE_DATE_EPOCH` 2025-05-22T00:48:07Z). History text
//! checked against docker-library/repo-info.
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::fs_debian::{debian_group, debian_passwd};
use super::{layer, meta};
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, FileSpec, ImageSpec, RepoSpec, TaggedImage};

/// The `postgres` user (999) and its home, world-writable like the real one.
const USERS: &[FileSpec] = &[
    File(
        "/etc/passwd",
        concat!(
            debian_passwd!(),
            "postgres:x:999:999::/var/lib/postgresql:/bin/bash\n"
        ),
    ),
    File("/etc/group", concat!(debian_group!(), "postgres:x:999:\n")),
    DirOwned("/var/lib/postgresql", 999, 999, 0o1777),
];

/// `gnupg` and `less`.
const TOOLS: &[FileSpec] = &[Tools(
    "/usr/bin",
    "coreutils",
    &["gpg", "gpg-agent", "gpgconf", "less", "lessecho"],
)];

/// `locales` with the generated `en_US.UTF-8`.
const LOCALES: &[FileSpec] = &[
    Blob("/etc/locale.gen", 10_034),
    Dir("/usr/lib/locale"),
    Blob("/usr/lib/locale/locale-archive", 3_035_504),
    Tools("/usr/bin", "coreutils", &["locale-gen"]),
];

/// The entrypoint scripts.
const ENTRYPOINTS: &[FileSpec] = &[
    Exe("/usr/local/bin/docker-entrypoint.sh", "entrypoint:postgres"),
    Exe(
        "/usr/local/bin/docker-ensure-initdb.sh",
        "entrypoint:postgres",
    ),
];
/// PostgreSQL 17 from the PGDG packages.
const PG17: &[FileSpec] = &[
    Dir("/usr/lib/postgresql"),
    Dir("/usr/lib/postgresql/17"),
    Dir("/usr/lib/postgresql/17/bin"),
    Exe("/usr/lib/postgresql/17/bin/postgres", "postgres"),
    Exe("/usr/lib/postgresql/17/bin/initdb", "initdb"),
    Exe("/usr/lib/postgresql/17/bin/psql", "psql"),
    Exe("/usr/lib/postgresql/17/bin/pg_ctl", "pg_ctl"),
    Tools(
        "/usr/lib/postgresql/17/bin",
        "postgresql",
        &[
            "clusterdb",
            "createdb",
            "createuser",
            "dropdb",
            "dropuser",
            "pg_archivecleanup",
            "pg_basebackup",
            "pg_checksums",
            "pg_config",
            "pg_controldata",
            "pg_dump",
            "pg_dumpall",
            "pg_isready",
            "pg_receivewal",
            "pg_resetwal",
            "pg_restore",
            "pg_rewind",
            "pg_upgrade",
            "pg_waldump",
            "pgbench",
            "reindexdb",
            "vacuumdb",
        ],
    ),
    Dir("/usr/lib/postgresql/17/lib"),
    Dir("/usr/share/postgresql"),
    Dir("/usr/share/postgresql/17"),
    Dir("/usr/share/postgresql-common"),
    Dir("/etc/postgresql-common"),
    Blob("/etc/postgresql-common/createcluster.conf", 2_547),
];
/// PostgreSQL 16 from the PGDG packages.
const PG16: &[FileSpec] = &[
    Dir("/usr/lib/postgresql"),
    Dir("/usr/lib/postgresql/16"),
    Dir("/usr/lib/postgresql/16/bin"),
    Exe("/usr/lib/postgresql/16/bin/postgres", "postgres"),
    Exe("/usr/lib/postgresql/16/bin/initdb", "initdb"),
    Exe("/usr/lib/postgresql/16/bin/psql", "psql"),
    Exe("/usr/lib/postgresql/16/bin/pg_ctl", "pg_ctl"),
    Tools(
        "/usr/lib/postgresql/16/bin",
        "postgresql",
        &[
            "clusterdb",
            "createdb",
            "createuser",
            "dropdb",
            "dropuser",
            "pg_archivecleanup",
            "pg_basebackup",
            "pg_checksums",
            "pg_config",
            "pg_controldata",
            "pg_dump",
            "pg_dumpall",
            "pg_isready",
            "pg_receivewal",
            "pg_resetwal",
            "pg_restore",
            "pg_rewind",
            "pg_upgrade",
            "pg_waldump",
            "pgbench",
            "reindexdb",
            "vacuumdb",
        ],
    ),
    Dir("/usr/lib/postgresql/16/lib"),
    Dir("/usr/share/postgresql"),
    Dir("/usr/share/postgresql/16"),
    Dir("/usr/share/postgresql-common"),
    Dir("/etc/postgresql-common"),
    Blob("/etc/postgresql-common/createcluster.conf", 2_547),
];

pub const REPO: RepoSpec = RepoSpec {
    path: "library/postgres",
    description: "The PostgreSQL object-relational database system provides reliability and data integrity.",
    stars: 14_100,
    official: true,
    images: &[
        TaggedImage {
            tags: &[
                "17.5",
                "17",
                "latest",
                "17.5-bookworm",
                "17-bookworm",
                "bookworm",
            ],
            image: ImageSpec {
                from: Some("debian:bookworm-slim"),
                created: "2025-05-22T00:48:07Z",
                steps: &[
                    layer(
                        "RUN /bin/sh -c set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql # buildkit",
                        4_313,
                        USERS,
                    ),
                    layer(
                        "RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/* # buildkit",
                        9_608_418,
                        TOOLS,
                    ),
                    meta("ENV GOSU_VERSION=1.17"),
                    layer(
                        "RUN /bin/sh -c set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \twget -O /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; \twget -O /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit",
                        4_458_216,
                        &[Exe("/usr/local/bin/gosu", "gosu")],
                    ),
                    layer(
                        "RUN /bin/sh -c set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; \t\t! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \techo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \tlocale-gen; \tlocale -a | grep 'en_US.utf8' # buildkit",
                        24_998_112,
                        LOCALES,
                    ),
                    meta("ENV LANG=en_US.utf8"),
                    layer(
                        "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/* # buildkit",
                        3_397_156,
                        &[
                            Blob("/usr/lib/x86_64-linux-gnu/libnss_wrapper.so", 59_480),
                            Tools(
                                "/usr/bin",
                                "coreutils",
                                &["xz", "unxz", "xzcat", "zstd", "unzstd", "zstdcat"],
                            ),
                        ],
                    ),
                    layer(
                        "RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit",
                        0,
                        &[Dir("/docker-entrypoint-initdb.d")],
                    ),
                    layer(
                        "RUN /bin/sh -c set -ex; \tkey='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tmkdir -p /usr/local/share/keyrings/; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /usr/local/share/keyrings/postgres.gpg.asc; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" # buildkit",
                        5_470,
                        &[
                            Dir("/usr/local/share/keyrings"),
                            Blob("/usr/local/share/keyrings/postgres.gpg.asc", 5_470),
                        ],
                    ),
                    meta("ENV PG_MAJOR=17"),
                    meta(
                        "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin",
                    ),
                    meta("ENV PG_VERSION=17.5-1.pgdg120+1"),
                    layer(
                        "RUN /bin/sh -c set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch=\"$(dpkg --print-architecture)\"; \taptRepo=\"[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main $PG_MAJOR\"; \tcase \"$dpkgArch\" in \t\tamd64 | arm64 | ppc64el) \t\t\techo \"deb $aptRepo\" > /etc/apt/sources.list.d/pgdg.list; \t\t\tapt-get update; \t\t\t;; \t\t*) \t\t\techo \"deb-src $aptRepo\" > /etc/apt/sources.list.d/pgdg.list; \t\t\t\t\t\tsavedAptMark=\"$(apt-mark showmanual)\"; \t\t\t\t\t\ttempDir=\"$(mktemp -d)\"; \t\t\tcd \"$tempDir\"; \t\t\t\t\t\tapt-get update; \t\t\tapt-get install -y --no-install-recommends dpkg-dev; \t\t\techo \"deb [ trusted=yes ] file://$tempDir ./\" > /etc/apt/sources.list.d/temp.list; \t\t\t_update_repo() { \t\t\t\tdpkg-scanpackages . > Packages; \t\t\t\tapt-get -o Acquire::GzipIndexes=false update; \t\t\t}; \t\t\t_update_repo; \t\t\t\t\t\tnproc=\"$(nproc)\"; \t\t\texport DEB_BUILD_OPTIONS=\"nocheck parallel=$nproc\"; \t\t\tapt-get build-dep -y postgresql-common-dev; \t\t\tapt-get source --compile postgresql-common-dev; \t\t\t_update_repo; \t\t\tapt-get build-dep -y \"postgresql-$PG_MAJOR=$PG_VERSION\"; \t\t\tapt-get source --compile \"postgresql-$PG_MAJOR=$PG_VERSION\"; \t\t\t\t\t\t\t\t\tapt-mark showmanual | xargs apt-mark auto > /dev/null; \t\t\tapt-mark manual $savedAptMark; \t\t\t\t\t\tls -lAFh; \t\t\t_update_repo; \t\t\tgrep '^Package: ' Packages; \t\t\tcd /; \t\t\t;; \tesac; \t\tapt-get install -y --no-install-recommends postgresql-common; \tsed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf; \tapt-get install -y --no-install-recommends \t\t\"postgresql-$PG_MAJOR=$PG_VERSION\" \t; \t\trm -rf /var/lib/apt/lists/*; \t\tif [ -n \"$tempDir\" ]; then \t\tapt-get purge -y --auto-remove; \t\trm -rf \"$tempDir\" /etc/apt/sources.list.d/temp.list; \tfi; \t\tfind /usr -name '*.pyc' -type f -exec bash -c 'for pyc; do dpkg -S \"$pyc\" &> /dev/null || rm -vf \"$pyc\"; done' -- '{}' +; \t\tpostgres --version # buildkit",
                        321_022_834,
                        PG17,
                    ),
                    layer(
                        "RUN /bin/sh -c set -eux; \tdpkg-divert --add --rename --divert \"/usr/share/postgresql/postgresql.conf.sample.dpkg\" \"/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample\"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \tln -sv ../postgresql.conf.sample \"/usr/share/postgresql/$PG_MAJOR/\"; \tsed -ri \"s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!\" /usr/share/postgresql/postgresql.conf.sample; \tgrep -F \"listen_addresses = '*'\" /usr/share/postgresql/postgresql.conf.sample # buildkit",
                        31_962,
                        &[
                            Blob("/usr/share/postgresql/postgresql.conf.sample", 31_962),
                            Link(
                                "/usr/share/postgresql/17/postgresql.conf.sample",
                                "../postgresql.conf.sample",
                            ),
                        ],
                    ),
                    layer(
                        "RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql # buildkit",
                        0,
                        &[DirOwned("/run/postgresql", 999, 999, 0o3777)],
                    ),
                    meta("ENV PGDATA=/var/lib/postgresql/data"),
                    layer(
                        "RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 1777 \"$PGDATA\" # buildkit",
                        0,
                        &[DirOwned("/var/lib/postgresql/data", 999, 999, 0o1777)],
                    ),
                    meta("VOLUME [/var/lib/postgresql/data]"),
                    layer(
                        "COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit",
                        15_076,
                        ENTRYPOINTS,
                    ),
                    layer(
                        "RUN /bin/sh -c ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh # buildkit",
                        23,
                        &[Link(
                            "/usr/local/bin/docker-enforce-initdb.sh",
                            "docker-ensure-initdb.sh",
                        )],
                    ),
                    meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
                    meta("STOPSIGNAL SIGINT"),
                    meta("EXPOSE map[5432/tcp:{}]"),
                    meta("CMD [\"postgres\"]"),
                ],
                config: ConfigSpec {
                    env: &[
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin",
                        "GOSU_VERSION=1.17",
                        "LANG=en_US.utf8",
                        "PG_MAJOR=17",
                        "PG_VERSION=17.5-1.pgdg120+1",
                        "PGDATA=/var/lib/postgresql/data",
                    ],
                    cmd: Some(&["postgres"]),
                    entrypoint: Some(&["docker-entrypoint.sh"]),
                    exposed_ports: &["5432/tcp"],
                    volumes: &["/var/lib/postgresql/data"],
                    stop_signal: Some("SIGINT"),
                    ..ConfigSpec::EMPTY
                },
            },
        },
        TaggedImage {
            tags: &["16.9", "16", "16.9-bookworm", "16-bookworm"],
            image: ImageSpec {
                from: Some("debian:bookworm-slim"),
                created: "2025-05-22T00:48:07Z",
                steps: &[
                    layer(
                        "RUN /bin/sh -c set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql # buildkit",
                        4_313,
                        USERS,
                    ),
                    layer(
                        "RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/* # buildkit",
                        9_608_418,
                        TOOLS,
                    ),
                    meta("ENV GOSU_VERSION=1.17"),
                    layer(
                        "RUN /bin/sh -c set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \twget -O /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; \twget -O /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit",
                        4_458_216,
                        &[Exe("/usr/local/bin/gosu", "gosu")],
                    ),
                    layer(
                        "RUN /bin/sh -c set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; \t\t! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \techo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \tlocale-gen; \tlocale -a | grep 'en_US.utf8' # buildkit",
                        24_998_112,
                        LOCALES,
                    ),
                    meta("ENV LANG=en_US.utf8"),
                    layer(
                        "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/* # buildkit",
                        3_397_156,
                        &[
                            Blob("/usr/lib/x86_64-linux-gnu/libnss_wrapper.so", 59_480),
                            Tools(
                                "/usr/bin",
                                "coreutils",
                                &["xz", "unxz", "xzcat", "zstd", "unzstd", "zstdcat"],
                            ),
                        ],
                    ),
                    layer(
                        "RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit",
                        0,
                        &[Dir("/docker-entrypoint-initdb.d")],
                    ),
                    layer(
                        "RUN /bin/sh -c set -ex; \tkey='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tmkdir -p /usr/local/share/keyrings/; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /usr/local/share/keyrings/postgres.gpg.asc; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" # buildkit",
                        5_470,
                        &[
                            Dir("/usr/local/share/keyrings"),
                            Blob("/usr/local/share/keyrings/postgres.gpg.asc", 5_470),
                        ],
                    ),
                    meta("ENV PG_MAJOR=16"),
                    meta(
                        "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin",
                    ),
                    meta("ENV PG_VERSION=16.9-1.pgdg120+1"),
                    layer(
                        "RUN /bin/sh -c set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch=\"$(dpkg --print-architecture)\"; \taptRepo=\"[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main $PG_MAJOR\"; \tcase \"$dpkgArch\" in \t\tamd64 | arm64 | ppc64el) \t\t\techo \"deb $aptRepo\" > /etc/apt/sources.list.d/pgdg.list; \t\t\tapt-get update; \t\t\t;; \t\t*) \t\t\techo \"deb-src $aptRepo\" > /etc/apt/sources.list.d/pgdg.list; \t\t\t\t\t\tsavedAptMark=\"$(apt-mark showmanual)\"; \t\t\t\t\t\ttempDir=\"$(mktemp -d)\"; \t\t\tcd \"$tempDir\"; \t\t\t\t\t\tapt-get update; \t\t\tapt-get install -y --no-install-recommends dpkg-dev; \t\t\techo \"deb [ trusted=yes ] file://$tempDir ./\" > /etc/apt/sources.list.d/temp.list; \t\t\t_update_repo() { \t\t\t\tdpkg-scanpackages . > Packages; \t\t\t\tapt-get -o Acquire::GzipIndexes=false update; \t\t\t}; \t\t\t_update_repo; \t\t\t\t\t\tnproc=\"$(nproc)\"; \t\t\texport DEB_BUILD_OPTIONS=\"nocheck parallel=$nproc\"; \t\t\tapt-get build-dep -y postgresql-common-dev; \t\t\tapt-get source --compile postgresql-common-dev; \t\t\t_update_repo; \t\t\tapt-get build-dep -y \"postgresql-$PG_MAJOR=$PG_VERSION\"; \t\t\tapt-get source --compile \"postgresql-$PG_MAJOR=$PG_VERSION\"; \t\t\t\t\t\t\t\t\tapt-mark showmanual | xargs apt-mark auto > /dev/null; \t\t\tapt-mark manual $savedAptMark; \t\t\t\t\t\tls -lAFh; \t\t\t_update_repo; \t\t\tgrep '^Package: ' Packages; \t\t\tcd /; \t\t\t;; \tesac; \t\tapt-get install -y --no-install-recommends postgresql-common; \tsed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf; \tapt-get install -y --no-install-recommends \t\t\"postgresql-$PG_MAJOR=$PG_VERSION\" \t; \t\trm -rf /var/lib/apt/lists/*; \t\tif [ -n \"$tempDir\" ]; then \t\tapt-get purge -y --auto-remove; \t\trm -rf \"$tempDir\" /etc/apt/sources.list.d/temp.list; \tfi; \t\tfind /usr -name '*.pyc' -type f -exec bash -c 'for pyc; do dpkg -S \"$pyc\" &> /dev/null || rm -vf \"$pyc\"; done' -- '{}' +; \t\tpostgres --version # buildkit",
                        318_760_410,
                        PG16,
                    ),
                    layer(
                        "RUN /bin/sh -c set -eux; \tdpkg-divert --add --rename --divert \"/usr/share/postgresql/postgresql.conf.sample.dpkg\" \"/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample\"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \tln -sv ../postgresql.conf.sample \"/usr/share/postgresql/$PG_MAJOR/\"; \tsed -ri \"s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!\" /usr/share/postgresql/postgresql.conf.sample; \tgrep -F \"listen_addresses = '*'\" /usr/share/postgresql/postgresql.conf.sample # buildkit",
                        31_962,
                        &[
                            Blob("/usr/share/postgresql/postgresql.conf.sample", 31_962),
                            Link(
                                "/usr/share/postgresql/16/postgresql.conf.sample",
                                "../postgresql.conf.sample",
                            ),
                        ],
                    ),
                    layer(
                        "RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql # buildkit",
                        0,
                        &[DirOwned("/run/postgresql", 999, 999, 0o3777)],
                    ),
                    meta("ENV PGDATA=/var/lib/postgresql/data"),
                    layer(
                        "RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 1777 \"$PGDATA\" # buildkit",
                        0,
                        &[DirOwned("/var/lib/postgresql/data", 999, 999, 0o1777)],
                    ),
                    meta("VOLUME [/var/lib/postgresql/data]"),
                    layer(
                        "COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit",
                        15_076,
                        ENTRYPOINTS,
                    ),
                    layer(
                        "RUN /bin/sh -c ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh # buildkit",
                        23,
                        &[Link(
                            "/usr/local/bin/docker-enforce-initdb.sh",
                            "docker-ensure-initdb.sh",
                        )],
                    ),
                    meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
                    meta("STOPSIGNAL SIGINT"),
                    meta("EXPOSE map[5432/tcp:{}]"),
                    meta("CMD [\"postgres\"]"),
                ],
                config: ConfigSpec {
                    env: &[
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin",
                        "GOSU_VERSION=1.17",
                        "LANG=en_US.utf8",
                        "PG_MAJOR=16",
                        "PG_VERSION=16.9-1.pgdg120+1",
                        "PGDATA=/var/lib/postgresql/data",
                    ],
                    cmd: Some(&["postgres"]),
                    entrypoint: Some(&["docker-entrypoint.sh"]),
                    exposed_ports: &["5432/tcp"],
                    volumes: &["/var/lib/postgresql/data"],
                    stop_signal: Some("SIGINT"),
                    ..ConfigSpec::EMPTY
                },
            },
        },
    ],
};
