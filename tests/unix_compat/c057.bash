a b
--stderr--
--rc-- 0
