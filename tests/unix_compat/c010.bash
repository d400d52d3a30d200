back dollar inner quoted
--stderr--
--rc-- 0
