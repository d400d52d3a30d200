after
--stderr--
--rc-- 0
