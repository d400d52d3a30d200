A
BC
BC
--stderr--
--rc-- 0
