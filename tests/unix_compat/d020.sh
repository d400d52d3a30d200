x=3; while [ $x -gt 0 ]; do x=$((x-1)); done; echo $x
