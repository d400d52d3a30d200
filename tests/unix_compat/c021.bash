24
--stderr--
--rc-- 0
