0
bash
--stderr--
--rc-- 0
