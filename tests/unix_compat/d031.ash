10 5
--stderr--
--rc-- 0
