glob
--stderr--
--rc-- 0
