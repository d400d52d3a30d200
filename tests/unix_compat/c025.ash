empty
nonempty
--stderr--
--rc-- 0
