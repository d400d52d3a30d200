//! The nginx image's `/docker-entrypoint.sh` and its hooks in `/docker-entrypoint.d/`
//! (program `entrypoint:nginx`, dispatched on `argv[0]`). When the command is `nginx` or
//! `nginx-debug`, the entrypoint lists the hooks (`find … | sort -V`), sources `*.envsh`,
//! launches `*.sh`, logs each step on stdout, then `exec "$@"`; any other command is
//! exec'd at once (`docker run nginx cat /etc/os-release`).
//!
//! Texts: nginxinc/docker-nginx `mainline/debian/docker-entrypoint.sh`,
//! `10-listen-on-ipv6-by-default.sh`, `20-envsubst-on-templates.sh` (the hooks of 1.27.x).
//! `15-local-resolvers.envsh` and `30-tune-worker-processes.sh` print nothing unless their
//! variables are set. Hooks a learner adds are run as scripts.
//!
//! Invariant: the hook list is read once, hooks run in `sort -V` order, and the exec'd
//! command is started at most once.

use super::exec::{Child, Launch, exec};
use super::util::{self, Distro};
use crate::unix::fs::{Data, Kind};
use crate::unix::process::Signal;
use crate::unix::process::io::Io;
use crate::unix::programs::{Program, Step};
use crate::unix::sh::Dialect;

const HOOK_DIR: &str = "/docker-entrypoint.d/";
const DEFAULT_CONF: &str = "/etc/nginx/conf.d/default.conf";
/// Line of `exec "$@"` in `docker-entrypoint.sh` (dash reports it in its errors).
const EXEC_LINE: u32 = 47;

/// `/etc/nginx/conf.d/default.conf` as the nginx package installs it (what the checksum
/// of `10-listen-on-ipv6-by-default.sh` compares with).
pub const PACKAGED_DEFAULT_CONF: &str = "server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}
";

/// `entrypoint_log`: echoes unless `NGINX_ENTRYPOINT_QUIET_LOGS` is set.
fn log(io: &mut Io<'_>, msg: &str) {
    if io.getenv("NGINX_ENTRYPOINT_QUIET_LOGS").is_none_or(str::is_empty) {
        io.out(&format!("{msg}\n"));
    }
}

/// `10-listen-on-ipv6-by-default.sh` (the kernel of the simulated host has IPv6, so
/// `/proc/net/if_inet6` is taken to exist).
pub fn listen_on_ipv6(io: &mut Io<'_>) -> i32 {
    let me = "10-listen-on-ipv6-by-default.sh";
    if !util::exists(io, DEFAULT_CONF, Some(Kind::File)) {
        log(io, &format!("{me}: info: {DEFAULT_CONF} is not a file or does not exist"));
        return 0;
    }
    let now = io.now;
    let cred = io.cred;
    if io.fs().set_meta(DEFAULT_CONF, true, cred, &mut |m| m.mtime = now).is_err() {
        log(io, &format!("{me}: info: can not modify {DEFAULT_CONF} (read-only file system?)"));
        return 0;
    }
    let text = util::read_text(io, DEFAULT_CONF).unwrap_or_default();
    if text.contains("listen  [::]:80;") {
        log(io, &format!("{me}: info: IPv6 listen already enabled"));
        return 0;
    }
    if !util::exists(io, "/etc/os-release", None) {
        log(io, &format!("{me}: info: can not guess the operating system"));
        return 0;
    }
    log(io, &format!("{me}: info: Getting the checksum of {DEFAULT_CONF}"));
    match util::distro(io) {
        Distro::Debian | Distro::Alpine => {}
        _ => {
            log(io, &format!("{me}: info: Unsupported distribution"));
            return 0;
        }
    }
    if text != PACKAGED_DEFAULT_CONF {
        log(io, &format!("{me}: info: {DEFAULT_CONF} differs from the packaged version"));
        return 0;
    }
    let changed = text.replace("listen       80;", "listen       80;\n    listen  [::]:80;");
    util::write_file(io, DEFAULT_CONF, &changed, cred, false);
    log(io, &format!("{me}: info: Enabled listen on IPv6 in {DEFAULT_CONF}"));
    0
}

