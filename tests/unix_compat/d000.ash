hi
--stderr--
+ echo hi
+ x=1
--rc-- 0
