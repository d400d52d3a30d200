//! The server side of simulated traffic: which of a container's programs listen on which
//! port (nginx, Apache httpd, Redis), and how each answers a request, reading the
//! container's own files (nginx serves its `root`, including a bind mount or volume
//! mounted there; Redis answers from its dataset). nginx also logs the request the way
//! its image does (access log on stdout, errors on stderr).
//!
//! Texts: nginx 1.27.5 (`ngx_http_special_response.c`, `ngx_http_header_filter_module.c`),
//! Apache 2.4.63 error documents.
//!
//! Invariant: serving reads the container's files and only writes what the server itself
//! would (Redis's dataset); no input panics.

use crate::engine::clock::Time;
use crate::unix::fs::{Cred, Data, Fs, Kind, path};
use crate::unix::net::{HttpRequest, HttpResponse, NetError, Payload, Reply};
use crate::unix::process::{ProcInfo, Stream};
use crate::unix::programs::image::{keyspace, logtime, nginx, redis_cli};

/// A program that answers on a port.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Service {
    Nginx { root: String },
    Httpd { root: String },
    Redis { port: u32 },
}

fn read_text(fs: &dyn Fs, p: &str) -> Option<String> {
    fs.read(p, Cred::ROOT).ok().map(|d| String::from_utf8_lossy(&d.bytes()).into_owned())
}

/// `listen` ports and the `root` of nginx's `conf.d` servers (default: 80 and the
/// image's html directory).
fn nginx_sites(fs: &dyn Fs) -> Vec<(u16, String)> {
    let mut out = Vec::new();
    for name in fs.readdir("/etc/nginx/conf.d", Cred::ROOT).unwrap_or_default() {
        if !name.ends_with(".conf") {
            continue;
        }
        let text = read_text(fs, &format!("/etc/nginx/conf.d/{name}")).unwrap_or_default();
        let mut ports = Vec::new();
        let mut root = String::new();
        for line in text.lines() {
            let code = line.split('#').next().unwrap_or("").trim();
            let mut words = code.trim_end_matches(';').split_whitespace();
            match words.next() {
                Some("listen") => {
                    let arg = words.next().unwrap_or("");
                    let port = arg.rsplit(':').next().unwrap_or(arg);
                    if let Ok(p) = port.parse::<u16>()
                        && !arg.starts_with('[')
                    {
                        ports.push(p);
                    }
                }
                Some("root") if root.is_empty() => root = words.next().unwrap_or("").to_string(),
                _ => {}
            }
        }
        if root.is_empty() {
            root = "/usr/share/nginx/html".into();
        }
        for p in ports {
            out.push((p, root.clone()));
        }
    }
    if out.is_empty() {
        out.push((80, "/usr/share/nginx/html".into()));
    }
    out
}

/// `Listen` and `DocumentRoot` of Apache's main configuration.
fn httpd_site(fs: &dyn Fs) -> (u16, String) {
    let text = read_text(fs, "/usr/local/apache2/conf/httpd.conf").unwrap_or_default();
    let mut port = 80;
    let mut root = "/usr/local/apache2/htdocs".to_string();
    for line in text.lines().map(str::trim) {
        if let Some(p) = line.strip_prefix("Listen ") {
            port = p.rsplit(':').next().and_then(|x| x.trim().parse().ok()).unwrap_or(port);
        } else if let Some(r) = line.strip_prefix("DocumentRoot ") {
            root = r.trim().trim_matches('"').to_string();
        }
    }
    (port, root)
}

/// What listens where, from the container's running processes.
pub fn listeners(processes: &[ProcInfo], fs: &dyn Fs) -> Vec<(u16, Service)> {
    let mut out = Vec::new();
    let has = |needle: &str| processes.iter().any(|p| p.command.split_whitespace().next().is_some_and(|a0| a0.rsplit('/').next() == Some(needle) || a0.starts_with(&format!("{needle}:"))));
    if has("nginx") {
        for (port, root) in nginx_sites(fs) {
            out.push((port, Service::Nginx { root }));
        }
    }
    if has("httpd") {
        let (port, root) = httpd_site(fs);
        out.push((port, Service::Httpd { root }));
    }
    for p in processes.iter().filter(|p| p.command.split_whitespace().next().is_some_and(|a0| a0.ends_with("redis-server"))) {
        let mut port = 6379u32;
        let words: Vec<&str> = p.command.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            if let Some(rest) = w.strip_prefix("*:") {
                port = rest.parse().unwrap_or(port);
            } else if *w == "--port" {
                port = words.get(i + 1).and_then(|x| x.parse().ok()).unwrap_or(port);
            }
        }
        out.push((port as u16, Service::Redis { port }));
    }
    out
}

