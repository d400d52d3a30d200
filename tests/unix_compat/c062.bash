0
rc=1
--stderr--
bash: line 1: printf: abc: invalid number
--rc-- 0
