after
--stderr--
bash: line 1: break: only meaningful in a `for', `while', or `until' loop
--rc-- 0
