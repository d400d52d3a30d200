//! Unit tests of the transcript normalization (`normalize.rs`).

use super::normalize;

#[test]
fn ids_and_digests() {
    let id = "0689f1f1c370a9d4e5b6c7d8e9f00112233445566778899aabbccddeeff00112";
    assert_eq!(id.len(), 64);
    assert_eq!(normalize(&format!("{id}\n")), "<ID64>\n");
    assert_eq!(
        normalize(&format!("deleted: sha256:{id}\n")),
        "deleted: <DIGEST>\n"
    );
    assert_eq!(normalize("Digest: sha256:abc\n"), "Digest: sha256:abc\n");
    assert_eq!(
        normalize(
            "conflict: unable to delete 9a9c66d620fe (must be forced) - image is referenced\n"
        ),
        "conflict: unable to delete <ID12> (must be forced) - image is referenced\n"
    );
    // 12 hex inside a longer word, or uppercase, is not an ID.
    assert_eq!(
        normalize("x9a9c66d620fe 9A9C66D620FE 9a9c66d620fe1\n"),
        "x9a9c66d620fe 9A9C66D620FE 9a9c66d620fe1\n"
    );
}

#[test]
fn push_progress_keeps_only_outcomes() {
    let real = "The push refers to repository [localhost:5000/site]\nb06e39104b94: Preparing\n\
                859a188dddff: Preparing\n859a188dddff: Layer already exists\nb06e39104b94: Pushed\n";
    assert_eq!(
        normalize(real),
        "The push refers to repository [localhost:5000/site]\n<ID12>: Layer already exists\n<ID12>: Pushed\n"
    );
}

#[test]
fn pull_progress_keeps_only_outcomes() {
    let real = "latest: Pulling from library/nginx\n199c88264cf1: Already exists\n\
                08f5fddd783c: Pulling fs layer\ndee7e45b9530: Pulling fs layer\n\
                dee7e45b9530: Waiting\ndee7e45b9530: Verifying Checksum\n\
                dee7e45b9530: Download complete\n08f5fddd783c: Download complete\n\
                08f5fddd783c: Pull complete\ndee7e45b9530: Pull complete\n";
    assert_eq!(
        normalize(real),
        "latest: Pulling from library/nginx\n<ID12>: Already exists\n<ID12>: Pull complete\n<ID12>: Pull complete\n"
    );
}

#[test]
fn buildkit_step_times() {
    assert_eq!(normalize("#5 DONE 0.2s\n"), "#5 DONE <T>\n");
    assert_eq!(
        normalize("#10 exporting layers 0.1s done\n#8 0.125 flask\n0.133 oops\n"),
        "#10 exporting layers <T> done\n#8 <T> flask\n<T> oops\n"
    );
    // words stay, and so do numbers that are not BuildKit's
    assert_eq!(normalize("#5 DONE soon\nversion 1.0\n#2 1.5 x\n"), "#5 DONE soon\nversion 1.0\n#2 1.5 x\n");
}

#[test]
fn times_and_durations() {
    assert_eq!(
        normalize("2025-05-30T17:05:30.123456789Z out 1\n"),
        "<TIME> out 1\n"
    );
    assert_eq!(
        normalize("\"Created\": \"2025-05-30T17:05:30Z\",\n"),
        "\"Created\": \"<TIME>\",\n"
    );
    assert_eq!(normalize("2025-05-30T17:05:30+02:00\n"), "<TIME>\n");
    assert_eq!(
        normalize("\"CreatedAt\":\"2025-05-30 17:05:30 +0000 UTC\"\n"),
        "\"CreatedAt\":\"<TIME>\"\n"
    );
    assert_eq!(
        normalize("Exited (0) Less than a second ago\n"),
        "Exited (0) <AGO>\n"
    );
    assert_eq!(
        normalize("Exited (137) 3 minutes ago\n"),
        "Exited (137) <AGO>\n"
    );
    assert_eq!(normalize("22 months ago\n"), "<AGO>\n");
    assert_eq!(
        normalize("Up 1 second (Paused)\n"),
        "Up <DURATION> (Paused)\n"
    );
    assert_eq!(normalize("Up About a minute\n"), "Up <DURATION>\n");
    assert_eq!(
        normalize("Restarting (1) About an hour ago\n"),
        "Restarting (1) <AGO>\n"
    );
    // Not a duration: no "ago", no "Up".
    assert_eq!(normalize("sleep 3 seconds\n"), "sleep 3 seconds\n");
    assert_eq!(normalize("up 3 seconds ago-ish\n"), "up <AGO>-ish\n");
}

