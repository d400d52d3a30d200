--stderr--
sh: syntax error: unterminated quoted string
--rc-- 2
