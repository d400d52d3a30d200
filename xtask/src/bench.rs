//! `cargo xtask bench`: the size of the first load (HTML, CSS, JS, wasm; raw, gzip, brotli),
//! in total and for the first stage alone (what the first render needs), then, in headless
//! Chromium (tests/browser/bench.mjs), load times (median of 5 cold loads) and frame times
//! while a command animates with 50 containers on screen. Results go under the `"web"` key
//! of `target/bench.json`, keeping whatever other keys are there (engine benchmarks write
//! their own), with the targets they are measured against.
//!
//! Then the engine benchmarks (`cargo bench --bench engine`: one docker command in worlds of
//! 10, 100 and 1,000 containers), which write the `"engine"` key themselves.
//!
//! Invariant: this file only ever replaces the `"web"` key of `target/bench.json`.

use std::process::Command;

use serde_json::{Map, Value, json};

use crate::{dist, env, root, serve, sizes};

fn size_report(files: &[sizes::FileSize]) -> Value {
    let total = sizes::total(files);
    json!({
        "files": files.iter().map(|f| json!({"name": f.name, "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli}))
            .collect::<Vec<_>>(),
        "total": {"raw": total.raw, "gzip": total.gzip, "brotli": total.brotli},
    })
}

pub fn run() -> Result<(), String> {
    let site = dist::run()?;
    let files = sizes::measure(&site.first_load())?;
    let first_stage = sizes::measure(&site.first_stage)?;
    let mut web = json!({
        "targets": {"first_stage_gzip_max": 350 * 1024, "first_render_ms_max": 300, "frame_p95_ms_max": 16.7},
        "first_load": size_report(&files),
        "first_stage": size_report(&first_stage),
    });

    env::chromium()?;
    env::npm_tools()?;
    let port = serve::spawn(site.dir)?;
    let root = root();
    let out = Command::new("node")
        .arg(root.join("tests/browser/bench.mjs"))
        .env("DOCA_URL", format!("http://127.0.0.1:{port}/"))
        .current_dir(&root)
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    if !out.status.success() {
        return Err(format!("tests/browser/bench.mjs failed ({})", out.status));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let timing: Value = stdout
        .lines()
        .rev()
        .find_map(|l| serde_json::from_str(l).ok())
        .ok_or("tests/browser/bench.mjs printed no JSON")?;
    if let (Some(web), Some(timing)) = (web.as_object_mut(), timing.as_object()) {
        web.extend(timing.clone());
    }

    let path = root.join("target/bench.json");
    let mut all: Map<String, Value> = std::fs::read_to_string(&path)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    all.insert("web".into(), web);
    let text = serde_json::to_string_pretty(&Value::Object(all)).map_err(|e| e.to_string())? + "\n";
    std::fs::create_dir_all(root.join("target")).map_err(|e| e.to_string())?;
    std::fs::write(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("first stage (page and stylesheet):");
    print!("{}", sizes::table(&first_stage));
    println!("whole first load:");
    print!("{}", sizes::table(&files));
    println!("{text}");
    println!("xtask: written {}", path.display());
    println!("xtask: cargo bench --bench engine");
    env::run(env::cargo().args(["bench", "--bench", "engine"]))
}
