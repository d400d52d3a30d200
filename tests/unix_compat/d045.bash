nested default
--stderr--
--rc-- 0
