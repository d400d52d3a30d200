2
1
--stderr--
--rc-- 0
