xend
--stderr--
--rc-- 0
