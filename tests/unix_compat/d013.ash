--stderr--
sh: syntax error: unexpected end of file (expecting "done")
--rc-- 2
