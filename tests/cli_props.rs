//! No input panics the client: random command lines through the parser (and the
//! dispatcher), random `--format` templates, sizes, durations and table text.

use doca::cli::env::Env;
use doca::cli::format::context;
use doca::cli::format::tabwriter;
use doca::cli::format::template::{Record, Template, Value};
use doca::cli::{gostr, parse, reference, units};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "run", "ps", "container", "ls", "image", "rm", "-a", "-d", "-it", "-dit", "--rm", "--name", "web", "-p", "80:80",
    "-e", "A=1", "--env=B", "--", "-", "--help", "-h", "help", "--format", "{{.ID}}", "table", "-v", "--version",
    "network", "create", "volume", "swarm", "init", "service", "scale", "web=3", "--foo", "-x", "busybox", "sh",
    "-c", "--context", "-H", "=", "--=", "---", "-=", "stop", "-t", "10", "--time", "x", "builder", "build", ".",
    "system", "prune", "-f", "--filter", "until=1h", "logs", "-n", "5", "--since", "é", "-é", "--mémoire", "",
    "stack", "--orchestrator", "checkpoint", "manifest", "bake", "events", "inspect", "--type", "context", "use",
];

fn line() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(WORDS).prop_map(str::to_string),
            1 => "[ -~]{0,8}",
            1 => "\\PC{0,4}",
        ],
        0..8,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parsing_never_panics(args in line()) {
        let env = Env::default();
        match parse(&args, &env) {
            Ok(inv) => { let _ = inv.path(); }
            Err(out) => prop_assert!(out.exit == 0 || !out.stderr().is_empty() || !out.stdout().is_empty()),
        }
    }

    #[test]
    fn dispatch_never_panics(args in line()) {
        let mut world = doca::engine::World::new();
        let env = Env::default();
        let mut ctx = doca::cli::ClientCtx { world: &mut world, env: &env, client: doca::engine::event::ClientId(0), files: &doca::cli::NoFiles };
        let _ = doca::cli::run(&args, &mut ctx);
    }

    #[test]
    fn templates_never_panic(src in "([{}.$|()\" a-zA-Z0-9:=,-]|\\{\\{|\\}\\}|range|if|end|else|with|json|index|printf){0,24}") {
        if let Ok(t) = Template::parse(&src) {
            let data = Record::new("*x.T")
                .field("ID", "abc")
                .field("List", Value::strings(&["a", "b"]))
                .field("N", 3i64)
                .method("Label", 1, |a| Ok(a[0].clone()))
                .into_value();
            let _ = t.execute(&data);
            let _ = context::write(&format!("table {src}"), &Record::header(&[("ID", "ID")]).into_value(), &[data]);
        }
    }

    #[test]
    fn value_parsers_never_panic(s in "\\PC{0,12}") {
        let _ = units::ram_in_bytes(&s);
        let _ = units::from_human_size(&s);
        let _ = gostr::parse_duration(&s);
        let _ = gostr::parse_int(&s, 64);
        let _ = gostr::parse_uint(&s, 16);
        let _ = gostr::parse_float(&s);
        let _ = reference::parse_normalized(&s);
        let _ = doca::cli::opts::parse_mount(&s);
        let _ = doca::cli::opts::parse_network(&s);
        let _ = doca::cli::values::parse_cpus(&s);
        let _ = tabwriter::align(&s);
    }
}
