it's
--stderr--
--rc-- 0
