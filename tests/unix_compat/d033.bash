3
rc=1
--stderr--
--rc-- 0
