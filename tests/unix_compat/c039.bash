3
b
--stderr--
--rc-- 0
