a=1; a+=2; echo $a
