stripped
--stderr--
--rc-- 0
