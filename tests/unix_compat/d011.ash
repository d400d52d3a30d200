--stderr--
sh: x: parameter not set or null
--rc-- 2
