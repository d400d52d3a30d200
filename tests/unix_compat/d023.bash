rc=1
--stderr--
bash: line 1: /: Is a directory
--rc-- 0
