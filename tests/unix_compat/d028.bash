bc ab bc abc
--stderr--
--rc-- 0
