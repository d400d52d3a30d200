7 9 1 -2 1 7
--stderr--
--rc-- 0
