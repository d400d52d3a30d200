$HOME `x` \ \a
--stderr--
--rc-- 0
