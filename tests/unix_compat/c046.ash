0
sh
--stderr--
--rc-- 0
