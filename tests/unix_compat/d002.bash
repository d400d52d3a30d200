$HOME `x` \n
--stderr--
--rc-- 0
