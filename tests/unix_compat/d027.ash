digit
empty
--stderr--
--rc-- 0
