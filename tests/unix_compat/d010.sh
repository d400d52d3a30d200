echo $(( 7 / 0 ))