/// A log line the server wrote while answering.
pub type LogLine = (Stream, String);

/// `Content-Type` by file extension (nginx's `mime.types`, the common ones).
fn mime(p: &str) -> &'static str {
    match p.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).as_deref() {
        Some("html" | "htm" | "shtml") => "text/html",
        Some("css") => "text/css",
        Some("js") => "application/javascript",
        Some("json") => "application/json",
        Some("txt") => "text/plain",
        Some("xml") => "text/xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("svg" | "svgz") => "image/svg+xml",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// `Tue, 15 Apr 2025 13:19:11 GMT`.
pub fn http_date(t: Time) -> String {
    let c = t.civil();
    format!("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", c.weekday_abbrev(), c.day, c.month_abbrev(), c.year, c.hour, c.minute, c.second)
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Not Allowed",
        _ => "Internal Server Error",
    }
}

/// nginx's error page (CRLF line ends, as `ngx_http_special_response.c` writes it).
fn nginx_error_page(status: u16) -> String {
    let title = format!("{status} {}", reason(status));
    format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx/{}</center>\r\n</body>\r\n</html>\r\n",
        nginx::VERSION
    )
}

/// Resolves a request path under `root`: the file to send, or the status.
fn locate(fs: &dyn Fs, root: &str, req_path: &str, index: &[&str]) -> Result<(String, Option<String>), u16> {
    let raw = req_path.split(['?', '#']).next().unwrap_or("/");
    if !raw.starts_with('/') {
        return Err(400);
    }
    let clean = path::normalize("/", raw);
    let full = if clean == "/" { root.to_string() } else { format!("{}{clean}", root.trim_end_matches('/')) };
    match fs.stat(&full) {
        Ok(st) if st.kind == Kind::Dir => {
            if !raw.ends_with('/') {
                return Ok((String::new(), Some(format!("{clean}/"))));
            }
            for i in index {
                let f = format!("{}/{i}", full.trim_end_matches('/'));
                if fs.stat(&f).is_ok_and(|s| s.kind == Kind::File) {
                    return Ok((f, None));
                }
            }
            Err(403)
        }
        Ok(_) => Ok((full, None)),
        Err(crate::unix::fs::Errno::EACCES) => Err(403),
        Err(_) => Err(404),
    }
}

/// A file the server's worker (`uid`) may read.
fn readable(fs: &dyn Fs, p: &str, uid: u32) -> Option<Data> {
    fs.read(p, Cred { uid, gid: uid }).ok()
}

