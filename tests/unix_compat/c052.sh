sh -c 'echo sub $0 $1' zero one
