//! Docker Hub `library/httpd`: Apache httpd 2.4.63 (`latest`) on `debian:bookworm-slim`
//! (docker-library/httpd@329f85a, `SOURCE_DATE_EPOCH` 2025-01-24T00:31:17Z).
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::{layer, meta};
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, FileSpec, ImageSpec, RepoSpec, TaggedImage};

/// Apache httpd 2.4.63 built into `/usr/local/apache2`.
const HTTPD_FILES: &[FileSpec] = &[
    Dir("/usr/local/apache2/bin"),
    Exe("/usr/local/apache2/bin/httpd", "httpd"),
    Exe("/usr/local/apache2/bin/apachectl", "coreutils:apachectl"),
    Exe("/usr/local/apache2/bin/htpasswd", "coreutils:htpasswd"),
    Exe("/usr/local/apache2/bin/ab", "coreutils:ab"),
    Dir("/usr/local/apache2/build"),
    Dir("/usr/local/apache2/cgi-bin"),
    Dir("/usr/local/apache2/conf"),
    Dir("/usr/local/apache2/conf/extra"),
    Dir("/usr/local/apache2/conf/original"),
    Blob("/usr/local/apache2/conf/httpd.conf", 20_979),
    Blob("/usr/local/apache2/conf/magic", 13_077),
    Blob("/usr/local/apache2/conf/mime.types", 60_847),
    Dir("/usr/local/apache2/error"),
    Dir("/usr/local/apache2/htdocs"),
    File(
        "/usr/local/apache2/htdocs/index.html",
        "<html><body><h1>It works!</h1></body></html>\n",
    ),
    Dir("/usr/local/apache2/icons"),
    Dir("/usr/local/apache2/include"),
    Dir("/usr/local/apache2/logs"),
    Dir("/usr/local/apache2/modules"),
];

