--stderr--
bash: line 1: return: can only `return' from a function or sourced script
--rc-- 2
