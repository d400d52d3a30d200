none
--stderr--
--rc-- 0
