$(nested)
--stderr--
--rc-- 0
