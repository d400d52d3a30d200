x=5; x=$((x+=2)); echo $x
