after
--stderr--
bash: line 1: export: `1x=2': not a valid identifier
--rc-- 0
