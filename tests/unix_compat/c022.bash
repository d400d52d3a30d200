a-b
c-d
--stderr--
--rc-- 0
