v=$(false); echo $?
