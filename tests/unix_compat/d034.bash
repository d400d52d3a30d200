a	b
c
--stderr--
--rc-- 0
