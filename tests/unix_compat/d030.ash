1
--stderr--
sh: a+=2: not found
--rc-- 0
