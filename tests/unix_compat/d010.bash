--stderr--
bash: line 1: 7 / 0 : division by 0 (error token is "0 ")
--rc-- 1
