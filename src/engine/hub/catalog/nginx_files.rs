//! The files the nginx packages install, the same on Debian and Alpine: the binary, the
//! default configuration and the welcome pages (texts of nginx 1.27.5's packages; the
//! image's `default.conf` has no IPv6 `listen` line until `10-listen-on-ipv6-by-default.sh`
//! adds it when a container starts).
//!
//! Invariant: paths are absolute and normalized.

use crate::engine::hub::spec::FileSpec::{self, *};

/// What the nginx packages install.
pub const NGINX_FILES: &[FileSpec] = &[
    Exe("/usr/sbin/nginx", "nginx"),
    Exe("/usr/sbin/nginx-debug", "nginx"),
    Dir("/etc/nginx"),
    Dir("/etc/nginx/conf.d"),
    File(
        "/etc/nginx/nginx.conf",
        "\
\n\
user  nginx;\n\
worker_processes  auto;\n\
\n\
error_log  /var/log/nginx/error.log notice;\n\
pid        /var/run/nginx.pid;\n\
\n\
\n\
events {\n\
\x20   worker_connections  1024;\n\
}\n\
\n\
\n\
http {\n\
\x20   include       /etc/nginx/mime.types;\n\
\x20   default_type  application/octet-stream;\n\
\n\
\x20   log_format  main  '$remote_addr - $remote_user [$time_local] \"$request\" '\n\
\x20                     '$status $body_bytes_sent \"$http_referer\" '\n\
\x20                     '\"$http_user_agent\" \"$http_x_forwarded_for\"';\n\
\n\
\x20   access_log  /var/log/nginx/access.log  main;\n\
\n\
\x20   sendfile        on;\n\
\x20   #tcp_nopush     on;\n\
\n\
\x20   keepalive_timeout  65;\n\
\n\
\x20   #gzip  on;\n\
\n\
\x20   include /etc/nginx/conf.d/*.conf;\n\
}\n",
    ),
    File(
        "/etc/nginx/conf.d/default.conf",
        "\
server {\n\
\x20   listen       80;\n\
\x20   server_name  localhost;\n\
\n\
\x20   #access_log  /var/log/nginx/host.access.log  main;\n\
\n\
\x20   location / {\n\
\x20       root   /usr/share/nginx/html;\n\
\x20       index  index.html index.htm;\n\
\x20   }\n\
\n\
\x20   #error_page  404              /404.html;\n\
\n\
\x20   # redirect server error pages to the static page /50x.html\n\
\x20   #\n\
\x20   error_page   500 502 503 504  /50x.html;\n\
\x20   location = /50x.html {\n\
\x20       root   /usr/share/nginx/html;\n\
\x20   }\n\
\n\
\x20   # proxy the PHP scripts to Apache listening on 127.0.0.1:80\n\
\x20   #\n\
\x20   #location ~ \\.php$ {\n\
\x20   #    proxy_pass   http://127.0.0.1;\n\
\x20   #}\n\
\n\
\x20   # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000\n\
\x20   #\n\
\x20   #location ~ \\.php$ {\n\
\x20   #    root           html;\n\
\x20   #    fastcgi_pass   127.0.0.1:9000;\n\
\x20   #    fastcgi_index  index.php;\n\
\x20   #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;\n\
\x20   #    include        fastcgi_params;\n\
\x20   #}\n\
\n\
\x20   # deny access to .htaccess files, if Apache's document root\n\
\x20   # concurs with nginx's one\n\
\x20   #\n\
\x20   #location ~ /\\.ht {\n\
\x20   #    deny  all;\n\
\x20   #}\n\
}\n",
    ),
    Blob("/etc/nginx/fastcgi_params", 1_007),
    Blob("/etc/nginx/mime.types", 5_349),
    Blob("/etc/nginx/scgi_params", 636),
    Blob("/etc/nginx/uwsgi_params", 664),
    Link("/etc/nginx/modules", "../../usr/lib/nginx/modules"),
    Dir("/usr/lib/nginx"),
    Dir("/usr/lib/nginx/modules"),
    Dir("/usr/share/nginx"),
    Dir("/usr/share/nginx/html"),
    File(
        "/usr/share/nginx/html/index.html",
        "\
<!DOCTYPE html>\n\
<html>\n\
<head>\n\
<title>Welcome to nginx!</title>\n\
<style>\n\
html { color-scheme: light dark; }\n\
body { width: 35em; margin: 0 auto;\n\
font-family: Tahoma, Verdana, Arial, sans-serif; }\n\
</style>\n\
</head>\n\
<body>\n\
<h1>Welcome to nginx!</h1>\n\
<p>If you see this page, the nginx web server is successfully installed and\n\
working. Further configuration is required.</p>\n\
\n\
<p>For online documentation and support please refer to\n\
<a href=\"http://nginx.org/\">nginx.org</a>.<br/>\n\
Commercial support is available at\n\
<a href=\"http://nginx.com/\">nginx.com</a>.</p>\n\
\n\
<p><em>Thank you for using nginx.</em></p>\n\
</body>\n\
</html>\n",
    ),
    File(
        "/usr/share/nginx/html/50x.html",
        "\
<!DOCTYPE html>\n\
<html>\n\
<head>\n\
<title>Error</title>\n\
<style>\n\
html { color-scheme: light dark; }\n\
body { width: 35em; margin: 0 auto;\n\
font-family: Tahoma, Verdana, Arial, sans-serif; }\n\
</style>\n\
</head>\n\
<body>\n\
<h1>An error occurred.</h1>\n\
<p>Sorry, the page you are looking for is currently unavailable.<br/>\n\
Please try again later.</p>\n\
<p>If you are the system administrator of this resource then you should check\n\
the error log for details.</p>\n\
<p><em>Faithfully yours, nginx.</em></p>\n\
</body>\n\
</html>\n",
    ),
    Dir("/var/cache/nginx"),
    Dir("/var/log/nginx"),
    Link("/var/log/nginx/access.log", "/dev/stdout"),
    Link("/var/log/nginx/error.log", "/dev/stderr"),
    Dir("/docker-entrypoint.d"),
];
