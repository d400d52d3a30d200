a b a b
--stderr--
--rc-- 0
