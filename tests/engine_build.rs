//! Builds are deterministic and content-addressed: the same context gives the same image ID
//! in any fresh world, and changing a copied file changes the image ID and only the layers
//! from that COPY on.

use doca::Session;
use proptest::prelude::*;

const DOCKERFILE: &str = "FROM alpine\\nWORKDIR /app\\nCOPY a.txt .\\nRUN cat a.txt > /seen.txt\\nCOPY b.txt .\\nCMD [\\\"cat\\\", \\\"b.txt\\\"]\\n";

/// Builds the context (a.txt, b.txt) in a fresh session; returns (image ID, diff IDs).
fn build(a: &str, b: &str) -> (String, Vec<String>) {
    let mut s = Session::new();
    for line in [
        "mkdir ctx".to_string(),
        "cd ctx".to_string(),
        format!("printf '{DOCKERFILE}' > Dockerfile"),
        format!("printf '%s' '{a}' > a.txt"),
        format!("printf '%s' '{b}' > b.txt"),
    ] {
        s.submit(&line);
    }
    let out = s.submit("docker build -q -t app .");
    assert_eq!(out.exit, 0, "{}", out.stderr());
    let id = out.stdout().trim().to_string();
    let layers = s.submit("docker image inspect --format '{{range .RootFS.Layers}}{{.}} {{end}}' app");
    (id, layers.stdout().split_whitespace().map(str::to_string).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn same_context_same_image_and_changes_only_invalidate_later_layers(
        a in "[a-z]{1,8}", b in "[a-z]{1,8}", a2 in "[A-Z]{1,8}", b2 in "[A-Z]{1,8}"
    ) {
        let (id1, l1) = build(&a, &b);
        let (id2, l2) = build(&a, &b);
        prop_assert_eq!(&id1, &id2);
        prop_assert_eq!(&l1, &l2);
        // alpine (1) + WORKDIR + COPY a + RUN + COPY b.
        prop_assert_eq!(l1.len(), 5);
        // Changing b.txt: only the last layer differs.
        let (id3, l3) = build(&a, &b2);
        prop_assert_ne!(&id1, &id3);
        prop_assert_eq!(&l1[..4], &l3[..4]);
        prop_assert_ne!(&l1[4], &l3[4]);
        // Changing a.txt: its COPY and the RUN that read it change; the base and WORKDIR don't.
        let (id4, l4) = build(&a2, &b);
        prop_assert_ne!(&id1, &id4);
        prop_assert_eq!(&l1[..2], &l4[..2]);
        prop_assert_ne!(&l1[2], &l4[2]);
        prop_assert_ne!(&l1[3], &l4[3]);
    }
}

#[test]
fn rebuild_is_fully_cached_and_gives_the_same_id() {
    let mut s = Session::new();
    for line in ["mkdir c", "cd c", "printf 'FROM alpine\\nRUN echo hi > /f\\n' > Dockerfile"] {
        s.submit(line);
    }
    let first = s.submit("docker build -t x . 2>&1 | cat");
    let second = s.submit("docker build -t x . 2>&1 | cat");
    assert!(first.stdout().contains("#5 DONE"), "{}", first.stdout());
    assert!(second.stdout().contains("#5 CACHED"), "{}", second.stdout());
    let id = |o: &str| o.lines().find(|l| l.contains("writing image")).map(str::to_string);
    assert_eq!(id(&first.stdout()), id(&second.stdout()));
}

/// A session with `app` built from the DOCKERFILE context.
fn built_session() -> Session {
    let mut s = Session::new();
    for line in ["mkdir ctx", "cd ctx", &format!("printf '{DOCKERFILE}' > Dockerfile"), "echo a > a.txt", "echo b > b.txt"] {
        s.submit(line);
    }
    assert_eq!(s.submit("docker build -q -t app .").exit, 0);
    s
}

#[test]
fn a_base_pulled_by_a_build_is_not_an_image() {
    let mut s = built_session();
    assert_eq!(s.submit("docker images --format '{{.Repository}}'").stdout(), "app\n");
    let out = s.submit("docker rmi alpine");
    assert_eq!(out.stderr(), "Error response from daemon: No such image: alpine:latest\n");
    // its layer is on disk, kept by the build cache: pulling it finds it there
    let pull = s.submit("docker pull alpine");
    assert!(pull.stdout().contains(": Already exists"), "{}", pull.stdout());
}

#[test]
fn the_build_cache_keeps_layers_until_it_is_pruned() {
    let mut s = built_session();
    let rmi = s.submit("docker rmi app");
    assert_eq!(rmi.stdout().matches("Deleted: ").count(), 1, "only the image goes: {}", rmi.stdout());
    assert!(s.submit("docker system df").stdout().contains("Build Cache     "));
    let prune = s.submit("docker builder prune -af");
    assert_eq!(prune.exit, 0);
    assert!(prune.stdout().starts_with("ID\t\t\t\t\t\tRECLAIMABLE\tSIZE\t\tLAST ACCESSED\n"), "{}", prune.stdout());
    assert!(prune.stdout().contains("\nTotal:\t"), "{}", prune.stdout());
    assert!(s.submit("docker system df").stdout().contains("Build Cache     0         0         0B        0B"));
    assert_eq!(s.submit("docker builder prune -af").stdout(), "Total:\t0B\n");
    // nothing holds the layers any more: the next build pulls and runs every step again
    let again = s.submit("docker build -t app . 2>&1");
    assert!(again.stdout().contains("extracting sha256:") && !again.stdout().contains("CACHED"), "{}", again.stdout());
}

#[test]
fn builder_prune_without_all_keeps_what_images_use() {
    let mut s = built_session();
    let prune = s.submit("docker builder prune -f");
    // the sources the client sent are mutable records (`*`); the step results stay
    assert_eq!(prune.stdout().matches("*              \ttrue").count(), 3, "{}", prune.stdout());
    let rebuilt = s.submit("docker build -t app . 2>&1");
    assert_eq!(rebuilt.stdout().matches("CACHED").count(), 4, "{}", rebuilt.stdout());
}
