x y
--stderr--
--rc-- 0
