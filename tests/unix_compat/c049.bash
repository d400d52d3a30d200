--stderr--
bash: line 1: x: unset var
--rc-- 127
