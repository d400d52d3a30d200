3
--stderr--
--rc-- 0
