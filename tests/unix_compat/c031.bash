body
trapped
--stderr--
--rc-- 0
