--stderr--
sh: syntax error: unexpected ";"
--rc-- 2
