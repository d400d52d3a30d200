rc=1
--stderr--
sh: can't create /: Is a directory
--rc-- 0
