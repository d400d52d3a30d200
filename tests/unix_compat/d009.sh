[ ]; echo $?; [ x ]; echo $?; [ -n ]; echo $?
