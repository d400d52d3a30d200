--stderr--
sh: divide by zero
--rc-- 2
