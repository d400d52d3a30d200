x=$(exit 7); echo $?
