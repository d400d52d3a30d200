one
--stderr--
--rc-- 0