#[test]
fn sizes_and_percentages() {
    assert_eq!(
        normalize("{\"Status\":\"running\",\"Pid\":30241,\"Size\":12}\n"),
        "{\"Status\":\"running\",\"Pid\":<PID>,\"Size\":<SIZE>}\n"
    );
    assert_eq!(
        normalize("0B (virtual 7.8MB)\n"),
        "<SIZE> (virtual <SIZE>)\n"
    );
    assert_eq!(
        normalize("Total reclaimed space: 10.1kB\n"),
        "Total reclaimed space: <SIZE>\n"
    );
    assert_eq!(
        normalize("0.00% 1.2MiB / 15.6GiB 0.01%\n"),
        "<PCT> <SIZE> / <SIZE> <PCT>\n"
    );
    assert_eq!(
        normalize("        \"Size\": 7797760,\n"),
        "        \"Size\": <SIZE>,\n"
    );
    assert_eq!(
        normalize("            \"Pid\": 30241,\n"),
        "            \"Pid\": <PID>,\n"
    );
    // Plain numbers and words stay.
    assert_eq!(
        normalize("exit 3, 42 Bytes, 50%\n"),
        "exit 3, 42 Bytes, 50%\n"
    );
}

#[test]
fn generated_names() {
    assert_eq!(normalize("vigorous_driscoll\n"), "<NAME>\n");
    assert_eq!(normalize("focused_turing3 x\n"), "<NAME> x\n");
    assert_eq!(normalize("my_app not_a_name\n"), "my_app not_a_name\n");
}

#[test]
fn table_padding() {
    let real =
        "CONTAINER ID   IMAGE     COMMAND   NAMES\n0689f1f1c370   alpine    \"true\"    a     \n";
    let doca = "CONTAINER ID   IMAGE     COMMAND   NAMES\nabcdefabcdef   alpine    \"true\"    a\n";
    assert_eq!(normalize(real), normalize(doca));
    assert_eq!(
        normalize(real),
        "CONTAINER ID  IMAGE  COMMAND  NAMES\n<ID12>  alpine  \"true\"  a\n"
    );
    // A single space is kept as is: "a b" and "a  b" stay different.
    assert_ne!(normalize("a b\n"), normalize("a  b\n"));
}

#[test]
fn top_rows() {
    let real = "UID   PID    PPID   C   STIME   TTY   TIME       CMD\nroot  23401  23380  0   20:41   ?     00:00:00   sleep 300\n";
    assert_eq!(
        normalize(real),
        "UID  PID  PPID  C  STIME  TTY  TIME  CMD\nroot  <PID>  <PID>  <CPU>  <STIME>  ?  <CPUTIME>  sleep 300\n"
    );
}

#[test]
fn diff_lines_in_path_order() {
    let one = "A /work\nA /work/a\nC /etc\nC /etc/motd\nD /etc/issue\n";
    let two = "C /etc\nC /etc/motd\nD /etc/issue\nA /work\nA /work/a\n";
    assert_eq!(normalize(one), normalize(two));
    assert_eq!(
        normalize(one),
        "C /etc\nD /etc/issue\nC /etc/motd\nA /work\nA /work/a\n"
    );
    assert_eq!(normalize("B /x\nA /y\n"), "B /x\nA /y\n");
}

#[test]
fn streams_and_errors_untouched() {
    let err = "Error response from daemon: No such container: nope\n";
    assert_eq!(normalize(err), err);
    assert_eq!(normalize("hi\r\n"), "hi\r\n");
    assert_eq!(normalize("no newline"), "no newline");
    assert_eq!(normalize(""), "");
}

#[test]
fn idempotent() {
    for s in [
        "Up 3 seconds",
        "<ID12>  <AGO>",
        "sha256:<ID64>",
        "0B (virtual <SIZE>)",
    ] {
        assert_eq!(normalize(&normalize(s)), normalize(s));
    }
}
