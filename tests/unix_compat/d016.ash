--stderr--
sh: r: is read only
--rc-- 2
