in f: x 2
3
--stderr--
--rc-- 0
