//! Docker Hub `library/nginx`: mainline 1.27.5 (`latest`) on `debian:bookworm-slim`, and the
//! `alpine-slim` / `alpine` variants on `alpine:3.21` (nginxinc/docker-nginx, built with
//! `SOURCE_DATE_EPOCH` 2025-04-16T14:50:31Z, the 1.27.5 release commit).
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::fs_alpine::{alpine_group, alpine_passwd};
use super::fs_debian::{debian_group, debian_passwd};
use super::nginx_files::NGINX_FILES;
use super::{layer, meta};
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, FileSpec, ImageSpec, RepoSpec, TaggedImage};

/// The Debian packages' layer: nginx, its modules, `envsubst`, `curl`, and the `nginx` user.
const DEBIAN_RUN: &[FileSpec] = &[
    Include(NGINX_FILES),
    File(
        "/etc/passwd",
        concat!(
            debian_passwd!(),
            "nginx:x:101:101:nginx user:/nonexistent:/bin/false\n"
        ),
    ),
    File("/etc/group", concat!(debian_group!(), "nginx:x:101:\n")),
    Exe("/usr/bin/curl", "curl"),
    Exe("/usr/bin/envsubst", "coreutils:envsubst"),
    Blob("/usr/lib/nginx/modules/ngx_http_geoip_module.so", 32_720),
    Blob(
        "/usr/lib/nginx/modules/ngx_http_image_filter_module.so",
        36_848,
    ),
    Blob("/usr/lib/nginx/modules/ngx_http_js_module.so", 1_863_176),
    Blob(
        "/usr/lib/nginx/modules/ngx_http_xslt_filter_module.so",
        32_720,
    ),
    Blob("/usr/lib/nginx/modules/ngx_stream_js_module.so", 1_838_568),
];

/// The Alpine package layer of `alpine-slim`: nginx, `envsubst`, tzdata and the `nginx` user.
const ALPINE_RUN: &[FileSpec] = &[
    Include(NGINX_FILES),
    File(
        "/etc/passwd",
        concat!(
            alpine_passwd!(),
            "nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n"
        ),
    ),
    File(
        "/etc/group",
        concat!(alpine_group!(), "nginx:x:101:nginx\n"),
    ),
    Exe("/usr/bin/envsubst", "coreutils:envsubst"),
    Dir("/usr/share/zoneinfo"),
];

