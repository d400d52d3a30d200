2
--stderr--
--rc-- 0
