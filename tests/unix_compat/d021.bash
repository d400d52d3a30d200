[]
--stderr--
--rc-- 0
