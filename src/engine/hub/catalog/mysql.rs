//! Docker Hub `library/mysql`: 9.3.0 (`innovation`, `latest`) and 8.4.5 (`lts`) on
//! `oraclelinux:9-slim` (docker-library/mysql, `SOURCE_DATE_EPOCH` 2025-04-14 and 2025-04-15).
//! History text checked against docker-library/repo-info.
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::oraclelinux::{ol_group, ol_passwd};
use super::{layer, meta};
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, FileSpec, ImageSpec, RepoSpec, TaggedImage};

/// The `mysql` user (999).
const USERS: &[FileSpec] = &[
    File(
        "/etc/passwd",
        concat!(ol_passwd!(), "mysql:x:999:999::/var/lib/mysql:/bin/bash\n"),
    ),
    File("/etc/group", concat!(ol_group!(), "mysql:x:999:\n")),
];

/// The tools `microdnf` adds.
const TOOLS: &[FileSpec] = &[Tools(
    "/usr/bin",
    "coreutils",
    &[
        "bzip2", "bunzip2", "gzip", "gunzip", "openssl", "xz", "unxz", "zstd", "find", "xargs",
    ],
)];

/// The server's programs and directories (the same layout in 8.4 and 9.x).
const SERVER: &[FileSpec] = &[
    Exe("/usr/sbin/mysqld", "mysqld"),
    Exe("/usr/bin/mysql", "mysql"),
    Tools(
        "/usr/bin",
        "mysql",
        &[
            "my_print_defaults",
            "mysql_config_editor",
            "mysql_migrate_keyring",
            "mysql_tzinfo_to_sql",
            "mysqladmin",
            "mysqlbinlog",
            "mysqlcheck",
            "mysqldump",
            "mysqlimport",
            "mysqlshow",
            "mysqlslap",
        ],
    ),
    Dir("/etc/mysql"),
    Dir("/etc/mysql/conf.d"),
    DirOwned("/var/lib/mysql", 999, 999, 0o1777),
    DirOwned("/var/lib/mysql-files", 999, 999, 0o750),
    DirOwned("/run/mysqld", 999, 999, 0o1777),
    Dir("/docker-entrypoint-initdb.d"),
    Dir("/usr/lib64/mysql"),
    Dir("/usr/share/mysql"),
];

