--stderr--
sh: export: line 0: 1x: bad variable name
--rc-- 2