/// Answers an HTTP request as nginx (`httpd`: as Apache) would, with its log lines.
fn http(service: &Service, fs: &dyn Fs, now: Time, remote: &str, req: &HttpRequest, conn: u32) -> (HttpResponse, Vec<LogLine>) {
    let (root, is_nginx) = match service {
        Service::Nginx { root } => (root.as_str(), true),
        Service::Httpd { root } => (root.as_str(), false),
        Service::Redis { .. } => ("/", true),
    };
    let server = if is_nginx { format!("nginx/{}", nginx::VERSION) } else { "Apache/2.4.63 (Unix)".to_string() };
    let mut logs = Vec::new();
    let worker_uid = if is_nginx { 101 } else { 33 };
    let mut resp = HttpResponse { status: 200, reason: "OK".into(), headers: Vec::new(), body: String::new() };
    let result = if !matches!(req.method.as_str(), "GET" | "HEAD") {
        Err(405)
    } else {
        locate(fs, root, &req.path, &["index.html", "index.htm"])
    };
    let mut last_modified = None;
    match result {
        Ok((_, Some(location))) => {
            resp.status = 301;
            let host = req.host.clone();
            resp.headers.push(("Location".into(), format!("http://{host}{location}")));
            resp.body = if is_nginx { nginx_error_page(301) } else { String::new() };
        }
        Ok((file, None)) => match readable(fs, &file, worker_uid) {
            Some(data) => {
                resp.body = String::from_utf8_lossy(&data.bytes()).into_owned();
                last_modified = fs.stat(&file).ok().map(|s| s.meta.mtime);
                resp.headers.push(("Content-Type".into(), mime(&file).into()));
            }
            None => {
                resp.status = 403;
                if is_nginx {
                    logs.push((Stream::Stderr, format!("{} [error] 29#29: *{conn} open() \"{file}\" failed (13: Permission denied), client: {remote}, server: localhost, request: \"{} {} HTTP/1.1\", host: \"{}\"\n", logtime::nginx(now), req.method, req.path, req.host)));
                }
            }
        },
        Err(status) => {
            resp.status = status;
            if is_nginx && status == 404 {
                let clean = path::normalize("/", req.path.split('?').next().unwrap_or("/"));
                let file = format!("{}{clean}", root.trim_end_matches('/'));
                logs.push((Stream::Stderr, format!("{} [error] 29#29: *{conn} open() \"{file}\" failed (2: No such file or directory), client: {remote}, server: localhost, request: \"{} {} HTTP/1.1\", host: \"{}\"\n", logtime::nginx(now), req.method, req.path, req.host)));
            }
        }
    }
    resp.reason = reason(resp.status).to_string();
    if resp.status >= 400 {
        resp.body = if is_nginx {
            nginx_error_page(resp.status)
        } else {
            format!("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>{} {}</title>\n</head><body>\n<h1>{}</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n", resp.status, resp.reason, resp.reason)
        };
        resp.headers.push(("Content-Type".into(), "text/html".into()));
    }
    let mut headers = vec![("Server".to_string(), server), ("Date".to_string(), http_date(now))];
    let ctype = resp.headers.iter().find(|(k, _)| k == "Content-Type").map(|(_, v)| v.clone());
    if let Some(ct) = ctype {
        headers.push(("Content-Type".into(), ct));
    }
    headers.push(("Content-Length".into(), resp.body.len().to_string()));
    if let Some(t) = last_modified {
        headers.push(("Last-Modified".into(), http_date(t)));
    }
    if let Some((_, loc)) = resp.headers.iter().find(|(k, _)| k == "Location") {
        headers.push(("Location".into(), loc.clone()));
    }
    headers.push(("Connection".into(), "keep-alive".into()));
    if let Some(t) = last_modified {
        headers.push(("ETag".into(), format!("\"{:x}-{:x}\"", t.unix_secs(), resp.body.len())));
        headers.push(("Accept-Ranges".into(), "bytes".into()));
    }
    resp.headers = headers;
    let sent = if req.method == "HEAD" { 0 } else { resp.body.len() };
    if req.method == "HEAD" {
        resp.body.clear();
    }
    if is_nginx {
        let request = format!("{} {} HTTP/1.1", req.method, req.path);
        logs.push((Stream::Stdout, nginx::access_log_line(remote, now, &request, resp.status, sent as u64, "", &req.user_agent)));
    } else {
        let c = now.civil();
        logs.push((
            Stream::Stdout,
            format!(
                "{remote} - - [{:02}/{}/{:04}:{:02}:{:02}:{:02} +0000] \"{} {} HTTP/1.1\" {} {}\n",
                c.day,
                c.month_abbrev(),
                c.year,
                c.hour,
                c.minute,
                c.second,
                req.method,
                req.path,
                resp.status,
                if sent == 0 { "-".to_string() } else { sent.to_string() }
            ),
        ));
    }
    (resp, logs)
}

/// Runs one Redis command against the dataset of the server on `port`.
fn redis(fs: &mut dyn Fs, now: Time, port: u32, args: &[String], password: Option<&str>) -> Result<Reply, NetError> {
    let p = keyspace::memory_path(port);
    let text = read_text(fs, &p).ok_or(NetError::Refused)?;
    let mut mem = serde_json::from_str::<keyspace::Memory>(&text).map_err(|_| NetError::Refused)?;
    let cmd = args.first().map(|a| a.to_ascii_uppercase()).unwrap_or_default();
    let reply = if mem.requirepass.is_some() && cmd != "AUTH" && mem.requirepass.as_deref() != password {
        keyspace::Reply::Error("NOAUTH Authentication required.".into())
    } else if cmd == "AUTH" {
        match (&mem.requirepass, args.get(1)) {
            (Some(want), Some(given)) if want == given => keyspace::Reply::Status("OK".into()),
            (None, _) => keyspace::Reply::Error("ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?".into()),
            _ => keyspace::Reply::Error("WRONGPASS invalid username-password pair or user is disabled.".into()),
        }
    } else {
        let (r, changed) = keyspace::execute(&mut mem, args, now.0 / 1_000_000);
        if changed {
            let text = serde_json::to_string(&mem).unwrap_or_default();
            let _ = fs.write(&p, text.as_bytes(), false, Cred::ROOT, now);
        }
        r
    };
    Ok(Reply::Redis { tty: redis_cli::format_tty(&reply, ""), raw: redis_cli::format_raw(&reply) })
}

