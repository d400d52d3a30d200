waited 0
--stderr--
--rc-- 0
