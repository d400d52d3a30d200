and
--stderr--
--rc-- 0
