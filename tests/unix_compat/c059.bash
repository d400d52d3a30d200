u0
u1
u2
--stderr--
--rc-- 0