/// `envsubst "$defined_envs"`: replaces `$NAME` and `${NAME}` for variables that are set.
pub fn envsubst(text: &str, env: &[(String, String)]) -> String {
    let lookup = |name: &str| env.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '$' {
            let braced = chars.get(i + 1) == Some(&'{');
            let start = if braced { i + 2 } else { i + 1 };
            let mut end = start;
            while end < chars.len() && (chars[end].is_ascii_alphanumeric() || chars[end] == '_') {
                end += 1;
            }
            let valid = end > start && !chars[start].is_ascii_digit() && (!braced || chars.get(end) == Some(&'}'));
            if valid {
                let name: String = chars[start..end].iter().collect();
                if let Some(v) = lookup(&name) {
                    out.push_str(&v);
                    i = if braced { end + 1 } else { end };
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Regular files under `dir`, recursively (bounded depth), as full paths.
fn files_under(io: &mut Io<'_>, dir: &str, depth: u32, out: &mut Vec<String>) {
    if depth > 4 {
        return;
    }
    for name in util::list_dir(io, dir) {
        let p = format!("{}/{name}", dir.trim_end_matches('/'));
        if util::exists(io, &p, Some(Kind::Dir)) {
            files_under(io, &p, depth + 1, out);
        } else if util::exists(io, &p, Some(Kind::File)) {
            out.push(p);
        }
    }
}

/// `20-envsubst-on-templates.sh` (regular templates; stream templates are not modelled).
pub fn envsubst_on_templates(io: &mut Io<'_>) -> i32 {
    let me = "20-envsubst-on-templates.sh";
    let template_dir = io.getenv("NGINX_ENVSUBST_TEMPLATE_DIR").unwrap_or("/etc/nginx/templates").to_string();
    let suffix = io.getenv("NGINX_ENVSUBST_TEMPLATE_SUFFIX").unwrap_or(".template").to_string();
    let output_dir = io.getenv("NGINX_ENVSUBST_OUTPUT_DIR").unwrap_or("/etc/nginx/conf.d").to_string();
    if !util::exists(io, &template_dir, Some(Kind::Dir)) {
        return 0;
    }
    let mut templates = Vec::new();
    files_under(io, &template_dir, 0, &mut templates);
    let env = io.env.to_vec();
    for template in templates.into_iter().filter(|t| t.ends_with(&suffix)) {
        let relative = template.strip_prefix(&format!("{template_dir}/")).unwrap_or(&template).to_string();
        let output = format!("{output_dir}/{}", relative.strip_suffix(&suffix).unwrap_or(&relative));
        let sub = crate::unix::fs::path::parent(&crate::unix::fs::path::normalize("/", &output)).to_string();
        let cred = io.cred;
        util::mkdir_owned(io, &sub, cred, 0o755);
        log(io, &format!("{me}: Running envsubst on {template} to {output}"));
        let text = util::read_text(io, &template).unwrap_or_default();
        if !util::write_file(io, &output, &envsubst(&text, &env), cred, false) {
            io.err(&format!("{me}: line 54: can't create {output}: Read-only file system\n"));
            return 2;
        }
    }
    0
}

/// `sort -V` on hook paths: digit runs compare as numbers.
fn version_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(s: &str) -> Vec<(bool, String)> {
        let mut v: Vec<(bool, String)> = Vec::new();
        for c in s.chars() {
            let d = c.is_ascii_digit();
            match v.last_mut() {
                Some((k, t)) if *k == d => t.push(c),
                _ => v.push((d, c.to_string())),
            }
        }
        v
    }
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(cb.iter()) {
        let o = if x.0 && y.0 {
            let (nx, ny) = (x.1.trim_start_matches('0'), y.1.trim_start_matches('0'));
            nx.len().cmp(&ny.len()).then(nx.cmp(ny))
        } else {
            x.1.cmp(&y.1)
        };
        if o != std::cmp::Ordering::Equal {
            return o;
        }
    }
    ca.len().cmp(&cb.len())
}

#[derive(Clone, Debug)]
enum Phase {
    Start,
    /// A hook script a learner added, running until it exits.
    Hook { queue: Vec<String>, next: usize, child: Child },
}

/// `/docker-entrypoint.sh` and its hooks.
#[derive(Clone, Debug)]
pub struct Entrypoint {
    argv: Vec<String>,
    phase: Phase,
}

impl Entrypoint {
    pub fn new(argv: &[String]) -> Entrypoint {
        Entrypoint { argv: argv.to_vec(), phase: Phase::Start }
    }

    fn script(&self) -> String {
        self.argv.first().cloned().unwrap_or_else(|| "/docker-entrypoint.sh".into())
    }

    fn exec(&mut self, io: &mut Io<'_>) -> Step {
        let args = self.argv[1..].to_vec();
        let dialect = if util::distro(io) == Distro::Alpine { Dialect::Ash } else { Dialect::Dash };
        let env = io.env.to_vec();
        exec(io, args, env, &self.script(), EXEC_LINE, dialect)
    }

    /// Runs hooks from `next` on; returns when one must be waited for, or all are done.
    fn run_hooks(&mut self, io: &mut Io<'_>, queue: Vec<String>, mut next: usize) -> Step {
        let me = self.script();
        while next < queue.len() {
            let f = queue[next].clone();
            next += 1;
            let exec = io.fs().stat(&f).map(|s| s.meta.mode & 0o111 != 0).unwrap_or(false);
            let program = match io.fs().read(&f, crate::unix::fs::Cred::ROOT) {
                Ok(Data::Program(p)) => Some(p),
                _ => None,
            };
            let name = f.rsplit('/').next().unwrap_or(&f).to_string();
            if f.ends_with(".envsh") || f.ends_with(".sh") {
                if !exec {
                    log(io, &format!("{me}: Ignoring {f}, not executable"));
                    continue;
                }
                let sourced = f.ends_with(".envsh");
                log(io, &format!("{me}: {} {f}", if sourced { "Sourcing" } else { "Launching" }));
                if program.as_deref() == Some("entrypoint:nginx") {
                    let code = run_hook(io, &name);
                    if code != 0 {
                        return Step::Exit(code);
                    }
                    continue;
                }
                match Child::spawn(io, std::slice::from_ref(&f), Launch::default()) {
                    Ok(child) => {
                        self.phase = Phase::Hook { queue, next, child };
                        return Step::Yield;
                    }
                    Err(_) => return Step::Exit(127),
                }
            }
            log(io, &format!("{me}: Ignoring {f}"));
        }
        log(io, &format!("{me}: Configuration complete; ready for start up"));
        self.exec(io)
    }
}

/// Runs one of the image's own hooks by name; its exit status.
fn run_hook(io: &mut Io<'_>, name: &str) -> i32 {
    match name {
        "10-listen-on-ipv6-by-default.sh" => listen_on_ipv6(io),
        "20-envsubst-on-templates.sh" => envsubst_on_templates(io),
        _ => 0,
    }
}

impl Program for Entrypoint {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        match std::mem::replace(&mut self.phase, Phase::Start) {
            Phase::Start => {
                let me = self.script();
                let base = util::base(&self.argv).to_string();
                if base != "docker-entrypoint.sh" {
                    return Step::Exit(run_hook(io, &base));
                }
                let cmd = self.argv.get(1).map(String::as_str).unwrap_or("");
                if cmd != "nginx" && cmd != "nginx-debug" {
                    return self.exec(io);
                }
                let top_level_file = util::list_dir(io, HOOK_DIR)
                    .iter()
                    .any(|n| util::exists(io, &format!("{HOOK_DIR}{n}"), Some(Kind::File)));
                if !top_level_file {
                    log(io, &format!("{me}: No files found in {HOOK_DIR}, skipping configuration"));
                    return self.exec(io);
                }
                log(io, &format!("{me}: {HOOK_DIR} is not empty, will attempt to perform configuration"));
                log(io, &format!("{me}: Looking for shell scripts in {HOOK_DIR}"));
                let mut queue = Vec::new();
                files_under(io, HOOK_DIR, 0, &mut queue);
                queue.sort_by(|a, b| version_cmp(a, b));
                self.run_hooks(io, queue, 0)
            }
            Phase::Hook { queue, next, mut child } => match child.step(io) {
                Step::Exit(0) => self.run_hooks(io, queue, next),
                Step::Exit(c) => Step::Exit(c),
                other => {
                    self.phase = Phase::Hook { queue, next, child };
                    other
                }
            },
        }
    }

    fn signal(&mut self, sig: Signal, io: &mut Io<'_>) -> Option<Step> {
        match &mut self.phase {
            Phase::Hook { child, .. } => child.signal(sig, io),
            _ => None,
        }
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envsubst_replaces_defined_variables_only() {
        let env = vec![("HOST".to_string(), "example.com".to_string()), ("PORT".to_string(), "8080".to_string())];
        assert_eq!(envsubst("server_name ${HOST}; listen $PORT; $uri ${X}", &env), "server_name example.com; listen 8080; $uri ${X}");
    }

    #[test]
    fn version_sort_orders_numbers_numerically() {
        let mut v = vec!["/d/30-b.sh", "/d/100-z.sh", "/d/15-a.envsh", "/d/10-x.sh"];
        v.sort_by(|a, b| version_cmp(a, b));
        assert_eq!(v, ["/d/10-x.sh", "/d/15-a.envsh", "/d/30-b.sh", "/d/100-z.sh"]);
    }
}
