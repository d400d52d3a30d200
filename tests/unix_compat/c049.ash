--stderr--
sh: x: unset var
--rc-- 2
