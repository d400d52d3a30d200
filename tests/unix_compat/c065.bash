a b x1y x2y x3y c b a abf acdf acef 1 4 7 10 {a} {} file01 file02 file03
--stderr--
--rc-- 0
