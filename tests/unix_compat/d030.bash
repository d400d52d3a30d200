12
--stderr--
--rc-- 0
