rc=2
--stderr--
sh: b: unknown operand
--rc-- 0
