single $x double $x "q" \back
--stderr--
--rc-- 0
