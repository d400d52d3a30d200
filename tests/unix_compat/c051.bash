8 31 16
--stderr--
--rc-- 0
