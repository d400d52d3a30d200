set
--stderr--
--rc-- 0
