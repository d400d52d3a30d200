7
--stderr--
--rc-- 0
