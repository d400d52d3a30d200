//! Engine benchmarks (`cargo bench --bench engine`, also run by `cargo xtask bench`): the
//! median time of one docker command (client + daemon, no shell) in a world holding 10, 100
//! and 1,000 containers. Results are printed and written under the `"engine"` key of
//! `target/bench.json`, keeping the other keys.
//!
//! For a profiler: `DOCA_BENCH_ONLY="run -d"` keeps the rows whose label starts so,
//! `DOCA_BENCH_REPEAT=20` runs each measurement twenty times as often and
//! `DOCA_BENCH_SIZES=100` measures only in that world (the others print 0).
//!
//! Targets (issue): a typical command under 50 µs at 100 containers; `ps -a` under 2 ms at
//! 1,000.

use std::time::Instant;

use doca::cli::{ClientCtx, Env, NoFiles};
use doca::engine::World;
use doca::engine::event::ClientId;
use serde_json::{Map, Value, json};

fn docker(world: &mut World, env: &Env, line: &str) -> i32 {
    let args: Vec<String> = line.split_whitespace().map(str::to_string).collect();
    let mut ctx = ClientCtx { world, env, client: ClientId(0), files: &NoFiles };
    let out = doca::cli::run(&args[1..], &mut ctx);
    world.take_events();
    out.exit
}

/// A world with `n` containers from alpine, half of them running.
fn world_with(n: usize, env: &Env) -> World {
    let mut w = World::new();
    docker(&mut w, env, "docker pull alpine");
    docker(&mut w, env, "docker pull busybox");
    for i in 0..n {
        if i % 2 == 0 {
            docker(&mut w, env, &format!("docker run -d --name c{i} alpine sleep 100000"));
        } else {
            docker(&mut w, env, &format!("docker create --name c{i} alpine true"));
        }
    }
    w
}

/// Median microseconds of `f` over `runs` runs (after one warm-up).
fn median_us(runs: usize, mut f: impl FnMut(usize)) -> f64 {
    f(usize::MAX);
    let mut times: Vec<f64> = (0..runs)
        .map(|i| {
            let t = Instant::now();
            f(i);
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    times[times.len() / 2]
}

fn main() {
    // `cargo test --all-targets` runs this too (unoptimized, without `--bench`): one small
    // world proves it still works; the measurements are for `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        let env = Env::default();
        let mut w = world_with(3, &env);
        assert_eq!(docker(&mut w, &env, "docker ps -a"), 0);
        return;
    }
    let env = Env::default();
    let mut results = Map::new();
    println!("{:<24}{:>12}{:>12}{:>12}", "command (median µs)", "10", "100", "1000");
    let mut rows: Vec<(&str, Vec<f64>)> = Vec::new();
    let only = std::env::var("DOCA_BENCH_ONLY").unwrap_or_default();
    let sizes: Vec<usize> = std::env::var("DOCA_BENCH_SIZES").unwrap_or_default().split(',').filter_map(|n| n.trim().parse().ok()).collect();
    let repeat: usize = std::env::var("DOCA_BENCH_REPEAT").ok().and_then(|r| r.parse().ok()).unwrap_or(1).max(1);
    for (label, cmd) in [("run -d", "run"), ("ps", "ps"), ("ps -a", "ps -a"), ("rmi", "rmi"), ("inspect", "inspect")] {
        if !only.is_empty() && label != only {
            continue;
        }
        let mut per_size = Vec::new();
        for n in [10usize, 100, 1000] {
            if !sizes.is_empty() && !sizes.contains(&n) {
                per_size.push(0.0);
                continue;
            }
            let base = world_with(n, &env);
            let runs = if n >= 1000 { 15 } else { 41 } * repeat;
            let us = match cmd {
                "run" => {
                    let mut w = base.clone();
                    median_us(runs, |i| {
                        docker(&mut w, &env, &format!("docker run -d --name bench{i} busybox sleep 1000"));
                    })
                }
                "rmi" => {
                    let mut w = base.clone();
                    for i in 0..=runs {
                        docker(&mut w, &env, &format!("docker tag busybox t{i}"));
                    }
                    docker(&mut w, &env, &format!("docker tag busybox t{}", usize::MAX));
                    median_us(runs, |i| {
                        docker(&mut w, &env, &format!("docker rmi t{i}"));
                    })
                }
                "inspect" => {
                    let mut w = base.clone();
                    median_us(runs, |_| {
                        docker(&mut w, &env, "docker inspect c0");
                    })
                }
                other => {
                    let mut w = base.clone();
                    let line = format!("docker {other}");
                    median_us(runs, |_| {
                        docker(&mut w, &env, &line);
                    })
                }
            };
            results.insert(format!("{label} @{n}"), json!((us * 10.0).round() / 10.0));
            per_size.push(us);
        }
        rows.push((label, per_size));
    }
    for (label, v) in &rows {
        println!("{:<24}{:>12.1}{:>12.1}{:>12.1}", label, v[0], v[1], v[2]);
    }
    if !only.is_empty() || !sizes.is_empty() {
        return;
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench.json");
    let mut all: Map<String, Value> =
        std::fs::read_to_string(&path).ok().and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default();
    let mut engine = Map::new();
    engine.insert("unit".into(), json!("median microseconds per docker command (client + daemon), native"));
    engine.insert("results".into(), Value::Object(results));
    all.insert("engine".into(), Value::Object(engine));
    let _ = std::fs::create_dir_all(path.parent().expect("target dir"));
    let text = serde_json::to_string_pretty(&Value::Object(all)).unwrap_or_default() + "\n";
    if let Err(e) = std::fs::write(&path, text) {
        eprintln!("bench: cannot write {}: {e}", path.display());
    }
}
