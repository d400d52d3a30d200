a
b
d
--stderr--
--rc-- 0
