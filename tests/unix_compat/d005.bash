cd
/usr/bin/ls
cd is a shell builtin
--stderr--
--rc-- 0
