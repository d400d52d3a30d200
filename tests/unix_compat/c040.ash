x
--stderr--
--rc-- 0
