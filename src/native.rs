//! The native twin: `doca` (an interactive REPL with the browser's shell) and
//! `doca script FILE [--json] [--events]` (runs a session on a fresh world).
//!
//! Invariant: the native twin only drives a [`Session`]; it adds no behaviour of its own
//! except reading real files for `--env-file` and `docker build` and printing.

use std::io::{BufRead, Write};

use crate::engine::clock::Span;
use crate::shell::{Outcome, Session, Stream};

/// How long a script lets a foreground process run (simulated) before it presses Ctrl+C.
const SCRIPT_FOREGROUND_LIMIT_SECS: u64 = 60;

/// Entry point of the native binary.
pub fn main() -> i32 {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None => repl(),
        Some("script") => {
            let mut file = None;
            let (mut json, mut events) = (false, false);
            for a in &args[1..] {
                match a.as_str() {
                    "--json" => json = true,
                    "--events" => events = true,
                    _ if file.is_none() => file = Some(a.clone()),
                    other => {
                        eprintln!("doca: argumento inesperado: {other}");
                        return 2;
                    }
                }
            }
            let Some(file) = file else {
                eprintln!("uso: doca script ARQUIVO [--json] [--events]");
                return 2;
            };
            match std::fs::read_to_string(&file) {
                Ok(text) => script(&text, json, events),
                Err(e) => {
                    eprintln!("doca: não foi possível ler {file}: {e}");
                    2
                }
            }
        }
        Some("-h") | Some("--help") | Some("help") => {
            println!("doca: simulador da arquitetura do Docker\n");
            println!("uso:");
            println!("  doca                                  terminal interativo");
            println!("  doca script ARQUIVO [--json] [--events]  executa cada linha do arquivo num mundo novo");
            0
        }
        Some(other) => {
            eprintln!("doca: comando desconhecido: {other} (veja doca --help)");
            2
        }
    }
}

/// Runs `line` and, if the terminal stays attached to a process that doesn't read input,
/// lets simulated time pass until it ends or the limit passes, then presses Ctrl+C.
pub fn run_line(session: &mut Session, line: &str) -> Outcome {
    let mut out = session.submit(line);
    let mut waited = 0;
    while let Some(a) = out.attached.as_ref().filter(|a| !a.stdin) {
        // A busy shell loop (no container) gets a few seconds, a foreground process a minute.
        let limit = if a.container.is_empty() { 3 } else { SCRIPT_FOREGROUND_LIMIT_SECS };
        if waited >= limit {
            let more = session.interrupt();
            merge(&mut out, more);
            break;
        }
        let more = session.tick(Span::secs(1));
        waited += 1;
        merge(&mut out, more);
    }
    out
}

/// Appends `more` (a continuation of the same command) to `out`.
fn merge(out: &mut Outcome, more: Outcome) {
    for c in more.output {
        out.write(c.stream, &c.text);
    }
    out.events.extend(more.events);
    out.notes.extend(more.notes);
    out.exit = more.exit;
    out.attached = more.attached;
}

/// A session whose `docker` reads real files from the working directory.
fn native_session() -> Session {
    let session = Session::new();
    match std::env::current_dir() {
        Ok(dir) => session.with_real_files(dir),
        Err(_) => session,
    }
}

fn script(text: &str, json: bool, events: bool) -> i32 {
    let mut session = native_session();
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    let mut last = 0;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let out = if trimmed == "^C" { session.interrupt() } else { run_line(&mut session, line) };
        last = out.exit;
        if json {
            let mut obj = serde_json::Map::new();
            obj.insert("command".into(), line.into());
            obj.insert("stdout".into(), out.stdout().into());
            obj.insert("stderr".into(), out.stderr().into());
            obj.insert("exit".into(), out.exit.into());
            if events {
                obj.insert("events".into(), serde_json::to_value(&out.events).unwrap_or_default());
            }
            let _ = writeln!(w, "{}", serde_json::Value::Object(obj));
        } else {
            let _ = write!(w, "{}", transcript(&session_prompt(), line, &out, events));
        }
    }
    let _ = w.flush();
    last
}

fn session_prompt() -> String {
    "$ ".to_string()
}

/// A readable transcript of one line: the prompt and line, the output (stderr lines marked
/// with `!`), the exit status when not zero, and optionally the events with narration.
pub fn transcript(prompt: &str, line: &str, out: &Outcome, events: bool) -> String {
    let mut s = format!("{prompt}{line}\n");
    for c in &out.output {
        for l in c.text.split_inclusive('\n') {
            match c.stream {
                Stream::Stdout => s.push_str(l),
                Stream::Stderr => {
                    s.push_str("! ");
                    s.push_str(l);
                }
            }
        }
        if !c.text.ends_with('\n') {
            s.push_str("⏎\n");
        }
    }
    if out.exit != 0 {
        s.push_str(&format!("[exit {}]\n", out.exit));
    }
    if events {
        for e in &out.events {
            s.push_str(&format!("  · {}\n", e.narration()));
        }
    }
    s
}

fn repl() -> i32 {
    let mut session = native_session();
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        let prompt = match session.attached_prompt() {
            Some(p) => p,
            None => session.prompt(),
        };
        print!("{prompt}");
        let _ = std::io::stdout().flush();
        let Some(Ok(line)) = lines.next() else {
            println!();
            return 0;
        };
        let out = run_line(&mut session, &line);
        if out.clear {
            print!("\x1b[2J\x1b[H");
        }
        for c in &out.output {
            match c.stream {
                Stream::Stdout => print!("{}", c.text),
                Stream::Stderr => eprint!("{}", c.text),
            }
        }
        for n in &out.notes {
            eprintln!("\x1b[2mℹ {n}\x1b[0m");
        }
        let _ = std::io::stdout().flush();
    }
}
