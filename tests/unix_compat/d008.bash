rc=2
--stderr--
bash: line 1: [: too many arguments
--rc-- 0
