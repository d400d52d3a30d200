0022
--stderr--
--rc-- 0
