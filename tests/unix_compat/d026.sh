:; echo $?; echo ${#@}
