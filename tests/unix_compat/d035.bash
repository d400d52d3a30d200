a\tb\c
after
--stderr--
--rc-- 0
