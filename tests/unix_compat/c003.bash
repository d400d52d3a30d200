def def def set set
--stderr--
--rc-- 0
