2
a b c
a b c
[a]
[b]
[c]
--stderr--
--rc-- 0