/// Answers `payload` on `service`: the reply and the lines the server logged. `conn` is
/// the server's connection counter (nginx's `*N`).
pub fn serve(service: &Service, fs: &mut dyn Fs, now: Time, remote: &str, payload: &Payload, conn: u32) -> Result<(Reply, Vec<LogLine>), NetError> {
    match (service, payload) {
        (Service::Redis { port }, Payload::Redis { args, password }) => Ok((redis(fs, now, *port, args, password.as_deref())?, Vec::new())),
        (Service::Redis { .. }, Payload::Http(_)) => Ok((Reply::Raw(String::new()), Vec::new())),
        (Service::Redis { .. }, Payload::Raw(text)) => {
            let reply = if text.trim().is_empty() { String::new() } else { "-ERR unknown command\r\n".to_string() };
            Ok((Reply::Raw(reply), Vec::new()))
        }
        (_, Payload::Http(req)) => {
            let (resp, logs) = http(service, fs, now, remote, req, conn);
            Ok((Reply::Http(resp), logs))
        }
        (_, Payload::Raw(_)) | (_, Payload::Redis { .. }) => {
            let body = nginx_error_page(400);
            let head = format!(
                "HTTP/1.1 400 Bad Request\r\nServer: nginx/{}\r\nDate: {}\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                nginx::VERSION,
                http_date(now),
                body.len()
            );
            Ok((Reply::Raw(format!("{head}{body}")), Vec::new()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unix::fs::{Layer, UnionFs};

    fn site() -> Layer {
        let mut l = Layer::new();
        l.file("/usr/share/nginx/html/index.html", "<h1>oi</h1>\n", Time(0))
            .file("/etc/nginx/conf.d/default.conf", "server {\n    listen       80;\n    location / {\n        root   /usr/share/nginx/html;\n    }\n}\n", Time(0));
        l
    }

    fn get(path: &str) -> (HttpResponse, Vec<LogLine>) {
        let base = site();
        let lowers = [&base];
        let mut up = Layer::new();
        let mut fs = UnionFs::new(&lowers, &mut up);
        let svc = Service::Nginx { root: "/usr/share/nginx/html".into() };
        let req = HttpRequest { method: "GET".into(), path: path.into(), host: "localhost".into(), user_agent: "curl/8.5.0".into() };
        match serve(&svc, &mut fs, Time::START, "172.17.0.1", &Payload::Http(req), 1).unwrap() {
            (Reply::Http(r), logs) => (r, logs),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nginx_serves_index_and_logs_the_request() {
        let (r, logs) = get("/");
        assert_eq!((r.status, r.body.as_str()), (200, "<h1>oi</h1>\n"));
        assert_eq!(r.header("Content-Length"), Some("12"));
        assert!(logs[0].1.starts_with("172.17.0.1 - - ["));
        assert!(logs[0].1.ends_with("\"GET / HTTP/1.1\" 200 12 \"-\" \"curl/8.5.0\" \"-\"\n"));
    }

    #[test]
    fn missing_files_are_404_with_an_error_log_line() {
        let (r, logs) = get("/nada.html");
        assert_eq!(r.status, 404);
        assert!(r.body.contains("<center><h1>404 Not Found</h1></center>\r\n"));
        assert!(logs.iter().any(|(s, l)| *s == Stream::Stderr && l.contains("open() \"/usr/share/nginx/html/nada.html\" failed")));
    }

    #[test]
    fn listeners_come_from_processes_and_config() {
        let base = site();
        let lowers = [&base];
        let mut up = Layer::new();
        let fs = UnionFs::new(&lowers, &mut up);
        let procs = vec![ProcInfo { pid: 1, user: "root".into(), command: "nginx -g daemon off;".into() }];
        assert_eq!(listeners(&procs, &fs), vec![(80, Service::Nginx { root: "/usr/share/nginx/html".into() })]);
        let procs = vec![ProcInfo { pid: 1, user: "root".into(), command: "redis-server *:6379".into() }];
        assert_eq!(listeners(&procs, &fs), vec![(6379, Service::Redis { port: 6379 })]);
    }
}
