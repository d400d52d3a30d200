//! OCI documents: the image config and manifest JSON whose SHA-256 digests name images and
//! manifests. Built with a fixed field order so the same image always has the same ID.
//!
//! Invariant: `image_id(img)` depends only on the image's config, history, layers and
//! creation time, never on where or when it was stored.

use serde_json::{Value, json};

use super::ids::digest_of;
use super::model::config::Config;
use super::model::image::Image;

/// The `config` object of an OCI image config (Docker's field names).
pub fn config_json(c: &Config) -> Value {
    let mut m = serde_json::Map::new();
    if !c.user.is_empty() {
        m.insert("User".into(), json!(c.user));
    }
    if !c.exposed_ports.is_empty() {
        let ports: serde_json::Map<String, Value> =
            c.exposed_ports.iter().map(|p| (p.clone(), json!({}))).collect();
        m.insert("ExposedPorts".into(), Value::Object(ports));
    }
    m.insert("Env".into(), json!(c.env));
    if let Some(e) = &c.entrypoint {
        m.insert("Entrypoint".into(), json!(e));
    }
    if let Some(cmd) = &c.cmd {
        m.insert("Cmd".into(), json!(cmd));
    }
    if !c.volumes.is_empty() {
        let v: serde_json::Map<String, Value> = c.volumes.iter().map(|p| (p.clone(), json!({}))).collect();
        m.insert("Volumes".into(), Value::Object(v));
    }
    if !c.working_dir.is_empty() {
        m.insert("WorkingDir".into(), json!(c.working_dir));
    }
    if !c.labels.is_empty() {
        m.insert("Labels".into(), json!(c.labels));
    }
    if let Some(s) = &c.stop_signal {
        m.insert("StopSignal".into(), json!(s));
    }
    if let Some(h) = &c.healthcheck {
        m.insert("Healthcheck".into(), json!({ "Test": h.test }));
    }
    if !c.on_build.is_empty() {
        m.insert("OnBuild".into(), json!(c.on_build));
    }
    if let Some(sh) = &c.shell {
        m.insert("Shell".into(), json!(sh));
    }
    Value::Object(m)
}

/// The whole OCI image config document.
pub fn image_config_json(img: &Image) -> Value {
    let history: Vec<Value> = img
        .history
        .iter()
        .map(|h| {
            let mut e = serde_json::Map::new();
            e.insert("created".into(), json!(h.created.rfc3339_nano()));
            e.insert("created_by".into(), json!(h.created_by));
            if !h.comment.is_empty() {
                e.insert("comment".into(), json!(h.comment));
            }
            if h.empty_layer {
                e.insert("empty_layer".into(), json!(true));
            }
            Value::Object(e)
        })
        .collect();
    json!({
        "architecture": img.architecture,
        "config": config_json(&img.config),
        "created": img.created.rfc3339_nano(),
        "history": history,
        "os": img.os,
        "rootfs": { "type": "layers", "diff_ids": img.layers },
    })
}

/// The image ID (config digest) of `img`.
pub fn image_id(img: &Image) -> String {
    digest_of(image_config_json(img).to_string().as_bytes())
}

/// A manifest document for a config and layers (`(digest, size)` each); returns its JSON
/// text, whose digest and length name it.
pub fn manifest_json(config_digest: &str, config_size: u64, layers: &[(String, u64)]) -> String {
    let layers: Vec<Value> = layers
        .iter()
        .map(|(d, s)| {
            json!({
                "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                "size": s,
                "digest": d,
            })
        })
        .collect();
    json!({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {
            "mediaType": "application/vnd.oci.image.config.v1+json",
            "size": config_size,
            "digest": config_digest,
        },
        "layers": layers,
    })
    .to_string()
}

/// The manifest a daemon with the classic image store pushes: Docker's schema 2, as
/// distribution marshals it (`json.MarshalIndent` with three spaces, fields in struct
/// order). Its length is the `size:` that `docker push` prints.
pub fn push_manifest_json(config_digest: &str, config_size: u64, layers: &[(String, u64)]) -> String {
    let mut text = format!(
        "{{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"application/vnd.docker.distribution.manifest.v2+json\",\n   \"config\": {{\n      \"mediaType\": \"application/vnd.docker.container.image.v1+json\",\n      \"size\": {config_size},\n      \"digest\": \"{config_digest}\"\n   }},\n   \"layers\": ["
    );
    for (i, (d, s)) in layers.iter().enumerate() {
        let sep = if i + 1 < layers.len() { "," } else { "" };
        text.push_str(&format!(
            "\n      {{\n         \"mediaType\": \"application/vnd.docker.image.rootfs.diff.tar.gzip\",\n         \"size\": {s},\n         \"digest\": \"{d}\"\n      }}{sep}"
        ));
    }
    text.push_str(if layers.is_empty() { "]\n}" } else { "\n   ]\n}" });
    text
}

/// Chain IDs of a layer stack (bottom first): the first is the first diff ID, each next one
/// is the digest of `"<previous chain ID> <diff ID>"`. A daemon stores layers by chain ID,
/// so the same layer on top of a different stack is a different stored layer.
pub fn chain_ids(diff_ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(diff_ids.len());
    for d in diff_ids {
        let next = match out.last() {
            None => d.clone(),
            Some(prev) => digest_of(format!("{prev} {d}").as_bytes()),
        };
        out.push(next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pushed_manifest_is_go_marshal_indent_with_three_spaces() {
        let d = format!("sha256:{}", "a".repeat(64));
        let text = push_manifest_json(&d, 1_234, &[(d.clone(), 3_642_123), (d.clone(), 123)]);
        let v: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(v["layers"].as_array().map(Vec::len), Some(2));
        assert!(text.starts_with("{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"application/vnd.docker.distribution.manifest.v2+json\",\n"));
        assert!(text.ends_with("\n      }\n   ]\n}"));
        // the same document through Go's encoder (json.MarshalIndent(m, "", "   ")) is 735 bytes
        assert_eq!(text.len(), 735);
    }
}
