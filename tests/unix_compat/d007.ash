3
2
1
0
--stderr--
--rc-- 0
