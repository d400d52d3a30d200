//! Docker Hub `library/redis`: 8.0.2 (`latest`, with the bundled modules) on
//! `debian:bookworm-slim` (redis/docker-library-redis, `SOURCE_DATE_EPOCH`
//! 2025-05-29T16:02:07Z). History text checked against docker-library/repo-info.
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::fs_debian::{debian_group, debian_passwd};
use super::{layer, meta};
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, FileSpec, ImageSpec, RepoSpec, TaggedImage};

/// Redis 8.0.2 with its modules, built into `/usr/local` (the duplicate binaries are links).
const REDIS_FILES: &[FileSpec] = &[
    Exe("/usr/local/bin/redis-server", "redis-server"),
    Exe("/usr/local/bin/redis-cli", "redis-cli"),
    Exe("/usr/local/bin/redis-benchmark", "redis-benchmark"),
    Link("/usr/local/bin/redis-check-aof", "redis-server"),
    Link("/usr/local/bin/redis-check-rdb", "redis-server"),
    Link("/usr/local/bin/redis-sentinel", "redis-server"),
    Dir("/usr/local/lib/redis"),
    Dir("/usr/local/lib/redis/modules"),
    Blob("/usr/local/lib/redis/modules/redisbloom.so", 1_812_336),
    Blob("/usr/local/lib/redis/modules/redisearch.so", 33_470_656),
    Blob("/usr/local/lib/redis/modules/rejson.so", 4_160_504),
    Blob("/usr/local/lib/redis/modules/redistimeseries.so", 3_197_448),
];

/// The `redis` system user and group (999).
const USERS: &[FileSpec] = &[
    File(
        "/etc/passwd",
        concat!(debian_passwd!(), "redis:x:999:999::/home/redis:/bin/sh\n"),
    ),
    File("/etc/group", concat!(debian_group!(), "redis:x:999:\n")),
];

