//! The fixed texts of nginx 1.27.5 (`-h` usage, `-V` configure arguments of the
//! nginx.org Debian package), its access-log line and the small configuration check the
//! simulation does (balanced braces, with nginx's `[emerg]` wording).
//!
//! Invariant: pure functions and constants.

use super::logtime;
use crate::engine::clock::Time;

/// `configure arguments:` of the nginx.org Debian package (pkg-oss `debian/rules`).
pub const CONFIGURE: &str = " --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/var/run/nginx.pid --lock-path=/var/run/nginx.lock --http-client-body-temp-path=/var/cache/nginx/client_temp --http-proxy-temp-path=/var/cache/nginx/proxy_temp --http-fastcgi-temp-path=/var/cache/nginx/fastcgi_temp --http-uwsgi-temp-path=/var/cache/nginx/uwsgi_temp --http-scgi-temp-path=/var/cache/nginx/scgi_temp --user=nginx --group=nginx --with-compat --with-file-aio --with-threads --with-http_addition_module --with-http_auth_request_module --with-http_dav_module --with-http_flv_module --with-http_gunzip_module --with-http_gzip_static_module --with-http_mp4_module --with-http_random_index_module --with-http_realip_module --with-http_secure_link_module --with-http_slice_module --with-http_ssl_module --with-http_stub_status_module --with-http_sub_module --with-http_v2_module --with-http_v3_module --with-mail --with-mail_ssl_module --with-stream --with-stream_realip_module --with-stream_ssl_module --with-stream_ssl_preread_module";

/// One line of the `main` access-log format of the image's `nginx.conf`
/// (`$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent
/// "$http_referer" "$http_user_agent" "$http_x_forwarded_for"`), for when the simulated
/// network delivers HTTP requests; empty values print as `-`.
pub fn access_log_line(remote: &str, at: Time, request: &str, status: u16, bytes: u64, referer: &str, agent: &str) -> String {
    let dash = |s: &str| if s.is_empty() { "-".to_string() } else { s.to_string() };
    format!(
        "{remote} - - [{}] \"{request}\" {status} {bytes} \"{}\" \"{}\" \"-\"\n",
        logtime::nginx_local(at),
        dash(referer),
        dash(agent)
    )
}

/// A minimal syntax check: braces must balance (`unexpected "}"`, `unexpected end of file`).
pub fn check_braces(text: &str, file: &str) -> Result<(), String> {
    let mut depth = 0i64;
    let mut last_line = 1;
    for (n, line) in text.lines().enumerate() {
        let code = line.split('#').next().unwrap_or("");
        for ch in code.chars() {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth < 0 {
                        return Err(format!("unexpected \"}}\" in {file}:{}", n + 1));
                    }
                }
                _ => {}
            }
        }
        last_line = n + 1;
    }
    if depth > 0 {
        return Err(format!("unexpected end of file, expecting \"}}\" in {file}:{last_line}"));
    }
    Ok(())
}

pub const HELP: &str = "Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]
             [-e filename] [-c filename] [-g directives]

Options:
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and configure options then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -s signal     : send signal to a master process: stop, quit, reopen, reload
  -p prefix     : set prefix path (default: /etc/nginx/)
  -e filename   : set error log file (default: /var/log/nginx/error.log)
  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)
  -g directives : set global directives out of configuration file

";
