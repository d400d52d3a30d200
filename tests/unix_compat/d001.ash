A b
--stderr--
--rc-- 0
