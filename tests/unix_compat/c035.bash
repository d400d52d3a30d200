notin
--stderr--
--rc-- 0
