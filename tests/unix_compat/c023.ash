007|ab   | 3.14
--stderr--
--rc-- 0
