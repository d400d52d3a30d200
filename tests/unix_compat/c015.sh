echo nomatch* /etc/pass?d