pub const REPO: RepoSpec = RepoSpec {
    path: "library/mysql",
    description: "MySQL is a widely used, open-source relational database management system (RDBMS).",
    stars: 15_500,
    official: true,
    images: &[
        TaggedImage {
            tags: &[
                "9.3.0",
                "9.3",
                "9",
                "innovation",
                "latest",
                "9.3.0-oraclelinux9",
                "9.3-oraclelinux9",
                "9-oraclelinux9",
                "innovation-oraclelinux9",
                "oraclelinux9",
                "9.3.0-oracle",
                "9.3-oracle",
                "9-oracle",
                "innovation-oracle",
                "oracle",
            ],
            image: ImageSpec {
                from: Some("oraclelinux:9-slim"),
                created: "2025-04-14T22:25:44Z",
                steps: &[
                    layer(
                        "RUN /bin/sh -c set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql # buildkit",
                        3_160,
                        USERS,
                    ),
                    meta("ENV GOSU_VERSION=1.17"),
                    layer(
                        "RUN /bin/sh -c set -eux; \tarch=\"$(uname -m)\"; \tcase \"$arch\" in \t\taarch64) gosuArch='arm64' ;; \t\tx86_64) gosuArch='amd64' ;; \t\t*) echo >&2 \"error: unsupported architecture: '$arch'\"; exit 1 ;; \tesac; \tcurl -fL -o /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch.asc\"; \tcurl -fL -o /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit",
                        2_401_168,
                        &[Exe("/usr/local/bin/gosu", "gosu")],
                    ),
                    layer(
                        "RUN /bin/sh -c set -eux; \tmicrodnf install -y \t\tbzip2 \t\tgzip \t\topenssl \t\txz \t\tzstd \t\tfindutils \t; \tmicrodnf clean all # buildkit",
                        16_870_342,
                        TOOLS,
                    ),
                    layer(
                        "RUN /bin/sh -c set -eux; \tkey='BCA4 3417 C3B4 85DD 128E C6D4 B7B3 B788 A8D3 785C'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /etc/pki/rpm-gpg/RPM-GPG-KEY-mysql; \trm -rf \"$GNUPGHOME\" # buildkit",
                        3_129,
                        &[Blob("/etc/pki/rpm-gpg/RPM-GPG-KEY-mysql", 3_129)],
                    ),
                    meta("ENV MYSQL_MAJOR=innovation"),
                    meta("ENV MYSQL_VERSION=9.3.0-1.el9"),
                    layer(
                        "RUN /bin/sh -c set -eu; \t{ \t\techo '[mysqlinnovation-server-minimal]'; \t\techo 'name=MySQL innovation Server Minimal'; \t\techo 'enabled=1'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-innovation-community/docker/el/9/$basearch/'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-minimal.repo # buildkit",
                        246,
                        &[File(
                            "/etc/yum.repos.d/mysql-community-minimal.repo",
                            "\
[mysqlinnovation-server-minimal]\n\
name=MySQL innovation Server Minimal\n\
enabled=1\n\
baseurl=https://repo.mysql.com/yum/mysql-innovation-community/docker/el/9/$basearch/\n\
gpgcheck=1\n\
gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql\n\
module_hotfixes=true\n",
                        )],
                    ),
                    layer(
                        "RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-community-server-minimal-$MYSQL_VERSION\"; \tmicrodnf clean all; \tgrep -F 'socket=/var/lib/mysql/mysql.sock' /etc/my.cnf; \tsed -i 's!^socket=.*!socket=/var/run/mysqld/mysqld.sock!' /etc/my.cnf; \tgrep -F 'socket=/var/run/mysqld/mysqld.sock' /etc/my.cnf; \t{ echo '[client]'; echo 'socket=/var/run/mysqld/mysqld.sock'; } >> /etc/my.cnf; \t\t! grep -F '!includedir' /etc/my.cnf; \t{ echo; echo '!includedir /etc/mysql/conf.d/'; } >> /etc/my.cnf; \tmkdir -p /etc/mysql/conf.d; \tmkdir -p /var/lib/mysql /var/run/mysqld; \tchown mysql:mysql /var/lib/mysql /var/run/mysqld; \tchmod 1777 /var/lib/mysql /var/run/mysqld; \t\tmkdir /docker-entrypoint-initdb.d; \t\tmysqld --version; \tmysql --version # buildkit",
                        174_201_334,
                        &[
                            Include(SERVER),
                            File(
                                "/etc/my.cnf",
                                "\
# For advice on how to change settings please see\n\
# http://dev.mysql.com/doc/refman/9.3/en/server-configuration-defaults.html\n\
\n\
[mysqld]\n\
#\n\
# Remove leading # and set to the amount of RAM for the most important data\n\
# cache in MySQL. Start at 70% of total RAM for dedicated server, else 10%.\n\
# innodb_buffer_pool_size = 128M\n\
#\n\
# Remove leading # to turn on a very important data integrity option: logging\n\
# changes to the binary log between backups.\n\
# log_bin\n\
#\n\
# Remove leading # to set options mainly useful for reporting servers.\n\
# The server defaults are faster for transactions and fast SELECTs.\n\
# Adjust sizes as needed, experiment to find the optimal values.\n\
# join_buffer_size = 128M\n\
# sort_buffer_size = 2M\n\
# read_rnd_buffer_size = 2M\n\
\n\
host-cache-size=0\n\
skip-name-resolve\n\
datadir=/var/lib/mysql\n\
socket=/var/run/mysqld/mysqld.sock\n\
secure-file-priv=/var/lib/mysql-files\n\
user=mysql\n\
\n\
pid-file=/var/run/mysqld/mysqld.pid\n\
[client]\n\
socket=/var/run/mysqld/mysqld.sock\n\
\n\
!includedir /etc/mysql/conf.d/\n",
                            ),
                        ],
                    ),
                    layer(
                        "RUN /bin/sh -c set -eu; \t{ \t\techo '[mysql-tools-community]'; \t\techo 'name=MySQL Tools Community'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-tools-innovation-community/el/9/$basearch/'; \t\techo 'enabled=1'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-tools.repo # buildkit",
                        226,
                        &[File(
                            "/etc/yum.repos.d/mysql-community-tools.repo",
                            "\
[mysql-tools-community]\n\
name=MySQL Tools Community\n\
baseurl=https://repo.mysql.com/yum/mysql-tools-innovation-community/el/9/$basearch/\n\
enabled=1\n\
gpgcheck=1\n\
gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql\n\
module_hotfixes=true\n",
                        )],
                    ),
                    meta("ENV MYSQL_SHELL_VERSION=9.3.0-1.el9"),
                    layer(
                        "RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-shell-$MYSQL_SHELL_VERSION\"; \tmicrodnf clean all; \t\tmysqlsh --version # buildkit",
                        548_703_128,
                        &[Exe("/usr/bin/mysqlsh", "mysqlsh"), Dir("/usr/lib/mysqlsh")],
                    ),
                    meta("VOLUME [/var/lib/mysql]"),
                    layer(
                        "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit",
                        13_835,
                        &[Exe(
                            "/usr/local/bin/docker-entrypoint.sh",
                            "entrypoint:mysql",
                        )],
                    ),
                    meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
                    meta("EXPOSE map[3306/tcp:{} 33060/tcp:{}]"),
                    meta("CMD [\"mysqld\"]"),
                ],
                config: ConfigSpec {
                    env: &[
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "GOSU_VERSION=1.17",
                        "MYSQL_MAJOR=innovation",
                        "MYSQL_VERSION=9.3.0-1.el9",
                        "MYSQL_SHELL_VERSION=9.3.0-1.el9",
                    ],
                    cmd: Some(&["mysqld"]),
                    entrypoint: Some(&["docker-entrypoint.sh"]),
                    exposed_ports: &["3306/tcp", "33060/tcp"],
                    volumes: &["/var/lib/mysql"],
                    ..ConfigSpec::EMPTY
                },
            },
        },
        TaggedImage {
            tags: &[
                "8.4.5",
                "8.4",
                "8",
                "lts",
                "8.4.5-oraclelinux9",
                "8.4-oraclelinux9",
                "8-oraclelinux9",
                "lts-oraclelinux9",
                "8.4.5-oracle",
                "8.4-oracle",
                "8-oracle",
                "lts-oracle",
            ],
            image: ImageSpec {
                from: Some("oraclelinux:9-slim"),
                created: "2025-04-15T10:15:16Z",
                steps: &[
                    layer(
                        "RUN /bin/sh -c set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql # buildkit",
                        3_160,
                        USERS,
                    ),
                    meta("ENV GOSU_VERSION=1.17"),
                    layer(
                        "RUN /bin/sh -c set -eux; \tarch=\"$(uname -m)\"; \tcase \"$arch\" in \t\taarch64) gosuArch='arm64' ;; \t\tx86_64) gosuArch='amd64' ;; \t\t*) echo >&2 \"error: unsupported architecture: '$arch'\"; exit 1 ;; \tesac; \tcurl -fL -o /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch.asc\"; \tcurl -fL -o /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit",
                        2_401_168,
                        &[Exe("/usr/local/bin/gosu", "gosu")],
                    ),
                    layer(
                        "RUN /bin/sh -c set -eux; \tmicrodnf install -y \t\tbzip2 \t\tgzip \t\topenssl \t\txz \t\tzstd \t\tfindutils \t; \tmicrodnf clean all # buildkit",
                        16_870_342,
                        TOOLS,
                    ),
                    layer(
                        "RUN /bin/sh -c set -eux; \tkey='BCA4 3417 C3B4 85DD 128E C6D4 B7B3 B788 A8D3 785C'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /etc/pki/rpm-gpg/RPM-GPG-KEY-mysql; \trm -rf \"$GNUPGHOME\" # buildkit",
                        3_129,
                        &[Blob("/etc/pki/rpm-gpg/RPM-GPG-KEY-mysql", 3_129)],
                    ),
                    meta("ENV MYSQL_MAJOR=8.4"),
                    meta("ENV MYSQL_VERSION=8.4.5-1.el9"),
                    layer(
                        "RUN /bin/sh -c set -eu; \t{ \t\techo '[mysql8.4-server-minimal]'; \t\techo 'name=MySQL 8.4 Server Minimal'; \t\techo 'enabled=1'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-8.4-community/docker/el/9/$basearch/'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-minimal.repo # buildkit",
                        225,
                        &[File(
                            "/etc/yum.repos.d/mysql-community-minimal.repo",
                            "\
[mysql8.4-server-minimal]\n\
name=MySQL 8.4 Server Minimal\n\
enabled=1\n\
baseurl=https://repo.mysql.com/yum/mysql-8.4-community/docker/el/9/$basearch/\n\
gpgcheck=1\n\
gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql\n\
module_hotfixes=true\n",
                        )],
                    ),
                    layer(
                        "RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-community-server-minimal-$MYSQL_VERSION\"; \tmicrodnf clean all; \tgrep -F 'socket=/var/lib/mysql/mysql.sock' /etc/my.cnf; \tsed -i 's!^socket=.*!socket=/var/run/mysqld/mysqld.sock!' /etc/my.cnf; \tgrep -F 'socket=/var/run/mysqld/mysqld.sock' /etc/my.cnf; \t{ echo '[client]'; echo 'socket=/var/run/mysqld/mysqld.sock'; } >> /etc/my.cnf; \t\t! grep -F '!includedir' /etc/my.cnf; \t{ echo; echo '!includedir /etc/mysql/conf.d/'; } >> /etc/my.cnf; \tmkdir -p /etc/mysql/conf.d; \tmkdir -p /var/lib/mysql /var/run/mysqld; \tchown mysql:mysql /var/lib/mysql /var/run/mysqld; \tchmod 1777 /var/lib/mysql /var/run/mysqld; \t\tmkdir /docker-entrypoint-initdb.d; \t\tmysqld --version; \tmysql --version # buildkit",
                        168_912_506,
                        &[
                            Include(SERVER),
                            File(
                                "/etc/my.cnf",
                                "\
# For advice on how to change settings please see\n\
# http://dev.mysql.com/doc/refman/8.4/en/server-configuration-defaults.html\n\
\n\
[mysqld]\n\
#\n\
# Remove leading # and set to the amount of RAM for the most important data\n\
# cache in MySQL. Start at 70% of total RAM for dedicated server, else 10%.\n\
# innodb_buffer_pool_size = 128M\n\
#\n\
# Remove leading # to turn on a very important data integrity option: logging\n\
# changes to the binary log between backups.\n\
# log_bin\n\
#\n\
# Remove leading # to set options mainly useful for reporting servers.\n\
# The server defaults are faster for transactions and fast SELECTs.\n\
# Adjust sizes as needed, experiment to find the optimal values.\n\
# join_buffer_size = 128M\n\
# sort_buffer_size = 2M\n\
# read_rnd_buffer_size = 2M\n\
\n\
host-cache-size=0\n\
skip-name-resolve\n\
datadir=/var/lib/mysql\n\
socket=/var/run/mysqld/mysqld.sock\n\
secure-file-priv=/var/lib/mysql-files\n\
user=mysql\n\
\n\
pid-file=/var/run/mysqld/mysqld.pid\n\
[client]\n\
socket=/var/run/mysqld/mysqld.sock\n\
\n\
!includedir /etc/mysql/conf.d/\n",
                            ),
                        ],
                    ),
                    layer(
                        "RUN /bin/sh -c set -eu; \t{ \t\techo '[mysql-tools-community]'; \t\techo 'name=MySQL Tools Community'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-tools-8.4-community/el/9/$basearch/'; \t\techo 'enabled=1'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-tools.repo # buildkit",
                        219,
                        &[File(
                            "/etc/yum.repos.d/mysql-community-tools.repo",
                            "\
[mysql-tools-community]\n\
name=MySQL Tools Community\n\
baseurl=https://repo.mysql.com/yum/mysql-tools-8.4-community/el/9/$basearch/\n\
enabled=1\n\
gpgcheck=1\n\
gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql\n\
module_hotfixes=true\n",
                        )],
                    ),
                    meta("ENV MYSQL_SHELL_VERSION=8.4.5-1.el9"),
                    layer(
                        "RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-shell-$MYSQL_SHELL_VERSION\"; \tmicrodnf clean all; \t\tmysqlsh --version # buildkit",
                        521_318_771,
                        &[Exe("/usr/bin/mysqlsh", "mysqlsh"), Dir("/usr/lib/mysqlsh")],
                    ),
                    meta("VOLUME [/var/lib/mysql]"),
                    layer(
                        "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit",
                        13_835,
                        &[Exe(
                            "/usr/local/bin/docker-entrypoint.sh",
                            "entrypoint:mysql",
                        )],
                    ),
                    meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
                    meta("EXPOSE map[3306/tcp:{} 33060/tcp:{}]"),
                    meta("CMD [\"mysqld\"]"),
                ],
                config: ConfigSpec {
                    env: &[
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "GOSU_VERSION=1.17",
                        "MYSQL_MAJOR=8.4",
                        "MYSQL_VERSION=8.4.5-1.el9",
                        "MYSQL_SHELL_VERSION=8.4.5-1.el9",
                    ],
                    cmd: Some(&["mysqld"]),
                    entrypoint: Some(&["docker-entrypoint.sh"]),
                    exposed_ports: &["3306/tcp", "33060/tcp"],
                    volumes: &["/var/lib/mysql"],
                    ..ConfigSpec::EMPTY
                },
            },
        },
    ],
};