pub const REPO: RepoSpec = RepoSpec {
    path: "library/nginx",
    description: "Official build of Nginx.",
    stars: 20_800,
    official: true,
    images: &[
        TaggedImage {
            tags: &[
                "1.27.5",
                "mainline",
                "1",
                "1.27",
                "latest",
                "1.27.5-bookworm",
                "mainline-bookworm",
                "1-bookworm",
                "1.27-bookworm",
                "bookworm",
            ],
            image: ImageSpec {
                from: Some("debian:bookworm-slim"),
                created: "2025-04-16T14:50:31Z",
                steps: &[
                    meta("LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>"),
                    meta("ENV NGINX_VERSION=1.27.5"),
                    meta("ENV NJS_VERSION=0.8.10"),
                    meta("ENV NJS_RELEASE=1~bookworm"),
                    meta("ENV PKG_RELEASE=1~bookworm"),
                    meta("ENV DYNPKG_RELEASE=1~bookworm"),
                    layer(
                        "RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment \"nginx user\" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS=\"573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3\";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME=\"$(mktemp -d)\";     found='';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do     for server in         hkp://keyserver.ubuntu.com:80         pgp.mit.edu     ; do         echo \"Fetching GPG key $NGINX_GPGKEY from $server\";         gpg1 --keyserver \"$server\" --keyserver-options timeout=10 --recv-keys \"$NGINX_GPGKEY\" && found=yes && break;     done;     test -z \"$found\" && echo >&2 \"error: failed to fetch GPG key $NGINX_GPGKEY\" && exit 1;     done;     gpg1 --export \"$NGINX_GPGKEYS\" > \"$NGINX_GPGKEY_PATH\" ;     rm -rf \"$GNUPGHOME\";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch=\"$(dpkg --print-architecture)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE}     \"     && case \"$dpkgArch\" in         amd64|arm64)             echo \"deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/mainline/debian/ bookworm nginx\" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;         *)             tempDir=\"$(mktemp -d)\"             && chmod 777 \"$tempDir\"                         && savedAptMark=\"$(apt-mark showmanual)\"                         && apt-get update             && apt-get install --no-install-recommends --no-install-suggests -y                 curl                 devscripts                 equivs                 git                 libxml2-utils                 lsb-release                 xsltproc             && (                 cd \"$tempDir\"                 && REVISION=\"${NGINX_VERSION}-${PKG_RELEASE}\"                 && REVISION=${REVISION%~*}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${REVISION}.tar.gz                 && PKGOSSCHECKSUM=\"c773d98b567bd585c17f55702bf3e4c7d82b676bfbde395270e90a704dca3c758dfe0380b3f01770542b4fd9bed1f1149af4ce28bfc54a27a96df6b700ac1745 *${REVISION}.tar.gz\"                 && if [ \"$(openssl sha512 -r ${REVISION}.tar.gz)\" = \"$PKGOSSCHECKSUM\" ]; then                     echo \"pkg-oss tarball checksum verification succeeded!\";                 else                     echo \"pkg-oss tarball checksum verification failed!\";                     exit 1;                 fi                 && tar xzvf ${REVISION}.tar.gz                 && cd pkg-oss-${REVISION}                 && cd debian                 && for target in base module-geoip module-image-filter module-njs module-xslt; do                     make rules-$target;                     mk-build-deps --install --tool=\"apt-get -o Debug::pkgProblemResolver=yes --no-install-recommends --yes\"                         debuild-$target/nginx-$NGINX_VERSION/debian/control;                 done                 && make base module-geoip module-image-filter module-njs module-xslt             )                         && apt-mark showmanual | xargs apt-mark auto > /dev/null             && { [ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark; }                         && ls -lAFh \"$tempDir\"             && ( cd \"$tempDir\" && dpkg-scanpackages . > Packages )             && grep '^Package: ' \"$tempDir/Packages\"             && echo \"deb [ trusted=yes ] file://$tempDir ./\" > /etc/apt/sources.list.d/temp.list             && apt-get -o Acquire::GzipIndexes=false update             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && if [ -n \"$tempDir\" ]; then         apt-get purge -y --auto-remove         && rm -rf \"$tempDir\" /etc/apt/sources.list.d/temp.list;     fi     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit",
                        117_650_412,
                        DEBIAN_RUN,
                    ),
                    layer(
                        "COPY docker-entrypoint.sh / # buildkit",
                        1_620,
                        &[Exe("/docker-entrypoint.sh", "entrypoint:nginx")],
                    ),
                    layer(
                        "COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit",
                        2_125,
                        &[Exe(
                            "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
                            "entrypoint:nginx",
                        )],
                    ),
                    layer(
                        "COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit",
                        389,
                        &[Exe(
                            "/docker-entrypoint.d/15-local-resolvers.envsh",
                            "entrypoint:nginx",
                        )],
                    ),
                    layer(
                        "COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit",
                        3_018,
                        &[Exe(
                            "/docker-entrypoint.d/20-envsubst-on-templates.sh",
                            "entrypoint:nginx",
                        )],
                    ),
                    layer(
                        "COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit",
                        4_619,
                        &[Exe(
                            "/docker-entrypoint.d/30-tune-worker-processes.sh",
                            "entrypoint:nginx",
                        )],
                    ),
                    meta("ENTRYPOINT [\"/docker-entrypoint.sh\"]"),
                    meta("EXPOSE map[80/tcp:{}]"),
                    meta("STOPSIGNAL SIGQUIT"),
                    meta("CMD [\"nginx\" \"-g\" \"daemon off;\"]"),
                ],
                config: ConfigSpec {
                    env: &[
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "NGINX_VERSION=1.27.5",
                        "NJS_VERSION=0.8.10",
                        "NJS_RELEASE=1~bookworm",
                        "PKG_RELEASE=1~bookworm",
                        "DYNPKG_RELEASE=1~bookworm",
                    ],
                    cmd: Some(&["nginx", "-g", "daemon off;"]),
                    entrypoint: Some(&["/docker-entrypoint.sh"]),
                    exposed_ports: &["80/tcp"],
                    stop_signal: Some("SIGQUIT"),
                    labels: &[(
                        "maintainer",
                        "NGINX Docker Maintainers <docker-maint@nginx.com>",
                    )],
                    ..ConfigSpec::EMPTY
                },
            },
        },
        TaggedImage {
            tags: &[
                "1.27.5-alpine-slim",
                "mainline-alpine-slim",
                "1-alpine-slim",
                "1.27-alpine-slim",
                "alpine-slim",
                "1.27.5-alpine3.21-slim",
                "mainline-alpine3.21-slim",
                "1-alpine3.21-slim",
                "1.27-alpine3.21-slim",
                "alpine3.21-slim",
            ],
            image: ImageSpec {
                from: Some("alpine:3.21"),
                created: "2025-04-16T14:50:31Z",
                steps: &[
                    meta("LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>"),
                    meta("ENV NGINX_VERSION=1.27.5"),
                    meta("ENV PKG_RELEASE=1"),
                    meta("ENV DYNPKG_RELEASE=1"),
                    layer(
                        "RUN /bin/sh -c set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch=\"$(cat /etc/apk/arch)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-r${PKG_RELEASE}     \"     && apk add --no-cache --virtual .checksum-deps         openssl     && case \"$apkArch\" in         x86_64|aarch64)             set -x             && KEY_SHA512=\"e09fa32f0a0eab2b879ccbbc4d0e4fb9751486eedda75e35fac65802cc9faa266425edf83e261137a2f4d16281ce2c1a5f4502930fe75154723da014214f0655\"             && wget -O /tmp/nginx_signing.rsa.pub https://nginx.org/keys/nginx_signing.rsa.pub             && if echo \"$KEY_SHA512 */tmp/nginx_signing.rsa.pub\" | sha512sum -c -; then                 echo \"key verification succeeded!\";                 mv /tmp/nginx_signing.rsa.pub /etc/apk/keys/;             else                 echo \"key verification failed!\";                 exit 1;             fi             && apk add -X \"https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main\" --no-cache $nginxPackages             ;;         *)             set -x             && tempDir=\"$(mktemp -d)\"             && chown nobody:nobody $tempDir             && apk add --no-cache --virtual .build-deps                 gcc                 libc-dev                 make                 openssl-dev                 pcre2-dev                 zlib-dev                 linux-headers                 bash                 alpine-sdk                 findutils                 curl             && su nobody -s /bin/sh -c \"                 export HOME=${tempDir}                 && cd ${tempDir}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && PKGOSSCHECKSUM=\\\"c773d98b567bd585c17f55702bf3e4c7d82b676bfbde395270e90a704dca3c758dfe0380b3f01770542b4fd9bed1f1149af4ce28bfc54a27a96df6b700ac1745 *${NGINX_VERSION}-${PKG_RELEASE}.tar.gz\\\"                 && if [ \\\"\\$(openssl sha512 -r ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz)\\\" = \\\"\\$PKGOSSCHECKSUM\\\" ]; then                     echo \\\"pkg-oss tarball checksum verification succeeded!\\\";                 else                     echo \\\"pkg-oss tarball checksum verification failed!\\\";                     exit 1;                 fi                 && tar xzvf ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && cd pkg-oss-${NGINX_VERSION}-${PKG_RELEASE}                 && cd alpine                 && make base                 && apk index --allow-untrusted -o ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz ${tempDir}/packages/alpine/${apkArch}/*.apk                 && abuild-sign -k ${tempDir}/.abuild/abuild-key.rsa ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz                 \"             && cp ${tempDir}/.abuild/abuild-key.rsa.pub /etc/apk/keys/             && apk del --no-network .build-deps             && apk add -X ${tempDir}/packages/alpine/ --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -n \"$tempDir\" ]; then rm -rf \"$tempDir\"; fi     && if [ -f \"/etc/apk/keys/abuild-key.rsa.pub\" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache --virtual .gettext gettext     && mv /usr/bin/envsubst /tmp/         && runDeps=\"$(         scanelf --needed --nobanner /tmp/envsubst             | awk '{ gsub(/,/, \"\\nso:\", $2); print \"so:\" $2 }'             | sort -u             | xargs -r apk info --installed             | sort -u     )\"     && apk add --no-cache $runDeps     && apk del --no-network .gettext     && mv /tmp/envsubst /usr/local/bin/     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit",
                        5_362_114,
                        ALPINE_RUN,
                    ),
                    layer(
                        "COPY docker-entrypoint.sh / # buildkit",
                        1_620,
                        &[Exe("/docker-entrypoint.sh", "entrypoint:nginx")],
                    ),
                    layer(
                        "COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit",
                        2_125,
                        &[Exe(
                            "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
                            "entrypoint:nginx",
                        )],
                    ),
                    layer(
                        "COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit",
                        389,
                        &[Exe(
                            "/docker-entrypoint.d/15-local-resolvers.envsh",
                            "entrypoint:nginx",
                        )],
                    ),
                    layer(
                        "COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit",
                        3_018,
                        &[Exe(
                            "/docker-entrypoint.d/20-envsubst-on-templates.sh",
                            "entrypoint:nginx",
                        )],
                    ),
                    layer(
                        "COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit",
                        4_619,
                        &[Exe(
                            "/docker-entrypoint.d/30-tune-worker-processes.sh",
                            "entrypoint:nginx",
                        )],
                    ),
                    meta("ENTRYPOINT [\"/docker-entrypoint.sh\"]"),
                    meta("EXPOSE map[80/tcp:{}]"),
                    meta("STOPSIGNAL SIGQUIT"),
                    meta("CMD [\"nginx\" \"-g\" \"daemon off;\"]"),
                ],
                config: ConfigSpec {
                    env: &[
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "NGINX_VERSION=1.27.5",
                        "PKG_RELEASE=1",
                        "DYNPKG_RELEASE=1",
                    ],
                    cmd: Some(&["nginx", "-g", "daemon off;"]),
                    entrypoint: Some(&["/docker-entrypoint.sh"]),
                    exposed_ports: &["80/tcp"],
                    stop_signal: Some("SIGQUIT"),
                    labels: &[(
                        "maintainer",
                        "NGINX Docker Maintainers <docker-maint@nginx.com>",
                    )],
                    ..ConfigSpec::EMPTY
                },
            },
        },
        TaggedImage {
            tags: &[
                "1.27.5-alpine",
                "mainline-alpine",
                "1-alpine",
                "1.27-alpine",
                "alpine",
                "1.27.5-alpine3.21",
                "mainline-alpine3.21",
                "1-alpine3.21",
                "1.27-alpine3.21",
                "alpine3.21",
            ],
            image: ImageSpec {
                from: Some("nginx:1.27.5-alpine-slim"),
                created: "2025-04-16T14:50:31Z",
                steps: &[
                    meta("ENV NJS_VERSION=0.8.10"),
                    meta("ENV NJS_RELEASE=1"),
                    layer(
                        "RUN /bin/sh -c set -x     && apkArch=\"$(cat /etc/apk/arch)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-r${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}     \"     && apk add --no-cache --virtual .checksum-deps         openssl     && case \"$apkArch\" in         x86_64|aarch64)             apk add -X \"https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main\" --no-cache $nginxPackages             ;;         *)             set -x             && tempDir=\"$(mktemp -d)\"             && chown nobody:nobody $tempDir             && apk add --no-cache --virtual .build-deps                 gcc                 libc-dev                 make                 openssl-dev                 pcre2-dev                 zlib-dev                 linux-headers                 libxslt-dev                 gd-dev                 geoip-dev                 libedit-dev                 bash                 alpine-sdk                 findutils                 curl             && su nobody -s /bin/sh -c \"                 export HOME=${tempDir}                 && cd ${tempDir}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && PKGOSSCHECKSUM=\\\"c773d98b567bd585c17f55702bf3e4c7d82b676bfbde395270e90a704dca3c758dfe0380b3f01770542b4fd9bed1f1149af4ce28bfc54a27a96df6b700ac1745 *${NGINX_VERSION}-${PKG_RELEASE}.tar.gz\\\"                 && if [ \\\"\\$(openssl sha512 -r ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz)\\\" = \\\"\\$PKGOSSCHECKSUM\\\" ]; then                     echo \\\"pkg-oss tarball checksum verification succeeded!\\\";                 else                     echo \\\"pkg-oss tarball checksum verification failed!\\\";                     exit 1;                 fi                 && tar xzvf ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && cd pkg-oss-${NGINX_VERSION}-${PKG_RELEASE}                 && cd alpine                 && make module-geoip module-image-filter module-njs module-xslt                 && apk index --allow-untrusted -o ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz ${tempDir}/packages/alpine/${apkArch}/*.apk                 && abuild-sign -k ${tempDir}/.abuild/abuild-key.rsa ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz                 \"             && cp ${tempDir}/.abuild/abuild-key.rsa.pub /etc/apk/keys/             && apk del --no-network .build-deps             && apk add -X ${tempDir}/packages/alpine/ --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -n \"$tempDir\" ]; then rm -rf \"$tempDir\"; fi     && if [ -f \"/etc/apk/keys/abuild-key.rsa.pub\" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache curl ca-certificates # buildkit",
                        34_717_301,
                        &[
                            Exe("/usr/bin/curl", "curl"),
                            Blob("/usr/lib/nginx/modules/ngx_http_geoip_module.so", 31_152),
                            Blob(
                                "/usr/lib/nginx/modules/ngx_http_image_filter_module.so",
                                35_248,
                            ),
                            Blob("/usr/lib/nginx/modules/ngx_http_js_module.so", 1_840_312),
                            Blob(
                                "/usr/lib/nginx/modules/ngx_http_xslt_filter_module.so",
                                31_152,
                            ),
                            Blob("/usr/lib/nginx/modules/ngx_stream_js_module.so", 1_815_704),
                        ],
                    ),
                ],
                config: ConfigSpec {
                    env: &[
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "NGINX_VERSION=1.27.5",
                        "PKG_RELEASE=1",
                        "DYNPKG_RELEASE=1",
                        "NJS_VERSION=0.8.10",
                        "NJS_RELEASE=1",
                    ],
                    cmd: Some(&["nginx", "-g", "daemon off;"]),
                    entrypoint: Some(&["/docker-entrypoint.sh"]),
                    exposed_ports: &["80/tcp"],
                    stop_signal: Some("SIGQUIT"),
                    labels: &[(
                        "maintainer",
                        "NGINX Docker Maintainers <docker-maint@nginx.com>",
                    )],
                    ..ConfigSpec::EMPTY
                },
            },
        },
    ],
};
