nomatch* /etc/passwd
--stderr--
--rc-- 0
