6
--stderr--
--rc-- 0
