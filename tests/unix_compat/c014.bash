p|q:r
--stderr--
--rc-- 0
