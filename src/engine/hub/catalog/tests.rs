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

/// The programs the catalog's executables name, as documented in the module doc: the
/// userland has to know each of them (or fall back to "not simulated").
const PROGRAMS: &[&str] = &[
    "apk",
    "bash",
    "busybox",
    "corepack",
    "curl",
    "dash",
    "g++",
    "gcc",
    "git",
    "go",
    "gofmt",
    "gosu",
    "gpg",
    "hello",
    "hg",
    "httpd",
    "imagemagick",
    "initdb",
    "make",
    "microdnf",
    "mongod",
    "mongos",
    "mongosh",
    "mysql",
    "mysqld",
    "mysqlsh",
    "nginx",
    "node",
    "npm",
    "npx",
    "perl",
    "pg_ctl",
    "pip",
    "postgres",
    "psql",
    "python3",
    "redis-benchmark",
    "redis-cli",
    "redis-server",
    "registry",
    "rpm",
    "sq",
    "ssh",
    "svn",
    "traefik",
    "unzip",
    "wget",
    "yarn",
];
const FAMILIES: &[&str] = &[
    "alpine",
    "coreutils",
    "entrypoint",
    "mongo-tools",
    "mysql",
    "postgresql",
    "python3",
];

#[test]
fn every_program_follows_the_naming_convention() {
    let mut used = BTreeSet::new();
    for (repo, t) in all_images() {
        for s in t.image.steps {
            for e in expand(s.files) {
                if let Kind::Program(p) = e.kind {
                    let known = match p.split_once(':') {
                        Some((family, name)) => FAMILIES.contains(&family) && !name.is_empty(),
                        None => PROGRAMS.contains(&p.as_str()),
                    };
                    assert!(
                        known,
                        "{}: {} runs unknown program {p}",
                        reference(repo, t),
                        e.path
                    );
                    used.insert(p);
                }
            }
        }
    }
    for p in PROGRAMS {
        assert!(used.contains(*p), "{p} is listed but unused");
    }
}
