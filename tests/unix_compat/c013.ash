one|two three
--stderr--
--rc-- 0
