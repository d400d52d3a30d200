0
rc=1
--stderr--
sh: invalid number 'abc'
--rc-- 0
