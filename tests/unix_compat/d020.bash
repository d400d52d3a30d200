0
--stderr--
--rc-- 0
