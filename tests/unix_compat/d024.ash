rc=1
--stderr--
sh: can't open /nonexistent: no such file
--rc-- 0
