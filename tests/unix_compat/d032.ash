ok
--stderr--
--rc-- 0
