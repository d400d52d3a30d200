//! A small static file server for `dist/` on 127.0.0.1 (std only): GET and HEAD, correct
//! MIME types (`application/wasm`), `index.html` never cached and content-hashed files
//! cached for good, one thread per connection.
//!
//! Invariant: only files inside the served directory are ever read (no `..`, no absolute
//! paths), and the server only listens on the loopback address.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use crate::dist;

/// `cargo xtask serve`: build, then serve until interrupted.
pub fn run(port: Option<u16>) -> Result<(), String> {
    let site = dist::run()?;
    let listener = bind(port)?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    println!("xtask: serving {} (Ctrl+C to stop)", site.dir.display());
    println!("http://127.0.0.1:{port}/");
    serve(listener, site.dir);
    Ok(())
}

/// Binds the requested port, or 8080 and the next ports up to 8099, or any free one.
pub fn bind(port: Option<u16>) -> Result<TcpListener, String> {
    if let Some(port) = port {
        return TcpListener::bind((Ipv4Addr::LOCALHOST, port)).map_err(|e| format!("cannot listen on port {port}: {e}"));
    }
    (8080..8100)
        .chain(std::iter::once(0))
        .find_map(|p| TcpListener::bind((Ipv4Addr::LOCALHOST, p)).ok())
        .ok_or_else(|| "no free port on 127.0.0.1".to_string())
}

/// Starts serving `dir` in a background thread on a free port; returns the port.
pub fn spawn(dir: PathBuf) -> Result<u16, String> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    thread::spawn(move || serve(listener, dir));
    Ok(port)
}

fn serve(listener: TcpListener, dir: PathBuf) {
    for stream in listener.incoming().flatten() {
        let dir = dir.clone();
        thread::spawn(move || {
            let _ = handle(stream, &dir);
        });
    }
}

/// The MIME type for a file name.
pub fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether a file name carries a content hash (`doca-0123456789.js`).
fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("").trim_end_matches("_bg");
    stem.rsplit_once('-').is_some_and(|(_, h)| h.len() == 10 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Maps a request path to a file under `dir`, or `None` if it leaves it.
pub fn resolve(dir: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut out = dir.to_path_buf();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains('\\') || p.contains('\0') => return None,
            p => out.push(p),
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    Some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn handle(stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // Skip the headers (bounded).
    for _ in 0..100 {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let mut out = stream;
    if method != "GET" && method != "HEAD" {
        return respond(&mut out, "405 Method Not Allowed", "text/plain", "no-store", b"method not allowed\n", true);
    }
    let file = resolve(dir, target).filter(|p| p.is_file());
    let Some(file) = file else {
        return respond(&mut out, "404 Not Found", "text/plain", "no-store", b"not found\n", method == "GET");
    };
    let body = fs::read(&file)?;
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let cache = if is_hashed(name) { "public, max-age=31536000, immutable" } else { "no-cache" };
    respond(&mut out, "200 OK", mime(&file), cache, &body, method == "GET")
}

fn respond(out: &mut TcpStream, status: &str, mime: &str, cache: &str, body: &[u8], with_body: bool) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: {cache}\r\n\
         X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    out.write_all(head.as_bytes())?;
    if with_body {
        out.write_all(body)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn mime_types() {
        assert_eq!(mime(Path::new("a_bg.wasm")), "application/wasm");
        assert_eq!(mime(Path::new("x.js")), "text/javascript; charset=utf-8");
        assert_eq!(mime(Path::new("index.html")), "text/html; charset=utf-8");
    }

    #[test]
    fn hashed_names() {
        assert!(is_hashed("doca-0123456789_bg.wasm"));
        assert!(is_hashed("style-abcdef0123.css"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("doca-xyz.js"));
    }

    #[test]
    fn paths_never_leave_the_directory() {
        let dir = Path::new("/srv/site");
        assert_eq!(resolve(dir, "/a%20b.js?x=1"), Some(PathBuf::from("/srv/site/a b.js")));
        assert_eq!(resolve(dir, "/../etc/passwd"), None);
        assert_eq!(resolve(dir, "/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(dir, "/a%zz"), None);
    }

    #[test]
    fn serves_files_with_types_and_404s() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("index.html"), "<p>oi</p>").unwrap();
        fs::write(dir.join("doca-0123456789_bg.wasm"), [0, 97, 115, 109]).unwrap();
        let port = spawn(dir.clone()).unwrap();
        let get = |path: &str| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
            let mut text = String::new();
            s.read_to_string(&mut text).unwrap();
            text
        };
        let index = get("/");
        assert!(index.starts_with("HTTP/1.1 200 OK"));
        assert!(index.contains("Cache-Control: no-cache"));
        assert!(index.ends_with("<p>oi</p>"));
        let wasm = get("/doca-0123456789_bg.wasm");
        assert!(wasm.contains("Content-Type: application/wasm"));
        assert!(wasm.contains("immutable"));
        assert!(get("/missing.js").starts_with("HTTP/1.1 404"));
        let _ = fs::remove_dir_all(&dir);
    }
}
