1
--stderr--
--rc-- 0
