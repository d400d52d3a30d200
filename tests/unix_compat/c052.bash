sub zero one
--stderr--
--rc-- 0
