caught
after
--stderr--
--rc-- 0
