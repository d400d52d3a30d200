/tmp
/tmp
--stderr--
--rc-- 0
