got a
--stderr--
--rc-- 0
