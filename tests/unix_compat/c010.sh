echo `echo back` $(echo dollar) "$(echo "inner quoted")"
