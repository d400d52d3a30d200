--stderr--
bash: line 1: x: parameter null or not set
--rc-- 127
