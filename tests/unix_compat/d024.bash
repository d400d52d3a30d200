rc=1
--stderr--
bash: line 1: /nonexistent: No such file or directory
--rc-- 0
