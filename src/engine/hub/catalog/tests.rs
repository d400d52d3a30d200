//! Checks of the catalog data as a whole: references resolve, tags are unique, paths are
//! normalized and have parents, sizes agree with what the layers hold, and a few facts are
//! pinned to what the real images show.

use super::expand::{Kind, expand};
use super::*;
use std::collections::{BTreeMap, BTreeSet};

/// Every (repository, tagged image) pair.
fn all_images() -> impl Iterator<Item = (&'static RepoSpec, &'static TaggedImage)> {
    CATALOG
        .iter()
        .flat_map(|r| r.images.iter().map(move |t| (r, t)))
}

/// `repo:tag` for the first tag of an image, as `from` would name it.
fn reference(repo: &RepoSpec, t: &TaggedImage) -> String {
    format!("{}:{}", repo.path.trim_start_matches("library/"), t.tags[0])
}

fn is_normalized(p: &str) -> bool {
    p.starts_with('/')
        && (p == "/" || !p.ends_with('/'))
        && p[1..]
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != "..")
}

#[test]
fn repository_paths_are_unique() {
    let paths: BTreeSet<&str> = CATALOG.iter().map(|r| r.path).collect();
    assert_eq!(paths.len(), CATALOG.len());
}

#[test]
fn tags_are_unique_per_repository_and_every_repo_has_latest() {
    for repo in CATALOG {
        let mut seen = BTreeSet::new();
        for t in repo.images {
            assert!(!t.tags.is_empty(), "{}: image without tags", repo.path);
            for tag in t.tags {
                assert!(seen.insert(*tag), "{}: tag {tag} twice", repo.path);
            }
        }
        // Oracle stopped publishing `oraclelinux:latest`; every other repository has one.
        if repo.path != "library/oraclelinux" {
            assert!(seen.contains("latest"), "{} has no latest", repo.path);
        }
    }
}

#[test]
fn every_from_resolves_and_every_image_has_a_layer() {
    for (repo, t) in all_images() {
        let r = reference(repo, t);
        let chain = lineage(&r).unwrap_or_else(|| panic!("{r}: a base does not resolve"));
        assert!(chain.len() <= 5, "{r}: chain of {}", chain.len());
        assert!(
            chain.iter().any(|i| i.steps.iter().any(|s| !s.empty)),
            "{r}: no layer"
        );
        for tag in t.tags {
            let name = repo.path.trim_start_matches("library/");
            assert!(std::ptr::eq(
                image(&format!("{name}:{tag}")).unwrap(),
                &t.image
            ));
        }
    }
}

#[test]
fn configs_look_like_docker_ones() {
    for (repo, t) in all_images() {
        let r = reference(repo, t);
        let c = &t.image.config;
        assert!(
            c.env.first().is_some_and(|e| e.starts_with("PATH=/")),
            "{r}: PATH first"
        );
        assert!(
            c.env.iter().all(|e| e.contains('=')),
            "{r}: env entry without ="
        );
        let keys: BTreeSet<&str> = c.env.iter().map(|e| e.split('=').next().unwrap()).collect();
        assert_eq!(keys.len(), c.env.len(), "{r}: duplicate env key");
        assert!(
            c.cmd.is_some() || c.entrypoint.is_some(),
            "{r}: nothing to run"
        );
        for p in c.exposed_ports {
            let (n, proto) = p.split_once('/').unwrap();
            assert!(
                n.parse::<u16>().is_ok() && (proto == "tcp" || proto == "udp"),
                "{r}: {p}"
            );
        }
        for v in c.volumes {
            assert!(is_normalized(v), "{r}: volume {v}");
        }
    }
}

#[test]
fn created_times_are_rfc3339_utc_seconds() {
    for (repo, t) in all_images() {
        let c = t.image.created.as_bytes();
        let ok = c.len() == 20
            && c.iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                10 => *b == b'T',
                13 | 16 => *b == b':',
                19 => *b == b'Z',
                _ => b.is_ascii_digit(),
            });
        assert!(ok, "{}: {}", reference(repo, t), t.image.created);
    }
}

#[test]
fn steps_are_written_the_way_their_builder_writes_them() {
    for (repo, t) in all_images() {
        for s in t.image.steps {
            let r = reference(repo, t);
            assert!(!s.created_by.is_empty(), "{r}");
            if s.comment != BUILDKIT {
                continue;
            }
            let word = s.created_by.split(' ').next().unwrap();
            match word {
                "RUN" | "COPY" | "ADD" => {
                    assert!(
                        !s.empty && s.created_by.ends_with(" # buildkit"),
                        "{r}: {word}"
                    )
                }
                "WORKDIR" => assert!(!s.empty && s.size == 0, "{r}: WORKDIR"),
                "ENV" | "LABEL" | "ARG" | "CMD" | "ENTRYPOINT" | "EXPOSE" | "VOLUME"
                | "STOPSIGNAL" | "USER" | "HEALTHCHECK" => assert!(s.empty, "{r}: {word}"),
                other => panic!("{r}: unexpected instruction {other}"),
            }
        }
    }
}

#[test]
fn layers_hold_normalized_unique_paths_and_sizes_match_content() {
    for (repo, t) in all_images() {
        let r = reference(repo, t);
        for s in t.image.steps {
            if s.empty {
                assert!(
                    s.files.is_empty() && s.size == 0,
                    "{r}: metadata step with a layer"
                );
                continue;
            }
            let entries = expand(s.files);
            let mut seen = BTreeSet::new();
            for e in &entries {
                assert!(is_normalized(&e.path), "{r}: path {:?}", e.path);
                assert!(
                    seen.insert(e.path.as_str()),
                    "{r}: {} twice in a layer",
                    e.path
                );
                match &e.kind {
                    Kind::Program(p) => assert!(!p.is_empty() && !p.ends_with(':'), "{r}"),
                    Kind::Link(target) => assert!(!target.is_empty(), "{r}: {}", e.path),
                    _ => {}
                }
            }
            let holds_files = entries
                .iter()
                .any(|e| !matches!(e.kind, Kind::Dir | Kind::Link(_)));
            if holds_files {
                assert!(
                    s.size > 0,
                    "{r}: a layer with files has size 0: {}",
                    s.created_by
                );
            }
            let texts: u64 = entries
                .iter()
                .map(|e| match e.kind {
                    Kind::Text(t) | Kind::Script(t) => t.len() as u64,
                    Kind::Blob(n) => n,
                    _ => 0,
                })
                .sum();
            assert!(
                s.size >= texts || s.size == 0,
                "{r}: layer smaller than its files"
            );
        }
    }
}

#[test]
fn every_path_has_its_parent_in_the_image() {
    for (repo, t) in all_images() {
        let r = reference(repo, t);
        let mut kinds: BTreeMap<String, bool> = BTreeMap::new(); // path -> is a dir or link
        kinds.insert("/".to_string(), true);
        for img in lineage(&r).unwrap() {
            for s in img.steps {
                for e in expand(s.files) {
                    let parent = match e.path.rfind('/') {
                        Some(0) => "/",
                        Some(i) => &e.path[..i],
                        None => unreachable!(),
                    };
                    assert!(
                        kinds.get(parent).copied().unwrap_or(false),
                        "{r}: {} has no parent directory",
                        e.path
                    );
                    kinds.insert(e.path.clone(), matches!(e.kind, Kind::Dir | Kind::Link(_)));
                }
            }
        }
    }
}

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
