//! Facts about particular images pinned to what the real ones show: sizes `docker images`
//! prints, the layout of `docker history`, well-known configuration values, and how
//! references resolve.

use super::*;

#[test]
fn the_catalog_holds_the_images_the_course_needs() {
    for r in [
        "hello-world",
        "busybox",
        "alpine",
        "alpine:3.21",
        "ubuntu",
        "ubuntu:22.04",
        "ubuntu:24.04",
        "debian",
        "debian:bookworm-slim",
        "nginx",
        "nginx:alpine",
        "nginx:1.27",
        "httpd",
        "redis",
        "postgres",
        "postgres:16",
        "mysql",
        "mysql:8.4",
        "mongo",
        "node",
        "node:22",
        "node:lts",
        "node:22-alpine",
        "python",
        "python:3.13-slim",
        "python:3.13-alpine",
        "golang",
        "registry",
        "registry:2",
        "traefik",
        "traefik:v3.4",
    ] {
        assert!(image(r).is_some(), "{r} missing");
    }
    assert!(image("nginx:1.25").is_none());
    assert!(image("nosuchimage").is_none());
}

#[test]
fn aliases_share_one_image() {
    assert!(std::ptr::eq(
        image("nginx:latest").unwrap(),
        image("nginx:1.27.5").unwrap()
    ));
    assert!(std::ptr::eq(
        image("node:lts").unwrap(),
        image("node:22").unwrap()
    ));
    assert!(std::ptr::eq(
        image("alpine").unwrap(),
        image("alpine:3.22").unwrap()
    ));
    assert!(std::ptr::eq(
        image("busybox").unwrap(),
        image("busybox:glibc").unwrap()
    ));
    assert!(!std::ptr::eq(
        image("node").unwrap(),
        image("node:lts").unwrap()
    ));
}

fn total(reference: &str) -> u64 {
    history(reference)
        .unwrap()
        .iter()
        .map(|h| h.step.size)
        .sum()
}

#[test]
fn known_sizes_of_real_images() {
    // `docker images` of the real images (SI units, 3 significant digits).
    let within = |r: &str, lo: u64, hi: u64| {
        let t = total(r);
        assert!((lo..=hi).contains(&t), "{r}: {t}");
    };
    within("hello-world", 10_050, 10_149);
    within("alpine", 8_305_000, 8_314_999);
    within("debian:bookworm-slim", 74_750_000, 74_849_999);
    within("debian", 116_500_000, 117_499_999);
    within("ubuntu", 78_050_000, 78_149_999);
    within("nginx", 191_500_000, 192_499_999);
    within("postgres", 435_000_000, 441_000_000);
    within("registry:2", 25_350_000, 25_449_999);
}

#[test]
fn history_matches_the_real_layout() {
    let h = history("nginx").unwrap();
    assert_eq!(h.len(), 17);
    assert_eq!(
        h[0].step.created_by,
        "# debian.sh --arch 'amd64' out/ 'bookworm' '@1747699200'"
    );
    assert_eq!(h[0].step.comment, "debuerreotype 0.15");
    assert_eq!(
        h[1].step.created_by,
        "LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>"
    );
    assert_eq!(h[16].step.created_by, r#"CMD ["nginx" "-g" "daemon off;"]"#);
    assert_eq!(h[14].step.created_by, "EXPOSE map[80/tcp:{}]");
    // BuildKit clamps inherited history times to the image's SOURCE_DATE_EPOCH.
    assert_eq!(h[0].created, "2025-04-16T14:50:31Z");
    let p = history("postgres").unwrap();
    assert_eq!(p[0].created, "2025-05-20T00:00:00Z");
    assert_eq!(p[1].created, "2025-05-22T00:48:07Z");
    let g = history("golang").unwrap();
    assert_eq!(g[0].created, "2023-05-10T23:29:59Z");
    assert_eq!(g[2].created, "2024-01-09T01:14:25Z");
    assert_eq!(g[2].step.created_by.len(), "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit".len());
    let m = history("mongo").unwrap();
    assert!(m.iter().any(|e| e.step.created_by.starts_with(
        "RUN |2 MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org /bin/sh -c echo"
    )));
    assert_eq!(m[0].step.created_by, "/bin/sh -c #(nop)  ARG RELEASE");
}

#[test]
fn configs_of_well_known_images() {
    let nginx = &image("nginx").unwrap().config;
    assert_eq!(nginx.env[1], "NGINX_VERSION=1.27.5");
    assert_eq!(nginx.stop_signal, Some("SIGQUIT"));
    assert_eq!(nginx.entrypoint, Some(&["/docker-entrypoint.sh"][..]));
    assert_eq!(nginx.cmd, Some(&["nginx", "-g", "daemon off;"][..]));
    let pg = &image("postgres").unwrap().config;
    assert_eq!(pg.volumes, ["/var/lib/postgresql/data"]);
    assert_eq!(pg.stop_signal, Some("SIGINT"));
    assert!(pg.env.contains(&"PGDATA=/var/lib/postgresql/data"));
    assert_eq!(image("redis").unwrap().config.working_dir, "/data");
    assert_eq!(image("redis").unwrap().config.volumes, ["/data"]);
    assert_eq!(
        image("mysql").unwrap().config.exposed_ports,
        ["3306/tcp", "33060/tcp"]
    );
    assert_eq!(
        image("mongo").unwrap().config.volumes,
        ["/data/db", "/data/configdb"]
    );
    assert_eq!(image("golang").unwrap().config.working_dir, "/go");
    assert_eq!(
        image("python").unwrap().config.env[0],
        "PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    );
    assert!(
        image("ubuntu")
            .unwrap()
            .config
            .labels
            .contains(&("org.opencontainers.image.version", "24.04"))
    );
    assert_eq!(image("httpd").unwrap().config.stop_signal, Some("SIGWINCH"));
}

#[test]
fn references_parse_like_docker() {
    assert_eq!(split_reference("nginx"), ("nginx", "latest"));
    assert_eq!(split_reference("nginx:1.27"), ("nginx", "1.27"));
    assert_eq!(
        split_reference("localhost:5000/app"),
        ("localhost:5000/app", "latest")
    );
    assert_eq!(
        split_reference("localhost:5000/app:v1"),
        ("localhost:5000/app", "v1")
    );
    assert_eq!(repo_path("nginx"), "library/nginx");
    assert_eq!(repo_path("docker.io/library/nginx"), "library/nginx");
    assert_eq!(repo_path("traefik/whoami"), "traefik/whoami");
    assert!(repo("docker.io/nginx").is_some());
}
