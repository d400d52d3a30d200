127
--stderr--
--rc-- 0
