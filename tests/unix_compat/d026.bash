0
0
--stderr--
--rc-- 0
