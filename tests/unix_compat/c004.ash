hello.tar hello tar.gz gz 12
--stderr--
--rc-- 0
