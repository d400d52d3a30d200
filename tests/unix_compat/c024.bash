no-newline
--stderr--
--rc-- 0
