unset
setempty
--stderr--
--rc-- 0
