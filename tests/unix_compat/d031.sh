echo $((a=5, a*2)) $a
