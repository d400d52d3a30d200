//! Docker Hub `library/hello-world`: one static binary that prints the greeting. Snapshot: the
//! 2025-01-21 build (`SOURCE_DATE_EPOCH` of docker-library/hello-world@a71acd2), 10,072 bytes.
//!
//! Invariant: tags are unique in this repository; every `from` names a catalog image.

use super::{layer, meta};
use crate::engine::hub::spec::FileSpec::*;
use crate::engine::hub::spec::{ConfigSpec, ImageSpec, RepoSpec, TaggedImage};

pub const REPO: RepoSpec = RepoSpec {
    path: "library/hello-world",
    description: "Hello World! (an example of minimal Dockerization)",
    stars: 2_400,
    official: true,
    images: &[TaggedImage {
        tags: &["latest", "linux"],
        image: ImageSpec {
            from: None,
            created: "2025-01-21T23:32:32Z",
            steps: &[
                layer("COPY hello / # buildkit", 10_072, &[Exe("/hello", "hello")]),
                meta("CMD [\"/hello\"]"),
            ],
            config: ConfigSpec {
                env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                cmd: Some(&["/hello"]),
                entrypoint: None,
                ..ConfigSpec::EMPTY
            },
        },
    }],
};
