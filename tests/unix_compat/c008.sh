f() { v=$1; echo "in f: $v $#"; return 3; }; f x y; echo $?
