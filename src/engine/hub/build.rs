//! Turns the static catalog into registry content: layers with content digests, image
//! configs, manifests and tags. Built once per process and shared by every world.
//!
//! Invariant: building is deterministic: the same catalog always yields the same digests.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use super::spec::{ConfigSpec, FileSpec, RepoSpec, StepSpec};
use crate::engine::clock::Time;
use crate::engine::fs::Tree;
use crate::engine::ids::digest_of;
use crate::engine::model::config::{Config, HealthConfig};
use crate::engine::model::image::{HistoryEntry, Image};
use crate::engine::model::registry::{Blob, Manifest, RegistryContent, Repository};
use crate::engine::oci;

/// Docker Hub's content, built on first use.
pub fn hub_content() -> Arc<RegistryContent> {
    static HUB: OnceLock<Arc<RegistryContent>> = OnceLock::new();
    HUB.get_or_init(|| Arc::new(build(super::catalog::CATALOG))).clone()
}

/// An image being assembled: its config record and the blobs of its layers.
struct Built {
    image: Image,
    blobs: Vec<Blob>,
}

/// Builds registry content for `catalog`.
pub fn build(catalog: &[RepoSpec]) -> RegistryContent {
    let mut content = RegistryContent::default();
    let mut built: BTreeMap<String, Arc<Built>> = BTreeMap::new();
    for repo in catalog {
        for tagged in repo.images {
            let b = build_image(repo, tagged.tags[0], &mut built);
            let (manifest_digest, manifest) = store(&mut content, &b);
            content.manifests.insert(manifest_digest.clone(), manifest);
            let entry = content.repos.entry(repo.path.to_string()).or_insert_with(|| Repository {
                description: repo.description.to_string(),
                stars: repo.stars,
                official: repo.official,
                ..Repository::default()
            });
            for tag in tagged.tags {
                entry.tags.insert(tag.to_string(), manifest_digest.clone());
            }
        }
    }
    content
}

/// Stores an image's config and blobs; returns its manifest.
fn store(content: &mut RegistryContent, b: &Built) -> (String, Manifest) {
    let config_text = oci::image_config_json(&b.image).to_string();
    for blob in &b.blobs {
        content.blobs.entry(blob.digest.clone()).or_insert_with(|| blob.clone());
    }
    content.configs.insert(b.image.id.clone(), Arc::new(b.image.clone()));
    let layers: Vec<(String, u64)> = b.blobs.iter().map(|bl| (bl.digest.clone(), bl.size)).collect();
    let text = oci::manifest_json(&b.image.id, config_text.len() as u64, &layers);
    let digest = digest_of(text.as_bytes());
    let manifest = Manifest {
        digest: digest.clone(),
        size: text.len() as u64,
        config: b.image.id.clone(),
        layers: layers.into_iter().map(|(d, _)| d).collect(),
    };
    (digest, manifest)
}

/// The catalog name of a repository path: `library/nginx` → `nginx`.
fn short_name(path: &str) -> &str {
    path.strip_prefix("library/").unwrap_or(path)
}

