--stderr--
bash: -c: line 2: syntax error: unexpected end of file
--rc-- 2
