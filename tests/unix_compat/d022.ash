0
1
--stderr--
--rc-- 0
