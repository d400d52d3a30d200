--stderr--
bash: line 1: r: readonly variable
--rc-- 1