fn build_image(repo: &RepoSpec, tag: &str, built: &mut BTreeMap<String, Arc<Built>>) -> Arc<Built> {
    let reference = format!("{}:{tag}", short_name(repo.path));
    if let Some(b) = built.get(&reference) {
        return b.clone();
    }
    let lineage = super::catalog::lineage(&reference).unwrap_or_else(|| panic!("catalog lineage of {reference}"));
    let spec = lineage.last().expect("lineage is never empty");
    let created = Time::parse_rfc3339(spec.created).expect("catalog dates are RFC 3339");
    let history = super::catalog::history(&reference)
        .unwrap_or_default()
        .into_iter()
        .map(|h| HistoryEntry {
            created: Time::parse_rfc3339(h.created).expect("catalog dates are RFC 3339"),
            created_by: h.step.created_by.to_string(),
            comment: h.step.comment.to_string(),
            empty_layer: h.step.empty,
            size: if h.step.empty { 0 } else { h.step.size },
        })
        .collect();
    let mut layers = Vec::new();
    let mut blobs = Vec::new();
    for img in &lineage {
        let mtime = Time::parse_rfc3339(img.created).expect("catalog dates are RFC 3339");
        for step in img.steps.iter().filter(|s| !s.empty) {
        let blob = layer_blob(step, mtime);
        layers.push(blob.diff_id.clone());
        blobs.push(blob);
        }
    }
    let mut image = Image {
        id: String::new(),
        parent: String::new(),
        created,
        config: config_from(&spec.config),
        history,
        layers,
        os: "linux".into(),
        architecture: "amd64".into(),
        author: String::new(),
        comment: String::new(),
        container: String::new(),
        docker_version: String::new(),
        last_tag_time: None,
    };
    image.id = oci::image_id(&image);
    let b = Arc::new(Built { image, blobs });
    built.insert(reference, b.clone());
    b
}

/// The blob of one build step's layer (content-addressed, so a step shared by several
/// images yields the same blob).
fn layer_blob(step: &'static StepSpec, mtime: Time) -> Blob {
    let tree = tree_from(step.files, mtime);
    // Content-addressed like a real layer; a step that adds nothing still differs from
    // another by what created it, as their tars' headers would.
    let diff_id = if tree.is_empty() {
        digest_of(format!("empty layer\n{}", step.created_by).as_bytes())
    } else {
        tree.digest()
    };
    let blob_digest = digest_of(format!("gzip\n{diff_id}").as_bytes());
    Blob { digest: blob_digest, diff_id, size: step.size, content: Arc::new(tree) }
}

fn config_from(c: &ConfigSpec) -> Config {
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Config {
        user: c.user.into(),
        exposed_ports: c.exposed_ports.iter().map(|s| s.to_string()).collect(),
        env: strings(c.env),
        cmd: c.cmd.map(strings),
        entrypoint: c.entrypoint.map(strings),
        working_dir: c.working_dir.into(),
        volumes: c.volumes.iter().map(|s| s.to_string()).collect(),
        labels: c.labels.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        stop_signal: c.stop_signal.map(str::to_string),
        healthcheck: c.healthcheck.map(|t| HealthConfig {
            test: strings(t),
            interval_secs: 30,
            timeout_secs: 30,
            start_period_secs: 0,
            retries: 3,
        }),
        ..Config::default()
    }
}

/// The tree of a layer, its files dated `mtime`.
fn tree_from(files: &'static [FileSpec], mtime: Time) -> Tree {
    use super::catalog::expand::{Kind, expand};
    use crate::unix::fs::{Data, Entry, Meta, Node};
    let mut tree = Tree::new();
    for e in expand(files) {
        let meta = Meta { mode: e.mode, uid: e.uid, gid: e.gid, mtime };
        let path = crate::unix::fs::path::normalize("/", &e.path);
        let entry = match e.kind {
            Kind::Dir => Entry::Node(Node::Dir { meta }),
            Kind::Text(t) | Kind::Script(t) => Entry::Node(Node::File { meta, data: Data::text(t) }),
            Kind::Program(p) => Entry::Node(Node::File { meta, data: Data::Program(p) }),
            Kind::Blob(n) => Entry::Node(Node::File { meta, data: Data::Blob(n) }),
            Kind::Link(target) => Entry::Node(Node::Symlink { meta, target: target.to_string() }),
            Kind::Deleted => Entry::Whiteout,
        };
        tree.put(&path, entry);
    }
    tree
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_builds_deterministically() {
        let a = build(super::super::catalog::CATALOG);
        let b = build(super::super::catalog::CATALOG);
        assert_eq!(a, b);
        let hello = &a.repos["library/hello-world"];
        let m = &a.manifests[&hello.tags["latest"]];
        assert!(a.configs.contains_key(&m.config));
        for l in &m.layers {
            assert!(a.blobs.contains_key(l));
        }
    }
}
