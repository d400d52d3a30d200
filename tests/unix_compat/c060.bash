b
--stderr--
--rc-- 0
