a b
a
--stderr--
--rc-- 0