pub const REPO: RepoSpec = RepoSpec {
    path: "library/httpd",
    description: "The Apache HTTP Server Project",
    stars: 4_800,
    official: true,
    images: &[TaggedImage {
        tags: &[
            "2.4.63",
            "2.4",
            "2",
            "latest",
            "2.4.63-bookworm",
            "2.4-bookworm",
            "2-bookworm",
            "bookworm",
        ],
        image: ImageSpec {
            from: Some("debian:bookworm-slim"),
            created: "2025-01-24T00:31:17Z",
            steps: &[
                meta("ENV HTTPD_PREFIX=/usr/local/apache2"),
                meta(
                    "ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                ),
                layer(
                    "RUN /bin/sh -c mkdir -p \"$HTTPD_PREFIX\" \t&& chown www-data:www-data \"$HTTPD_PREFIX\" # buildkit",
                    0,
                    &[DirOwned("/usr/local/apache2", 33, 33, 0o755)],
                ),
                layer("WORKDIR /usr/local/apache2", 0, &[]),
                layer(
                    "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \trm -rf /var/lib/apt/lists/* # buildkit",
                    4_718_930,
                    &[
                        Blob("/usr/lib/x86_64-linux-gnu/libaprutil-1.so.0.6.3", 108_432),
                        Blob("/usr/lib/x86_64-linux-gnu/libapr-1.so.0.7.2", 195_256),
                        Dir("/etc/ssl"),
                        Dir("/etc/ssl/certs"),
                        Blob("/etc/ssl/certs/ca-certificates.crt", 219_342),
                    ],
                ),
                meta("ENV HTTPD_VERSION=2.4.63"),
                meta(
                    "ENV HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab",
                ),
                meta("ENV HTTPD_PATCHES="),
                layer(
                    "RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibapr1-dev \t\tlibaprutil1-dev \t\tlibbrotli-dev \t\tlibcurl4-openssl-dev \t\tlibjansson-dev \t\tliblua5.2-dev \t\tlibnghttp2-dev \t\tlibpcre3-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tmake \t\tpatch \t\twget \t\tzlib1g-dev \t; \trm -r /var/lib/apt/lists/*; \t\tddist() { \t\tlocal f=\"$1\"; shift; \t\tlocal distFile=\"$1\"; shift; \t\tlocal success=; \t\tlocal distUrl=; \t\tfor distUrl in \t\t\thttps://dlcdn.apache.org/ \t\t\thttps://archive.apache.org/dist/ \t\t; do \t\t\tif wget -O \"$f\" \"$distUrl$distFile\" && [ -s \"$f\" ]; then \t\t\t\tsuccess=1; \t\t\t\tbreak; \t\t\tfi; \t\tdone; \t\t[ -n \"$success\" ]; \t}; \t\tddist 'httpd.tar.bz2' \"httpd/httpd-$HTTPD_VERSION.tar.bz2\"; \techo \"$HTTPD_SHA256 *httpd.tar.bz2\" | sha256sum -c -; \t\tddist 'httpd.tar.bz2.asc' \"httpd/httpd-$HTTPD_VERSION.tar.bz2.asc\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tfor key in \t\tDE29FB3971E71543FD2DC049508EAEC5302DA568 \t\t13155B0E9E634F42BF6C163FDDBA64BA2C312D2F \t\t8B39757B1D8A994DF2433ED58B3A601F08C975E5 \t\t31EE1A81B8D066548156D37B7D6DBFD1F08E012A \t\tA10208FEC3152DD7C0C9B59B361522D782AB7BD1 \t\t3DE024AFDA7A4B15CB6C14410F81AA8AB0D5F771 \t\tEB138C6AF0FC691001B16D93344A844D751D7F27 \t\tCBA5A7C21EC143314C41393E5B968010E04F9A89 \t\t3C016F2B764621BB549C66B516A96495E2226795 \t\t937FB3994A242BA9BF49E93021454AF0CC8B0F7E \t\tEAD1359A4C0F2D37472AAF28F55DF0293A4E7AC9 \t\t4C1EADADB4EF5007579C919C6635B6C0DE885DD3 \t\t01E475360FCCF1D0F24B9D145D414AE1E005C9CB \t\t92CCEF0AA7DD46AC3A0F498BCA6939748103A37E \t\tD395C7573A68B9796D38C258153FA0CD75A67692 \t\tFA39B617B61493FD283503E7EED1EA392261D073 \t\t984FB3350C1D5C7A3282255BB31B213D208F5064 \t\tFE7A49DAA875E890B4167F76CCB2EB46E76CF6D0 \t\t39F6691A0ECF0C50E8BB849CF78875F642721F00 \t\t29A2BA848177B73878277FA475CAA2A3F39B3750 \t\t120A8667241AEDD4A78B46104C042818311A3DE5 \t\t453510BDA6C5855624E009236D0BC73A40581837 \t\t0DE5C55C6BF3B2352DABB89E13249B4FEC88A0BF \t\t7CDBED100806552182F98844E8E7E00B4DAA1988 \t\tA8BA9617EF3BCCAC3B29B869EDB105896F9522D8 \t\t3E6AC004854F3A7F03566B592FF06894E55B0D0E \t\t5B5181C2C0AB13E59DA3F7A3EC582EB639FF092C \t\tA93D62ECC3C8EA12DB220EC934EA76E6791485A8 \t\t65B2D44FE74BD5E3DE3AC3F082781DE46D5954FA \t\t8935926745E1CE7E3ED748F6EC99EE267EB5F61A \t\tE3480043595621FE56105F112AB12A7ADC55C003 \t\t93525CFCF6FDFFB3FD9700DD5A4B10AE43B56A27 \t\tC55AB7B9139EB2263CD1AABC19B033D1760C227B \t\t26F51EF9A82F4ACB43F1903ED377C9E7D1944C66 \t; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tdone; \tgpg --batch --verify httpd.tar.bz2.asc httpd.tar.bz2; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" httpd.tar.bz2.asc; \t\tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t\tpatches() { \t\twhile [ \"$#\" -gt 0 ]; do \t\t\tlocal patchFile=\"$1\"; shift; \t\t\tlocal patchSha256=\"$1\"; shift; \t\t\tddist \"$patchFile\" \"httpd/patches/apply_to_$HTTPD_VERSION/$patchFile\"; \t\t\techo \"$patchSha256 *$patchFile\" | sha256sum -c -; \t\t\tpatch -p0 < \"$patchFile\"; \t\t\trm -f \"$patchFile\"; \t\tdone; \t}; \tpatches $HTTPD_PATCHES; \t\tgnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"; \tCFLAGS=\"$(dpkg-buildflags --get CFLAGS)\"; \tCPPFLAGS=\"$(dpkg-buildflags --get CPPFLAGS)\"; \tLDFLAGS=\"$(dpkg-buildflags --get LDFLAGS)\"; \t./configure \t\t--build=\"$gnuArch\" \t\t--prefix=\"$HTTPD_PREFIX\" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t\t--enable-pie \t\tCFLAGS=\"-pipe $CFLAGS\" \t\tCPPFLAGS=\"$CPPFLAGS\" \t\tLDFLAGS=\"-Wl,--as-needed $LDFLAGS\" \t; \tmake -j \"$(nproc)\"; \tmake install; \t\tcd ..; \trm -r src man manual; \t\tsed -ri \t\t-e 's!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g' \t\t-e 's!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g' \t\t-e 's!^(\\s*TransferLog)\\s+\\S+!\\1 /proc/self/fd/1!g' \t\t-e 's!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g' \t\t-e 's!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g' \t\t\"$HTTPD_PREFIX/conf/httpd.conf\" \t\t\"$HTTPD_PREFIX/conf/extra/httpd-ssl.conf\" \t; \tgrep -E '^\\s*User www-data$' \"$HTTPD_PREFIX/conf/httpd.conf\"; \tgrep -E '^\\s*Group www-data$' \"$HTTPD_PREFIX/conf/httpd.conf\"; \t\tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, \"/usr/local/\") == 1) { next }; gsub(\"^/(usr/)?\", \"\", so); printf \"*%s\\n\", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\thttpd -v # buildkit",
                    68_493_507,
                    HTTPD_FILES,
                ),
                meta("STOPSIGNAL SIGWINCH"),
                layer(
                    "COPY httpd-foreground /usr/local/bin/ # buildkit",
                    138,
                    &[Script(
                        "/usr/local/bin/httpd-foreground",
                        "\
#!/bin/sh\n\
set -e\n\
\n\
# Apache gets grumpy about PID files pre-existing\n\
rm -f /usr/local/apache2/logs/httpd.pid\n\
\n\
exec httpd -DFOREGROUND \"$@\"\n",
                    )],
                ),
                meta("EXPOSE map[80/tcp:{}]"),
                meta("CMD [\"httpd-foreground\"]"),
            ],
            config: ConfigSpec {
                env: &[
                    "PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "HTTPD_PREFIX=/usr/local/apache2",
                    "HTTPD_VERSION=2.4.63",
                    "HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab",
                    "HTTPD_PATCHES=",
                ],
                cmd: Some(&["httpd-foreground"]),
                entrypoint: None,
                working_dir: "/usr/local/apache2",
                exposed_ports: &["80/tcp"],
                stop_signal: Some("SIGWINCH"),
                ..ConfigSpec::EMPTY
            },
        },
    }],
};
