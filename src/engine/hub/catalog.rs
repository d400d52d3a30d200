//! The built-in Docker Hub catalog: every repository doca can pull from, as `'static` data of
//! the shapes in [`super::spec`].
//!
//! **Snapshot**: Docker Hub as of 30 May 2025, the state Docker 28.2.2 (released 2025-05-30)
//! would have pulled: `alpine:latest` is 3.22.0, `nginx:latest` 1.27.5, `redis:latest` 8.0.2,
//! `postgres:latest` 17.5, `mysql:latest` 9.3.0, `mongo:latest` 8.0.9, `node:latest` 24.1.0
//! (`lts` 22.16.0), `python:latest` 3.13.3, `golang:latest` 1.24.3, `registry:latest` 3.0.0
//! (`registry:2` is 2.8.3), `traefik:latest` v3.4.1.
//!
//! **Sources**: the `library/*` files of docker-library/official-images at that date (tags),
//! each image's Dockerfile at the commit those files name (history text, converted the way
//! BuildKit's dockerfile2llb writes it: `RUN /bin/sh -c … # buildkit`, `ENV K=V`,
//! `EXPOSE map[80/tcp:{}]`, comment `buildkit.dockerfile.v0`), docker-library/repo-info
//! (history cross-checks, build dates, compressed layer sizes), the rootfs artifacts of
//! debuerreotype, alpinelinux/docker-alpine and docker-library/busybox (file trees), the
//! Debian 12.11 package lists (tool names), and docker-library/docs (descriptions). Layer
//! sizes are the uncompressed sizes `docker history` prints, known for the bases and
//! estimated from compressed sizes elsewhere (within about 10%). Star counts are approximate.
//!
//! **Program names** (`FileSpec::Exe`, `FileSpec::Tools`), for the userland that runs them:
//! `busybox` (dispatches on `argv[0]`), `coreutils:<name>` (the GNU/Debian-family tool
//! `<name>`, whatever its package: `ls`, `grep`, `tar`, `apt-get`…), `alpine:<name>` (musl
//! tools beside busybox: `getent`, `ldd`…), `bash`, `dash`, `perl`, `apk`, `hello`, the
//! image software by its usual name (`nginx`, `redis-server`, `redis-cli`, `postgres`,
//! `psql`, `initdb`, `pg_ctl`, `mysqld`, `mysql`, `mysqlsh`, `mongod`, `mongos`, `mongosh`,
//! `node`, `npm`, `npx`, `corepack`, `yarn`, `python3`, `pip`, `go`, `gofmt`, `httpd`,
//! `registry`, `traefik`, `gosu`, `curl`, `git`…), families for secondary tools
//! (`postgresql:<name>`, `mysql:<name>`, `mongo-tools:<name>`, `python3:<name>`), and
//! `entrypoint:<image>` for an image's own entrypoint scripts (dispatch on `argv[0]`: nginx
//! has five of them). Short entrypoints are real `Script`s instead (node, httpd, registry,
//! traefik).
//!
//! Invariant: every `from` names an image of this catalog, tags are unique per repository,
//! and all file paths are absolute and normalized (checked by the tests).

mod alpine;
mod buildpack_deps;
#[rustfmt::skip] // dense name lists
mod busybox;
mod debian;
pub mod expand;
#[cfg(test)]
mod facts_tests;
#[rustfmt::skip] // dense name lists
mod fs_alpine;
#[rustfmt::skip] // dense name lists
mod fs_debian;
#[rustfmt::skip] // dense name lists
mod fs_debian_programs;
mod golang;
mod hello_world;
mod httpd;
mod mongo;
mod mysql;
mod nginx;
mod nginx_files;
mod node;
mod oraclelinux;
mod postgres;
mod python;
mod redis;
mod registry;
#[cfg(test)]
mod tests;
mod traefik;
mod ubuntu;

use super::spec::{FileSpec, ImageSpec, RepoSpec, StepSpec, TaggedImage};

/// The `COMMENT` BuildKit gives every history entry.
pub const BUILDKIT: &str = "buildkit.dockerfile.v0";

/// A metadata-only BuildKit step (`ENV`, `CMD`, `EXPOSE`…).
pub(crate) const fn meta(created_by: &'static str) -> StepSpec {
    StepSpec {
        created_by,
        comment: BUILDKIT,
        size: 0,
        empty: true,
        files: &[],
    }
}

