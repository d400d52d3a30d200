//! Image endpoints against the built-in Hub: pull, list, tag, remove.

use doca::engine::api::images::{DeleteItem, ImageListOptions};
use doca::engine::api::pull::LayerStatus;
use doca::engine::event::ClientId;
use doca::engine::reference::parse_docker_ref;
use doca::engine::World;

#[test]
fn pull_list_tag_remove() {
    let mut w = World::new();
    let mut api = w.api(ClientId(0));
    let r = api.image_pull(&parse_docker_ref("hello-world").unwrap()).unwrap();
    assert!(!r.up_to_date);
    assert_eq!(r.layers.len(), 1);
    assert_eq!(r.layers[0].1, LayerStatus::PullComplete);
    let again = api.image_pull(&parse_docker_ref("hello-world").unwrap()).unwrap();
    assert!(again.up_to_date);
    assert!(again.layers.is_empty());

    let list = api.image_list(&ImageListOptions::default()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].repo_tags, vec!["hello-world:latest"]);
    assert_eq!(list[0].repo_digests.len(), 1);

    api.image_tag("hello-world", &parse_docker_ref("meu/hello:v1").unwrap()).unwrap();
    let items = api.image_remove("hello-world", false, true).unwrap();
    assert_eq!(items, vec![DeleteItem::Untagged("hello-world:latest".into()), DeleteItem::Untagged(list[0].repo_digests[0].clone())]);
    let items = api.image_remove("meu/hello:v1", false, true).unwrap();
    assert!(matches!(items.last(), Some(DeleteItem::Deleted(_))));
    assert!(api.image_list(&ImageListOptions::default()).unwrap().is_empty());

    let err = api.image_pull(&parse_docker_ref("nopenopenope").unwrap()).unwrap_err();
    assert!(err.message().starts_with("pull access denied for nopenopenope"));
    let err = api.image_pull(&parse_docker_ref("alpine:9.9").unwrap()).unwrap_err();
    assert_eq!(err.message(), "manifest for alpine:9.9 not found: manifest unknown: manifest unknown");
}
