n=1
n=2
n=3
--stderr--
--rc-- 0