pub const REPO: RepoSpec = RepoSpec {
    path: "library/redis",
    description: "Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.",
    stars: 13_100,
    official: true,
    images: &[TaggedImage {
        tags: &[
            "8.0.2",
            "8.0",
            "8",
            "8.0.2-bookworm",
            "8.0-bookworm",
            "8-bookworm",
            "latest",
            "bookworm",
        ],
        image: ImageSpec {
            from: Some("debian:bookworm-slim"),
            created: "2025-05-29T16:02:07Z",
            steps: &[
                layer(
                    "RUN /bin/sh -c set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis # buildkit",
                    4_160,
                    USERS,
                ),
                layer(
                    "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit",
                    1_420,
                    &[],
                ),
                meta(
                    "ENV REDIS_DOWNLOAD_URL=https://github.com/redis/redis/archive/refs/tags/8.0.2.tar.gz",
                ),
                meta(
                    "ENV REDIS_DOWNLOAD_SHA=caf3c0069f06fc84c5153bd2a348b204c578de80490c73857bee01d9b5d7401f",
                ),
                layer(
                    "RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\tdpkg-dev \t\tgcc \t\tg++ \t\tlibc6-dev \t\tlibssl-dev \t\tmake; \t\tarch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \tcase \"$arch\" in \t\t'amd64') export BUILD_WITH_MODULES=yes; export INSTALL_RUST_TOOLCHAIN=yes; export DISABLE_WERRORS=yes ;; \t\t'arm64') export BUILD_WITH_MODULES=yes; export INSTALL_RUST_TOOLCHAIN=yes; export DISABLE_WERRORS=yes ;; \t\t*) echo >&2 \"Modules are NOT supported! unsupported architecture: '$arch'\"; export BUILD_WITH_MODULES=no ;; \tesac; \tif [ \"$BUILD_WITH_MODULES\" = \"yes\" ]; then \t\tapt-get install -y --no-install-recommends \t\t\tgit \t\t\tcmake \t\t\tpython3 \t\t\tpython3-pip \t\t\tpython3-venv \t\t\tpython3-dev \t\t\tunzip \t\t\trsync \t\t\tclang \t\t\tautomake \t\t\tautoconf \t\t\tlibtool \t\t\tg++; \tfi; \t\trm -rf /var/lib/apt/lists/*; \t\twget -O redis.tar.gz \"$REDIS_DOWNLOAD_URL\"; \techo \"$REDIS_DOWNLOAD_SHA *redis.tar.gz\" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \t\tgrep -E '^ *createBoolConfig[(]\"protected-mode\",.*, *1 *,.*[)],$' /usr/src/redis/src/config.c; \tsed -ri 's!^( *createBoolConfig[(]\"protected-mode\",.*, *)1( *,.*[)],)$!\\10\\2!' /usr/src/redis/src/config.c; \tgrep -E '^ *createBoolConfig[(]\"protected-mode\",.*, *0 *,.*[)],$' /usr/src/redis/src/config.c; \t\tgnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"; \textraJemallocConfigureFlags=\"--build=$gnuArch\"; \tcase \"${arch##*-}\" in \t\tamd64 | i386 | x32) extraJemallocConfigureFlags=\"$extraJemallocConfigureFlags --with-lg-page=12\" ;; \t\t*) extraJemallocConfigureFlags=\"$extraJemallocConfigureFlags --with-lg-page=16\" ;; \tesac; \textraJemallocConfigureFlags=\"$extraJemallocConfigureFlags --with-lg-hugepage=21\"; \tgrep -F 'cd jemalloc && ./configure ' /usr/src/redis/deps/Makefile; \tsed -ri 's!cd jemalloc && ./configure !&'\"$extraJemallocConfigureFlags\"' !' /usr/src/redis/deps/Makefile; \tgrep -F \"cd jemalloc && ./configure $extraJemallocConfigureFlags \" /usr/src/redis/deps/Makefile; \t\texport BUILD_TLS=yes; \tmake -C /usr/src/redis -j \"$(nproc)\" all; \tmake -C /usr/src/redis install; \t\tserverMd5=\"$(md5sum /usr/local/bin/redis-server | cut -d' ' -f1)\"; export serverMd5; \tfind /usr/local/bin/redis* -maxdepth 0 \t\t-type f -not -name redis-server \t\t-exec sh -eux -c ' \t\t\tmd5=\"$(md5sum \"$1\" | cut -d\" \" -f1)\"; \t\t\ttest \"$md5\" = \"$serverMd5\"; \t\t' -- '{}' ';' \t\t-exec ln -svfT 'redis-server' '{}' ';' \t; \t\tmake -C /usr/src/redis distclean; \trm -r /usr/src/redis; \t\tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \tfind /usr/local -type f -executable -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, \"/usr/local/\") == 1) { next }; gsub(\"^/(usr/)?\", \"\", so); printf \"*%s\\n\", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \trm -rf /var/cache/debconf/*; \t\tredis-cli --version; \tredis-server --version # buildkit",
                    56_233_168,
                    REDIS_FILES,
                ),
                layer(
                    "RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit",
                    0,
                    &[DirOwned("/data", 999, 999, 0o755)],
                ),
                meta("VOLUME [/data]"),
                layer("WORKDIR /data", 0, &[]),
                layer(
                    "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit",
                    6_156,
                    &[Exe(
                        "/usr/local/bin/docker-entrypoint.sh",
                        "entrypoint:redis",
                    )],
                ),
                meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
                meta("EXPOSE map[6379/tcp:{}]"),
                meta("CMD [\"redis-server\"]"),
            ],
            config: ConfigSpec {
                env: &[
                    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "REDIS_DOWNLOAD_URL=https://github.com/redis/redis/archive/refs/tags/8.0.2.tar.gz",
                    "REDIS_DOWNLOAD_SHA=caf3c0069f06fc84c5153bd2a348b204c578de80490c73857bee01d9b5d7401f",
                ],
                cmd: Some(&["redis-server"]),
                entrypoint: Some(&["docker-entrypoint.sh"]),
                working_dir: "/data",
                exposed_ports: &["6379/tcp"],
                volumes: &["/data"],
                ..ConfigSpec::EMPTY
            },
        },
    }],
};
