c
--stderr--
a
b
--rc-- 0
