1
3
end 4
--stderr--
--rc-- 0