/// A BuildKit step with a layer (`RUN`, `COPY`, `ADD`, `WORKDIR`), `size` bytes uncompressed.
pub(crate) const fn layer(
    created_by: &'static str,
    size: u64,
    files: &'static [FileSpec],
) -> StepSpec {
    StepSpec {
        created_by,
        comment: BUILDKIT,
        size,
        empty: false,
        files,
    }
}

/// Every repository of the built-in Hub, bases first.
pub static CATALOG: &[RepoSpec] = &[
    hello_world::REPO,
    busybox::REPO,
    alpine::REPO,
    debian::REPO,
    ubuntu::REPO,
    buildpack_deps::REPO,
    oraclelinux::REPO,
    nginx::REPO,
    httpd::REPO,
    redis::REPO,
    postgres::REPO,
    mysql::REPO,
    mongo::REPO,
    node::REPO,
    python::REPO,
    golang::REPO,
    registry::REPO,
    traefik::REPO,
];

/// The repository path on the Hub for a name as a learner types it: `nginx` and
/// `docker.io/nginx` are `library/nginx`; `user/app` stays as is.
pub fn repo_path(name: &str) -> String {
    let name = name
        .strip_prefix("docker.io/")
        .or_else(|| name.strip_prefix("index.docker.io/"))
        .or_else(|| name.strip_prefix("registry-1.docker.io/"))
        .unwrap_or(name);
    if name.contains('/') {
        name.to_string()
    } else {
        format!("library/{name}")
    }
}

/// The repository `name` (`nginx`, `library/nginx`, `docker.io/library/nginx`).
pub fn repo(name: &str) -> Option<&'static RepoSpec> {
    let path = repo_path(name);
    CATALOG.iter().find(|r| r.path == path)
}

/// The image `tag` of repository `name` points to.
pub fn tagged(name: &str, tag: &str) -> Option<&'static TaggedImage> {
    repo(name)?.images.iter().find(|t| t.tags.contains(&tag))
}

/// Splits `repo[:tag]` (no digest); the tag defaults to `latest`. A `:` before the last `/`
/// belongs to a registry host (`localhost:5000/app`), not to a tag.
pub fn split_reference(reference: &str) -> (&str, &str) {
    match reference.rfind(':') {
        Some(i) if !reference[i..].contains('/') => (&reference[..i], &reference[i + 1..]),
        _ => (reference, "latest"),
    }
}

/// The image a `repo[:tag]` reference of this catalog names.
pub fn image(reference: &str) -> Option<&'static ImageSpec> {
    let (name, tag) = split_reference(reference);
    tagged(name, tag).map(|t| &t.image)
}

/// How deep `from` chains may go (the deepest real one, `python` → `buildpack-deps` ×3 →
/// `debian`, is 5); bounds the walk if the data were ever cyclic.
const MAX_DEPTH: usize = 8;

/// The image and its bases, base-most first (`[debian, buildpack-deps:…, python]`).
/// `None` if the reference or one of its bases is not in the catalog.
pub fn lineage(reference: &str) -> Option<Vec<&'static ImageSpec>> {
    let mut chain = vec![image(reference)?];
    while let Some(base) = chain.last().and_then(|i| i.from) {
        if chain.len() >= MAX_DEPTH {
            return None;
        }
        chain.push(image(base)?);
    }
    chain.reverse();
    Some(chain)
}

/// One line of `docker history`, oldest first, with the time it shows.
#[derive(Clone, Copy, Debug)]
pub struct HistoryEntry {
    /// RFC 3339 creation time of this entry as the image records it.
    pub created: &'static str,
    pub step: &'static StepSpec,
}

/// The full history of an image, base steps first. Each image's own steps carry its
/// `created`; an inherited step keeps its base's time unless a later image in the chain was
/// built earlier (BuildKit clamps history times to `SOURCE_DATE_EPOCH`): `golang` shows the
/// Debian step at 2023-05-10, the epoch of `buildpack-deps:bookworm-curl`.
pub fn history(reference: &str) -> Option<Vec<HistoryEntry>> {
    let mut out: Vec<HistoryEntry> = Vec::new();
    for image in lineage(reference)? {
        for entry in &mut out {
            if image.created < entry.created {
                entry.created = image.created;
            }
        }
        out.extend(image.steps.iter().map(|step| HistoryEntry {
            created: image.created,
            step,
        }));
    }
    Some(out)
}
