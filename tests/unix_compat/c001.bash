1 2 3
1 2  3
--stderr--
--rc-- 0
