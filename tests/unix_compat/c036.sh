shift; echo $?
